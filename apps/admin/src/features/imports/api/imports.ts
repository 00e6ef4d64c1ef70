import {
  getQueryOptions,
  ApiProblem,
  CSRF_COOKIE,
  CSRF_HEADER,
  importKeys,
  problemFromResponse,
  readCookie,
  type ResponseBody,
} from '@hms/api-client';
import { importHeaderResponseSchema, importJobSchema } from '@hms/contracts/imports';
import type { ImportKind } from '@hms/contracts/imports';
import { mutationOptions, queryOptions } from '@tanstack/react-query';

/** A check or an import running in the background: its state, its progress, and its result once done. */
export type ImportJob = ResponseBody<'/api/admin/imports/jobs/{jobId}', 'get'>;
/** What a check or an import found: the report, the header's columns, and whether an error file is offered. */
export type ImportRun = NonNullable<ImportJob['result']>;
export type ImportRowError = ImportRun['report']['errors'][number];

/** The header of a chosen file, each column with the HMS column its name suggests. */
export type ImportHeader = ResponseBody<'/api/admin/imports/header', 'post'>;

export interface UploadInput {
  kind: ImportKind;
  dryRun: boolean;
  file: File;
  /** File column → HMS column, for the columns the file names otherwise. */
  mapping: Record<string, string>;
}

function csrfHeaders() {
  const headers = new Headers();
  const token = readCookie(document.cookie, CSRF_COOKIE);
  if (token) headers.set(CSRF_HEADER, token);
  return headers;
}

/** Sends the file to have its header read (nothing is checked or kept): the mapping step. */
export async function readImportHeader({
  kind,
  file,
}: {
  kind: ImportKind;
  file: File;
}): Promise<ImportHeader> {
  const form = new FormData();
  form.append('kind', kind);
  form.append('file', file, file.name);
  const response = await fetch(
    new Request(`${globalThis.location.origin}/api/admin/imports/header`, {
      method: 'POST',
      body: form,
      headers: csrfHeaders(),
      credentials: 'same-origin',
    }),
  );
  if (!response.ok) throw await problemFromResponse(response);
  return importHeaderResponseSchema.parse(await response.json());
}

/**
 * Sends the file as multipart/form-data (the typed client speaks JSON only), with the CSRF header the client would
 * set. The API answers at once with the job it started; the answer is checked against the contract.
 */
export async function uploadImport({
  kind,
  dryRun,
  file,
  mapping,
}: UploadInput): Promise<ImportJob> {
  const form = new FormData();
  // The fields go before the file: the API reads them as it reaches the file part.
  form.append('kind', kind);
  form.append('dryRun', String(dryRun));
  if (Object.keys(mapping).length > 0) form.append('mapping', JSON.stringify(mapping));
  form.append('file', file, file.name);
  const headers = csrfHeaders();
  const response = await fetch(
    new Request(`${globalThis.location.origin}/api/admin/imports`, {
      method: 'POST',
      body: form,
      headers,
      credentials: 'same-origin',
    }),
  );
  if (!response.ok) throw await problemFromResponse(response);
  return importJobSchema.parse(await response.json());
}

export function uploadImportMutationOptions() {
  return mutationOptions({ mutationFn: uploadImport });
}

const over = (job: ImportJob | undefined) => job?.state === 'completed' || job?.state === 'failed';

/** One job, asked again every second until it is over (a job the API no longer knows is an answer, not retried). */
export function importJobQueryOptions(jobId: string) {
  return queryOptions({
    ...getQueryOptions(importKeys.job(jobId), '/api/admin/imports/jobs/{jobId}', {
      params: { path: { jobId } },
    }),
    refetchInterval: (query) => (over(query.state.data) || query.state.error ? false : 1000),
    retry: (count, error) => count < 3 && !(error instanceof ApiProblem && error.status < 500),
  });
}

/**
 * The job this browser started last, remembered across a reload or a closed tab (localStorage: it holds only the
 * job's id and kind, nothing of the file), so reopening the page shows its progress or its result.
 */
const STORED = 'hms.admin.imports.job';

export interface StoredJob {
  jobId: string;
  kind: ImportKind;
}

export function storedJob(): StoredJob | null {
  try {
    const value: unknown = JSON.parse(globalThis.localStorage?.getItem(STORED) ?? 'null');
    if (typeof value !== 'object' || value === null) return null;
    const { jobId, kind } = value as Record<string, unknown>;
    if (typeof jobId !== 'string' || (kind !== 'payees' && kind !== 'requests')) return null;
    return { jobId, kind };
  } catch {
    return null;
  }
}

export function storeJob(job: StoredJob | null) {
  try {
    if (job) globalThis.localStorage?.setItem(STORED, JSON.stringify(job));
    else globalThis.localStorage?.removeItem(STORED);
  } catch {
    // Storage refused (private mode, full): the job still shows until the page is left.
  }
}

/** The checked file with an error column, kept by the API for an hour for the admin who checked it. */
export function errorFileUrl(importId: string): string {
  return `/api/admin/imports/${encodeURIComponent(importId)}/error-file`;
}
