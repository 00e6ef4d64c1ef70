// Builds each web app only when its inputs changed since its last build, so a second `npm start`
// is quick. The inputs are hashed (not timestamps) so a fresh clone always builds once.
import { createHash } from 'node:crypto';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pnpm, root } from './pnpm.mjs';

const apps = ['shell', 'intake', 'approvals', 'finance', 'admin'];
const sharedInputs = [
  'pnpm-lock.yaml',
  'federation.shared.mjs',
  'tsconfig.base.json',
  'packages/ui/src',
  'packages/intake-form/src',
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

const compressible = /\.(js|mjs|css|html|svg|json|txt|map)$/;

/** Writes .br and .gz beside every text asset so the server can send them as they are (preCompressed). */
function precompress(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const file = join(dir, entry.name);
    if (entry.isDirectory()) precompress(file);
    else if (compressible.test(entry.name) && statSync(file).size > 1024) {
      const data = readFileSync(file);
      writeFileSync(`${file}.gz`, gzipSync(data, { level: 9 }));
      writeFileSync(
        `${file}.br`,
        brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
      );
    }
  }
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
    precompress(join(root, 'apps', app, 'dist'));
    writeFileSync(stamp, hash);
  }
}

if (import.meta.url === `file://${process.argv[1]}`)
  buildStale({ force: process.argv.includes('--force') });
