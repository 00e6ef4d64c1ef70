import type { RequestStatus } from './requests.ts';
import { requestStatuses } from './requests.ts';
import { requestStatusLabels } from './labels.ts';
import { formatCents } from './money.ts';
import type { RiskSignalKind } from './risk.ts';
import type { Language } from './language.ts';

const LOCALE: Record<Language, string> = { en: 'en-US', es: 'es-US' };

// Stored signals may predate a field (they are recomputed only when their request changes): read defensively and
// leave out the part of the sentence a missing figure would fill.
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const str = (v: unknown): string | null => (typeof v === 'string' && v ? v : null);

/** Whole dollars for a range people compare at a glance ($600, not $600.00); exact cents otherwise. */
function dollars(cents: number, language: Language): string {
  if (cents % 100 !== 0 && Math.abs(cents) < 100_000) return formatCents(cents, language);
  return new Intl.NumberFormat(LOCALE[language], {
    style: 'currency',
    currency: 'USD',
    maximumFractionDigits: 0,
  }).format(Math.round(cents / 100));
}

function day(iso: string, language: Language): string {
  return new Intl.DateTimeFormat(LOCALE[language], {
    dateStyle: 'long',
    timeZone: 'America/New_York',
  }).format(new Date(iso));
}

function statusWord(v: unknown, language: Language): string | null {
  return (requestStatuses as readonly string[]).includes(v as string)
    ? requestStatusLabels[v as RequestStatus].staff[language]
    : null;
}

/**
 * One sentence a non-statistician can act on, built from the signal's data, in the reader's language, e.g.
 * "The amount is far above what this program usually pays: $9,000 vs a typical $600–$1,400 …". The API stores the
 * English one as `explanation`; screens build it here in the reader's language.
 */
export function explainRiskSignal(
  signal: { kind: RiskSignalKind; data: Record<string, unknown> },
  language: Language,
): string {
  const d = signal.data;
  const es = language === 'es';
  switch (signal.kind) {
    case 'shared_bank_account': {
      const n = num(d.otherApplicants) ?? 1;
      const last4 = str(d.last4) ?? '····';
      return es
        ? `La cuenta bancaria terminada en ${last4} también es la cuenta de cobro de ${n === 1 ? 'otro solicitante' : `otros ${n} solicitantes`}. Compruebe que pertenece a este solicitante.`
        : `The bank account ending ${last4} is also the payee account of ${n} other applicant${n === 1 ? '' : 's'}. Check that this applicant owns it.`;
    }
    case 'amount_outlier': {
      const amount = num(d.amountCents);
      const low = num(d.typicalLowCents);
      const high = num(d.typicalHighCents);
      const median = num(d.medianCents);
      const sample = num(d.sample);
      const above = d.direction !== 'low' && (num(d.z) ?? 1) > 0;
      const lead = es
        ? `El importe está muy ${above ? 'por encima' : 'por debajo'} de lo que este programa suele pagar`
        : `The amount is far ${above ? 'above' : 'below'} what this program usually pays`;
      const asked = amount !== null ? dollars(amount, language) : null;
      if (low !== null && high !== null) {
        const range = `${dollars(low, language)}–${dollars(high, language)}`;
        const basis =
          sample !== null
            ? es
              ? ` (8 de cada 10 de sus últimas ${sample} solicitudes estuvieron en ese rango)`
              : ` (8 in 10 of its last ${sample} requests were in that range)`
            : '';
        const vs = asked ? (es ? `${asked} frente a ` : `${asked} vs `) : '';
        return es
          ? `${lead}: ${vs}un rango habitual de ${range}${basis}.`
          : `${lead}: ${vs}a typical ${range}${basis}.`;
      }
      const typical = median !== null ? dollars(median, language) : null;
      return es
        ? `${lead}${typical ? `: lo habitual es ${typical}` : ''}.`
        : `${lead}${typical ? `: the typical request is ${typical}` : ''}.`;
    }
    case 'high_velocity': {
      const n = num(d.count) ?? 3;
      const days = num(d.windowDays) ?? 7;
      if (d.by === 'bank_account') {
        const last4 = str(d.last4);
        return es
          ? `Se enviaron ${n} solicitudes con la ${last4 ? `cuenta bancaria terminada en ${last4}` : 'misma cuenta bancaria'} en los últimos ${days} días.`
          : `${n} requests were sent with the ${last4 ? `bank account ending ${last4}` : 'same bank account'} in the last ${days} days.`;
      }
      return es
        ? `Se enviaron ${n} solicitudes desde la misma dirección en los últimos ${days} días. Compruebe que son hogares distintos.`
        : `${n} requests were sent from the same home address in the last ${days} days. Check that they are different households.`;
    }
    case 'duplicate_request': {
      const listed = Array.isArray(d.requests)
        ? (d.requests as Array<{ reference?: unknown; status?: unknown }>)
            .map((r) => {
              const ref = str(r.reference);
              const status = statusWord(r.status, language);
              return ref ? (status ? `${ref} (${status})` : ref) : null;
            })
            .filter((x): x is string => x !== null)
        : Array.isArray(d.references)
          ? (d.references as unknown[]).map(str).filter((x): x is string => x !== null)
          : [];
      const n = Math.max(listed.length, 1);
      const which = listed.length ? `: ${listed.join('; ')}` : '';
      return es
        ? `El mismo solicitante tiene ${n === 1 ? 'otra solicitud' : `otras ${n} solicitudes`} a este programa${which}. Compruebe que no se pide dos veces lo mismo.`
        : `The same applicant has ${n === 1 ? 'another request' : `${n} other requests`} to this program${which}. Check that the same thing is not being paid twice.`;
    }
    case 'bank_account_changed': {
      const last4 = str(d.last4) ?? '····';
      const before = str(d.previousLast4);
      const at = str(d.changedAt);
      const when = at ? day(at, language) : null;
      return es
        ? `La cuenta bancaria del solicitante cambió: esta solicitud paga a la cuenta terminada en ${last4}${before ? `, pero antes usó la terminada en ${before}` : ''}${when ? ` (cuenta nueva indicada el ${when})` : ''}. Confirme el cambio con el solicitante por un medio de contacto que ya conozca.`
        : `The applicant's bank account changed: this request pays the account ending ${last4}${before ? `, but they used the one ending ${before} before` : ''}${when ? ` (new account first given on ${when})` : ''}. Confirm the change with the applicant through a contact you already know.`;
    }
  }
}
