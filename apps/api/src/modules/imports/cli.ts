import { createReadStream } from 'node:fs';
import { access, constants, open } from 'node:fs/promises';
import path from 'node:path';
import type { Kysely } from 'kysely';
import type { Config } from '../../platform/config.ts';
import type { Database } from '../../platform/db/schema.ts';
import { columnMappingProblems, importKinds } from '@hms/contracts/imports';
import { runImport, UnreadableFile } from './service.ts';
import { formatOf } from './read-file.ts';

async function headOf(file: string): Promise<Buffer> {
  const handle = await open(file, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(4), 0, 4, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

const KINDS = importKinds;

const USAGE = `Usage: hms import ${KINDS.join('|')} FILE [--dry-run] [--map "File column=hms_column"]...`;

/** The arguments: `--map` (repeatable, `--map X=y` or `--map=X=y`) renames a file column; the rest is positional. */
function parseArgs(args: string[]) {
  const positional: string[] = [];
  const maps: string[] = [];
  let dryRun = false;
  let missingMap = false;
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i]!;
    if (arg === '--dry-run') dryRun = true;
    else if (arg === '--map') {
      if (i + 1 >= args.length) missingMap = true;
      else maps.push(args[++i]!);
    } else if (arg.startsWith('--map=')) maps.push(arg.slice('--map='.length));
    else positional.push(arg);
  }
  return { positional, maps, dryRun, missingMap };
}

/**
 * `hms import payees|requests FILE [--dry-run] [--map "Old=new"]...`: the report as the JSON to print, and the exit
 * code (0 nothing rejected, 1 rows rejected, 2 the file or the command could not be read, with the reason in `error`).
 */
export async function importFromPath(
  db: Kysely<Database>,
  config: Config,
  args: string[],
): Promise<{ output: unknown; exitCode: 0 | 1 | 2 }> {
  const { positional, maps, dryRun, missingMap } = parseArgs(args);
  const [kind, given, ...extra] = positional;
  if (
    !kind ||
    !(KINDS as readonly string[]).includes(kind) ||
    !given ||
    extra.length > 0 ||
    missingMap
  )
    return { output: { error: USAGE }, exitCode: 2 };
  const mapping: Record<string, string> = {};
  for (const m of maps) {
    const at = m.lastIndexOf('=');
    const from = m.slice(0, at).trim();
    if (at < 0 || !from)
      return {
        output: { error: `--map "${m}" is not "File column=hms_column". ${USAGE}` },
        exitCode: 2,
      };
    if (Object.hasOwn(mapping, from))
      return { output: { error: `The column "${from}" is mapped twice.` }, exitCode: 2 };
    mapping[from] = m.slice(at + 1).trim();
  }
  const problems = columnMappingProblems(kind as (typeof KINDS)[number], mapping);
  if (problems.length > 0)
    return { output: { error: problems.map((p) => p.message).join(' ') }, exitCode: 2 };
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
    const format = formatOf(await headOf(file), file);
    const { report } = await runImport(db, config, {
      kind: kind as (typeof KINDS)[number],
      fileName: path.basename(file),
      content: createReadStream(file),
      format,
      dryRun,
      mapping,
      actor: { id: null },
    });
    return { output: report, exitCode: report.rejected > 0 ? 1 : 0 };
  } catch (err) {
    if (err instanceof UnreadableFile || (err as NodeJS.ErrnoException).code === 'EISDIR')
      return { output: { error: (err as Error).message }, exitCode: 2 };
    throw err;
  }
}
