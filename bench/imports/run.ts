// Benchmark of the imports (issue 12) on PostgreSQL: the dry run and the real import of 10,000 and 100,000 generated
// payees, then of as many requests (one per payee, in the demo seed's programs), each through the real command
// (`hms import payees|requests FILE [--dry-run]`) in its own process, with its wall time and peak RSS. Budget: each
// under 60 s, and memory that does not grow with the file. Exits 1 when a budget fails.
// Run from the repo root: pnpm bench:imports   (or node --import tsx bench/imports/run.ts)
// Database: BENCH_DATABASE_URL, else DATABASE_URL, else postgres://postgres@127.0.0.1:5432/test; the bench creates
// its own scratch database (hms_bench_imports_<pid>) on that server and drops it at the end.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createWriteStream, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type * as PgModule from '../../apps/api/node_modules/pg';
import { checkDigit } from '../../packages/ach/src/routing.ts';
import { importableRequestStatuses } from '../../packages/contracts/src/imports.ts';

// pg is a dependency of the api package; load it from there (the bench has no copy of its own).
const requireFromApi = createRequire(new URL('../../apps/api/package.json', import.meta.url));
const pg = requireFromApi('pg') as typeof PgModule;

const SIZES = [10_000, 100_000] as const;
const BUDGET_SECONDS = 60;
// Memory: peak RSS mixes the runtime (Node, tsx and pg alone are ~150 MB) with garbage not yet collected, whose
// amount depends on how long the run lasts. So the verdict is on the live heap (heap used right after a full
// collection, sampled every second in one more dry run of each size, with --expose-gc so the timed runs are not
// slowed): at 100,000 rows it may be at most 1.5 times what it is at 10,000. A command that streams stays flat; one
// that keeps something per row grows with the file.
const MAX_GROWTH = 1.5;

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CLI = path.join(ROOT, 'apps/api/src/cli.ts');
const PRELOAD = fileURLToPath(new URL('./peak-rss.mjs', import.meta.url));

const serverUrl =
  process.env.BENCH_DATABASE_URL ??
  process.env.DATABASE_URL ??
  'postgres://postgres@127.0.0.1:5432/test';
const scratchName = `hms_bench_imports_${process.pid}`;
const scratchUrl = (() => {
  const u = new URL(serverUrl);
  u.pathname = `/${scratchName}`;
  return u.toString();
})();

const FIRST = [
  'Rosa',
  'Thomas',
  'Mei',
  'Hector',
  'Amara',
  'Wei',
  'Olivia',
  'José',
  'Fatima',
  'Lucas',
];
const LAST = [
  'Delgado',
  'Reed',
  'Tanaka',
  'Ruiz',
  'Okafor',
  'Chen',
  'Brown',
  'Núñez',
  'Ali',
  'Silva',
  'Kim',
];
// First two digits of routing numbers that receive ACH credits (Federal Reserve districts, thrifts, electronic).
const PREFIXES = ['01', '02', '04', '07', '09', '11', '12', '21', '26', '31', '32', '61', '72'];

/** A deterministic pseudo-random digit string (xorshift), so the files are the same on every run. */
function digits(seed: number, count: number): string {
  let x = (seed * 2654435761) >>> 0 || 1;
  let out = '';
  for (let i = 0; i < count; i++) {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    out += String(x % 10);
  }
  return out;
}

/**
 * One valid payee line. `tag` keeps the files apart (ids, emails and bank accounts are unique across both files, so
 * the second import creates every row and no row carries a shared-account warning). Varied on purpose: 7 to 17 digit
 * account numbers (some written with dashes or spaces), names with commas (quoted cells), accents, empty phones.
 */
function payeeLine(tag: number, i: number): string {
  const name = `${FIRST[i % FIRST.length]} ${LAST[(i >> 3) % LAST.length]} ${i}`;
  const first8 = PREFIXES[i % PREFIXES.length]! + digits(i, 6);
  const routing = first8 + String(checkDigit(first8));
  const accountLength = 7 + (i % 11);
  let account = digits(i + 7, accountLength - 7) + String(tag) + String(i).padStart(6, '0');
  if (i % 10 === 3) account = `${account.slice(0, 3)}-${account.slice(3)}`;
  else if (i % 10 === 7) account = `${account.slice(0, 4)} ${account.slice(4)}`;
  const holder =
    i % 7 === 0 ? `"${LAST[(i >> 3) % LAST.length]}, ${FIRST[i % FIRST.length]}"` : name;
  const phone =
    i % 5 === 0 ? '' : `555-01${digits(i + 3, 1)}-${String(i % 10_000).padStart(4, '0')}`;
  return [
    `B${tag}-${String(i).padStart(6, '0')}`,
    name,
    `payee.${tag}.${i}@example.org`,
    phone,
    i % 3 === 0 ? 'es' : 'en',
    routing,
    account,
    i % 4 === 0 ? 'savings' : 'checking',
    holder,
  ].join(',');
}

const HEADER =
  'external_id,full_name,email,phone,language,routing_number,account_number,account_type,holder_name';

// The demo seed's programs (`hms seed`) and their maximum amounts in cents; the requests spread over all three.
const PROGRAMS = [
  { slug: 'home-energy-rebate', maxCents: 200_000 },
  { slug: 'small-business-relief', maxCents: 2_500_000 },
  { slug: 'permit-fee-refund', maxCents: 150_000 },
];
const STATUSES = importableRequestStatuses;
const DAY = 86_400_000;
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * One valid request line for the payee `payeeLine(tag, i)` imported before it. Every status, so the import writes
 * pending and settled payments and one to three past steps per request; dates alone and date-times with an offset,
 * all in the past and in order; a staff member's email on most decided rows; some notes (quoted, with commas).
 */
function requestLine(tag: number, i: number): string {
  const program = PROGRAMS[i % PROGRAMS.length]!;
  const status = STATUSES[(i >> 1) % STATUSES.length]!;
  const cents = 100 + ((i * 7919) % (program.maxCents - 100));
  const amount = i % 4 === 0 ? String(Math.floor(cents / 100)) : (cents / 100).toFixed(2);
  const submittedMs = Date.UTC(2023, 0, 2) + (i % 1000) * DAY;
  const decidedMs = submittedMs + (3 + (i % 18)) * DAY;
  const submitted = i % 3 === 0 ? `${day(submittedMs)}T14:30:00-05:00` : day(submittedMs);
  const decides = status !== 'submitted' && status !== 'in_review';
  const decided = decides && (status !== 'withdrawn' || i % 2 === 0) ? day(decidedMs) : '';
  const paid = status === 'paid' ? day(decidedMs + (2 + (i % 9)) * DAY) : '';
  const decidedBy =
    status !== 'submitted' && status !== 'withdrawn' && i % 5 !== 0 ? 'approver@example.gov' : '';
  const note =
    i % 5 === 0
      ? `"Case ${i}, moved from the old system"`
      : i % 5 === 1
        ? 'Revisado por teléfono'
        : '';
  return [
    `R${tag}-${String(i).padStart(6, '0')}`,
    program.slug,
    `B${tag}-${String(i).padStart(6, '0')}`,
    amount,
    status,
    submitted,
    decided,
    paid,
    decidedBy,
    note,
  ].join(',');
}

const REQUESTS_HEADER =
  'external_id,program,payee_external_id,amount,status,submitted_at,decided_at,paid_at,decided_by_email,note';

type Kind = 'payees' | 'requests';
const FORMATS: Record<Kind, { header: string; line: (tag: number, i: number) => string }> = {
  payees: { header: HEADER, line: payeeLine },
  requests: { header: REQUESTS_HEADER, line: requestLine },
};

/** Writes the file as a stream, respecting backpressure, so the bench never holds the file either. */
async function writeFile(kind: Kind, file: string, tag: number, rows: number): Promise<void> {
  const { header, line } = FORMATS[kind];
  const out = createWriteStream(file, 'utf8');
  out.write(header + '\r\n');
  for (let i = 1; i <= rows; i++) {
    if (!out.write(line(tag, i) + '\r\n')) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

interface Report {
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  errors: unknown[];
}

interface Measurement {
  kind: Kind;
  rows: number;
  phase: 'dry run' | 'import';
  seconds: number;
  peakMB: number;
  cpuSeconds: number;
  liveHeapMB: number;
  report: Report;
}

const mb = (bytes: number): number => Math.round((bytes / 1024 / 1024) * 10) / 10;

function hms(args: string[], env: NodeJS.ProcessEnv, rssFile: string, liveHeap = false) {
  const t0 = process.hrtime.bigint();
  const node = ['--import', 'tsx', '--import', PRELOAD, ...(liveHeap ? ['--expose-gc'] : [])];
  const r = spawnSync(process.execPath, [...node, CLI, ...args], {
    cwd: ROOT,
    env: { ...env, HMS_BENCH_RSS_FILE: rssFile },
    encoding: 'utf8',
    maxBuffer: 256 << 20,
  });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  if (r.error) throw r.error;
  const usage =
    r.status === null
      ? { peakRssBytes: 0, cpuSeconds: 0, liveHeapBytes: 0 }
      : (JSON.parse(readFileSync(rssFile, 'utf8')) as {
          peakRssBytes: number;
          cpuSeconds: number;
          liveHeapBytes: number;
        });
  return {
    status: r.status,
    stdout: r.stdout,
    stderr: r.stderr,
    seconds,
    peakMB: mb(usage.peakRssBytes),
    cpuSeconds: usage.cpuSeconds,
    liveHeapMB: mb(usage.liveHeapBytes),
  };
}

function measure(
  kind: Kind,
  rows: number,
  phase: Measurement['phase'],
  file: string,
  env: NodeJS.ProcessEnv,
  rssFile: string,
  liveHeap = false,
): Measurement {
  const args = ['import', kind, file, ...(phase === 'dry run' ? ['--dry-run'] : [])];
  const r = hms(args, env, rssFile, liveHeap);
  if (r.status !== 0)
    throw new Error(
      `hms ${args.join(' ')} exited ${r.status}:\n${r.stderr}\n${r.stdout.slice(0, 4000)}`,
    );
  const report = JSON.parse(r.stdout) as Report;
  // The files are valid and new to the database: anything else means the bench measured the wrong thing.
  if (report.rows !== rows || report.created !== rows || report.errors.length > 0)
    throw new Error(
      `unexpected report for ${phase} of ${rows} ${kind}: ${r.stdout.slice(0, 4000)}`,
    );
  return { kind, rows, phase, ...r, report };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'hms-bench-imports-'));
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${scratchName}`);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: scratchUrl,
    HMS_DATA_DIR: path.join(dir, 'data'),
    HMS_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    HMS_LOG_LEVEL: 'silent',
  };
  const rssFile = path.join(dir, 'rss');
  let failed = false;
  // Ctrl-C reaches the running command too, which then fails: the finally below still drops the scratch database.
  process.on('SIGINT', () => console.error('Interrupted; dropping the scratch database.'));
  try {
    const migrate = hms(['migrate'], env, rssFile);
    if (migrate.status !== 0) throw new Error(`hms migrate failed:\n${migrate.stderr}`);
    // The demo seed's programs and staff: what the requests name (program slugs, decided_by_email).
    const seed = hms(['seed'], env, rssFile);
    if (seed.status !== 0) throw new Error(`hms seed failed:\n${seed.stderr}`);

    // A header-only file: what the command costs before it reads a single row (Node, tsx, pg, the migration check).
    const empty = path.join(dir, 'empty.csv');
    writeFileSync(empty, HEADER + '\r\n');
    const base = hms(['import', 'payees', empty, '--dry-run'], env, rssFile);
    if (base.status !== 0)
      throw new Error(`hms import of a header-only file failed:\n${base.stderr}`);
    const baseMB = base.peakMB;

    const files = new Map<string, string>();
    const fileOf = (kind: Kind, rows: number) => files.get(`${kind}-${rows}`)!;
    for (const kind of ['payees', 'requests'] as const)
      for (const [tag, rows] of SIZES.entries()) {
        const file = path.join(dir, `${kind}-${rows}.csv`);
        const t0 = process.hrtime.bigint();
        await writeFile(kind, file, tag + 1, rows);
        const s = Number(process.hrtime.bigint() - t0) / 1e9;
        console.log(
          `Generated ${rows.toLocaleString('en-US')} ${kind} (${mb(readFileSync(file).length)} MB) in ${s.toFixed(1)} s`,
        );
        files.set(`${kind}-${rows}`, file);
      }

    // Per kind, dry runs first: they change nothing, so the live-heap runs after them still create every row as the
    // imports do. The requests go after the payees' imports: each names a payee imported before it.
    const results: Measurement[] = [];
    const live = new Map<Kind, Measurement[]>();
    for (const kind of ['payees', 'requests'] as const) {
      const dry = SIZES.map((rows) =>
        measure(kind, rows, 'dry run', fileOf(kind, rows), env, rssFile),
      );
      live.set(
        kind,
        SIZES.map((rows) => measure(kind, rows, 'dry run', fileOf(kind, rows), env, rssFile, true)),
      );
      const imports = SIZES.map((rows) =>
        measure(kind, rows, 'import', fileOf(kind, rows), env, rssFile),
      );
      results.push(...SIZES.flatMap((_, i) => [dry[i]!, imports[i]!]));
    }

    console.log(
      `\nImports on PostgreSQL, Node ${process.version}; each line is one \`hms import\` process: wall ` +
        'time from start to exit (Node and tsx start-up, migration check, the import) and its peak RSS.',
    );
    console.log(
      `A header-only file takes ${base.seconds.toFixed(1)} s and ${baseMB} MB: the command's cost before any row.\n`,
    );
    console.log(
      '| file     |    rows | phase   | seconds | CPU s of the command | peak MB | above header-only MB |  rows/s |',
    );
    console.log(
      '| -------- | ------: | ------- | ------: | -------------------: | ------: | -------------------: | ------: |',
    );
    for (const m of results)
      console.log(
        `| ${m.kind.padEnd(8)} | ${m.rows.toLocaleString('en-US').padStart(7)} | ${m.phase.padEnd(7)} | ${m.seconds.toFixed(1).padStart(7)} | ` +
          `${m.cpuSeconds.toFixed(1).padStart(20)} | ` +
          `${m.peakMB.toFixed(1).padStart(7)} | ${(m.peakMB - baseMB).toFixed(1).padStart(20)} | ` +
          `${Math.round(m.rows / m.seconds)
            .toLocaleString('en-US')
            .padStart(7)} |`,
      );

    console.log('');
    for (const m of results) {
      const ok = m.seconds < BUDGET_SECONDS;
      failed ||= !ok;
      console.log(
        `${ok ? 'PASS' : 'FAIL'} ${m.phase} of ${m.rows.toLocaleString('en-US')} ${m.kind}: ${m.seconds.toFixed(1)} s (budget < ${BUDGET_SECONDS} s)`,
      );
    }
    for (const [kind, [small, large]] of live) {
      const growth = large!.liveHeapMB / small!.liveHeapMB;
      const ok = growth <= MAX_GROWTH;
      failed ||= !ok;
      console.log(
        `${ok ? 'PASS' : 'FAIL'} memory of the ${kind} import: live heap ${small!.liveHeapMB} MB at ` +
          `${small!.rows.toLocaleString('en-US')} rows, ${large!.liveHeapMB} MB at ` +
          `${large!.rows.toLocaleString('en-US')} (${growth.toFixed(2)}×, budget ≤ ${MAX_GROWTH}×): ` +
          `${ok ? 'does not grow with the file' : 'grows with the file'} (dry runs with a full collection every ` +
          `second; their peak RSS ${small!.peakMB} → ${large!.peakMB} MB)`,
      );
    }
  } finally {
    await admin.query(`drop database if exists ${scratchName} with (force)`);
    await admin.end();
    rmSync(dir, { recursive: true, force: true });
  }
  if (failed) process.exitCode = 1;
}

await main();
