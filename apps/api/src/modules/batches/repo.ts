import { sql, type Insertable, type Transaction, type Updateable } from 'kysely';
import type { BatchSummary } from '@hms/contracts/batches';
import type { BatchStatus, Database, Queryable } from '../../platform/db/schema.ts';
import { keysetPage } from '../../platform/pagination.ts';
import { uuidv7 } from '../../platform/db/ids.ts';
import { iso } from '../../platform/response-fields.ts';

function batchRows(db: Queryable) {
  return db
    .selectFrom('ach_batches as b')
    .innerJoin('users as ub', 'ub.id', 'b.built_by')
    .leftJoin('users as ur', 'ur.id', 'b.released_by')
    .select([
      'b.id',
      'b.status',
      'b.file_date',
      'b.file_id_modifier',
      'b.effective_date',
      'b.same_day',
      'b.entry_count',
      'b.prenote_count',
      'b.total_cents',
      'b.file_sha256',
      'b.built_by',
      'b.built_at',
      'b.released_by',
      'b.released_at',
      'b.cancelled_at',
      'b.settled_at',
      'b.download_count',
      'ub.display_name as built_by_name',
      'ur.display_name as released_by_name',
    ]);
}
/** Batches newest first (ids are time-ordered: built order), one keyset page at a time. */
export function batchPage(
  db: Queryable,
  q: { status?: BatchStatus | undefined; cursor?: string | undefined; limit: number },
) {
  let query = batchRows(db);
  if (q.status) query = query.where('b.status', '=', q.status);
  return keysetPage(query, 'b.id', q);
}

export function findBatch(db: Queryable, id: string) {
  return batchRows(db).where('b.id', '=', id).executeTakeFirst();
}

export type BatchRow = Awaited<ReturnType<ReturnType<typeof batchRows>['executeTakeFirstOrThrow']>>;

export function toBatchSummary(r: BatchRow): BatchSummary {
  return {
    id: r.id,
    status: r.status,
    fileDate: r.file_date,
    fileIdModifier: r.file_id_modifier,
    effectiveDate: r.effective_date,
    sameDay: r.same_day,
    entryCount: r.entry_count,
    prenoteCount: r.prenote_count,
    totalCents: r.total_cents,
    fileSha256: r.file_sha256,
    builtBy: { id: r.built_by, name: r.built_by_name },
    builtAt: iso(r.built_at),
    releasedBy: r.released_by ? { id: r.released_by, name: r.released_by_name ?? '' } : null,
    releasedAt: iso(r.released_at),
    cancelledAt: iso(r.cancelled_at),
    settledAt: iso(r.settled_at),
    downloadCount: r.download_count,
  };
}

export async function nextTraceSequence(trx: Transaction<Database>): Promise<number> {
  const r = await sql<{ n: string | number }>`select nextval('ach_trace_seq') as n`.execute(trx);
  return Number(r.rows[0]!.n);
}

export async function usedModifiers(
  trx: Transaction<Database>,
  fileDate: string,
): Promise<Set<string>> {
  const rows = await trx
    .selectFrom('ach_batches')
    .select('file_id_modifier')
    .where('file_date', '=', fileDate)
    .execute();
  return new Set(rows.map((r) => r.file_id_modifier));
}

type Trx = Transaction<Database>;

// Serialises batch builds so two builders never pick the same file id modifier or the same payments.
const BUILD_LOCK_KEY = 7_303_001;

export async function serializeBuilds(trx: Trx): Promise<void> {
  await sql`select pg_advisory_xact_lock(${BUILD_LOCK_KEY})`.execute(trx);
}

export async function insertBatch(
  trx: Trx,
  row: Omit<Insertable<Database['ach_batches']>, 'status'>,
  entries: ReadonlyArray<Omit<Insertable<Database['ach_entries']>, 'id' | 'batch_id'>>,
): Promise<void> {
  await trx
    .insertInto('ach_batches')
    .values({ ...row, status: 'built' })
    .execute();
  await trx
    .insertInto('ach_entries')
    .values(entries.map((e) => ({ ...e, id: uuidv7(), batch_id: row.id })))
    .execute();
}

export async function entriesOfBatch(db: Queryable, batchId: string) {
  return db
    .selectFrom('ach_entries')
    .select(['id', 'kind', 'trace_number', 'amount_cents', 'transaction_code', 'payment_id'])
    .where('batch_id', '=', batchId)
    .orderBy('trace_number')
    .execute();
}

/**
 * References of the requests in a batch that `userId` approved or applied for. DOMAIN: one person never approves and
 * releases the same money, and nobody acts on their own request.
 */
export async function releaseConflicts(db: Queryable, batchId: string, userId: string) {
  return db
    .selectFrom('ach_entries as e')
    .innerJoin('payments as p', 'p.id', 'e.payment_id')
    .innerJoin('requests as r', 'r.id', 'p.request_id')
    .select('r.reference')
    .where('e.batch_id', '=', batchId)
    .where((eb) =>
      eb.or([
        eb('r.applicant_id', '=', userId),
        eb.exists(
          eb
            .selectFrom('decisions as d')
            .select('d.id')
            .whereRef('d.request_id', '=', 'r.id')
            .where('d.actor_id', '=', userId)
            .where('d.kind', '=', 'approve'),
        ),
      ]),
    )
    .execute();
}

/** Every built batch (waiting for release), with what the release rule and the Today figures read. */
export function builtBatches(db: Queryable) {
  return db
    .selectFrom('ach_batches')
    .select(['id', 'status', 'built_by', 'total_cents'])
    .where('status', '=', 'built')
    .execute();
}

export async function lockBatch(trx: Trx, id: string) {
  return trx
    .selectFrom('ach_batches')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

/** One step of a batch's life: released, cancelled or settled, with who and when. */
export async function setBatchState(
  trx: Trx,
  id: string,
  set: Pick<
    Updateable<Database['ach_batches']>,
    | 'status'
    | 'released_by'
    | 'released_at'
    | 'cancelled_by'
    | 'cancelled_at'
    | 'settled_at'
    | 'settled_by_kind'
    | 'settled_by'
  >,
): Promise<void> {
  await trx.updateTable('ach_batches').set(set).where('id', '=', id).execute();
}

export async function countDownload(trx: Trx, id: string): Promise<void> {
  await trx
    .updateTable('ach_batches')
    .set({ download_count: sql<number>`download_count + 1` })
    .where('id', '=', id)
    .execute();
}

export async function paymentIdsOfBatch(db: Queryable, batchId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('ach_entries')
    .select('payment_id')
    .where('batch_id', '=', batchId)
    .execute();
  return rows.map((e) => e.payment_id);
}

/** The entry HMS sent with this trace number, with its payment and request: what a bank return names. */
export async function entryByTrace(db: Queryable, trace: string) {
  return db
    .selectFrom('ach_entries as e')
    .innerJoin('payments as p', 'p.id', 'e.payment_id')
    .innerJoin('requests as r', 'r.id', 'p.request_id')
    .select([
      'e.id',
      'e.kind',
      'e.payment_id',
      'e.payee_account_id',
      'e.amount_cents',
      'p.status',
      'p.request_id',
      'r.reference',
      'r.status as request_status',
    ])
    .where('e.trace_number', '=', trace)
    .executeTakeFirst();
}
