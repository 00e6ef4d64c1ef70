import type { Transaction } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import { uuidv7 } from '../../platform/db/ids.ts';

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
  d: Omit<Database['decisions'], 'id' | 'created_at'> & { id?: string },
) {
  const id = d.id ?? uuidv7();
  await trx
    .insertInto('decisions')
    .values({ ...d, id })
    .execute();
  return id;
}
