// Finance API benchmark (issue 13): every /api/finance/* endpoint at 1,000,000 requests on PostgreSQL, p95 < 100 ms.
// Run from the repo root:  pnpm bench:finance [--rows=1000000] [--embedded] [--reuse] [--runs=40] [--explain]
//   --embedded   PGlite (the embedded database `npm start` uses without DATABASE_URL) in a folder under the OS temp dir
//   --reuse      keep the seeded database when it holds exactly --rows requests (iterate on indexes without re-seeding)
//   --explain    print EXPLAIN (ANALYZE, BUFFERS) of every query each endpoint ran, for a full year over all programs
// PostgreSQL: BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres) names the server; the bench
// drops and creates its own database, hms_bench_finance, on it (never another one).
// Each call goes through the real stack (fastify.inject: session cookie of the seeded finance user, role guard, zod
// validation, SQL, serialization). Exits 1 when a p95 is 100 ms or more on PostgreSQL, when a figure disagrees with
// the total of its list, when a change is not seen by the next call (nothing may serve a stale money figure), or when
// a /api/finance route is missing from ENDPOINTS below.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildApp } from '../../apps/api/src/app.ts';
import { parseConfig } from '../../apps/api/src/platform/config.ts';
import { openDb } from '../../apps/api/src/platform/db/connect.ts';
import { migrateToLatest } from '../../apps/api/src/platform/db/migrate.ts';
import { seedUsersAndPrograms } from '../../apps/api/src/seed.ts';
import { initialiseSettings } from '../../apps/api/src/modules/settings/service.ts';
import { keepTotalsInZone } from '../../apps/api/src/modules/finance/service.ts';
import { Agent } from '../../apps/api/src/testing/test-app.ts';
import { toZonedDate } from '../../packages/contracts/src/business-days.ts';
import { sql } from '../lib/api-deps.ts';
import { arg, flag } from '../lib/args.mjs';
import { benchDatabase, reuseOrRecreate } from '../lib/bench-database.ts';
import { explain, queryRecorder } from '../lib/explain.ts';
import { seedStatements } from './seed.sql.ts';

const ROWS = Number(arg('rows') ?? 1_000_000);
const RUNS = Number(arg('runs') ?? 40);
const WARMUP = 3;
const MIN_RUNS = 3;
const CELL_SECONDS = 8;
const EMBEDDED = flag('embedded');
const REUSE = flag('reuse');
const EXPLAIN = flag('explain');
const BUDGET_MS = 100;
// --only=PREFIX[,PREFIX] measures only the endpoints whose name starts with one of them (after a change to one).
const ONLY: string | undefined = arg('only');
// BENCH_DB_NAME: another database on the same server, so two people can measure their own indexes at once
// (copy a seeded one with `createdb -T hms_bench_finance <name>` and run with --reuse).
const database = benchDatabase(process.env.BENCH_DB_NAME ?? 'hms_bench_finance');
const TIME_ZONE = 'America/New_York';

/** A call to measure. `period: false` for an endpoint that takes no period; `program: false` for no program filter. */
interface Endpoint {
  name: string;
  path: string;
  query?: Record<string, string>;
  period?: boolean;
  program?: boolean;
}

/**
 * Every finance endpoint, with the variants a finance officer uses. A new /api/finance route must be added here:
 * the bench lists the routes the app serves and fails when one is not measured.
 */
const ENDPOINTS: Endpoint[] = [
  { name: 'overview', path: '/api/finance/overview' },
  { name: 'payments: page 1', path: '/api/finance/payments' },
  { name: 'payments: figure=paid', path: '/api/finance/payments', query: { figure: 'paid' } },
  {
    name: 'payments: figure=pendingPayment',
    path: '/api/finance/payments',
    query: { figure: 'pendingPayment' },
  },
  { name: 'payments: search payee name', path: '/api/finance/payments', query: { q: 'Patel' } },
  {
    name: 'payments: sort amount desc',
    path: '/api/finance/payments',
    query: { sort: 'amount', order: 'desc' },
  },
  {
    name: 'payments: page 20 by payee',
    path: '/api/finance/payments',
    query: { sort: 'payee', page: '20' },
  },
  { name: 'requests: requested', path: '/api/finance/requests' },
  { name: 'requests: approved', path: '/api/finance/requests', query: { figure: 'approved' } },
  {
    name: 'requests: pastReviewDeadline',
    path: '/api/finance/requests',
    query: { figure: 'pastReviewDeadline' },
  },
  {
    name: 'requests: search amount, by amount',
    path: '/api/finance/requests',
    query: { q: '1,500.00', sort: 'amount' },
  },
  // Budgets: where each program stands now (no period).
  { name: 'budgets', path: '/api/finance/budgets', period: false },
  // Today: what needs doing now (no period, no program filter).
  { name: 'today', path: '/api/finance/today', period: false, program: false },
  // Trends: daily series (a period of up to MAX_TREND_DAYS.day days) and weekly series.
  { name: 'trends: daily', path: '/api/finance/trends' },
  { name: 'trends: weekly', path: '/api/finance/trends', query: { interval: 'week' } },
  // Reconciliation (no program filter): released batches expected against settled and returned, returns, exceptions.
  { name: 'reconciliation: batches', path: '/api/finance/reconciliation/batches', program: false },
  {
    name: 'reconciliation: unreconciled batches',
    path: '/api/finance/reconciliation/batches',
    query: { state: 'unreconciled' },
    program: false,
  },
  { name: 'reconciliation: returns', path: '/api/finance/reconciliation/returns', program: false },
  {
    name: 'reconciliation: returns R03 by amount',
    path: '/api/finance/reconciliation/returns',
    query: { code: 'R03', sort: 'amount' },
    program: false,
  },
  {
    name: 'reconciliation: open exceptions',
    path: '/api/finance/reconciliation/exceptions',
    program: false,
  },
  // The older all-time summary (read-models): no period, no program filter.
  { name: 'summary (all time)', path: '/api/finance/summary', period: false, program: false },
];

// ---- The database: created (or reused) and seeded

const pgliteDir = path.join(tmpdir(), `hms-bench-finance-pglite-${ROWS}`);

let reused = false;
if (EMBEDDED) {
  if (REUSE) {
    try {
      const probe = await openDb({ pgliteDir });
      const { rows } = await sql<{
        n: number;
      }>`select rows as n from bench_finance_seeded`.execute(probe.kysely);
      await probe.close();
      reused = rows[0]!.n === ROWS;
    } catch {
      reused = false;
    }
  }
  if (!reused) rmSync(pgliteDir, { recursive: true, force: true });
} else {
  reused = await reuseOrRecreate(database, REUSE, async (probe) => {
    const { rows } = await probe.query<{ n: number }>(`select rows as n from bench_finance_seeded`);
    return rows[0]!.n === ROWS;
  });
}

const db = EMBEDDED ? await openDb({ pgliteDir }) : await openDb({ databaseUrl: database.url });
const k = db.kysely;
const where = EMBEDDED ? `PGlite ${pgliteDir}` : database.label;
// Migrations run on a reused database too: a new index migration is applied without seeding again.
await migrateToLatest(k);
const config = parseConfig({
  HMS_DATA_DIR: mkdtempSync(path.join(tmpdir(), 'hms-bench-finance-')),
  HMS_STATIC_ROOT: path.join(tmpdir(), 'hms-no-static-root'),
  HMS_LOG_LEVEL: 'silent',
  HMS_TIMEZONE: TIME_ZONE,
});

if (!reused) {
  const t0 = performance.now();
  await seedUsersAndPrograms(k, { timeZone: TIME_ZONE });
  await initialiseSettings(k, config);
  process.stdout.write(`Seeding ${ROWS.toLocaleString('en-US')} requests into ${where}…\n`);
  for (const statement of seedStatements(ROWS, new Date())) {
    const t = performance.now();
    await sql.raw(statement).execute(k);
    const head = statement.trim().split('\n')[0]!.slice(0, 70);
    process.stdout.write(
      `  ${((performance.now() - t) / 1000).toFixed(1).padStart(6)} s  ${head}\n`,
    );
  }
  // Written last: a seed that stopped half way is never reused.
  await sql`create table bench_finance_seeded as select ${sql.lit(ROWS)}::int as rows, now() as seeded_at`.execute(
    k,
  );
  process.stdout.write(`Seeded in ${((performance.now() - t0) / 1000).toFixed(1)} s.\n`);
}
// The per-day totals are cut in the agency zone, as at the API's start (a no-op unless the zone changed).
await keepTotalsInZone(k, TIME_ZONE);
// Fresh statistics and a visibility map (index-only scans), as autovacuum would leave them; the bench does not wait.
await sql`vacuum analyze`.execute(k);

const volume = (
  await sql<Record<string, number>>`select
    (select count(*)::int from requests) as requests,
    (select count(*)::int from payments) as payments,
    (select count(*)::int from ach_batches) as batches,
    (select count(*)::int from ach_entries) as entries,
    (select count(*)::int from ach_returns) as returns`.execute(k)
).rows[0]!;
const byStatus = (
  await sql<{
    status: string;
    n: number;
  }>`select status, count(*)::int as n from payments group by status order by n desc`.execute(k)
).rows;

// ---- The app, with a plugin that can record the queries an endpoint runs (for --explain)

const recorder = queryRecorder(k);
const app = await buildApp({ config, db: k.withPlugin(recorder.plugin), logger: false });
await app.ready();
const finance = new Agent(app);
await finance.signIn('finance@example.gov');

// Routes the app serves under /api/finance that ENDPOINTS does not measure.
const served = new Set(
  [...app.printRoutes({ commonPrefix: false }).matchAll(/(\/api\/finance\/[^\s(]*) \(([^)]*)\)/g)]
    .filter((m) => m[2]!.split(', ').includes('GET'))
    .map((m) => m[1]!),
);
const unmeasured = [...served].filter((p) => !ENDPOINTS.some((e) => e.path === p));

// ---- Periods and programs, in the agency's days

const today = toZonedDate(new Date(), TIME_ZONE);
const [y, m] = today.split('-').map(Number) as [number, number];
const iso = (d: Date) => d.toISOString().slice(0, 10);
const monthStart = (year: number, month: number) => iso(new Date(Date.UTC(year, month - 1, 1)));
const monthEnd = (year: number, month: number) => iso(new Date(Date.UTC(year, month, 0)));
const quarter = Math.floor((m - 1) / 3); // 0-based, this quarter; the bench takes the last full one
const qy = quarter === 0 ? y - 1 : y;
const qStart = quarter === 0 ? 10 : (quarter - 1) * 3 + 1;
// A Thursday about two weeks back: a full business day of submissions, decisions, settlements and returns.
const dayBack = new Date(`${today}T12:00:00Z`);
dayBack.setUTCDate(dayBack.getUTCDate() - 14);
while (dayBack.getUTCDay() !== 4) dayBack.setUTCDate(dayBack.getUTCDate() - 1);
const PERIODS: Array<{ name: string; from?: string; to?: string }> = [
  { name: `day ${iso(dayBack)}`, from: iso(dayBack), to: iso(dayBack) },
  { name: 'default (no from/to)' },
  {
    name: `quarter ${qy}-Q${qStart === 10 ? 4 : quarter}`,
    from: monthStart(qy, qStart),
    to: monthEnd(qy, qStart + 2),
  },
  { name: `year ${y - 1}`, from: `${y - 1}-01-01`, to: `${y - 1}-12-31` },
];
const PROGRAMS: Array<string | null> = [null, 'home-energy-rebate'];

const urlOf = (e: Endpoint, period: (typeof PERIODS)[number] | null, program: string | null) => {
  const qs = new URLSearchParams(e.query);
  if (period?.from) qs.set('from', period.from);
  if (period?.to) qs.set('to', period.to);
  if (program) qs.set('program', program);
  const s = qs.toString();
  return s ? `${e.path}?${s}` : e.path;
};

// ---- Measure

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.max(0, Math.ceil((p / 100) * s.length) - 1)]!;
};
interface Result {
  endpoint: string;
  period: string;
  program: string;
  p50: number;
  p95: number;
  runs: number;
  rows: number;
}
const results: Result[] = [];
const failures: string[] = [];

async function get(url: string) {
  const res = await finance.get(url);
  if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
  return res;
}

for (const e of ENDPOINTS.filter(
  (x) => ONLY === undefined || ONLY.split(',').some((prefix) => x.name.startsWith(prefix)),
)) {
  for (const period of e.period === false ? [null] : PERIODS) {
    for (const program of e.program === false ? [null] : PROGRAMS) {
      const url = urlOf(e, period, program);
      // A call that takes seconds is not warmed up three times nor timed forty: the row is over budget anyway, and
      // the run must end. At least MIN_RUNS timed calls, then stop after CELL_SECONDS.
      // A call slower than CELL_SECONDS is timed once: its row is far over budget and the run must end.
      let slow = 0;
      for (let i = 0; i < WARMUP; i++) {
        const t = performance.now();
        await get(url);
        const ms = performance.now() - t;
        if (ms > CELL_SECONDS * 1000) slow = ms;
        if (ms > 1000) break;
      }
      const times: number[] = slow > 0 ? [slow] : [];
      let rows = 0;
      const cellStart = performance.now();
      for (let i = 0; slow === 0 && i < RUNS; i++) {
        if (i >= MIN_RUNS && performance.now() - cellStart > CELL_SECONDS * 1000) break;
        const t = performance.now();
        const res = await get(url);
        times.push(performance.now() - t);
        if (i === 0) {
          const body = JSON.parse(res.body) as { items?: unknown[]; totalCount?: number };
          rows = body.totalCount ?? body.items?.length ?? 1;
          if (res.headers['cache-control'] !== 'no-store')
            failures.push(
              `${url}: cache-control is ${String(res.headers['cache-control'])}, not no-store`,
            );
        }
      }
      results.push({
        endpoint: e.name,
        period: period?.name ?? '-',
        program: program ?? 'all',
        p50: pct(times, 50),
        p95: pct(times, 95),
        runs: times.length,
        rows,
      });
      // Each row on stderr as soon as it is measured (a long run shows where it is); the table follows at the end.
      const last = results[results.length - 1]!;
      process.stderr.write(
        `${last.endpoint} | ${last.period} | ${last.program} | p50 ${last.p50.toFixed(1)} | p95 ${last.p95.toFixed(1)}\n`,
      );
    }
  }
}

// ---- Right to the cent: each overview figure equals the total of its list, for every period and program

const FIGURE_LISTS = [
  ['pendingPayment', 'payments'],
  ['released', 'payments'],
  ['paid', 'payments'],
  ['returned', 'payments'],
  ['requested', 'requests'],
  ['approved', 'requests'],
] as const;
let checked = 0;
for (const period of PERIODS) {
  for (const program of PROGRAMS) {
    const o = JSON.parse(
      (await get(urlOf({ name: '', path: '/api/finance/overview' }, period, program))).body,
    ) as Record<string, number>;
    for (const [figure, list] of FIGURE_LISTS) {
      const page = JSON.parse(
        (
          await get(
            urlOf(
              { name: '', path: `/api/finance/${list}`, query: { figure, pageSize: '1' } },
              period,
              program,
            ),
          )
        ).body,
      ) as { totalCents: number; totalCount: number };
      checked++;
      if (page.totalCents !== o[`${figure}Cents`] || page.totalCount !== o[`${figure}Count`])
        failures.push(
          `${period.name} ${program ?? 'all'}: overview ${figure} ${o[`${figure}Cents`]}/${o[`${figure}Count`]} ≠ list ${page.totalCents}/${page.totalCount}`,
        );
    }
  }
}

// ---- Fresh: a payment settling now shows in the very next overview (then the change is undone)

let freshness = 'no released payment to settle';
const released = (
  await sql<{
    id: string;
    amount_cents: number;
  }>`select p.id, p.amount_cents from payments p join requests r on r.id = p.request_id
      join programs pr on pr.id = r.program_id
      where p.status = 'released' and not pr.practice limit 1`.execute(k)
).rows[0];
if (released) {
  const overviewToday = urlOf(
    { name: '', path: '/api/finance/overview' },
    { name: '', from: today, to: today },
    null,
  );
  const before = JSON.parse((await get(overviewToday)).body) as { paidCents: number };
  await sql`update payments set status = 'settled', settled_at = now(), updated_at = now() where id = ${released.id}`.execute(
    k,
  );
  try {
    const after = JSON.parse((await get(overviewToday)).body) as { paidCents: number };
    const seen = after.paidCents - before.paidCents;
    freshness = `settled one payment of ${released.amount_cents} cents: today's paidCents moved by ${seen} on the next call`;
    if (seen !== Number(released.amount_cents)) failures.push(`stale figure: ${freshness}`);
  } finally {
    await sql`update payments set status = 'released', settled_at = null, updated_at = released_at where id = ${released.id}`.execute(
      k,
    );
  }
}

// ---- Report

const fmt = (n: number) => n.toFixed(1);
const out: string[] = [];
out.push(
  `${ROWS.toLocaleString('en-US')} requests, ${volume.payments!.toLocaleString('en-US')} payments (${byStatus
    .map((s) => `${s.status} ${s.n.toLocaleString('en-US')}`)
    .join(
      ', ',
    )}), ${volume.batches!.toLocaleString('en-US')} batches, ${volume.entries!.toLocaleString('en-US')} entries, ${volume.returns!.toLocaleString('en-US')} returns`,
);
out.push(
  `${where}${reused ? ' (reused)' : ''}; up to ${RUNS} timed calls per row (fewer when they take over ${CELL_SECONDS} s, at least ${MIN_RUNS}) after up to ${WARMUP} warm-up, through fastify.inject as finance@example.gov; today ${today} (${TIME_ZONE})`,
);
out.push('');
out.push('| endpoint | period | program | rows | calls | p50 ms | p95 ms | |');
out.push('| --- | --- | --- | ---: | ---: | ---: | ---: | --- |');
for (const r of results) {
  const over = r.p95 >= BUDGET_MS;
  if (over && !EMBEDDED)
    failures.push(`${r.endpoint} ${r.period} ${r.program}: p95 ${fmt(r.p95)} ms`);
  out.push(
    `| ${r.endpoint} | ${r.period} | ${r.program} | ${r.rows.toLocaleString('en-US')} | ${r.runs} | ${fmt(r.p50)} | ${fmt(r.p95)} | ${over ? `**over ${BUDGET_MS} ms**` : ''} |`,
  );
}
out.push('');
out.push(
  `figures = list totals: ${checked} checked, ${failures.filter((f) => f.includes('≠')).length} differ`,
);
out.push(`freshness: ${freshness}`);
if (unmeasured.length > 0) {
  out.push(`not measured (add to ENDPOINTS): ${unmeasured.join(', ')}`);
  failures.push(`unmeasured finance routes: ${unmeasured.join(', ')}`);
}
process.stdout.write(`\n${out.join('\n')}\n`);

// ---- EXPLAIN of what each endpoint runs (a full year over all programs), with the exact SQL it sent

if (EXPLAIN) {
  const year = PERIODS[PERIODS.length - 1]!;
  for (const e of ENDPOINTS) {
    const sent = await recorder.record(() => get(urlOf(e, e.period === false ? null : year, null)));
    for (const compiled of sent) {
      if (
        !/^\s*(select|with)\b/i.test(compiled.sql) ||
        /from "?sessions"?|from "?users"?/i.test(compiled.sql)
      )
        continue;
      const plan = await explain(k, compiled);
      process.stdout.write(
        `\nEXPLAIN ${e.name}\n${compiled.sql.replace(/\s+/g, ' ').slice(0, 300)}…\n${plan.map((line) => '  ' + line).join('\n')}\n`,
      );
    }
  }
}

await app.close();
await db.close();
if (failures.length > 0) {
  process.stdout.write(`\nFAILED:\n${failures.map((f) => `- ${f}`).join('\n')}\n`);
  process.exitCode = 1;
}
