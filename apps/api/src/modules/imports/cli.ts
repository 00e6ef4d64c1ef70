import { createReadStream } from 'node:fs';
import { access, constants } from 'node:fs/promises';
import path from 'node:path';
import type { Kysely } from 'kysely';
import type { Config } from '../../platform/config.ts';
import type { Database } from '../../platform/db/schema.ts';
import { importKinds } from '@hms/contracts/imports';
import { runImport, UnreadableFile } from './service.ts';

const KINDS = importKinds;

/**
 * `hms import payees|requests FILE [--dry-run]`: the report as the JSON to print, and the exit code (0 nothing rejected,
 * 1 rows rejected, 2 the file or the command could not be read, with the reason in `error`).
 */
export async function importFromPath(
  db: Kysely<Database>,
  config: Config,
  args: string[],
): Promise<{ output: unknown; exitCode: 0 | 1 | 2 }> {
  const dryRun = args.includes('--dry-run');
  const [kind, given, ...extra] = args.filter((a) => a !== '--dry-run');
  if (!kind || !(KINDS as readonly string[]).includes(kind) || !given || extra.length > 0)
    return {
      output: { error: `Usage: hms import ${KINDS.join('|')} FILE [--dry-run]` },
      exitCode: 2,
    };
  // `pnpm hms` runs in apps/api; the path the person typed is relative to where they typed it.
  const file = path.resolve(process.env.INIT_CWD ?? process.cwd(), given);
  try {
    await access(file, constants.R_OK);
  } catch (err) {
    return {
      output: { error: `The file ${given} cannot be read: ${(err as Error).message}` },
      exitCode: 2,
    };
  }
  try {
    const { report } = await runImport(db, config, {
      kind: kind as (typeof KINDS)[number],
      fileName: path.basename(file),
      content: createReadStream(file),
      dryRun,
      actor: { id: null },
    });
    return { output: report, exitCode: report.rejected > 0 ? 1 : 0 };
  } catch (err) {
    if (err instanceof UnreadableFile || (err as NodeJS.ErrnoException).code === 'EISDIR')
      return { output: { error: (err as Error).message }, exitCode: 2 };
    throw err;
  }
}
