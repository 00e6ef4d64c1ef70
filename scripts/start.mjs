// `npm start` on a fresh clone: install with the pinned pnpm and the frozen lockfile, build what is
// stale, then run the API, which migrates and seeds the embedded database and serves the shell and
// the three remotes on one port.
import { pnpm, run } from './pnpm.mjs';

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 19)) {
  console.error(`HMS needs Node.js 20.19 or newer; this is ${process.versions.node}.`);
  process.exit(1);
}

console.log('HMS: installing dependencies (pinned pnpm, frozen lockfile)…');
pnpm(['install', '--frozen-lockfile', '--reporter=silent']);

console.log('HMS: building web apps that changed…');
const { buildStale } = await import('./build-stale.mjs');
buildStale();

run('node', ['--import', 'tsx', 'apps/api/src/main.ts'], {
  env: { ...process.env, NODE_ENV: 'production' },
});
