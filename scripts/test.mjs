// `npm test`: every check the project has, in the order that fails fastest.
import { pnpm } from './pnpm.mjs';

const steps = [
  ['install', ['install', '--frozen-lockfile', '--reporter=silent']],
  ['typecheck', ['run', 'typecheck']],
  ['lint', ['run', 'lint']],
  ['format', ['run', 'format:check']],
  ['unit, component and API tests', ['run', 'test:unit']],
  ['build', ['run', 'build:web']],
  ['browser tests', ['run', 'test:e2e']],
];

const started = Date.now();
for (const [name, args] of steps) {
  const t = Date.now();
  console.log(`\n▶ ${name}`);
  pnpm(args);
  console.log(`✔ ${name} (${((Date.now() - t) / 1000).toFixed(1)} s)`);
}
console.log(`\nAll checks passed in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
