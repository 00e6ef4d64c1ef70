import type { Kysely, Transaction } from 'kysely';
import type { PaymentsQuery, PaymentsResponse } from '@hms/contracts/payments';
import type { Config } from '../../platform/config.ts';
import type { Database, Queryable } from '../../platform/db/schema.ts';
import { badRequest } from '../../platform/errors.ts';
import { appendAudit } from '../../platform/audit.ts';
import { uuidv7 } from '../../platform/db/ids.ts';
import { emitEvent } from '../../platform/outbox.ts';
import * as imports from '../imports/service.ts';
import * as repo from './repo.ts';
import { toPaymentItem } from './repo.ts';

type Trx = Transaction<Database>;

export { toPaymentItem };
export type { PaymentRow } from './repo.ts';
// The payments' state changes other modules make in their own transaction (batches, returns, a new account).
export {
  latestPaymentOfRequest,
  latestReturned,
  lockPayments,
  markInBatch,
  markReleased,
  markReturned,
  markSettled,
  prenotesInFlight,
  unbatch,
} from './repo.ts';

/**
 * Announces a change of a payment (outbox event payment.<change>). Every payment event names the payment, its request
 * and, when known, the request's reference first, then what is particular to the change.
 */
export function announcePayment(
  trx: Trx,
  change: 'created' | 'settled' | 'returned',
  payment: { id: string; requestId: string; reference?: string },
  details: Record<string, unknown>,
  at?: Date,
): Promise<string> {
  return emitEvent(
    trx,
    `payment.${change}`,
    { type: 'payment', id: payment.id },
    {
      paymentId: payment.id,
      requestId: payment.requestId,
      ...(payment.reference === undefined ? {} : { reference: payment.reference }),
      ...details,
    },
    undefined,
    at,
  );
}

/**
 * The payment of a final approval, created once: a retry finds the live one and announces nothing. A new payment is
 * announced (payment.created) and audited; `at` dates it in the past (the demo seed's history).
 */
export async function createApprovedPayment(
  trx: Trx,
  p: { requestId: string; reference: string; payeeAccountId: string; amountCents: number },
  /** The person who approved, or `{ id: null }` when a decision rule did (audited as the system). */
  actor: { id: string | null; ip?: string | null | undefined },
  at?: Date,
): Promise<string> {
  const payment = await repo.createPaymentOnce(
    trx,
    p.requestId,
    p.payeeAccountId,
    p.amountCents,
    at,
  );
  if (!payment.created) return payment.id;
  await announcePayment(
    trx,
    'created',
    { id: payment.id, requestId: p.requestId, reference: p.reference },
    { amountCents: p.amountCents, payeeAccountId: p.payeeAccountId },
    at,
  );
  await appendAudit(trx, {
    actorId: actor.id,
    actorKind: actor.id ? 'user' : 'system',
    action: 'payment.create',
    entityType: 'payment',
    entityId: payment.id,
    data: { requestId: p.requestId, reference: p.reference, amountCents: p.amountCents },
    ip: actor.ip ?? null,
    at,
  });
  return payment.id;
}

/** The payment that replaces a returned one, to the citizen's new account; announced as payment.created. */
export async function createReplacementPayment(
  trx: Trx,
  p: { requestId: string; payeeAccountId: string; amountCents: number; replacesId: string },
): Promise<string> {
  const paymentId = await repo.insertReplacement(trx, p);
  await announcePayment(
    trx,
    'created',
    { id: paymentId, requestId: p.requestId },
    { amountCents: p.amountCents, replacesPaymentId: p.replacesId },
  );
  return paymentId;
}

/** Prenotes whose waiting period has passed become payable (run in the caller's transaction before building). */
export const promoteMaturedPrenotes = (db: Queryable, today: string) =>
  repo.promoteMaturedPrenotes(db, today);
export const paymentsByIds = (db: Queryable, ids: readonly string[]) => repo.paymentsByIds(db, ids);
export const paymentEntriesOfBatch = (db: Queryable, batchId: string) =>
  repo.paymentEntriesOfBatch(db, batchId);
export const releasedPaymentsOfBatch = (db: Queryable, batchId: string) =>
  repo.releasedPaymentsOfBatch(db, batchId);

const CURSOR = /^[0-9a-f-]{36}$/;

export async function listPayments(
  db: Kysely<Database>,
  config: Config,
  q: PaymentsQuery & { limit: number },
): Promise<PaymentsResponse> {
  if (q.createdFrom && q.createdTo && q.createdFrom > q.createdTo) {
    throw badRequest('validation.date_range_reversed', 'The date range is reversed.', [
      { field: 'query.createdTo', message: 'createdTo must be on or after createdFrom.' },
    ]);
  }
  let after: string | null = null;
  if (q.cursor) {
    after = Buffer.from(q.cursor, 'base64url').toString('utf8');
    if (!CURSOR.test(after))
      throw badRequest('validation.cursor_invalid', 'The cursor is not valid.', [
        {
          field: 'query.cursor',
          message: 'Use nextCursor from the previous page exactly, or leave it out.',
        },
      ]);
  }
  const { rows, count, cents } = await repo.paymentPage(db, q, config.timezone, after);
  const page = rows.slice(0, q.limit);
  const origins = await imports.requestOrigins(
    db,
    page.map((r) => r.request_id),
  );
  const items = page.map((r) => toPaymentItem(r, origins));
  return {
    items,
    nextCursor:
      rows.length > q.limit ? Buffer.from(items[items.length - 1]!.id).toString('base64url') : null,
    totalCents: cents,
    totalCount: count,
  };
}

/** Decision rules' inputs (issue 14): whether the account is proven by a prenote or payment, and returns so far. */
export const accountPrenoteState = (db: Queryable, payeeAccountId: string) =>
  repo.accountPrenoteState(db, payeeAccountId);
export const returnedPaymentsOfApplicant = (db: Queryable, applicantId: string) =>
  repo.returnedPaymentsOfApplicant(db, applicantId);

/** Practice space: clearing the practice data deletes the payments of practice requests (practice module). */
export const deletePaymentsOfRequests = repo.deleteOfRequests;

// ---- Imports (issue 12): the payment a request brought in from an agency's old system has, written as it stands.

export const livePaymentsOf = (db: Queryable, requestIds: readonly string[]) =>
  repo.livePaymentsOf(db, requestIds);

/**
 * What an imported request's payment should be: `pending` (approved: finance batches it like any other), `settled`
 * at `at` (paid in the old system: history the finance figures count), or none. Written as given, without the
 * payment.created announcement or a per-payment audit entry: nothing happened now, and the import run is audited once.
 */
export interface ImportedPayment {
  requestId: string;
  payeeAccountId: string;
  amountCents: number;
  state: 'pending' | 'settled' | null;
  at: Date;
}

/** New imported requests' payments. */
export async function insertImportedPayments(
  trx: Trx,
  payments: readonly ImportedPayment[],
): Promise<void> {
  await repo.insertPayments(
    trx,
    payments.flatMap((p) =>
      p.state
        ? [
            {
              id: uuidv7(p.at.getTime()),
              request_id: p.requestId,
              payee_account_id: p.payeeAccountId,
              amount_cents: p.amountCents,
              status: p.state,
              settled_at: p.state === 'settled' ? p.at : null,
              created_at: p.at,
              updated_at: p.at,
            },
          ]
        : [],
    ),
  );
}

/**
 * An updated imported request's payment: its pending payment follows the row (new amount or account, settled,
 * cancelled when the request no longer pays), or one is created. The caller refuses rows whose payment already
 * left (batched, released) or was settled with another amount; a settled payment is left as it is.
 */
export async function reconcileImportedPayment(
  trx: Trx,
  p: ImportedPayment,
  live: { id: string; status: string } | undefined,
): Promise<void> {
  if (!live) {
    await insertImportedPayments(trx, [p]);
    return;
  }
  if (live.status !== 'pending') return;
  await repo.updatePendingPayment(trx, live.id, {
    payee_account_id: p.payeeAccountId,
    amount_cents: p.amountCents,
    status: p.state ?? 'cancelled',
    settled_at: p.state === 'settled' ? p.at : null,
    updated_at: new Date(),
  });
}
