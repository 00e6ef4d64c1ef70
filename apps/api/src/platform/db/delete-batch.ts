import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { Database } from './schema.ts';

/**
 * Deletes one batch of at most `batchSize` rows of `table` that `dead` matches, and says how many went (housekeeping
 * repeats it until a batch comes back short). The rows are picked by `key` FOR UPDATE SKIP LOCKED, so two passes
 * never wait on each other or delete the same row (a row held elsewhere is left for the next pass), and the delete
 * tests `dead` again, so a row that changed after it was picked is judged by its new values.
 */
export async function deleteDeadBatch(
  db: Kysely<Database>,
  table: keyof Database & string,
  key: string,
  dead: RawBuilder<SqlBool>,
  batchSize: number,
): Promise<bigint> {
  const r = await sql`
    delete from ${sql.table(table)}
    where ${sql.ref(key)} in (
      select ${sql.ref(key)} from ${sql.table(table)} where ${dead} limit ${batchSize} for update skip locked
    )
      and (${dead})
  `.execute(db);
  return r.numAffectedRows ?? 0n;
}
