import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import type { Kysely } from 'kysely';
import { IMPORT_COLUMNS, type ImportKind } from '@hms/contracts/imports';
import type { Config } from '../../platform/config.ts';
import type { Database } from '../../platform/db/schema.ts';
import { appendAudit } from '../../platform/audit.ts';
import { open } from '../../platform/keyring.ts';
import { toCsv } from '../../platform/csv.ts';
import * as readModels from '../read-models/service.ts';
import { payeeCells, requestCells } from './export-rows.ts';

export interface ExportInput {
  kind: ImportKind;
  /** The payees' full account numbers instead of their last four; the caller has checked the admin role. */
  fullAccountNumbers: boolean;
  /** Who asked: an admin in the browser, or null for the command line (the operator of the machine). */
  actor: { id: string | null; ip?: string | null };
}

export interface ExportSummary {
  kind: ImportKind;
  rows: number;
  fullAccountNumbers: boolean;
  fileSha256: string;
  /** False when the reader went away before the end (the browser closed): the entry says how far it got. */
  completed: boolean;
}

// Rows read per page: memory holds one page, whatever the table holds.
export const EXPORT_PAGE = 500;

async function* pages(
  db: Kysely<Database>,
  config: Config,
  kind: ImportKind,
  full: boolean,
): AsyncGenerator<Array<Array<string | null>>> {
  let after: string | null = null;
  for (;;) {
    if (kind === 'payees') {
      const page = await readModels.exportPayees(db, { after, limit: EXPORT_PAGE }, full);
      if (page.length === 0) return;
      yield page.map((p) =>
        payeeCells(
          p,
          full && 'account_number_enc' in p ? open(config, p.account_number_enc as string) : null,
        ),
      );
      after = page.at(-1)!.id;
    } else {
      const page = await readModels.exportRequests(db, { after, limit: EXPORT_PAGE });
      if (page.length === 0) return;
      yield page.flatMap((r) => {
        const cells = requestCells(r);
        return cells ? [cells] : [];
      });
      after = page.at(-1)!.id;
    }
  }
}

/**
 * One export as a stream of CSV text in the import format (header first, then one page of rows at a time), so an
 * agency's 100,000 rows go out in the memory of one page. When the stream ends, or stops because the reader left,
 * one audit entry says who exported what: the kind, the rows, whether full account numbers went out (a distinct
 * action), and the SHA-256 of the bytes written. `done` resolves with the same summary once the entry is written.
 */
export function exportCsv(
  db: Kysely<Database>,
  config: Config,
  input: ExportInput,
): { stream: Readable; done: Promise<ExportSummary> } {
  // Requests carry no account numbers: the option means nothing for them and is not recorded as if it had.
  const full = input.kind === 'payees' && input.fullAccountNumbers;
  const sha = createHash('sha256');
  let rows = 0;
  let completed = false;
  let settle!: (s: ExportSummary) => void;
  let fail!: (e: unknown) => void;
  const done = new Promise<ExportSummary>((resolve, reject) => {
    settle = resolve;
    fail = reject;
  });
  // The audit write cannot be awaited by a reader that left, so its failure is reported through `done` only.
  done.catch(() => {});

  async function* generate(): AsyncGenerator<Buffer> {
    try {
      const header = Buffer.from(toCsv([IMPORT_COLUMNS[input.kind]]));
      sha.update(header);
      yield header;
      for await (const page of pages(db, config, input.kind, full)) {
        if (page.length === 0) continue;
        const chunk = Buffer.from(toCsv(page));
        sha.update(chunk);
        rows += page.length;
        yield chunk;
      }
      completed = true;
    } finally {
      const summary: ExportSummary = {
        kind: input.kind,
        rows,
        fullAccountNumbers: full,
        fileSha256: sha.digest('hex'),
        completed,
      };
      try {
        await db.transaction().execute((trx) =>
          appendAudit(trx, {
            actorId: input.actor.id,
            actorKind: input.actor.id ? 'user' : 'system',
            action: full ? 'export.full_account_numbers' : 'export.completed',
            entityType: 'export',
            entityId: null,
            data: { ...summary },
            ip: input.actor.ip ?? null,
          }),
        );
        settle(summary);
      } catch (err) {
        fail(err);
      }
    }
  }
  return { stream: Readable.from(generate(), { objectMode: false }), done };
}
