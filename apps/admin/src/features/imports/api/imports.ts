import {
  CSRF_COOKIE,
  CSRF_HEADER,
  problemFromResponse,
  readCookie,
  type ResponseBody,
} from '@hms/api-client';
import { importRunResponseSchema, type ImportKind } from '@hms/contracts/imports';
import { mutationOptions } from '@tanstack/react-query';

/** What a check or an import answers: the report, the header's columns, and whether an error file is offered. */
export type ImportRun = ResponseBody<'/api/admin/imports', 'post'>;
export type ImportRowError = ImportRun['report']['errors'][number];

export interface UploadInput {
  kind: ImportKind;
  dryRun: boolean;
  file: File;
}

/**
 * Sends the file as multipart/form-data (the typed client speaks JSON only), with the CSRF header the client would
 * set. The answer is checked against the contract the API answers with, so the screen reads a typed report.
 */
export async function uploadImport({ kind, dryRun, file }: UploadInput): Promise<ImportRun> {
  const form = new FormData();
  // The fields go before the file: the API reads them as it reaches the file part.
  form.append('kind', kind);
  form.append('dryRun', String(dryRun));
  form.append('file', file, file.name);
  const headers = new Headers();
  const token = readCookie(document.cookie, CSRF_COOKIE);
  if (token) headers.set(CSRF_HEADER, token);
  const response = await fetch(
    new Request(`${globalThis.location.origin}/api/admin/imports`, {
      method: 'POST',
      body: form,
      headers,
      credentials: 'same-origin',
    }),
  );
  if (!response.ok) throw await problemFromResponse(response);
  return importRunResponseSchema.parse(await response.json());
}

export function uploadImportMutationOptions() {
  return mutationOptions({ mutationFn: uploadImport });
}

/** The checked file with an error column, kept by the API for an hour for the admin who checked it. */
export function errorFileUrl(importId: string): string {
  return `/api/admin/imports/${encodeURIComponent(importId)}/error-file`;
}
