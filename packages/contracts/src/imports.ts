/**
 * Imports (issue 12): the two file formats an agency brings its payees and its requests in with, and the report an
 * import (or its dry run) answers with. The API, the command line and the screens share these names.
 */
import { z } from 'zod';
import type { FieldErrorCode } from './error-codes.ts';

export const importKinds = ['payees', 'requests'] as const;
export const importKindSchema = z.enum(importKinds);
export type ImportKind = z.infer<typeof importKindSchema>;

/** The columns of each format, in the order the samples and the export write them. */
export const IMPORT_COLUMNS = {
  payees: [
    'external_id',
    'full_name',
    'email',
    'phone',
    'language',
    'routing_number',
    'account_number',
    'account_type',
    'holder_name',
  ],
  requests: [
    'external_id',
    'program',
    'payee_external_id',
    'amount',
    'status',
    'submitted_at',
    'decided_at',
    'paid_at',
    'decided_by_email',
    'note',
  ],
} as const satisfies Record<ImportKind, readonly string[]>;

/** Columns that may be left out of the header altogether (their values are optional too). */
export const OPTIONAL_IMPORT_COLUMNS: Record<ImportKind, readonly string[]> = {
  payees: ['phone', 'language'],
  requests: ['decided_at', 'paid_at', 'decided_by_email', 'note'],
};

/** The states a request can be imported in (a draft or a state only the product reaches cannot). */
export const importableRequestStatuses = [
  'submitted',
  'in_review',
  'needs_info',
  'approved',
  'rejected',
  'paid',
  'withdrawn',
] as const;
export type ImportableRequestStatus = (typeof importableRequestStatuses)[number];

/** A problem found on one row: `row` is the line in the file (the header is line 1), `field` the column. */
export const importErrorSchema = z.object({
  row: z.number().int().min(1),
  field: z.string(),
  code: z.string().describe('a stable code (import.*) the screens say in the reader’s language'),
  message: z.string().describe('English: names the field and the fix'),
});
export type ImportError = z.infer<typeof importErrorSchema> & { code: ImportErrorCode };

/** Codes that only warn: the row is still imported (the way the risk signal flags, never blocks). */
export const IMPORT_WARNING_CODES = ['import.bank_account_shared'] as const;
export type ImportErrorCode = Extract<FieldErrorCode, `import.${string}`>;

export function isImportWarning(code: string): boolean {
  return (IMPORT_WARNING_CODES as readonly string[]).includes(code);
}

/** rows = created + updated + unchanged + rejected, always. In a run that rejected rows nothing was written, and
 * created/updated/unchanged say what the other rows would have been. */
export const importReportSchema = z.object({
  kind: importKindSchema,
  rows: z.number().int().min(0),
  created: z.number().int().min(0),
  updated: z.number().int().min(0),
  unchanged: z.number().int().min(0),
  rejected: z.number().int().min(0),
  errors: z.array(importErrorSchema),
});
export type ImportReport = z.infer<typeof importReportSchema> & { errors: ImportError[] };

/** The largest file the browser upload takes; the command line has no limit (it streams from disk). */
export const MAX_IMPORT_UPLOAD_BYTES = 20 * 1024 * 1024;

/** The multipart fields sent before the file part of `POST /api/admin/imports`. */
export const importUploadFieldsSchema = z.object({
  kind: importKindSchema,
  dryRun: z.enum(['true', 'false']).transform((v) => v === 'true'),
});

/** What an upload answers: the report, the columns the header named, and whether an error file can be downloaded. */
export const importRunResponseSchema = z.object({
  importId: z
    .uuid()
    .describe('the stored run for a real import; an id kept only in memory for a dry run'),
  fileName: z.string(),
  dryRun: z.boolean(),
  columns: z.array(z.string()).describe('the header row as it was in the file'),
  report: importReportSchema,
  errorFile: z
    .boolean()
    .describe(
      'true when rows have errors or warnings: GET /api/admin/imports/{importId}/error-file returns the rows with an error column',
    ),
});
export type ImportRunResponse = z.infer<typeof importRunResponseSchema>;

export const importIdParamsSchema = z.object({ importId: z.uuid() });
