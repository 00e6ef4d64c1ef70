// Usage: node bench/ach/cli-time.mjs [--runs=10] [--budget-ms=500]
// Times the shipped `hms-ach` command (the built JavaScript behind node_modules/.bin, what `npx hms-ach` runs) on a
// small file, start to exit, and prints the median and slowest run against the budget. Exit 1 when over budget.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { arg } from '../lib/args.mjs';

const runs = Number(arg('runs', '10'));
const budgetMs = Number(arg('budget-ms', '500'));
const root = fileURLToPath(new URL('../../', import.meta.url));
const file = '../shared/ach-testdata/ppd-credit.ach';

const times = [];
for (let i = 0; i < runs; i++) {
  const start = process.hrtime.bigint();
  execFileSync('node_modules/.bin/hms-ach', ['validate', file], { cwd: root, stdio: 'pipe' });
  times.push(Number(process.hrtime.bigint() - start) / 1e6);
}
const baseline = [];
for (let i = 0; i < runs; i++) {
  const start = process.hrtime.bigint();
  execFileSync(process.execPath, ['-e', '0'], { stdio: 'pipe' });
  baseline.push(Number(process.hrtime.bigint() - start) / 1e6);
}
const sorted = (xs) => [...xs].sort((a, b) => a - b);
const median = (xs) => sorted(xs)[Math.floor(xs.length / 2)];
const ms = (x) => `${x.toFixed(0)} ms`;
console.log(`hms-ach validate ${file}, ${runs} runs`);
console.log(
  `  median ${ms(median(times))}, slowest ${ms(Math.max(...times))}; budget ${budgetMs} ms`,
);
console.log(`  (node -e 0 on this machine now: median ${ms(median(baseline))})`);
const over = median(times) > budgetMs;
console.log(over ? '  OVER BUDGET' : '  within budget');
process.exitCode = over ? 1 : 0;
