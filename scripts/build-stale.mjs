// Builds each web app only when its inputs changed since its last build, so a second `npm start`
// is quick. The inputs are hashed (not timestamps) so a fresh clone always builds once.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pnpm, root } from './pnpm.mjs';

const apps = ['shell', 'intake', 'approvals', 'finance'];
const sharedInputs = [
  'pnpm-lock.yaml',
  'federation.shared.mjs',
  'tsconfig.base.json',
  'packages/ui/src',
  'packages/api-client/src',
  'packages/contracts/src',
];

function listFiles(path) {
  const abs = join(root, path);
  if (!existsSync(abs)) return [];
  if (statSync(abs).isFile()) return [abs];
  return readdirSync(abs, { withFileTypes: true }).flatMap((entry) =>
    entry.name === 'node_modules' || entry.name === 'dist'
      ? []
      : listFiles(relative(root, join(abs, entry.name))),
  );
}

function inputHash(app) {
  const hash = createHash('sha256');
  const files = [...sharedInputs, `apps/${app}`].flatMap(listFiles).sort();
  for (const file of files) {
    hash.update(relative(root, file));
    hash.update(readFileSync(file));
  }
  return hash.digest('hex');
}

export function buildStale({ force = false } = {}) {
  for (const app of apps) {
    const stamp = join(root, 'apps', app, 'dist', '.build-hash');
    const hash = inputHash(app);
    if (!force && existsSync(stamp) && readFileSync(stamp, 'utf8') === hash) {
      console.log(`• ${app}: up to date`);
      continue;
    }
    console.log(`• ${app}: building`);
    pnpm(['--filter', `@hms/${app}`, 'run', 'build']);
    writeFileSync(stamp, hash);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) buildStale({ force: process.argv.includes('--force') });
