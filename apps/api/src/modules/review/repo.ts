import type { Transaction } from 'kysely';
import type { Database, Queryable } from '../../platform/db/schema.ts';
import { uuidv7 } from '../../platform/db/ids.ts';
import { deleteRowsOfRequests } from '../../platform/db/rows-of-requests.ts';

export async function comments(db: Queryable, requestId: string) {
  return db
    .selectFrom('request_comments as c')
    .innerJoin('users as u', 'u.id', 'c.author_id')
    .select(['c.id', 'c.author_id', 'u.display_name', 'c.body', 'c.created_at'])
    .where('c.request_id', '=', requestId)
    .orderBy('c.created_at')
    .orderBy('c.id')
    .execute();
}

export async function insertComment(
  trx: Transaction<Database>,
  requestId: string,
  authorId: string,
  body: string,
) {
  const id = uuidv7();
  const row = await trx
    .insertInto('request_comments')
    .values({ id, request_id: requestId, author_id: authorId, body })
    .returning(['id', 'created_at'])
    .executeTakeFirstOrThrow();
  return row;
}

/** Practice space: the internal comments on these (practice) requests go when the practice data is cleared. */
export function deleteCommentsOfRequests(
  trx: Transaction<Database>,
  requestIds: readonly string[],
): Promise<number> {
  return deleteRowsOfRequests(trx, 'request_comments', requestIds);
}
