// Inbox and review API benchmark on PostgreSQL with 1,000,000 requests.
// Run from the repo root:  node --import tsx bench/inbox/run.ts [--reseed]
// Database: BENCH_DATABASE_URL, else DATABASE_URL, else postgres://postgres@127.0.0.1:5432/test; everything goes into
// its own schema (bench_inbox), created on first run and reused afterwards (--reseed rebuilds it).
// Prints p50/p95 of each call through the real HTTP stack (fastify.inject: auth, validation, SQL, serialization) and
// the EXPLAIN (ANALYZE, BUFFERS) of the inbox queries, so the index use is visible. Target: p95 < 50 ms.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildApp } from '../../apps/api/src/app.ts';
import { parseConfig } from '../../apps/api/src/platform/config.ts';
import { seedUsersAndPrograms } from '../../apps/api/src/seed.ts';
import { Agent, programIdBySlug, userIdByEmail } from '../../apps/api/src/testing/test-app.ts';
import { buildFilter } from '../../apps/api/src/modules/inbox/service.ts';
import { listQuery } from '../../apps/api/src/modules/read-models/inbox-queue.ts';
import {
  inboxCountsQuery,
  recountInbox,
} from '../../apps/api/src/modules/read-models/inbox-counts.ts';
import { findProgram, recountCommitted } from '../../apps/api/src/modules/programs/repo.ts';
import { inboxQuerySchema } from '../../packages/contracts/src/inbox.ts';
import { sql } from '../lib/api-deps.ts';
import { openBenchSchema } from '../lib/bench-schema.ts';

const URL_ =
  process.env.BENCH_DATABASE_URL ??
  process.env.DATABASE_URL ??
  'postgres://postgres@127.0.0.1:5432/test';
const SCHEMA = 'bench_inbox';
const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const APPLICANTS = 20_000;
const RUNS = Number(process.env.BENCH_RUNS ?? 200);
const reseed = process.argv.includes('--reseed');

const { db, needsSeed } = await openBenchSchema(URL_, SCHEMA, ROWS, reseed);
const k = db.kysely;
const timeZone = 'America/New_York';

if (needsSeed) {
  const t0 = performance.now();
  await seedUsersAndPrograms(k, { timeZone });
  process.stdout.write(`Seeding ${ROWS.toLocaleString('en-US')} requests into ${SCHEMA}…\n`);
  await sql`
    insert into users (id, email, password_hash, display_name, language)
    select gen_random_uuid(), 'applicant' || g || '@example.com', 'x',
      (array['Maria','James','Priya','Wei','Olivia','Daniel','Fatima','Lucas','Ana','Omar'])[1 + g % 10] || ' ' ||
      (array['Lopez','Carter','Patel','Chen','Brown','Kim','Ali','Silva','Nguyen','Smith','Garcia','Jones'])[1 + (g / 10) % 12] || ' ' || g,
      'en'
    from generate_series(1, ${APPLICANTS}) g
  `.execute(k);
  await sql`insert into user_roles (user_id, role) select id, 'citizen' from users where email like 'applicant%'`.execute(
    k,
  );
  await sql`
    insert into payee_accounts (id, user_id, holder_name, account_type, routing_number, account_number_enc, account_last4, key_id, fingerprint, created_at)
    select gen_random_uuid(), id, display_name, 'checking', '011000015', 'sealed', lpad((abs(hashtext(id::text)) % 10000)::text, 4, '0'), 'k',
      md5(id::text), now() - interval '400 days'
    from users where email like 'applicant%'
  `.execute(k);
  await sql`create unlogged table bench_people as
    select row_number() over (order by u.id) as n, u.id as user_id, pa.id as account_id
    from users u join payee_accounts pa on pa.user_id = u.id where u.email like 'applicant%'`.execute(
    k,
  );
  await sql`create unlogged table bench_programs as select row_number() over (order by id) as n, id from programs`.execute(
    k,
  );
  await sql`create unlogged table bench_staff as
    select row_number() over (order by u.email) as n, u.id from users u where u.email in ('approver@example.gov', 'senior@example.gov')`.execute(
    k,
  );
  // Most requests are history; about a quarter are open work, spread over two years of submissions.
  await sql`
    insert into requests (id, reference, program_id, program_version, applicant_id, status, answers, amount_requested_cents,
      approved_amount_cents, assigned_to, first_approver_id, version, submitted_at, due_at, decided_at, created_at, updated_at,
      payee_account_id, risk_level, risk_computed_at)
    select gen_random_uuid(),
      -- Random-looking like real references (the first block is random, the rest keeps them unique).
      'HMS-' || upper(substr(md5(g::text), 1, 4)) || '-' || substr(h, 3, 6) || '-' || upper(substr(md5(g::text), 5, 1)),
      p.id, 1, pe.user_id, s.status, '{"homeAddress": "1 Main Street"}'::jsonb, amt,
      case when s.status in ('approved', 'paid', 'awaiting_second_approval') then amt end,
      case when s.status in ('in_review', 'needs_info') then st.id end,
      case when s.status = 'awaiting_second_approval' then st.id end,
      2, sub, sub + interval '14 days', case when s.status in ('approved', 'paid', 'rejected') then sub + interval '5 days' end,
      sub, sub, pe.account_id,
      case when g % 53 = 0 then 'high' when g % 17 = 0 then 'medium' when g % 11 = 0 then 'low' else 'none' end,
      now()
    from generate_series(1, ${ROWS}) g
    cross join lateral (select upper(lpad(to_hex(g), 8, '0')) as h,
      1000 + (abs(hashtext(g::text)) % 149000)::bigint as amt,
      now() - (g::float8 / ${ROWS} * interval '730 days') as sub) x
    join bench_programs p on p.n = 1 + g % 3
    join bench_people pe on pe.n = 1 + (g::bigint * 7919) % ${APPLICANTS}
    join bench_staff st on st.n = 1 + g % 2
    cross join lateral (select case
      when g % 20 < 3 then 'submitted'
      when g % 20 = 3 then 'in_review'
      when g % 20 = 4 then 'needs_info'
      when g % 40 = 5 then 'awaiting_second_approval'
      when g % 20 < 12 then 'paid'
      when g % 20 < 15 then 'approved'
      when g % 20 < 18 then 'rejected'
      else 'withdrawn' end as status) s
  `.execute(k);
  await sql`
    insert into request_events (id, request_id, type, from_status, to_status, actor_id, actor_kind, data, visible_to_applicant, created_at)
    select gen_random_uuid(), id, 'submitted', 'draft', 'submitted', applicant_id, 'user', '{}', true, submitted_at from requests
  `.execute(k);
  await sql`drop table bench_people, bench_programs, bench_staff`.execute(k);
  await sql`analyze`.execute(k);
  process.stdout.write(`Seeded in ${((performance.now() - t0) / 1000).toFixed(1)} s.\n`);
}

// Index-only scans (queue counts) need the visibility map; autovacuum would get there, the bench does not wait.
await sql`vacuum analyze requests`.execute(k);

const config = parseConfig({
  HMS_DATA_DIR: mkdtempSync(path.join(tmpdir(), 'hms-bench-')),
  HMS_STATIC_ROOT: path.join(tmpdir(), 'hms-no-static-root'),
  HMS_LOG_LEVEL: 'silent',
});
const app = await buildApp({ config, db: k, logger: false });
await app.ready();
const approver = new Agent(app);
await approver.signIn('approver@example.gov');
const approverId = await userIdByEmail(k, 'approver@example.gov');
const programId = await programIdBySlug(k, 'home-energy-rebate');

async function walkTo(qs: string, pages: number): Promise<string> {
  let cursor = '';
  for (let i = 0; i < pages; i++) {
    const res = await approver.get(`/api/inbox?${qs}${cursor ? `&cursor=${cursor}` : ''}`);
    cursor = JSON.parse(res.body).nextCursor;
  }
  return cursor;
}
const deepAll = await walkTo('queue=all&limit=25', 400);
const deepUnassigned = await walkTo('queue=unassigned&limit=25&sort=submitted_desc', 400);
const reviewIds = (
  await sql<{
    id: string;
  }>`select id from requests where status in ('submitted', 'in_review') order by md5(id::text) limit ${RUNS}`.execute(
    k,
  )
).rows.map((r) => r.id);

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};
interface Result {
  name: string;
  p50: number;
  p95: number;
  rows: number;
}
const results: Result[] = [];
async function measure(name: string, url: (i: number) => string) {
  let rows = 0;
  for (let i = 0; i < 20; i++) await approver.get(url(i));
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    const res = await approver.get(url(i));
    times.push(performance.now() - t);
    if (res.statusCode !== 200) throw new Error(`${name}: ${res.statusCode} ${res.body}`);
    if (i === 0) rows = (JSON.parse(res.body) as { items?: unknown[] }).items?.length ?? 1;
  }
  results.push({ name, p50: pct(times, 50), p95: pct(times, 95), rows });
}

await measure('inbox: unassigned, first page', () => '/api/inbox?queue=unassigned');
await measure('inbox: all open, first page', () => '/api/inbox?queue=all');
await measure(
  'inbox: all open, deep page (10,000 rows in)',
  () => `/api/inbox?queue=all&limit=25&cursor=${deepAll}`,
);
await measure(
  'inbox: unassigned newest first, deep page',
  () => `/api/inbox?queue=unassigned&limit=25&sort=submitted_desc&cursor=${deepUnassigned}`,
);
await measure('inbox: mine', () => '/api/inbox?queue=mine');
await measure('inbox: overdue, by deadline', () => '/api/inbox?queue=overdue&sort=due_asc');
await measure(
  'inbox: program + high risk + amount range',
  () =>
    `/api/inbox?queue=all&programId=${programId}&risk=high&minAmountCents=50000&maxAmountCents=150000`,
);
await measure(
  'inbox: all open, largest amount first',
  () => '/api/inbox?queue=all&sort=amount_desc',
);
await measure(
  'inbox: status=paid (history), submitted in a month',
  () => '/api/inbox?queue=all&status=paid&submittedFrom=2026-01-01&submittedTo=2026-01-31',
);
const refs = (
  await sql<{
    reference: string;
  }>`select reference from requests where status = 'submitted' order by md5(id::text) limit 50`.execute(
    k,
  )
).rows.map((r) => r.reference);
await measure(
  'inbox: search full reference',
  (i) => `/api/inbox?queue=all&q=${refs[i % refs.length]}`,
);
await measure(
  'inbox: search reference prefix (HMS-XXXX)',
  (i) => `/api/inbox?queue=all&q=${refs[i % refs.length]!.slice(0, 8)}`,
);
await measure(
  'inbox: search broad reference prefix (HMS-X)',
  (i) => `/api/inbox?queue=all&q=${refs[i % refs.length]!.slice(0, 5)}`,
);
await measure(
  'inbox: search applicant name prefix',
  () => '/api/inbox?queue=all&q=priya%20patel%2012',
);
await measure('inbox: queue counts (`/api/inbox/counts`)', () => '/api/inbox/counts');
await measure(
  'review: GET /api/review/{requestId}',
  (i) => `/api/review/${reviewIds[i % reviewIds.length]}`,
);
await measure('catalog: GET /api/programs (public)', () => '/api/programs');

process.stdout.write(
  `\n${ROWS.toLocaleString('en-US')} requests, ${RUNS} timed runs each (after 20 warm-up), PostgreSQL ${URL_.replace(/\/\/[^@]*@/, '//')} schema ${SCHEMA}\n\n`,
);
process.stdout.write(
  `${'call'.padEnd(56)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)}  rows  target\n`,
);
for (const r of results)
  process.stdout.write(
    `${r.name.padEnd(56)} ${r.p50.toFixed(1).padStart(8)} ${r.p95.toFixed(1).padStart(8)} ${String(r.rows).padStart(5)}  ${r.p95 < 50 ? 'ok' : 'OVER 50 ms'}\n`,
  );

// EXPLAIN of the list queries (and of the queue counts) exactly as the API builds them.
async function explainCompiled(
  name: string,
  compiled: { sql: string; parameters: readonly unknown[] },
) {
  const { rows } = await sql<{
    'QUERY PLAN': string;
  }>`explain (analyze, buffers, costs off) ${sql.raw(
    compiled.sql.replace(/\$(\d+)/g, (_m, n: string) => {
      const v = compiled.parameters[Number(n) - 1];
      if (v instanceof Date) return `'${v.toISOString()}'`;
      if (typeof v === 'number') return String(v);
      return `'${String(v).replace(/'/g, "''")}'`;
    }),
  )}`.execute(k);
  process.stdout.write(
    `\nEXPLAIN ${name}\n${rows.map((r) => '  ' + r['QUERY PLAN']).join('\n')}\n`,
  );
}
async function explain(name: string, qs: Record<string, string>) {
  const q = inboxQuerySchema.parse(qs);
  const filter = buildFilter(q, approverId, new Date(), timeZone);
  await explainCompiled(name, listQuery(filter, q.sort, null, q.limit).compile(k));
}
await explain('unassigned, first page', { queue: 'unassigned' });
await explain('all open, largest amount first', { queue: 'all', sort: 'amount_desc' });
await explain('program + high risk + amount range', {
  queue: 'all',
  programId,
  risk: 'high',
  minAmountCents: '50000',
  maxAmountCents: '150000',
});
await explain('search reference prefix (HMS-XXXX)', { queue: 'all', q: refs[0]!.slice(0, 8) });
await explainCompiled(
  'queue counts (GET /api/inbox/counts)',
  inboxCountsQuery(approverId).compile(k),
);

// The counters must equal a recount over the table (exact, not estimated).
const counted = JSON.parse((await approver.get('/api/inbox/counts')).body) as Record<
  string,
  number
>;
const re = await recountInbox(k, approverId);
const recounted = {
  unassigned: re.unassigned,
  assignedToMe: re.assigned_to_me,
  awaitingSecondApproval: re.awaiting_second_approval,
  waitingForCitizen: re.waiting_for_citizen,
  overdue: re.overdue,
  all: re.all,
};
process.stdout.write(
  `\nqueue counts ${JSON.stringify(counted)}; recount ${JSON.stringify(recounted) === JSON.stringify(counted) ? 'equal' : `DIFFERS ${JSON.stringify(recounted)}`}\n`,
);
for (const p of await k.selectFrom('programs').select(['id', 'slug']).orderBy('slug').execute()) {
  const kept = Number((await findProgram(k, { id: p.id }))!.committed_cents);
  const summed = await recountCommitted(k, p.id);
  process.stdout.write(
    `budget use ${p.slug}: ${kept} (program_budget_use); recount ${kept === summed ? 'equal' : `DIFFERS ${summed}`}\n`,
  );
}

await app.close();
await db.close();
