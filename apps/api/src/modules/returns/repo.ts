import type { Insertable, Transaction } from 'kysely';
import type { Database, Queryable } from '../../platform/db/schema.ts';
import { uuidv7 } from '../../platform/db/ids.ts';
import { keysetPage } from '../../platform/pagination.ts';

type Trx = Transaction<Database>;

/** An earlier import of the same file (by SHA-256), with the result it answered. */
export async function importOfFile(db: Queryable, sha256: string) {
  return db
    .selectFrom('return_files')
    .select(['id', 'result'])
    .where('sha256', '=', sha256)
    .executeTakeFirst();
}

export async function insertReturnFile(
  trx: Trx,
  f: {
    id: string;
    sha256: string;
    fileName: string;
    uploadedBy: string;
    uploadedAt?: Date | undefined;
  },
): Promise<void> {
  await trx
    .insertInto('return_files')
    .values({
      id: f.id,
      sha256: f.sha256,
      file_name: f.fileName,
      uploaded_by: f.uploadedBy,
      result: '{}',
      ...(f.uploadedAt ? { uploaded_at: f.uploadedAt } : {}),
    })
    .execute();
}

export async function saveImportResult(trx: Trx, id: string, result: object): Promise<void> {
  await trx
    .updateTable('return_files')
    .set({ result: JSON.stringify(result) })
    .where('id', '=', id)
    .execute();
}

/** Imported return files, newest first (by id, time-ordered), one keyset page at a time. */
export function importPage(db: Queryable, page: { cursor?: string | undefined; limit: number }) {
  const query = db
    .selectFrom('return_files as f')
    .innerJoin('users as u', 'u.id', 'f.uploaded_by')
    .select(['f.id', 'f.file_name', 'f.sha256', 'f.uploaded_at', 'f.result', 'u.display_name']);
  return keysetPage(query, 'f.id', page);
}

export async function isEntryReturned(trx: Trx, entryId: string): Promise<boolean> {
  const prior = await trx
    .selectFrom('ach_returns')
    .select('id')
    .where('entry_id', '=', entryId)
    .executeTakeFirst();
  return prior !== undefined;
}

export async function insertReturn(
  trx: Trx,
  r: Omit<Insertable<Database['ach_returns']>, 'id'>,
): Promise<void> {
  await trx
    .insertInto('ach_returns')
    .values({ id: uuidv7(), ...r })
    .execute();
}

/** Records a NOC once per entry and change code; false when it was already recorded. */
export async function insertNocOnce(
  trx: Trx,
  n: Omit<Insertable<Database['ach_nocs']>, 'id'>,
): Promise<boolean> {
  const inserted = await trx
    .insertInto('ach_nocs')
    .values({ id: uuidv7(), ...n })
    .onConflict((oc) => oc.columns(['entry_id', 'change_code']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted !== undefined;
}

function nocRows(db: Queryable) {
  return db
    .selectFrom('ach_nocs as n')
    .innerJoin('payments as p', 'p.id', 'n.payment_id')
    .innerJoin('requests as r', 'r.id', 'p.request_id')
    .innerJoin('payee_accounts as pa', 'pa.id', 'n.payee_account_id')
    .select([
      'n.id',
      'n.change_code',
      'n.status',
      'n.payment_id',
      'n.corrected_summary',
      'n.created_at',
      'n.decided_at',
      'r.reference',
      'pa.holder_name',
      'pa.routing_number',
      'pa.account_last4',
      'pa.account_type',
    ]);
}
export type NocRow = Awaited<ReturnType<ReturnType<typeof nocRows>['executeTakeFirstOrThrow']>>;

/** Notifications of change, newest first (by id, time-ordered), one keyset page at a time. */
export function nocPage(
  db: Queryable,
  q: {
    status?: 'pending' | 'applied' | 'dismissed' | undefined;
    cursor?: string | undefined;
    limit: number;
  },
) {
  let query = nocRows(db);
  if (q.status) query = query.where('n.status', '=', q.status);
  return keysetPage(query, 'n.id', q);
}

export function findNoc(db: Queryable, id: string) {
  return nocRows(db).where('n.id', '=', id).executeTakeFirstOrThrow();
}

export async function lockNoc(trx: Trx, id: string) {
  return trx.selectFrom('ach_nocs').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function setNocDecision(
  trx: Trx,
  id: string,
  d: { status: 'applied' | 'dismissed'; decidedBy: string },
): Promise<void> {
  await trx
    .updateTable('ach_nocs')
    .set({ status: d.status, decided_by: d.decidedBy, decided_at: new Date() })
    .where('id', '=', id)
    .execute();
}
