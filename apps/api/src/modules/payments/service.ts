import type { Kysely, Transaction } from 'kysely';
import { toZonedDate } from '@hms/contracts/business-days';
import type { PaymentsQuery, PaymentsResponse } from '@hms/contracts/payments';
import type { Config } from '../../platform/config.ts';
import type { Database } from '../../platform/db/schema.ts';
import { badRequest } from '../../platform/errors.ts';
import * as repo from './repo.ts';
import { paymentRows, toPaymentItem } from './repo.ts';

type Db = Kysely<Database> | Transaction<Database>;

export { toPaymentItem };
export type { PaymentRow } from './repo.ts';

/** Prenotes whose waiting period has passed become payable (run in the caller's transaction before building). */
export const promoteMaturedPrenotes = (db: Db, today: string) =>
  repo.promoteMaturedPrenotes(db, today);
export const paymentsByIds = (db: Db, ids: readonly string[]) => repo.paymentsByIds(db, ids);
export const paymentEntriesOfBatch = (db: Db, batchId: string) =>
  repo.paymentEntriesOfBatch(db, batchId);
export const releasedPaymentsOfBatch = (db: Db, batchId: string) =>
  repo.releasedPaymentsOfBatch(db, batchId);

const CURSOR = /^[0-9a-f-]{36}$/;

export async function listPayments(
  db: Kysely<Database>,
  config: Config,
  q: PaymentsQuery & { limit: number },
): Promise<PaymentsResponse> {
  await repo.promoteMaturedPrenotes(db, toZonedDate(new Date(), config.timezone));
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
  // Dates are days in the agency's zone; compare on the local day of created_at.
  const tz = config.timezone;
  let base = paymentRows(db);
  if (q.status) base = base.where('p.status', '=', q.status);
  if (q.programId) base = base.where('r.program_id', '=', q.programId);
  if (q.createdFrom)
    base = base.where((eb) =>
      eb(
        eb.fn('to_char', [eb.fn('timezone', [eb.val(tz), 'p.created_at']), eb.val('YYYY-MM-DD')]),
        '>=',
        q.createdFrom!,
      ),
    );
  if (q.createdTo)
    base = base.where((eb) =>
      eb(
        eb.fn('to_char', [eb.fn('timezone', [eb.val(tz), 'p.created_at']), eb.val('YYYY-MM-DD')]),
        '<=',
        q.createdTo!,
      ),
    );
  const totals = await base
    .clearSelect()
    .select((eb) => [
      eb.fn.countAll<number>().as('n'),
      eb.fn.coalesce(eb.fn.sum<number>('p.amount_cents'), eb.val(0)).as('cents'),
    ])
    .executeTakeFirstOrThrow();
  let page = base.orderBy('p.id').limit(q.limit + 1);
  if (after) page = page.where('p.id', '>', after);
  const rows = await page.execute();
  const items = rows.slice(0, q.limit).map(toPaymentItem);
  return {
    items,
    nextCursor:
      rows.length > q.limit ? Buffer.from(items[items.length - 1]!.id).toString('base64url') : null,
    totalCents: Number(totals.cents),
    totalCount: Number(totals.n),
  };
}
