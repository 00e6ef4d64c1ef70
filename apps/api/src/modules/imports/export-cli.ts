import { createWriteStream } from 'node:fs';
import path from 'node:path';
import type { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Kysely } from 'kysely';
import { importKinds, type ImportKind } from '@hms/contracts/imports';
import type { Config } from '../../platform/config.ts';
import type { Database } from '../../platform/db/schema.ts';
import { exportCsv } from './export-run.ts';

export const EXPORT_USAGE = `Usage: hms export ${importKinds.join('|')} [--out FILE] [--full-account-numbers]`;

/**
 * `hms export payees|requests [--out FILE] [--full-account-numbers]`: the CSV goes to FILE, or to `stdout` when none
 * is given; the report (kind, rows, whether full numbers, the file's SHA-256) is what to print on stderr. Whoever
 * runs the command holds the database and its key, so the full numbers need no role here; the audit log still
 * records them as a full-number export.
 */
export async function exportToPath(
  db: Kysely<Database>,
  config: Config,
  args: string[],
  stdout: Writable,
): Promise<{ report: unknown; exitCode: 0 | 2 }> {
  const full = args.includes('--full-account-numbers');
  const rest = args.filter((a) => a !== '--full-account-numbers');
  let out: string | null = null;
  const outAt = rest.indexOf('--out');
  if (outAt >= 0) {
    out = rest[outAt + 1] ?? null;
    if (!out || out.startsWith('--')) return { report: { error: EXPORT_USAGE }, exitCode: 2 };
    rest.splice(outAt, 2);
  }
  const [kind, ...extra] = rest;
  if (!kind || !(importKinds as readonly string[]).includes(kind) || extra.length > 0)
    return { report: { error: EXPORT_USAGE }, exitCode: 2 };
  // `pnpm hms` runs in apps/api; the path the person typed is relative to where they typed it.
  const file = out ? path.resolve(process.env.INIT_CWD ?? process.cwd(), out) : null;
  const { stream, done } = exportCsv(db, config, {
    kind: kind as ImportKind,
    fullAccountNumbers: full,
    actor: { id: null },
  });
  try {
    // A path that cannot be written fails the pipeline: the export stops and its audit entry says how far it got.
    await pipeline(stream, file ? createWriteStream(file, { flags: 'w' }) : stdout, {
      end: file !== null,
    });
  } catch (err) {
    stream.destroy();
    await done.catch(() => {});
    return {
      report: { error: `The export could not be written: ${(err as Error).message}` },
      exitCode: 2,
    };
  }
  const summary = await done;
  return { report: { ...summary, ...(out ? { file: out } : {}) }, exitCode: 0 };
}
