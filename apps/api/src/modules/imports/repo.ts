import { sql, type Insertable, type Transaction } from 'kysely';
import type { ImportKind } from '@hms/contracts/imports';
import type { Database, Queryable } from '../../platform/db/schema.ts';

const IMPORT_LOCK_KEY = 7_303_130;

/**
 * Serialises real imports across every API process and the command line: the second waits for the first to commit,
 * then finds its rows and reports them unchanged, instead of both creating the same external ids.
 */
export async function serializeImports(trx: Transaction<Database>): Promise<void> {
  await sql`select pg_advisory_xact_lock(${IMPORT_LOCK_KEY})`.execute(trx);
}

export async function insertRun(
  trx: Transaction<Database>,
  row: Insertable<Database['import_runs']>,
) {
  await trx.insertInto('import_runs').values(row).execute();
}

export async function finishRun(
  trx: Transaction<Database>,
  id: string,
  set: Pick<
    Insertable<Database['import_runs']>,
    'status' | 'rows' | 'created' | 'updated' | 'unchanged' | 'rejected' | 'report' | 'file_sha256'
  >,
) {
  await trx
    .updateTable('import_runs')
    .set({ ...set, finished_at: new Date() })
    .where('id', '=', id)
    .execute();
}

export async function findRun(db: Queryable, id: string) {
  return db.selectFrom('import_runs').selectAll().where('id', '=', id).executeTakeFirst();
}

/** What earlier imports made of these external ids. */
export async function importedRecords(
  db: Queryable,
  kind: ImportKind,
  externalIds: readonly string[],
) {
  if (externalIds.length === 0) return [];
  return db
    .selectFrom('imported_records')
    .select(['external_id', 'entity_id', 'row_hash'])
    .where('kind', '=', kind)
    .where('external_id', 'in', externalIds)
    .execute();
}

export async function insertImportedRecords(
  trx: Transaction<Database>,
  rows: ReadonlyArray<Insertable<Database['imported_records']>>,
) {
  if (rows.length === 0) return;
  await trx.insertInto('imported_records').values(rows).execute();
}

export async function updateImportedRecord(
  trx: Transaction<Database>,
  kind: ImportKind,
  externalId: string,
  set: {
    rowHash: string;
    importRunId: string;
    sourceFile: string;
    phone?: string | null;
    note?: string | null;
  },
) {
  await trx
    .updateTable('imported_records')
    .set({
      row_hash: set.rowHash,
      import_run_id: set.importRunId,
      source_file: set.sourceFile,
      ...(set.phone !== undefined ? { phone: set.phone } : {}),
      ...(set.note !== undefined ? { note: set.note } : {}),
      updated_at: new Date(),
    })
    .where('kind', '=', kind)
    .where('external_id', '=', externalId)
    .execute();
}

/** Where these records came from, by the unique index (kind, entity_id): one probe per id, one statement per page. */
export async function originsOf(db: Queryable, kind: ImportKind, entityIds: readonly string[]) {
  if (entityIds.length === 0) return [];
  return db
    .selectFrom('imported_records')
    .select(['entity_id', 'external_id', 'source_file', 'note', 'created_at'])
    .where('kind', '=', kind)
    .where('entity_id', 'in', entityIds)
    .execute();
}
