// The reads behind "When will I hear back?" at a million requests on PostgreSQL: how long the estimate of one request
// (the citizen's page), of a page of 25 inbox rows and of an approved request (its payment) take.
// Run from the repo root:  node --import tsx bench/estimates/reads.ts [--reseed]
// Database: BENCH_DATABASE_URL, else postgres://postgres@127.0.0.1:5432/test; everything goes into its own schema
// (bench_estimates), seeded once with generate_series and reused afterwards (--reseed rebuilds it).
// Seed: 1,000,000 requests over two years in the demo's programs, about 6 % waiting for a reviewer (a queue of
// tens of thousands per program, far longer than a real one: the worst case of "how many are ahead"), the rest
// decided 1–15 days after submission; a payment for every approval, settled 1–4 days later on its effective date.
import { performance } from 'node:perf_hooks';
import { seedUsersAndPrograms } from '../../apps/api/src/seed.ts';
import { parseConfig } from '../../apps/api/src/platform/config.ts';
import { initialiseSettings } from '../../apps/api/src/modules/settings/service.ts';
import { requestEstimates } from '../../apps/api/src/modules/read-models/service.ts';
import { sql } from '../lib/api-deps.ts';
import { openBenchSchema } from '../lib/bench-schema.ts';

const URL_ = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const SCHEMA = 'bench_estimates';
const ROWS = 1_000_000;
const RUNS = 60;
const TIME_ZONE = 'America/New_York';
const reseed = process.argv.includes('--reseed');

const { db, needsSeed } = await openBenchSchema(URL_, SCHEMA, ROWS, reseed);
const k = db.kysely;
if (needsSeed) {
  const t0 = performance.now();
  process.stdout.write(`Seeding ${ROWS.toLocaleString('en-US')} requests into ${SCHEMA}…\n`);
  await seedUsersAndPrograms(k, { timeZone: TIME_ZONE });
  await initialiseSettings(k, parseConfig({ HMS_DATA_DIR: '/tmp/hms-bench-estimates' }));
  await sql`
    insert into payee_accounts (id, user_id, holder_name, account_type, routing_number, account_number_enc,
      account_last4, key_id, fingerprint)
    select gen_random_uuid(), id, display_name, 'checking', '011000015', 'sealed', '6789', 'k', md5(id::text)
    from users where email = 'citizen@example.gov'`.execute(k);
  await sql`
    insert into requests (id, reference, program_id, program_version, applicant_id, status, answers,
      amount_requested_cents, approved_amount_cents, version, submitted_at, due_at, decided_at, created_at,
      updated_at, payee_account_id)
    select gen_random_uuid(), 'HMS-' || upper(lpad(to_hex(g), 8, '0')), p.id, 1, u.id, s.status, '{}'::jsonb,
      amt, case when s.status in ('approved', 'paid') then amt end, 1, sub, sub + interval '20 days',
      case when s.status in ('approved', 'paid', 'rejected') then sub + (1 + g % 15) * interval '1 day' end,
      sub, sub, pa.id
    from generate_series(1, ${ROWS}) g
    cross join lateral (select 1000 + (abs(hashtext(g::text)) % 149000)::bigint as amt,
      now() - (1 - g::float8 / ${ROWS}) * interval '730 days' as sub) x
    join (select row_number() over (order by id) as n, id from programs) p on p.n = 1 + g % 3
    cross join (select id from users where email = 'citizen@example.gov') u
    cross join (select id from payee_accounts limit 1) pa
    cross join lateral (select case
      when g % 100 < 5 then 'submitted'
      when g % 100 = 5 then 'in_review'
      when g % 100 < 60 then 'paid'
      when g % 100 < 62 then 'approved'
      else 'rejected' end as status) s`.execute(k);
  // Open requests are the newest ones in real life; here they are spread over two years: the worst queue.
  await sql`
    insert into payments (id, request_id, payee_account_id, amount_cents, status, created_at, updated_at,
      effective_date, released_at, settled_at)
    select gen_random_uuid(), r.id, r.payee_account_id, r.approved_amount_cents,
      case when r.status = 'paid' then 'settled' else 'pending' end, r.decided_at, r.decided_at,
      case when r.status = 'paid' then ((r.decided_at at time zone ${TIME_ZONE})::date + 1 + (hashtext(r.id::text) & 3)) end,
      case when r.status = 'paid' then r.decided_at + interval '1 day' end,
      case when r.status = 'paid' then r.decided_at + interval '2 days' end
    from requests r where r.status in ('approved', 'paid')`.execute(k);
  process.stdout.write(`Seeded in ${((performance.now() - t0) / 1000).toFixed(1)} s.\n`);
}
// Fresh statistics and a visibility map (index-only scans), as autovacuum would leave them after the seed; the bench
// does not wait for it. Run on a kept schema too, which an earlier run may have seeded without it.
await sql`vacuum analyze`.execute(k);

const open = (
  await sql<{ id: string }>`
    select id from requests where status in ('submitted', 'in_review') order by submitted_at desc limit 25`.execute(
    k,
  )
).rows.map((r) => r.id);
const approved = (
  await sql<{
    id: string;
  }>`select id from requests where status = 'approved' order by decided_at desc limit 1`.execute(k)
).rows.map((r) => r.id);
const mixed = [...open.slice(0, 20), ...approved];

async function time(name: string, ids: string[]) {
  const ms: number[] = [];
  for (let i = 0; i < RUNS + 5; i += 1) {
    const t = performance.now();
    const out = await requestEstimates(k, ids, TIME_ZONE);
    if (i >= 5) ms.push(performance.now() - t);
    if (i === 0 && [...out.values()].some((e) => e === null))
      throw new Error(`${name}: no estimate`);
  }
  ms.sort((a, b) => a - b);
  const at = (q: number) => ms[Math.min(ms.length - 1, Math.floor(q * ms.length))]!.toFixed(1);
  console.log(`${name.padEnd(52)} p50 ${at(0.5).padStart(6)} ms   p95 ${at(0.95).padStart(6)} ms`);
  return ms;
}

const sample = await requestEstimates(k, [open[0]!, approved[0]!], TIME_ZONE);
console.log('Newest open request:', JSON.stringify(sample.get(open[0]!)));
console.log('Newest approval:    ', JSON.stringify(sample.get(approved[0]!)));
await time("one open request (the citizen's page)", open.slice(0, 1));
await time('an inbox page: 25 open requests', open);
await time('an approved request (its payment)', approved);
await time('20 open and one approved (My requests, a mixed page)', mixed);
await db.close();
