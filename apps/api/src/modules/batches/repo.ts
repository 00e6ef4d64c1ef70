import { sql, type Kysely, type Transaction } from 'kysely';
import type { BatchSummary } from '@hms/contracts/batches';
import type { Database } from '../../platform/db/schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

export function batchRows(db: Db) {
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
export type BatchRow = Awaited<ReturnType<ReturnType<typeof batchRows>['executeTakeFirstOrThrow']>>;

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

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
    builtAt: iso(r.built_at)!,
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
