import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import type { Kysely } from 'kysely';
import {
  isImportWarning,
  type ImportKind,
  type ImportRunResponse,
  type ImportReport,
} from '@hms/contracts/imports';
import type { Config } from '../../platform/config.ts';
import type { Database } from '../../platform/db/schema.ts';
import { badRequest, notFound } from '../../platform/errors.ts';
import { toCsv } from '../../platform/csv.ts';
import { readCsv } from './parse-csv.ts';
import { runImport, UnreadableFile } from './service.ts';

/**
 * The files of recent checks with errors, kept in this process's memory only: a dry run must write nothing, and the
 * rows hold account numbers that HMS never stores unsealed. An hour is long enough to download the error file right
 * after the check; a restart loses them, and the screen says to check the file again.
 */
const KEEP_MS = 60 * 60 * 1000;
const KEEP_COUNT = 20;

interface Kept {
  ownerId: string;
  kind: ImportKind;
  fileName: string;
  content: Buffer;
  report: ImportReport;
  until: number;
}

const kept = new Map<string, Kept>();

function keep(id: string, entry: Kept, now: number) {
  for (const [key, value] of kept) if (value.until <= now) kept.delete(key);
  kept.set(id, entry);
  // Map keeps insertion order: the oldest go first.
  while (kept.size > KEEP_COUNT) kept.delete(kept.keys().next().value!);
}

async function headerOf(kind: ImportKind, content: Buffer): Promise<string[]> {
  for await (const item of readCsv(kind, Readable.from([content])))
    if ('header' in item) return item.header.original;
  return [];
}

/** Runs the engine on an uploaded file (a dry run or the import) and keeps the file when an error file is due. */
export async function runUpload(
  db: Kysely<Database>,
  config: Config,
  input: {
    kind: ImportKind;
    fileName: string;
    content: Buffer;
    dryRun: boolean;
    actor: { id: string; ip: string | null };
  },
): Promise<ImportRunResponse> {
  let result;
  let columns: string[];
  try {
    columns = await headerOf(input.kind, input.content);
    result = await runImport(db, config, {
      kind: input.kind,
      fileName: input.fileName,
      content: Readable.from([input.content]),
      dryRun: input.dryRun,
      actor: input.actor,
    });
  } catch (err) {
    if (err instanceof UnreadableFile) throw badRequest('import.file_unreadable', err.message);
    throw err;
  }
  const { report } = result;
  const importId = result.runId ?? randomUUID();
  const errorFile = report.errors.some((e) => e.row > 1);
  if (errorFile)
    keep(
      importId,
      {
        ownerId: input.actor.id,
        kind: input.kind,
        fileName: input.fileName,
        content: input.content,
        report,
        until: Date.now() + KEEP_MS,
      },
      Date.now(),
    );
  return {
    importId,
    fileName: input.fileName,
    dryRun: input.dryRun,
    columns,
    report,
    errorFile,
  };
}

const GONE_DETAIL =
  'The error file of that check is not kept any more (or was never yours): check the file again.';

/**
 * The checked file as it was, every row in its order, with an `error` column first: what is wrong on that line (a
 * warning says so), empty on a line that is fine. First, so it lines up even on a line with too few or too many cells. Cells are written by the one CSV writer, so a cell that would run
 * as a spreadsheet formula arrives as text.
 */
export async function errorFile(
  importId: string,
  ownerId: string,
): Promise<{ fileName: string; csv: string }> {
  const entry = kept.get(importId);
  if (!entry || entry.until <= Date.now() || entry.ownerId !== ownerId)
    throw notFound('import.error_file_gone', GONE_DETAIL);
  const byLine = new Map<number, string[]>();
  for (const e of entry.report.errors) {
    const text = `${isImportWarning(e.code) ? 'Warning: ' : ''}${e.field}: ${e.message}`;
    byLine.set(e.row, [...(byLine.get(e.row) ?? []), text]);
  }
  const rows: string[][] = [];
  for await (const item of readCsv(entry.kind, Readable.from([entry.content]))) {
    if ('header' in item) rows.push(['error', ...item.header.original]);
    else rows.push([(byLine.get(item.row.line) ?? []).join(' '), ...item.row.raw]);
  }
  // The name goes into a header: only characters that need no quoting there.
  const base = entry.fileName.replace(/\.csv$/i, '').replace(/[^A-Za-z0-9._-]+/g, '_');
  return { fileName: `${base}-errors.csv`, csv: toCsv(rows) };
}
