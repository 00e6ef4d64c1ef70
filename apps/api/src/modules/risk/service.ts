import { createHmac } from 'node:crypto';
import type { Transaction } from 'kysely';
import {
  maxRiskLevel,
  OUTLIER_Z,
  robustZ,
  type RiskLevel,
  type RiskSignalKind,
} from '@hms/contracts/risk';
import { formatCents } from '@hms/contracts/money';
import type { Database } from '../../platform/db/schema.ts';
import { fieldKey, openField } from '../../platform/field-crypto.ts';
import { recordRequestEvent } from '../../platform/request-events.ts';
import * as repo from './repo.ts';

/** Window for "many requests from the same account or address". */
export const VELOCITY_WINDOW_DAYS = 7;
export const VELOCITY_MIN_REQUESTS = 3;
/** An account first given this recently before payment is a "changed shortly before payment" signal. */
export const ACCOUNT_CHANGE_WINDOW_DAYS = 14;
/** Fewer past requests than this and the outlier test says nothing (a median of three is not a distribution). */
export const OUTLIER_MIN_SAMPLE = 20;

const DAY = 86_400_000;

export interface ComputedSignal {
  kind: RiskSignalKind;
  level: 'low' | 'medium' | 'high';
  explanation: string;
  data: Record<string, unknown>;
}

/**
 * Keyed HMAC-SHA256 of routing + account number, stored on payee_accounts.fingerprint. Equal accounts get equal
 * fingerprints, but without the key nobody can test a guessed account number against the table. The HMAC key is
 * derived from the field-encryption key, so there is no second secret to manage.
 */
export function accountFingerprint(
  encryptionKey: Buffer,
  routingNumber: string,
  accountNumber: string,
): string {
  const macKey = createHmac('sha256', encryptionKey).update('hms/payee-fingerprint/v1').digest();
  return createHmac('sha256', macKey)
    .update(`${routingNumber}:${accountNumber.replace(/\D/g, '')}`)
    .digest('hex');
}

/** The normalised address answer of a request (first answer whose id mentions "address"), or null. */
export function addressOf(answers: Record<string, unknown>): { key: string; value: string } | null {
  for (const [key, v] of Object.entries(answers)) {
    if (!/address/i.test(key) || typeof v !== 'string') continue;
    const value = v
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, ' ')
      .trim();
    if (value) return { key, value };
  }
  return null;
}

export interface RiskOptions {
  /** Lets a missing fingerprint be filled in (decrypting the account once, inside the transaction). */
  encryptionKey?: Buffer | undefined;
  now?: Date;
  /** Internal: stop after this request (no recomputation of requests that share its account). */
  noCascade?: boolean;
  actorId?: string | null;
}

/**
 * Computes every risk signal of one request on the server and stores them (replacing the previous ones) with the
 * request's overall level, inside the caller's transaction. Call it at submission (intake) and whenever the data
 * behind a signal changes (a new bank account, an answer). Requests sharing the same bank account are recomputed
 * too, since their "shared account" signal depends on this one. Records a `risk_updated` event (staff only) when the
 * level changes, so open inboxes refresh.
 */
export async function computeRiskSignals(
  trx: Transaction<Database>,
  requestId: string,
  opts: RiskOptions = {},
): Promise<{ level: RiskLevel; signals: ComputedSignal[] }> {
  const now = opts.now ?? new Date();
  const r = await repo.requestForRisk(trx, requestId);
  if (!r) throw new Error(`computeRiskSignals: no request ${requestId}`);
  const signals: ComputedSignal[] = [];
  const at = r.submitted_at ? new Date(r.submitted_at) : now;

  let fingerprint = r.fingerprint;
  if (
    !fingerprint &&
    r.payee_account_id &&
    r.account_number_enc &&
    r.routing_number &&
    opts.encryptionKey
  ) {
    try {
      const account = openField(r.account_number_enc, [fieldKey(opts.encryptionKey)]);
      fingerprint = accountFingerprint(opts.encryptionKey, r.routing_number, account);
      await repo.setFingerprint(trx, r.payee_account_id, fingerprint);
    } catch {
      // Sealed under a key that is not available here: the account signals wait for the next computation.
    }
  }

  if (fingerprint) {
    const others = await repo.otherApplicantsWithFingerprint(trx, fingerprint, r.applicant_id);
    if (others > 0) {
      signals.push({
        kind: 'shared_bank_account',
        level: 'high',
        explanation: `The bank account ending ${r.account_last4} is also the payee account of ${others} other applicant${others === 1 ? '' : 's'}. Check that the applicant owns it.`,
        data: { otherApplicants: others, last4: r.account_last4 },
      });
    }
    const since = new Date(at.getTime() - VELOCITY_WINDOW_DAYS * DAY);
    const n = await repo.requestsWithFingerprintSince(trx, fingerprint, since);
    if (n >= VELOCITY_MIN_REQUESTS) {
      signals.push({
        kind: 'high_velocity',
        level: 'medium',
        explanation: `${n} requests were submitted with the bank account ending ${r.account_last4} in the last ${VELOCITY_WINDOW_DAYS} days.`,
        data: { by: 'bank_account', count: n, windowDays: VELOCITY_WINDOW_DAYS },
      });
    }
  }

  const address = addressOf(r.answers);
  if (address && !signals.some((s) => s.kind === 'high_velocity')) {
    const since = new Date(at.getTime() - VELOCITY_WINDOW_DAYS * DAY);
    const n = await repo.requestsWithAddressSince(trx, address.key, address.value, since);
    if (n >= VELOCITY_MIN_REQUESTS) {
      signals.push({
        kind: 'high_velocity',
        level: 'medium',
        explanation: `${n} requests were submitted from the same address in the last ${VELOCITY_WINDOW_DAYS} days.`,
        data: { by: 'address', count: n, windowDays: VELOCITY_WINDOW_DAYS },
      });
    }
  }

  const stats = await repo.programAmountStats(trx, r.program_id, r.id);
  if (stats.n >= OUTLIER_MIN_SAMPLE && stats.median !== null && stats.mad !== null) {
    const z = robustZ(r.amount_requested_cents, stats.median, stats.mad);
    if (z !== null && Math.abs(z) > OUTLIER_Z) {
      signals.push({
        kind: 'amount_outlier',
        level: 'medium',
        explanation: `The amount requested (${formatCents(r.amount_requested_cents, 'en')}) is unusually ${z > 0 ? 'high' : 'low'} for this program: the typical request is ${formatCents(Math.round(stats.median), 'en')} (robust z-score ${z.toFixed(1)}, flagged above ${OUTLIER_Z}).`,
        data: {
          z: Number(z.toFixed(2)),
          medianCents: Math.round(stats.median),
          madCents: Math.round(stats.mad),
          sample: stats.n,
        },
      });
    }
  }

  const dups = await repo.duplicatesOf(trx, r.applicant_id, r.program_id, r.id);
  if (dups.length > 0) {
    signals.push({
      kind: 'duplicate_request',
      level: 'medium',
      explanation: `The same applicant has ${dups.length === 1 ? 'another request' : `${dups.length} other requests`} to this program (${dups.map((d) => `${d.reference}, ${d.status}`).join('; ')}).`,
      data: { references: dups.map((d) => d.reference) },
    });
  }

  if (r.payee_account_id && r.account_created_at) {
    const created = new Date(r.account_created_at);
    const recent = now.getTime() - created.getTime() < ACCOUNT_CHANGE_WINDOW_DAYS * DAY;
    const older = recent
      ? await repo.olderAccountsOf(trx, r.applicant_id, created, r.payee_account_id)
      : 0;
    const updated = await repo.lastAccountUpdateEvent(trx, r.id);
    const updatedRecently =
      updated &&
      now.getTime() - new Date(updated.created_at).getTime() < ACCOUNT_CHANGE_WINDOW_DAYS * DAY;
    if ((recent && older > 0) || updatedRecently) {
      signals.push({
        kind: 'bank_account_changed',
        level: 'high',
        explanation: `The payee bank account was changed to the one ending ${r.account_last4} on ${created.toISOString().slice(0, 10)}, within ${ACCOUNT_CHANGE_WINDOW_DAYS} days before payment. Confirm the change with the applicant through a known contact.`,
        data: { last4: r.account_last4, changedAt: created.toISOString() },
      });
    }
  }

  const level = maxRiskLevel(signals.map((s) => s.level));
  await repo.replaceSignals(trx, r.id, signals, level, now);
  if (level !== r.risk_level && r.status !== 'draft') {
    await recordRequestEvent(trx, {
      requestId: r.id,
      type: 'risk_updated',
      actor: opts.actorId ? { id: opts.actorId, kind: 'user' } : { id: null, kind: 'system' },
      data: { from: r.risk_level, to: level, kinds: signals.map((s) => s.kind) },
      visibleToApplicant: false,
    });
  }

  if (fingerprint && !opts.noCascade) {
    for (const other of await repo.openRequestsSharingFingerprint(trx, fingerprint, r.id)) {
      await computeRiskSignals(trx, other, { ...opts, now, noCascade: true });
    }
  }
  return { level, signals };
}
