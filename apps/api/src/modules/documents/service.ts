import { createHash } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import {
  documentRefusals,
  MAX_FILENAME_LENGTH,
  sniffDocumentType,
  type DocumentInfo,
} from '@hms/contracts/documents';
import type { Role } from '@hms/contracts/auth';
import type { AuthUser } from '../../platform/auth/sessions.ts';
import type { Database, Queryable } from '../../platform/db/schema.ts';
import { uuidv7 } from '../../platform/db/ids.ts';
import { auditUserChange } from '../../platform/audit.ts';
import { HttpProblem, conflict, notFound } from '../../platform/errors.ts';
import * as requests from '../applications/service.ts';
import * as repo from './repo.ts';
import type { Language } from '@hms/contracts/language';

const DOCUMENT_NOT_FOUND =
  'We could not find that document. Check the link, or open it from the request page.';
/** Staff who review requests may read their documents (DOMAIN.md: "downloadable by the applicant and the reviewing staff"). */
export const REVIEWER_ROLES: readonly Role[] = ['approver', 'senior_approver'];

/** The documents attached to a request, oldest first, as the API shows them. */
export async function documentsOfRequest(
  db: Queryable,
  requestId: string,
): Promise<DocumentInfo[]> {
  return (await repo.listDocumentsOfRequest(db, requestId)).map(toDocumentInfo);
}

export const fileNamesOfRequest = repo.fileNamesOfRequest;

/** Which of `ids` are documents of this request (answers may only name the request's own uploads). */
export function documentIdsOfRequest(
  db: Queryable,
  requestId: string,
  ids: readonly string[],
): Promise<Set<string>> {
  return repo.idsOfRequest(db, requestId, ids);
}

/**
 * At submission, the application's files that no answer names (uploaded on a step the person then left without saving,
 * or replaced) are deleted: only what the person sent goes to the reviewers.
 */
export const deleteUnsentApplicationFiles = repo.deleteApplicationFilesExcept;

/** A draft's files go with the draft when the citizen deletes it. */
export const deleteDocumentsOfRequest = repo.deleteOfRequest;

export function toDocumentInfo(d: repo.DocumentRow): DocumentInfo {
  return {
    id: d.id,
    filename: d.filename,
    mimeType: d.mime_type,
    sizeBytes: d.size_bytes,
    sha256: d.sha256,
    questionId: d.question_id,
    createdAt: new Date(d.created_at).toISOString(),
  };
}

/** A filename safe to store and to send back in Content-Disposition: no folders, no control characters. */
export function cleanFilename(raw: string | undefined): string {
  const base = (raw ?? '').split(/[\\/]/).pop() ?? '';
  const clean = base
    // eslint-disable-next-line no-control-regex -- stripping control characters is the point
    .replace(/[\u0000-\u001f\u007f"]/g, '')
    .trim()
    .slice(0, MAX_FILENAME_LENGTH);
  return clean || 'document';
}

export function refusal(status: 400 | 413 | 415, message: string): HttpProblem {
  return new HttpProblem(
    status === 413
      ? 'document.too_large'
      : status === 415
        ? 'document.type_not_accepted'
        : 'document.missing',
    status,
    status === 413 ? 'File too large' : status === 415 ? 'File type not accepted' : 'No file',
    message,
    { errors: [{ field: 'body.file', message }] },
  );
}

export async function upload(
  db: Kysely<Database>,
  user: AuthUser,
  ip: string | null,
  input: {
    requestId: string;
    questionId: string | null;
    filename: string | undefined;
    content: Buffer;
    language: Language;
  },
): Promise<DocumentInfo> {
  const m = (k: keyof typeof documentRefusals) => documentRefusals[k][input.language];
  if (input.content.length === 0) throw refusal(400, m('empty'));
  const mimeType = sniffDocumentType(input.content);
  if (!mimeType) throw refusal(415, m('wrongType'));
  return db.transaction().execute(async (trx) => {
    const request = await requests.lockOwnRequest(trx, user.id, input.requestId);
    if (!request)
      throw notFound('request.not_found', 'We could not find that request in your account.');
    if (input.questionId !== null && request.status !== 'draft')
      throw conflict(
        'document.form_files_draft_only',
        'Files for the application form can only be added while it is a draft.',
      );
    if (input.questionId === null && request.status !== 'needs_info' && request.status !== 'draft')
      throw conflict(
        'document.upload_closed',
        'Files can be added only to a draft, or when we have asked you for more information.',
      );
    const id = uuidv7();
    const sha256 = createHash('sha256').update(input.content).digest('hex');
    const filename = cleanFilename(input.filename);
    await repo.insertDocument(trx, {
      id,
      requestId: request.id,
      uploadedBy: user.id,
      questionId: input.questionId,
      filename,
      mimeType,
      sha256,
      content: input.content,
    });
    await auditUserChange(trx, { id: user.id, ip }, 'document.uploaded', 'document', id, {
      requestId: request.id,
      questionId: input.questionId,
      sha256,
      sizeBytes: input.content.length,
      mimeType,
    });
    const [row] = (await repo.listDocumentsOfRequest(trx, request.id)).filter((d) => d.id === id);
    return toDocumentInfo(row!);
  });
}

/** The applicant, and reviewing staff for submitted requests; anyone else gets the same 404 as a missing file. */
export async function download(db: Kysely<Database>, user: AuthUser, documentId: string) {
  const info = await repo.findDocumentInfo(db, documentId);
  const isOwner = info?.applicant_id === user.id;
  const isReviewer =
    user.roles.some((r) => REVIEWER_ROLES.includes(r)) && info?.request_status !== 'draft';
  if (!info || !(isOwner || isReviewer)) throw notFound('document.not_found', DOCUMENT_NOT_FOUND);
  const content = await repo.readContent(db, documentId);
  if (!content) throw notFound('document.not_found', DOCUMENT_NOT_FOUND);
  return { info, content: Buffer.from(content.buffer, content.byteOffset, content.byteLength) };
}

export async function remove(
  db: Kysely<Database>,
  user: AuthUser,
  ip: string | null,
  documentId: string,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const info = await repo.findDocumentInfo(trx, documentId);
    if (!info || info.applicant_id !== user.id)
      throw notFound('document.not_found', DOCUMENT_NOT_FOUND);
    if (info.request_status !== 'draft') {
      throw conflict(
        'document.kept_with_request',
        'This file was sent with a submitted request and is kept with it. It cannot be removed.',
      );
    }
    await repo.deleteDocument(trx, documentId);
    await auditUserChange(trx, { id: user.id, ip }, 'document.deleted', 'document', documentId, {
      requestId: info.request_id,
      sha256: info.sha256,
    });
  });
}

// ---- Practice space (issue 11 item 9).

/**
 * A generated file of a practice request, stored like an upload (its type sniffed from its bytes, its hash kept) as
 * the generated applicant's. Only the practice module calls this, inside its transaction; returns the document id.
 */
export async function insertPracticeDocument(
  trx: Transaction<Database>,
  d: {
    id: string;
    requestId: string;
    applicantId: string;
    questionId: string;
    filename: string;
    content: Buffer;
  },
): Promise<string> {
  const mimeType = sniffDocumentType(d.content);
  if (!mimeType) throw new Error('A generated practice file must be a PDF, JPEG or PNG.');
  await repo.insertDocument(trx, {
    id: d.id,
    requestId: d.requestId,
    uploadedBy: d.applicantId,
    questionId: d.questionId,
    filename: cleanFilename(d.filename),
    mimeType,
    sha256: createHash('sha256').update(d.content).digest('hex'),
    content: d.content,
  });
  return d.id;
}

/** Practice space: clearing the practice data deletes the files of practice requests (practice module). */
export const deleteDocumentsOfRequests = repo.deleteOfRequests;
