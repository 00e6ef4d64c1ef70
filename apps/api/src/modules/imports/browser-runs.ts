import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import {
  importReportSchema,
  isImportWarning,
  suggestedImportColumn,
  type ImportHeaderResponse,
  type ImportJob,
  type ImportKind,
  type ImportReport,
} from '@hms/contracts/imports';
import type { Config } from '../../platform/config.ts';
import type { Database } from '../../platform/db/schema.ts';
import { uuidv7 } from '../../platform/db/ids.ts';
import { badRequest, conflict, notFound } from '../../platform/errors.ts';
import { toCsv } from '../../platform/csv.ts';
import type { ColumnMapping } from './parse-csv.ts';
import { formatOf, readFile, type FileFormat } from './read-file.ts';
import { findRun, runImport, UnreadableFile } from './service.ts';

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
  format: FileFormat;
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

async function headerOf(format: FileFormat, kind: ImportKind, content: Buffer): Promise<string[]> {
  for await (const item of readFile(format, kind, Readable.from([content])))
    if ('header' in item) return item.header.original;
  return [];
}

async function countRows(format: FileFormat, kind: ImportKind, content: Buffer): Promise<number> {
  let rows = 0;
  for await (const item of readFile(format, kind, Readable.from([content])))
    if ('row' in item) rows += 1;
  return rows;
}

export interface UploadInput {
  kind: ImportKind;
  fileName: string;
  content: Buffer;
  dryRun: boolean;
  mapping: ColumnMapping;
  actor: { id: string; ip: string | null };
}

interface Job {
  ownerId: string;
  view: ImportJob;
  /** When a finished job is forgotten; null while it runs (a running job is never dropped). */
  until: number | null;
}

/**
 * Checks and imports started in the browser, in this process's memory like the error files: a dry run writes
 * nothing, so nowhere else could hold its progress. A real import's outcome is also its import_runs row (written in
 * the import's own transaction), which is what a restart leaves to tell.
 */
const jobs = new Map<string, Job>();
/** The real import running now: one at a time, as two would race on the same external ids. */
let importing: string | null = null;

function pruneJobs(now: number) {
  const finished = [...jobs].filter(([, j]) => j.until !== null);
  for (const [id, j] of finished) if (j.until! <= now) jobs.delete(id);
  const left = finished.filter(([id]) => jobs.has(id));
  // Map keeps insertion order: the oldest finished go first.
  for (const [id] of left.slice(0, Math.max(0, left.length - KEEP_COUNT))) jobs.delete(id);
}

/** The header of an uploaded file, each column with the HMS column its name suggests (the mapping step). */
export async function headerOfUpload(
  kind: ImportKind,
  fileName: string,
  content: Buffer,
): Promise<ImportHeaderResponse> {
  try {
    const format = formatOf(content.subarray(0, 4), fileName);
    const columns = await headerOf(format, kind, content);
    return {
      format,
      columns: columns.map((name) => ({ name, suggested: suggestedImportColumn(kind, name) })),
    };
  } catch (err) {
    if (err instanceof UnreadableFile) throw badRequest('import.file_unreadable', err.message);
    throw err;
  }
}

/** What a restart does to the jobs (the tests' way to show what the screen is told after one). */
export function forgetJobs() {
  jobs.clear();
  importing = null;
}

/**
 * Starts a check or an import of an uploaded file in the background and answers at once with the job. A file that is
 * not CSV at all is refused now (its header cannot be read), and a second real import while one runs is refused.
 */
export async function startUpload(
  db: Kysely<Database>,
  config: Config,
  input: UploadInput,
  log: { error: (obj: unknown, msg: string) => void },
): Promise<ImportJob> {
  let columns: string[];
  let format: FileFormat;
  try {
    format = formatOf(input.content.subarray(0, 4), input.fileName);
    columns = await headerOf(format, input.kind, input.content);
  } catch (err) {
    if (err instanceof UnreadableFile) throw badRequest('import.file_unreadable', err.message);
    throw err;
  }
  if (!input.dryRun && importing !== null)
    throw conflict(
      'import.already_running',
      'Another import is running: one import at a time. Wait for it to finish, then import this file.',
    );
  pruneJobs(Date.now());
  // A real import's job id is its import_runs id: what the screen asks about is what a restart leaves.
  const jobId = input.dryRun ? randomUUID() : uuidv7();
  const job: Job = {
    ownerId: input.actor.id,
    until: null,
    view: {
      jobId,
      kind: input.kind,
      fileName: input.fileName,
      dryRun: input.dryRun,
      state: 'queued',
      rowsProcessed: 0,
      rowsTotal: null,
      result: null,
      problem: null,
    },
  };
  jobs.set(jobId, job);
  if (!input.dryRun) importing = jobId;
  const answer = { ...job.view };
  void execute(db, config, { ...input, format }, job, columns, log);
  return answer;
}

async function execute(
  db: Kysely<Database>,
  config: Config,
  input: UploadInput & { format: FileFormat },
  job: Job,
  columns: string[],
  log: { error: (obj: unknown, msg: string) => void },
) {
  const { view } = job;
  try {
    // Yield first: the request that started the job is answered before the work takes the event loop.
    await new Promise((resolve) => setImmediate(resolve));
    view.state = 'running';
    view.rowsTotal = await countRows(input.format, input.kind, input.content);
    const result = await runImport(db, config, {
      kind: input.kind,
      fileName: input.fileName,
      content: Readable.from([input.content]),
      dryRun: input.dryRun,
      format: input.format,
      mapping: input.mapping,
      actor: input.actor,
      runId: view.jobId,
      onProgress: (rows) => {
        view.rowsProcessed = rows;
      },
    });
    const { report } = result;
    const errorFile = report.errors.some((e) => e.row > 1);
    if (errorFile)
      keep(
        view.jobId,
        {
          ownerId: input.actor.id,
          kind: input.kind,
          format: input.format,
          fileName: input.fileName,
          content: input.content,
          report,
          until: Date.now() + KEEP_MS,
        },
        Date.now(),
      );
    view.rowsProcessed = report.rows;
    view.result = {
      importId: view.jobId,
      fileName: input.fileName,
      dryRun: input.dryRun,
      columns,
      report,
      errorFile,
    };
    view.state = 'completed';
  } catch (err) {
    log.error({ err, jobId: view.jobId, kind: input.kind }, 'import job failed');
    view.state = 'failed';
    view.problem = {
      code: 'import.job_failed',
      detail:
        'The check or import stopped on an unexpected failure; nothing was imported. Run it again.',
    };
  } finally {
    if (importing === view.jobId) importing = null;
    job.until = Date.now() + KEEP_MS;
  }
}

const storedRun = z.object({ columns: z.array(z.string()).catch([]) });

/**
 * A job by its id, for the admin who started it. When this process no longer has it (a restart, or over an hour),
 * a real import that finished is told from its import_runs row; otherwise it is gone, and the screen says to run it
 * again: an import whose row does not exist wrote nothing (the row is written in the same transaction).
 */
export async function jobOf(
  db: Kysely<Database>,
  jobId: string,
  ownerId: string,
): Promise<ImportJob> {
  const job = jobs.get(jobId);
  if (job && job.ownerId === ownerId) return job.view;
  const run = job ? undefined : await findRun(db, jobId);
  if (!run || run.started_by !== ownerId || run.dry_run)
    throw notFound(
      'import.job_gone',
      'That check or import is not known any more, and no finished import has this id: nothing was imported by it. Run it again.',
    );
  const report = importReportSchema.parse(run.report);
  return {
    jobId,
    kind: run.kind,
    fileName: run.file_name,
    dryRun: false,
    state: 'completed',
    rowsProcessed: report.rows,
    rowsTotal: report.rows,
    result: {
      importId: jobId,
      fileName: run.file_name,
      dryRun: false,
      columns: storedRun.parse(run.report).columns,
      report: report as ImportReport,
      // The file itself was only ever in the memory that is gone.
      errorFile: false,
    },
    problem: null,
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
  for await (const item of readFile(entry.format, entry.kind, Readable.from([entry.content]))) {
    if ('header' in item) rows.push(['error', ...item.header.original]);
    else rows.push([(byLine.get(item.row.line) ?? []).join(' '), ...item.row.raw]);
  }
  // The name goes into a header: only characters that need no quoting there.
  const base = entry.fileName.replace(/\.(csv|xlsx)$/i, '').replace(/[^A-Za-z0-9._-]+/g, '_');
  return { fileName: `${base}-errors.csv`, csv: toCsv(rows) };
}
