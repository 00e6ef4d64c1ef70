import type { Transaction } from 'kysely';
import type { Database, Queryable } from '../../platform/db/schema.ts';
import { deleteRowsOfRequests } from '../../platform/db/rows-of-requests.ts';

const infoColumns = [
  'documents.id',
  'documents.request_id',
  'documents.question_id',
  'documents.filename',
  'documents.mime_type',
  'documents.size_bytes',
  'documents.sha256',
  'documents.created_at',
] as const;

export async function insertDocument(
  trx: Transaction<Database>,
  row: {
    id: string;
    requestId: string;
    uploadedBy: string;
    questionId: string | null;
    filename: string;
    mimeType: 'application/pdf' | 'image/jpeg' | 'image/png';
    sha256: string;
    content: Buffer;
  },
): Promise<void> {
  await trx
    .insertInto('documents')
    .values({
      id: row.id,
      request_id: row.requestId,
      uploaded_by: row.uploadedBy,
      question_id: row.questionId,
      filename: row.filename,
      mime_type: row.mimeType,
      size_bytes: row.content.length,
      sha256: row.sha256,
      content: row.content,
    })
    .execute();
}

export async function listDocumentsOfRequest(db: Queryable, requestId: string) {
  return db
    .selectFrom('documents')
    .select(infoColumns)
    .where('request_id', '=', requestId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}
export type DocumentRow = Awaited<ReturnType<typeof listDocumentsOfRequest>>[number];

export async function findDocumentInfo(db: Queryable, id: string) {
  return db
    .selectFrom('documents')
    .innerJoin('requests', 'requests.id', 'documents.request_id')
    .select([...infoColumns, 'requests.applicant_id', 'requests.status as request_status'])
    .where('documents.id', '=', id)
    .executeTakeFirst();
}

export async function readContent(db: Queryable, id: string): Promise<Uint8Array | undefined> {
  const row = await db
    .selectFrom('documents')
    .select('content')
    .where('id', '=', id)
    .executeTakeFirst();
  return row?.content;
}

export async function deleteDocument(trx: Transaction<Database>, id: string): Promise<void> {
  await trx.deleteFrom('documents').where('id', '=', id).execute();
}

export async function deleteOfRequest(trx: Transaction<Database>, requestId: string) {
  await trx.deleteFrom('documents').where('request_id', '=', requestId).execute();
}

/** The request's application files (those of a question) except `keep`. */
export async function deleteApplicationFilesExcept(
  trx: Transaction<Database>,
  requestId: string,
  keep: readonly string[],
) {
  let query = trx
    .deleteFrom('documents')
    .where('request_id', '=', requestId)
    .where('question_id', 'is not', null);
  if (keep.length > 0) query = query.where('id', 'not in', [...keep]);
  await query.execute();
}

/** The ids among `ids` that belong to the request (the rest are unknown or someone else's). */
export async function idsOfRequest(
  db: Queryable,
  requestId: string,
  ids: readonly string[],
): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectFrom('documents')
    .select('id')
    .where('request_id', '=', requestId)
    .where('id', 'in', [...ids])
    .execute();
  return new Set(rows.map((r) => r.id));
}

/** The request's files by id (time-ordered), as the reviewer's page lists them. */
export async function fileNamesOfRequest(db: Queryable, requestId: string) {
  return db
    .selectFrom('documents')
    .select(['id', 'filename', 'mime_type', 'question_id'])
    .where('request_id', '=', requestId)
    .orderBy('id')
    .execute();
}

/** Practice space: the files of these (practice) requests go when the practice data is cleared. */
export function deleteOfRequests(
  trx: Transaction<Database>,
  requestIds: readonly string[],
): Promise<number> {
  return deleteRowsOfRequests(trx, 'documents', requestIds);
}
