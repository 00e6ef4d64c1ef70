// The one place that knows how to run the pinned pnpm without a global install (corepack cannot
// fetch pnpm on the machines we target).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('..', import.meta.url));
const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
export const pnpmSpec = pkg.packageManager; // e.g. "pnpm@10.26.1"

/** Runs a command in the repository root, inheriting stdio; exits the process on failure. */
export function run(cmd, args, opts = {}) {
  const res = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', ...opts });
  if (res.status !== 0) {
    const why = res.error ? res.error.message : `exit code ${res.status}`;
    console.error(`\n✖ ${cmd} ${args.join(' ')} failed (${why})`);
    process.exit(res.status || 1);
  }
}

export function pnpm(args, opts) {
  run('npx', ['-y', pnpmSpec, ...args], opts);
}
