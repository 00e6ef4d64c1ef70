#!/usr/bin/env node
// hms-ach: validate or dump NACHA files from the command line.
//   hms-ach validate FILE [--lenient]   exit 0 valid, 1 invalid; JSON report on stdout
//   hms-ach parse FILE [--lenient]      the file as JSON, with its returns and NOCs listed
// Usage errors exit 2 with a message on stderr. FILE may be gzip-compressed (.gz).
import { readFileSync, realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { parseFile } from './parse.ts';
import { listChanges, listReturns } from './returns.ts';

const USAGE = 'usage: hms-ach validate FILE [--lenient] | hms-ach parse FILE [--lenient]';

export function runCli(
  argv: string[],
  cwd: string,
): { code: number; stdout: string; stderr: string } {
  const flags = argv.filter((a) => a.startsWith('--'));
  const args = argv.filter((a) => !a.startsWith('--'));
  const unknown = flags.filter((f) => f !== '--lenient');
  const [command, path, ...extra] = args;
  if (unknown.length > 0)
    return { code: 2, stdout: '', stderr: `unknown option ${unknown.join(', ')}\n${USAGE}\n` };
  if ((command !== 'validate' && command !== 'parse') || path === undefined || extra.length > 0) {
    return { code: 2, stdout: '', stderr: `${USAGE}\n` };
  }
  let text: string;
  try {
    const buf = readFileSync(resolve(cwd, path));
    // latin1 keeps one character per byte, so positions in messages are byte positions.
    text = (path.endsWith('.gz') ? gunzipSync(buf) : buf).toString('latin1');
  } catch (err) {
    return { code: 2, stdout: '', stderr: `cannot read ${path}: ${(err as Error).message}\n` };
  }
  const result = parseFile(text, { lenient: flags.includes('--lenient') });
  const valid = result.errors.length === 0;
  const body =
    command === 'validate'
      ? { valid, errors: result.errors, warnings: result.warnings }
      : {
          valid,
          file: result.file,
          returns: listReturns(result.file),
          changes: listChanges(result.file),
          errors: result.errors,
          warnings: result.warnings,
        };
  return { code: valid ? 0 : 1, stdout: JSON.stringify(body, null, 2) + '\n', stderr: '' };
}

// Run only when executed directly, so tests can import runCli. The real path, because npx and node_modules/.bin
// reach this file through a link.
if (
  process.argv[1] !== undefined &&
  import.meta.url === pathToFileURL(realpathSync(resolve(process.argv[1]))).href
) {
  const { code, stdout, stderr } = runCli(process.argv.slice(2), process.cwd());
  process.stdout.write(stdout);
  process.stderr.write(stderr);
  process.exitCode = code;
}
