import { describe, expect, it } from 'vitest';
import { accountTypes } from './applications.ts';
import { auditActions } from './audit.ts';
import { batchStatuses } from './batches.ts';
import {
  accountTypeLabels,
  auditActionLabels,
  batchStatusLabels,
  nocStatusLabels,
  payeeVerificationLabels,
  paymentStatusLabels,
  requestStatusLabels,
  riskLevelLabels,
  riskSignalLabels,
  type Label,
} from './labels.ts';
import { requestStatuses } from './requests.ts';
import { requestEventLabels } from './request-event-labels.ts';
import { paymentStatuses } from './payments.ts';
import { requestEventTypes } from './request-events.ts';
import { nocStatuses } from './returns.ts';
import { payeeVerificationStates } from './review.ts';
import { riskLevels, riskSignalKinds } from './risk.ts';
import { explainRiskSignal } from './risk-explanation.ts';

// The Record types already make a missing key a compile error; this also catches empty strings, codes copied in as
// labels, and Spanish left in English, and runs over the enums' runtime values.
const catalogs: Array<[string, readonly string[], (code: string) => Label[]]> = [
  ['request status', requestStatuses, (c) => Object.values(requestStatusLabels[c as never])],
  ['request event', requestEventTypes, (c) => Object.values(requestEventLabels[c as never])],
  ['audit action', auditActions, (c) => [auditActionLabels[c as never]]],
  ['payment status', paymentStatuses, (c) => [paymentStatusLabels[c as never]]],
  ['batch status', batchStatuses, (c) => [batchStatusLabels[c as never]]],
  ['bank correction status', nocStatuses, (c) => [nocStatusLabels[c as never]]],
  ['verification state', payeeVerificationStates, (c) => [payeeVerificationLabels[c as never]]],
  ['account type', accountTypes, (c) => [accountTypeLabels[c as never]]],
  ['risk level', riskLevels, (c) => [riskLevelLabels[c as never]]],
  ['risk signal', riskSignalKinds, (c) => [riskSignalLabels[c as never]]],
];

describe('plain-language labels', () => {
  for (const [name, codes, labelsOf] of catalogs) {
    it(`every ${name} has a plain English and Spanish label`, () => {
      for (const code of codes) {
        const labels = labelsOf(code);
        expect(labels.length, `${name} ${code} has no label`).toBeGreaterThan(0);
        for (const l of labels) {
          expect(l, `${name} ${code}`).toBeDefined();
          for (const lang of ['en', 'es'] as const) {
            const text = l[lang];
            expect(
              typeof text === 'string' && text.trim().length > 0,
              `${name} ${code} ${lang}`,
            ).toBe(true);
            // A code is not a label: no snake_case, no dotted action names.
            expect(text, `${name} ${code} ${lang}`).not.toMatch(/_|\w\.\w/);
          }
          expect(l.es, `${name} ${code}: Spanish is still English`).not.toBe(l.en);
        }
      }
    });
  }
});

describe('risk explanations', () => {
  const samples: Array<{ kind: (typeof riskSignalKinds)[number]; data: Record<string, unknown> }> =
    [
      { kind: 'shared_bank_account', data: { otherApplicants: 2, last4: '6789' } },
      {
        kind: 'amount_outlier',
        data: {
          amountCents: 900_000,
          direction: 'high',
          medianCents: 100_000,
          typicalLowCents: 60_000,
          typicalHighCents: 140_000,
          sample: 250,
          z: 11.5,
        },
      },
      { kind: 'high_velocity', data: { by: 'address', count: 4, windowDays: 7 } },
      {
        kind: 'duplicate_request',
        data: {
          references: ['HMS-AAAA-0001-0'],
          requests: [{ reference: 'HMS-AAAA-0001-0', status: 'in_review' }],
        },
      },
      {
        kind: 'bank_account_changed',
        data: { last4: '0002', previousLast4: '0001', changedAt: '2026-11-20T15:00:00Z' },
      },
    ];

  it('every signal kind is explained in both languages from its data, with no statistics jargon', () => {
    expect(samples.map((s) => s.kind).sort()).toEqual([...riskSignalKinds].sort());
    for (const s of samples) {
      for (const lang of ['en', 'es'] as const) {
        const text = explainRiskSignal(s, lang);
        expect(text.length).toBeGreaterThan(30);
        expect(text).not.toMatch(/z-score|robust|MAD|_|\bin_review\b/i);
      }
      expect(explainRiskSignal(s, 'es')).not.toBe(explainRiskSignal(s, 'en'));
    }
  });

  it('an outlier compares the amount with the typical range, in dollars', () => {
    expect(explainRiskSignal(samples[1]!, 'en')).toBe(
      'The amount is far above what this program usually pays: $9,000 vs a typical $600–$1,400 (8 in 10 of its last 250 requests were in that range).',
    );
    expect(explainRiskSignal(samples[1]!, 'es')).toBe(
      'El importe está muy por encima de lo que este programa suele pagar: $9,000 frente a un rango habitual de $600–$1,400 (8 de cada 10 de sus últimas 250 solicitudes estuvieron en ese rango).',
    );
  });

  it('names statuses and dates in words, and survives data stored before a field existed', () => {
    expect(explainRiskSignal(samples[3]!, 'es')).toContain('HMS-AAAA-0001-0 (En revisión)');
    expect(explainRiskSignal(samples[4]!, 'en')).toContain('November 20, 2026');
    expect(explainRiskSignal(samples[4]!, 'es')).toContain('20 de noviembre de 2026');
    expect(
      explainRiskSignal({ kind: 'amount_outlier', data: { z: 11.5, medianCents: 100_000 } }, 'en'),
    ).toBe(
      'The amount is far above what this program usually pays: the typical request is $1,000.',
    );
  });
});
