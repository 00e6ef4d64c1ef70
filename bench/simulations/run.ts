// Policy simulation benchmark (issue 14 part 3): the time POST /api/simulations takes to replay 100,000 and 1,000,000
// past requests of one program and period on PostgreSQL (targets: under 2 s and under 10 s).
// Run from the repo root:  pnpm bench:simulations [--sizes=100000,1000000] [--runs=5] [--reuse] [--keep] [--explain]
//   [--only=100000]
//   --sizes    requests submitted in the simulated period, one bench program each (a copy of home-energy-rebate)
//   --runs     timed runs of each scenario, after one warm-up run
//   --keep     keep the seeded database at the end (it is dropped otherwise); --reuse runs on a kept one
//   --only     measure only these of the seeded sizes
//   --explain  print EXPLAIN (ANALYZE, BUFFERS) of every query one simulation of each scenario sends
// PostgreSQL: BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres) names the server; the bench
// drops and creates its own database, hms_bench_sim (or BENCH_DB_NAME), on it and touches no other.
// Each run calls simulations/service.ts#simulate, the function the route calls, on a real Kysely/pg pool. Exits 1
// when a run is over its target, or when two runs of the same input give different figures (checksum).
import { createHash } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type * as PgModule from '../../apps/api/node_modules/pg';
import type * as KyselyModule from '../../apps/api/node_modules/kysely';
import type { Kysely } from '../../apps/api/node_modules/kysely';
import { parseConfig } from '../../apps/api/src/platform/config.ts';
import { openDb } from '../../apps/api/src/platform/db/connect.ts';
import { migrateToLatest } from '../../apps/api/src/platform/db/migrate.ts';
import type { Database } from '../../apps/api/src/platform/db/schema.ts';
import { seedUsersAndPrograms } from '../../apps/api/src/seed.ts';
import { initialiseSettings } from '../../apps/api/src/modules/settings/service.ts';
import { keepTotalsInZone } from '../../apps/api/src/modules/finance/service.ts';
import { simulate } from '../../apps/api/src/modules/simulations/service.ts';
import { toZonedDate, startOfZonedDay } from '../../packages/contracts/src/business-days.ts';
import type { SimulationChanges } from '../../packages/contracts/src/simulations.ts';
import {
  dropHelpers,
  seedPeopleStatements,
  seedProgramStatements,
  type BenchProgram,
} from './seed.sql.ts';
import { explain, queryRecorder } from '../lib/explain.ts';

// pg and kysely are dependencies of the api package; load them from there (the bench has no copy of its own).
const requireFromApi = createRequire(new URL('../../apps/api/package.json', import.meta.url));
const pg = requireFromApi('pg') as typeof PgModule;
const { sql } = requireFromApi('kysely') as typeof KyselyModule;

const arg = (name: string) =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const flag = (name: string) => process.argv.includes(`--${name}`);
const SIZES = (arg('sizes') ?? '100000,1000000').split(',').map(Number);
if (SIZES.some((n) => !Number.isInteger(n) || n < 100))
  throw new Error('--sizes takes whole numbers of requests (at least 100), comma-separated.');
const RUNS = Number(arg('runs') ?? 5);
// --only=N[,N]: measure only these of the seeded sizes (on a --reuse database, after a change to one path).
const ONLY = arg('only')?.split(',').map(Number);
const REUSE = flag('reuse');
const KEEP = flag('keep') || REUSE;
const EXPLAIN = flag('explain');
const DB_NAME = process.env.BENCH_DB_NAME ?? 'hms_bench_sim';
if (!/^[a-z_][a-z0-9_]*$/.test(DB_NAME))
  throw new Error('BENCH_DB_NAME must be a plain lower-case identifier (letters, digits, _).');
const TIME_ZONE = 'America/New_York';
/** The issue's targets: 100,000 requests under 2 s, 1,000,000 under 10 s (linear in between, for other sizes). */
const targetMs = (rows: number) =>
  rows <= 100_000 ? 2000 : rows >= 1_000_000 ? 10_000 : 2000 + ((rows - 100_000) / 900_000) * 8000;

const programOf = (rows: number): BenchProgram => ({ slug: `bench-sim-${rows}`, rows });
const fmtInt = (n: number) => n.toLocaleString('en-US');

// ---- The database: created (or reused) and seeded

const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const benchUrl = (() => {
  const u = new URL(serverUrl);
  u.pathname = `/${DB_NAME}`;
  return u.toString();
})();
const where = `PostgreSQL ${benchUrl.replace(/\/\/[^@]*@/, '//')}`;

const admin = new pg.Client({ connectionString: serverUrl });
await admin.connect();
let period: { from: string; to: string } | null = null;
if (REUSE) {
  const exists = (await admin.query(`select 1 from pg_database where datname = $1`, [DB_NAME]))
    .rowCount;
  if (exists) {
    const probe = new pg.Client({ connectionString: benchUrl });
    await probe.connect();
    const seeded = await probe
      .query<{ sizes: string; period_from: string; period_to: string }>(
        `select sizes, period_from, period_to from bench_sim_seeded`,
      )
      .then((r) => r.rows[0])
      .catch(() => undefined);
    await probe.end();
    if (seeded?.sizes === SIZES.join(','))
      period = { from: seeded.period_from, to: seeded.period_to };
  }
}
const reused = period !== null;
if (!reused) {
  await admin.query(`drop database if exists ${DB_NAME} with (force)`);
  await admin.query(`create database ${DB_NAME}`);
}
await admin.end();

const db = await openDb({ databaseUrl: benchUrl });
const k = db.kysely;
await migrateToLatest(k);

if (!period) {
  // The simulated period: the 365 agency days up to yesterday (a simulation covers at most 366).
  const today = toZonedDate(new Date(), TIME_ZONE);
  const to = new Date(Date.parse(`${today}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  const from = new Date(Date.parse(`${to}T00:00:00Z`) - 364 * 86_400_000)
    .toISOString()
    .slice(0, 10);
  period = { from, to };
  const config = parseConfig({
    HMS_DATA_DIR: mkdtempSync(path.join(tmpdir(), 'hms-bench-sim-')),
    HMS_STATIC_ROOT: path.join(tmpdir(), 'hms-no-static-root'),
    HMS_LOG_LEVEL: 'silent',
    HMS_TIMEZONE: TIME_ZONE,
  });
  const t0 = performance.now();
  await seedUsersAndPrograms(k, { timeZone: TIME_ZONE });
  await initialiseSettings(k, config);
  const now = new Date();
  const start = startOfZonedDay(from, TIME_ZONE);
  const end = startOfZonedDay(to, TIME_ZONE, 1);
  const total = SIZES.reduce((s, n) => s + n, 0);
  // About twenty requests per applicant over the period (the history a decision rule weighs).
  const applicants = Math.max(1000, Math.round(total / 20));
  process.stdout.write(
    `Seeding ${SIZES.map(fmtInt).join(' + ')} requests (${from} to ${to}) into ${where}…\n`,
  );
  const statements = [
    ...seedPeopleStatements(applicants, now),
    ...SIZES.flatMap((rows, i) =>
      seedProgramStatements(programOf(rows), i + 1, applicants, start, end, now),
    ),
    ...dropHelpers,
  ];
  for (const statement of statements) {
    const t = performance.now();
    await sql.raw(statement).execute(k);
    const head = statement.trim().split('\n')[0]!.slice(0, 70);
    process.stdout.write(
      `  ${((performance.now() - t) / 1000).toFixed(1).padStart(6)} s  ${head}\n`,
    );
  }
  // Written last: a seed that stopped half way is never reused.
  await sql`create table bench_sim_seeded as select ${SIZES.join(',')}::text as sizes,
    ${from}::text as period_from, ${to}::text as period_to, now() as seeded_at`.execute(k);
  process.stdout.write(`Seeded in ${((performance.now() - t0) / 1000).toFixed(1)} s.\n`);
}
// The per-day totals are cut in the agency zone, as at the API's start (a no-op unless the zone changed).
await keepTotalsInZone(k, TIME_ZONE);
// Fresh statistics and a visibility map, as autovacuum would leave them; the bench does not wait.
await sql`vacuum analyze`.execute(k);

// ---- The scenarios

/** Every kind of change at once, on the program's own questions (a copy of home-energy-rebate's). */
function everyChange(budgetCents: number): SimulationChanges {
  return {
    maxAmountCents: 150_000,
    approvalThresholdCents: 100_000,
    // A third of the budget: it runs out part way through the period.
    budgetCents: Math.floor(budgetCents / 3),
    reviewDeadlineDays: 5,
    eligibilityRules: [
      {
        questionId: 'householdIncome',
        op: 'lte',
        value: 9_000_000,
        reason: { en: 'Income $90,000 or less.', es: 'Ingresos de $90,000 o menos.' },
      },
      {
        questionId: 'landlordPermission',
        op: 'eq',
        value: 'yes',
        appliesIf: { questionId: 'ownership', equals: 'rent' },
        reason: { en: 'A landlord’s permission.', es: 'Permiso del propietario.' },
      },
    ],
    decisionRules: [
      {
        id: 'risky',
        label: 'Medium or high risk',
        conditions: [{ on: 'risk_level', op: 'gte', value: 'medium' }],
        outcome: 'refer',
      },
      {
        id: 'returned',
        label: 'A payment came back',
        conditions: [{ on: 'returned_payments', op: 'gte', value: 1 }],
        outcome: 'refer_senior',
      },
      {
        id: 'known',
        label: 'Known applicant, proven account',
        conditions: [
          { on: 'amount', op: 'lte', value: 80_000 },
          { on: 'approved_requests', op: 'gte', value: 1 },
          { on: 'prenote', op: 'eq', value: 'proven' },
          { on: 'eligible', op: 'eq', value: true },
        ],
        outcome: 'approve',
      },
      {
        id: 'owners',
        label: 'Small rebates for owners',
        conditions: [
          { on: 'answer', questionId: 'ownership', op: 'eq', value: 'own' },
          { on: 'amount', op: 'lte', value: 40_000 },
        ],
        outcome: 'approve',
      },
    ],
  };
}

// ---- Measure

/** Records the queries a simulation sends (for --explain). */
const recorder = queryRecorder(k);

/** The figures without the instant they were computed at: equal inputs must give an equal checksum. */
function checksum(result: Awaited<ReturnType<typeof simulate>>) {
  const { computedAt: _computedAt, ...figures } = result;
  return createHash('sha256').update(JSON.stringify(figures)).digest('hex').slice(0, 16);
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const mb = (kb: number) => `${Math.round(kb / 1024)} MB`;

interface Row {
  rows: number;
  scenario: string;
  median: number;
  max: number;
  runs: number;
  checksum: string;
  target: number;
  rssKb: number;
  figures: string;
}
const results: Row[] = [];
// The machine is shared: the load while measuring is printed with the figures.
const loadAtStart = loadavg()[0]!;
const failures: string[] = [];

for (const rows of SIZES.filter((n) => ONLY === undefined || ONLY.includes(n))) {
  const program = programOf(rows);
  const counts = (
    await sql<{ in_period: number; events: number; payments: number; budget: string }>`
      select
        (select count(*)::int from requests r where r.program_id = p.id and r.submitted_at >= ${startOfZonedDay(period.from, TIME_ZONE)}
          and r.submitted_at < ${startOfZonedDay(period.to, TIME_ZONE, 1)}) as in_period,
        (select count(*)::int from request_events e join requests r on r.id = e.request_id where r.program_id = p.id) as events,
        (select count(*)::int from payments x where x.program_id = p.id) as payments,
        p.budget_cents as budget
      from programs p where p.slug = ${program.slug}`.execute(k)
  ).rows[0]!;
  process.stdout.write(
    `\n${program.slug}: ${fmtInt(counts.in_period)} requests submitted ${period.from} to ${period.to}, ` +
      `${fmtInt(counts.events)} events, ${fmtInt(counts.payments)} payments\n`,
  );
  const scenarios: Array<[string, SimulationChanges]> = [
    ['baseline only (changes: {})', {}],
    ['every change', everyChange(Number(counts.budget))],
  ];
  for (const [name, changes] of scenarios) {
    const body = { program: program.slug, ...period, changes };
    const sums = new Set<string>();
    const times: number[] = [];
    let last: Awaited<ReturnType<typeof simulate>> | null = null;
    for (let i = 0; i <= RUNS; i++) {
      const t = performance.now();
      const result = await simulate(k, TIME_ZONE, body);
      const ms = performance.now() - t;
      // Run 0 warms the caches (PostgreSQL's buffers, the JIT): it is not timed.
      if (i > 0) times.push(ms);
      sums.add(checksum(result));
      last = result;
      process.stderr.write(`  ${name} run ${i}: ${ms.toFixed(0)} ms\n`);
    }
    const row: Row = {
      rows,
      scenario: name,
      median: median(times),
      max: Math.max(...times),
      runs: times.length,
      checksum: [...sums].join(' ≠ '),
      target: targetMs(rows),
      rssKb: process.resourceUsage().maxRSS,
      figures: `baseline approved ${fmtInt(last!.baseline.approvedCount)} / $${fmtInt(last!.baseline.approvedCents / 100)}, scenario approved ${fmtInt(last!.scenario.approvedCount)} / $${fmtInt(last!.scenario.approvedCents / 100)}, automated ${fmtInt(last!.scenario.automatedApprovalCount)}, run out ${last!.scenario.budgetRunOutDate ?? '-'}`,
    };
    results.push(row);
    if (sums.size > 1) failures.push(`${program.slug} ${name}: the figures differ between runs`);
    if (row.max >= row.target)
      failures.push(
        `${program.slug} ${name}: slowest run ${row.max.toFixed(0)} ms ≥ ${row.target} ms`,
      );
    if (EXPLAIN) {
      const queries = await recorder.record(() =>
        simulate(k.withPlugin(recorder.plugin) as Kysely<Database>, TIME_ZONE, body),
      );
      for (const compiled of queries) {
        if (!/^\s*(select|with)\b/i.test(compiled.sql)) continue;
        const plan = await explain(k, compiled);
        process.stdout.write(
          `\nEXPLAIN ${program.slug} ${name}\n${compiled.sql.replace(/\s+/g, ' ').slice(0, 200)}…\n${plan.map((line) => '  ' + line).join('\n')}\n`,
        );
      }
    }
  }
}

// ---- Report

const out: string[] = [];
out.push(
  `load average ${loadAtStart.toFixed(1)} at the start, ${loadavg()[0]!.toFixed(1)} at the end (2 cores)`,
);
out.push(
  `${where}${reused ? ' (reused)' : ''}; period ${period.from} to ${period.to} (${TIME_ZONE}); ${RUNS} timed runs each after one warm-up, through simulations/service.ts#simulate`,
);
out.push('');
out.push(
  '| requests in period | scenario | median ms | max ms | target ms | peak RSS | checksum | |',
);
out.push('| ---: | --- | ---: | ---: | ---: | ---: | --- | --- |');
for (const r of results)
  out.push(
    `| ${fmtInt(r.rows)} | ${r.scenario} | ${r.median.toFixed(0)} | ${r.max.toFixed(0)} | ${fmtInt(r.target)} | ${mb(r.rssKb)} | ${r.checksum} | ${r.max >= r.target ? '**over**' : 'met'} |`,
  );
out.push('');
for (const r of results) out.push(`${fmtInt(r.rows)} ${r.scenario}: ${r.figures}`);
process.stdout.write(`\n${out.join('\n')}\n`);

await db.close();
if (!KEEP) {
  const cleanup = new pg.Client({ connectionString: serverUrl });
  await cleanup.connect();
  await cleanup.query(`drop database if exists ${DB_NAME} with (force)`);
  await cleanup.end();
}
if (failures.length > 0) {
  process.stdout.write(`\nFAILED:\n${failures.map((f) => `- ${f}`).join('\n')}\n`);
  process.exitCode = 1;
}
