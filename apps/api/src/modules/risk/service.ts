import { createHmac } from 'node:crypto';
import type { Transaction } from 'kysely';
import {
  maxRiskLevel,
  OUTLIER_Z,
  robustZ,
  type RiskLevel,
  type RiskSignalData,
  type RiskSignalKind,
} from '@hms/contracts/risk';
import { explainRiskSignal } from '@hms/contracts/risk-explanation';
import type { Database, Queryable } from '../../platform/db/schema.ts';
import { fieldKey, openField } from '../../platform/field-crypto.ts';
import { recordRequestEvent } from '../notifications/service.ts';
// A cycle with applications (which computes risk at submit) that only meets at call time, never at load.
import * as requests from '../applications/service.ts';
import * as readModels from '../read-models/service.ts';
import * as repo from './repo.ts';

/** Window for "many requests from the same account or address". */
export const VELOCITY_WINDOW_DAYS = 7;
export const VELOCITY_MIN_REQUESTS = 3;
/** A different account first given this recently (before payment) is a "changed shortly before payment" signal. */
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

/** A signal whose data has the figures its kind needs; the stored explanation is the shared English sentence. */
function signal<K extends RiskSignalKind>(
  kind: K,
  level: ComputedSignal['level'],
  data: RiskSignalData[K],
): ComputedSignal {
  const d = data as Record<string, unknown>;
  return { kind, level, data: d, explanation: explainRiskSignal({ kind, data: d }, 'en') };
}

/**
 * Keyed HMAC-SHA256 of routing + account number, stored on payee_accounts.fingerprint. Equal accounts get equal
 * fingerprints, but without the key nobody can test a guessed account number against the table. The HMAC key is
 * derived from the field-encryption key, so there is no second secret to manage.
 */
/** The risk signals stored for a request (for the reviewer's screen). */
export function signalsOfRequest(db: Queryable, requestId: string) {
  return repo.signalsOf(db, requestId);
}

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
  const r = await readModels.requestForRisk(trx, requestId);
  if (!r) throw new Error(`computeRiskSignals: no request ${requestId}`);
  const signals: ComputedSignal[] = [];
  const at = r.submitted_at ? new Date(r.submitted_at) : now;

  const fingerprint = r.payee_account_id
    ? await fingerprintOf(trx, { ...r, id: r.payee_account_id }, opts.encryptionKey)
    : null;

  if (fingerprint) {
    const others = await readModels.otherApplicantsWithFingerprint(
      trx,
      fingerprint,
      r.applicant_id,
    );
    if (others > 0) {
      signals.push(
        signal('shared_bank_account', 'high', {
          otherApplicants: others,
          last4: r.account_last4 ?? '',
        }),
      );
    }
    const since = new Date(at.getTime() - VELOCITY_WINDOW_DAYS * DAY);
    const n = await readModels.requestsWithFingerprintSince(trx, fingerprint, since);
    if (n >= VELOCITY_MIN_REQUESTS) {
      signals.push(
        signal('high_velocity', 'medium', {
          by: 'bank_account',
          count: n,
          windowDays: VELOCITY_WINDOW_DAYS,
          last4: r.account_last4 ?? '',
        }),
      );
    }
  }

  const address = addressOf(r.answers);
  if (address && !signals.some((s) => s.kind === 'high_velocity')) {
    const since = new Date(at.getTime() - VELOCITY_WINDOW_DAYS * DAY);
    const n = await readModels.requestsWithAddressSince(trx, address.key, address.value, since);
    if (n >= VELOCITY_MIN_REQUESTS) {
      signals.push(
        signal('high_velocity', 'medium', {
          by: 'address',
          count: n,
          windowDays: VELOCITY_WINDOW_DAYS,
        }),
      );
    }
  }

  const stats = await readModels.programAmountStats(trx, r.program_id, r.id);
  if (stats.n >= OUTLIER_MIN_SAMPLE && stats.median !== null && stats.mad !== null) {
    const z = robustZ(r.amount_requested_cents, stats.median, stats.mad);
    if (z !== null && Math.abs(z) > OUTLIER_Z) {
      signals.push(
        signal('amount_outlier', 'medium', {
          amountCents: r.amount_requested_cents,
          direction: z > 0 ? 'high' : 'low',
          medianCents: Math.round(stats.median),
          typicalLowCents: Math.round(stats.p10 ?? stats.median),
          typicalHighCents: Math.round(stats.p90 ?? stats.median),
          sample: stats.n,
          z: Number(z.toFixed(2)),
        }),
      );
    }
  }

  const dups = await readModels.duplicatesOf(trx, r.applicant_id, r.program_id, r.id);
  if (dups.length > 0) {
    signals.push(
      signal('duplicate_request', 'medium', {
        references: dups.map((d) => d.reference),
        requests: dups.map((d) => ({ reference: d.reference, status: d.status })),
      }),
    );
  }

  // "Changed" means a different account (by fingerprint) from the one this person used last, first given recently.
  // Counting payee-account rows would flag every returning applicant: each draft writes a row, same account or not.
  if (r.payee_account_id && fingerprint) {
    const previous = await readModels.previousAccountOf(trx, {
      applicantId: r.applicant_id,
      requestId: r.id,
      accountId: r.payee_account_id,
      before: at,
    });
    const previousFingerprint = previous
      ? await fingerprintOf(trx, previous, opts.encryptionKey)
      : null;
    if (previous && previousFingerprint && previousFingerprint !== fingerprint) {
      const given = (await readModels.firstGivenAt(trx, r.applicant_id, fingerprint)) ?? at;
      if (now.getTime() - given.getTime() < ACCOUNT_CHANGE_WINDOW_DAYS * DAY) {
        signals.push(
          signal('bank_account_changed', 'high', {
            last4: r.account_last4 ?? '',
            previousLast4: previous.account_last4,
            changedAt: given.toISOString(),
          }),
        );
      }
    }
  }

  const level = maxRiskLevel(signals.map((s) => s.level));
  await repo.replaceSignals(trx, r.id, signals, now);
  await requests.setRiskLevel(trx, r.id, level, now);
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
    for (const other of await readModels.openRequestsSharingFingerprint(trx, fingerprint, r.id)) {
      await computeRiskSignals(trx, other, { ...opts, now, noCascade: true });
    }
  }
  return { level, signals };
}

/**
 * The account's fingerprint, computed (and stored) from the sealed number when the row has none yet, e.g. rows written
 * before fingerprints existed. Null when the key that sealed it is not available here.
 */
async function fingerprintOf(
  trx: Transaction<Database>,
  account: {
    id: string;
    fingerprint: string | null;
    account_number_enc: string | null;
    routing_number: string | null;
  },
  encryptionKey: Buffer | undefined,
): Promise<string | null> {
  if (account.fingerprint) return account.fingerprint;
  if (!account.account_number_enc || !account.routing_number || !encryptionKey) return null;
  try {
    const number = openField(account.account_number_enc, [fieldKey(encryptionKey)]);
    const fingerprint = accountFingerprint(encryptionKey, account.routing_number, number);
    await requests.setPayeeFingerprint(trx, account.id, fingerprint);
    return fingerprint;
  } catch {
    // Sealed under a key that is not available here: the account signals wait for the next computation.
    return null;
  }
}

/** Practice space: clearing the practice data deletes the signals of practice requests (practice module). */
export const deleteSignalsOfRequests = repo.deleteSignalsOfRequests;
