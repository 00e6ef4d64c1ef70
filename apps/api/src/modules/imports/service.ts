import { createHash } from 'node:crypto';
import { Transform, type Readable } from 'node:stream';
import type { Kysely, Transaction } from 'kysely';
import type { ImportedOrigin } from '@hms/contracts/imported';
import type { ImportKind, ImportReport } from '@hms/contracts/imports';
import type { Config } from '../../platform/config.ts';
import type { Database, Queryable } from '../../platform/db/schema.ts';
import { uuidv7 } from '../../platform/db/ids.ts';
import { appendAudit } from '../../platform/audit.ts';
import type { ColumnMapping, SourceRow } from './parse-csv.ts';
import { readFile, type FileFormat } from './read-file.ts';
import { PayeeImport } from './import-payees.ts';
import { RequestImport } from './import-requests.ts';
import type { BatchResult } from './run-context.ts';
import * as repo from './repo.ts';

export { UnreadableFile } from './parse-csv.ts';

export interface ImportInput {
  kind: ImportKind;
  fileName: string;
  content: Readable;
  dryRun: boolean;
  /** Who ran it: an admin in the browser, or null for the command line (the operator of the machine). */
  actor: { id: string | null; ip?: string | null };
  /** The id of the run (a real import's import_runs row); a new one when not given. */
  runId?: string;
  /** CSV unless said (formatOf tells from the file's first bytes). */
  format?: FileFormat;
  /** File column → HMS column, for a file whose header uses other names (checked with columnMappingProblems). */
  mapping?: ColumnMapping;
  /** Called after each batch with the rows checked so far: the browser's progress bar. */
  onProgress?: (rowsProcessed: number) => void;
}

export interface ImportResult {
  report: ImportReport;
  /** The stored run (a real import, done or refused); null for a dry run, which writes nothing at all. */
  runId: string | null;
  fileSha256: string;
  /** The header row as it was in the file. */
  columns: string[];
}

// Rows checked and written per round trip: large enough that 100,000 rows are a few hundred statements.
const BATCH = 500;

class Rollback extends Error {}

interface Processor {
  process(trx: Transaction<Database>, batch: SourceRow[], write: boolean): Promise<BatchResult>;
}

/**
 * Imports one file, all or nothing. Rows are read, checked and written batch by batch inside one transaction, so the
 * file is never held whole and the real rules (the database's included) are what a dry run applies: a dry run, or a
 * run with any rejected row, rolls the transaction back. Every error of every row is reported, never only the first.
 * A real run is one audit entry (file SHA-256, counts, who) and one import_runs row with its report, refused or not.
 */
export async function runImport(
  db: Kysely<Database>,
  config: Config,
  input: ImportInput,
): Promise<ImportResult> {
  const sha = createHash('sha256');
  const tapped = input.content.pipe(
    new Transform({
      transform(chunk: Buffer, _enc, done) {
        sha.update(chunk);
        done(null, chunk);
      },
    }),
  );
  input.content.on('error', (err) => tapped.destroy(err));
  const runId = input.runId ?? uuidv7();
  let columns: string[] = [];
  const report: ImportReport = {
    kind: input.kind,
    rows: 0,
    created: 0,
    updated: 0,
    unchanged: 0,
    rejected: 0,
    errors: [],
  };
  const ctx = { runId, fileName: input.fileName };
  const processor: Processor =
    input.kind === 'payees' ? new PayeeImport(config, ctx) : new RequestImport(config, ctx);
  let fileSha256 = '';

  const stored = async (trx: Transaction<Database>, status: 'completed' | 'rejected') => {
    await repo.finishRun(trx, runId, {
      status,
      rows: report.rows,
      created: report.created,
      updated: report.updated,
      unchanged: report.unchanged,
      rejected: report.rejected,
      // The header too: the screen tells a finished import from this row when the API no longer remembers the job.
      report: JSON.stringify({ ...report, columns }),
      file_sha256: fileSha256,
    });
    await appendAudit(trx, {
      actorId: input.actor.id,
      actorKind: input.actor.id ? 'user' : 'system',
      action: status === 'completed' ? 'import.completed' : 'import.rejected',
      entityType: 'import_run',
      entityId: runId,
      data: {
        kind: input.kind,
        fileName: input.fileName,
        fileSha256,
        rows: report.rows,
        created: report.created,
        updated: report.updated,
        unchanged: report.unchanged,
        rejected: report.rejected,
      },
      ip: input.actor.ip ?? null,
    });
  };
  const newRun = (trx: Transaction<Database>) =>
    repo.insertRun(trx, {
      id: runId,
      kind: input.kind,
      file_name: input.fileName,
      file_sha256: '',
      dry_run: false,
      status: 'rejected',
      rows: 0,
      created: 0,
      updated: 0,
      unchanged: 0,
      rejected: 0,
      report: '{}',
      started_by: input.actor.id,
    });

  try {
    await db.transaction().execute(async (trx) => {
      if (!input.dryRun) await repo.serializeImports(trx);
      // The run row first: the imported records written batch by batch point at it.
      await newRun(trx);
      let headerBad = false;
      let shown: Record<string, string> = {};
      let batch: SourceRow[] = [];
      const flush = async () => {
        if (batch.length === 0) return;
        const write = !headerBad && report.rejected === 0;
        const result = await processor.process(trx, batch, write);
        for (const o of result.outcomes) {
          report.rows += 1;
          // A mapped column is named as the file names it: that is the column the person fixes.
          for (const e of o.errors)
            report.errors.push(
              Object.hasOwn(shown, e.field) ? { ...e, field: shown[e.field]! } : e,
            );
          // No row can be imported while the header is wrong: each counts as rejected.
          report[headerBad ? 'rejected' : o.outcome] += 1;
        }
        batch = [];
        input.onProgress?.(report.rows);
      };
      for await (const item of readFile(input.format ?? 'csv', input.kind, tapped, input.mapping)) {
        if ('header' in item) {
          columns = item.header.original;
          shown = item.header.shown;
          report.errors.push(...item.header.errors);
          headerBad = item.header.errors.length > 0;
          continue;
        }
        batch.push(item.row);
        if (batch.length >= BATCH) await flush();
      }
      await flush();
      fileSha256 = sha.digest('hex');
      if (input.dryRun || report.rejected > 0) throw new Rollback();
      await stored(trx, 'completed');
    });
  } catch (err) {
    if (!(err instanceof Rollback)) throw err;
  }
  if (input.dryRun) return { report, runId: null, fileSha256, columns };
  if (report.rejected > 0)
    await db.transaction().execute(async (trx) => {
      await newRun(trx);
      await stored(trx, 'rejected');
    });
  return { report, runId, fileSha256, columns };
}

/** A stored run and its report (the administration screens read it back). */
export const findRun = (db: Kysely<Database>, id: string) => repo.findRun(db, id);

/**
 * Which of these requests were imported, and from where (the mark every screen shows). One statement for a page of
 * requests, never one per row; a request made in HMS is absent from the map.
 */
export async function requestOrigins(
  db: Queryable,
  requestIds: readonly string[],
): Promise<Map<string, ImportedOrigin>> {
  const rows = await repo.originsOf(db, 'requests', [...new Set(requestIds)]);
  return new Map(
    rows.map((r) => [
      r.entity_id,
      {
        externalId: r.external_id,
        sourceFile: r.source_file,
        importedAt: new Date(r.created_at).toISOString(),
        note: r.note,
      },
    ]),
  );
}
