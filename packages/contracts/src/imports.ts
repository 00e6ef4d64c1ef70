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

/**
 * How a file whose columns have other names is read: file column (as in its header, any case) → HMS column. A column
 * the file has that is neither a format column nor mapped stays an error: there is no "leave out", so no data in
 * the file is dropped without the file being edited.
 */
export const importColumnMappingSchema = z.record(z.string().min(1).max(200), z.string().max(100));
export type ImportColumnMapping = z.infer<typeof importColumnMappingSchema>;

/** What is wrong with a mapping, by field (`mapping.<file column>`): a target the format lacks, or taken twice. */
export function columnMappingProblems(
  kind: ImportKind,
  mapping: ImportColumnMapping,
): Array<{ field: string; message: string }> {
  const known: readonly string[] = IMPORT_COLUMNS[kind];
  const problems: Array<{ field: string; message: string }> = [];
  const taken = new Map<string, string>();
  const sources = new Set<string>();
  for (const [from, to] of Object.entries(mapping)) {
    const field = `mapping.${from}`;
    const source = from.trim().toLowerCase();
    if (sources.has(source))
      problems.push({ field, message: `The file column "${from}" is mapped twice.` });
    sources.add(source);
    if (!known.includes(to)) {
      problems.push({
        field,
        message: `"${to}" is not a ${kind} column: map "${from}" to one of ${known.join(', ')}.`,
      });
      continue;
    }
    const other = taken.get(to);
    if (other !== undefined)
      problems.push({
        field,
        message: `"${from}" and "${other}" are both mapped to ${to}: map only one column to it.`,
      });
    taken.set(to, from);
  }
  return problems;
}

/** The file column names an HMS column could have been given: "External ID" → external_id. */
export function suggestedImportColumn(kind: ImportKind, fileColumn: string): string | null {
  const squash = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '');
  const known: readonly string[] = IMPORT_COLUMNS[kind];
  return known.find((c) => squash(c) === squash(fileColumn)) ?? null;
}

/** The multipart fields sent before the file part of `POST /api/admin/imports`. */
export const importUploadFieldsSchema = z.object({
  kind: importKindSchema,
  dryRun: z.enum(['true', 'false']).transform((v) => v === 'true'),
  mapping: z
    .string()
    .optional()
    .describe('JSON: { "file column": "HMS column" }')
    .transform((v, ctx) => {
      if (v === undefined || v === '') return {};
      try {
        const parsed = importColumnMappingSchema.safeParse(JSON.parse(v));
        if (parsed.success) return parsed.data;
      } catch {
        // Reported below, as for any other shape.
      }
      ctx.addIssue({ code: 'custom', message: 'mapping must be a JSON object of column names.' });
      return z.NEVER;
    }),
});

/** The header of an uploaded file, each column with the HMS column it most likely is (the screen's mapping step). */
export const importHeaderResponseSchema = z.object({
  format: z.enum(['csv', 'xlsx']),
  columns: z.array(
    z.object({
      name: z.string().describe('as in the file'),
      suggested: z
        .string()
        .nullable()
        .describe(
          'the HMS column it matches (names compared ignoring case, spaces and punctuation)',
        ),
    }),
  ),
});
export type ImportHeaderResponse = z.infer<typeof importHeaderResponseSchema>;

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

/** Where a background check or import is: queued (accepted, not started), running, completed (result set), failed. */
export const importJobStates = ['queued', 'running', 'completed', 'failed'] as const;

/**
 * A check or an import run in the background (`POST /api/admin/imports` answers 202 with it at once). The screen polls
 * `GET /api/admin/imports/jobs/{jobId}`; a real import's outcome is also in import_runs, so it is told truly after a
 * restart too.
 */
export const importJobSchema = z.object({
  jobId: z
    .uuid()
    .describe('for a real import, also the id of its import_runs row; the result’s importId'),
  kind: importKindSchema,
  fileName: z.string(),
  dryRun: z.boolean(),
  state: z.enum(importJobStates),
  rowsProcessed: z.number().int().min(0).describe('rows checked so far (after each batch of rows)'),
  rowsTotal: z
    .number()
    .int()
    .min(0)
    .nullable()
    .describe('the data rows in the file, once counted (null before)'),
  result: importRunResponseSchema
    .nullable()
    .describe('when completed: what the upload used to answer (report, columns, errorFile)'),
  problem: z
    .object({ code: z.string(), detail: z.string() })
    .nullable()
    .describe('when failed: why (a stable code); nothing was imported'),
});
export type ImportJob = z.infer<typeof importJobSchema>;

export const importJobParamsSchema = z.object({ jobId: z.uuid() });
