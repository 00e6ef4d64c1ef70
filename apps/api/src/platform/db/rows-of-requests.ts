import type { Transaction } from 'kysely';
import type { Database } from './schema.ts';

/** The tables whose rows belong to one request (they carry its request_id). */
type RequestRowsTable = {
  [T in keyof Database]: Database[T] extends { request_id: unknown } ? T : never;
}[keyof Database];

/**
 * Deletes the rows of `table` that belong to these requests and returns how many went: the one query behind each
 * owner's clearing of practice requests (every owner's repo still deletes only from its own tables).
 */
export async function deleteRowsOfRequests(
  trx: Transaction<Database>,
  table: RequestRowsTable,
  requestIds: readonly string[],
): Promise<number> {
  if (requestIds.length === 0) return 0;
  const res = await trx.deleteFrom(table).where('request_id', 'in', requestIds).executeTakeFirst();
  return Number(res.numDeletedRows);
}
