import type { Insertable, Transaction } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import { uuidv7 } from '../../platform/db/ids.ts';
import { deleteRowsOfRequests } from '../../platform/db/rows-of-requests.ts';

type Trx = Transaction<Database>;

export async function decisionAt(trx: Trx, requestId: string, atVersion: number) {
  return trx
    .selectFrom('decisions')
    .selectAll()
    .where('request_id', '=', requestId)
    .where('at_version', '=', atVersion)
    .executeTakeFirst();
}

export async function insertDecision(
  trx: Trx,
  d: Omit<Insertable<Database['decisions']>, 'id' | 'created_at'> & {
    id?: string;
    created_at?: Date;
  },
) {
  const id = d.id ?? uuidv7();
  await trx
    .insertInto('decisions')
    .values({ ...d, id })
    .execute();
  return id;
}

/** Practice space: the decisions of these (practice) requests go when the practice data is cleared. */
export function deleteOfRequests(trx: Trx, requestIds: readonly string[]): Promise<number> {
  return deleteRowsOfRequests(trx, 'decisions', requestIds);
}
