// The bench's data, written by set-based SQL (generate_series, one statement per table), so a million requests and
// their payments, batches and returns load in minutes on a shared 2-core machine, on PostgreSQL and on PGlite alike.
// Every row is derived from its number g by hashes, so two seeds of the same size are identical apart from "now".
import { returnReason, isAccountFixable } from '../../packages/contracts/src/returns.ts';

/** The programs the requests spread over: the three seeded ones, a fourth real one, and one practice program. */
export const BENCH_PROGRAMS = [
  // slug, share of requests, smallest and largest amount in cents (skewed towards the small end)
  { n: 1, slug: 'home-energy-rebate', share: 0.43, lo: 25_000, hi: 500_000 },
  { n: 2, slug: 'small-business-relief', share: 0.19, lo: 200_000, hi: 2_500_000 },
  { n: 3, slug: 'permit-fee-refund', share: 0.24, lo: 5_000, hi: 80_000 },
  { n: 4, slug: 'water-efficiency-rebate', share: 0.1, lo: 10_000, hi: 150_000 },
  // Training data: its rows go through every step like real ones and must never be counted.
  { n: 5, slug: 'practice-home-energy-rebate', share: 0.04, lo: 25_000, hi: 500_000 },
] as const;

/** ACH return codes as they arrive for benefit credits, with their share of returns. */
const RETURN_CODES = [
  ['R01', 0.35],
  ['R03', 0.2],
  ['R02', 0.15],
  ['R04', 0.1],
  ['R16', 0.08],
  ['R20', 0.07],
  ['R08', 0.05],
] as const;

const q = (s: string) => `'${s.replace(/'/g, "''")}'`;

/**
 * The statements that fill an empty, migrated database holding the demo users and programs. `now` anchors the two
 * years of history; `rows` requests are spread evenly over them (about 1,370 a day at a million).
 *
 * The shape, per request:
 * - decided after 0.2 to 25 days (median about 5); 0.3 % stay open past their 14-day review deadline;
 * - 72 % approved (10 % of those for less than asked), 20 % rejected, 8 % withdrawn;
 * - an approved request's payment is created minutes after the decision (8 % wait 3 days for a prenote), built into
 *   the next business day's batch at 14:00 UTC, released by a supervisor two hours later and settled the next day;
 * - 2 % of settled payments come back 1 to 5 days later with a return code; 60 % of those are paid again to a new
 *   account (the replacement goes through its own batch); 0.3 % of approvals first had a payment cancelled.
 * Batches, entries (trace numbers), return files and returns are derived from the payments.
 */
export function seedStatements(rows: number, now: Date): string[] {
  const t0 = `${q(now.toISOString())}::timestamptz`;
  let acc = 0;
  const programCase = `case ${BENCH_PROGRAMS.map((p) => {
    acc += p.share;
    return `when up < ${acc.toFixed(4)} then ${p.n}`;
  }).join(' ')} else 1 end`;
  const lo = `(array[${BENCH_PROGRAMS.map((p) => p.lo).join(',')}])[prog]`;
  const hi = `(array[${BENCH_PROGRAMS.map((p) => p.hi).join(',')}])[prog]`;
  let racc = 0;
  const returnCase = `case ${RETURN_CODES.map(([code, share]) => {
    racc += share;
    return `when un < ${racc.toFixed(4)} then '${code}'`;
  }).join(' ')} else 'R01' end`;
  const reasons = RETURN_CODES.map(
    ([code]) =>
      `(${q(code)}, ${q(returnReason(code).en)}, ${q(returnReason(code).es)}, ${isAccountFixable(code)})`,
  ).join(', ');
  const applicants = Math.max(1000, Math.round(rows / 20));

  return [
    // Helpers for the seed only (dropped at the end): a uniform number in [0,1) from (g, salt); a UUIDv7-shaped id
    // that sorts by time like the app's (index locality as in production); the next batch (14:00 UTC, Mon-Fri).
    `create function bench_u(g bigint, salt text) returns float8 language sql immutable as
      $$ select (hashtext(g::text || salt)::bigint + 2147483648) / 4294967296.0 $$`,
    `create function bench_id(ts timestamptz, n bigint) returns uuid language sql immutable as
      $$ select (lpad(to_hex((extract(epoch from ts) * 1000)::bigint), 12, '0') || '7' || lpad(to_hex(n % 4096), 3, '0')
        || '8' || lpad(to_hex(n), 15, '0'))::uuid $$`,
    `create function bench_next_batch(t timestamptz) returns timestamptz language sql immutable as
      $$ select d + case extract(isodow from d) when 6 then interval '2 days' when 7 then interval '1 day' else interval '0' end
          + interval '14 hours'
        from (select date_trunc('day', t at time zone 'UTC') at time zone 'UTC' + interval '1 day' as d) x $$`,

    // A fourth real program and a practice program, copied from the seeded home-energy-rebate.
    `insert into programs (id, slug, version, name_en, name_es, description_en, description_es, eligibility_en,
        eligibility_es, sec_code, max_amount_cents, budget_cents, approval_threshold_cents, review_deadline_days,
        requires_prenote, definition, practice)
      select bench_id(now(), x.n), x.slug, 1, x.name, x.name, description_en, description_es, eligibility_en,
        eligibility_es, sec_code, max_amount_cents, budget_cents, approval_threshold_cents, review_deadline_days,
        requires_prenote, definition, x.practice
      from programs, (values (4, 'water-efficiency-rebate', 'Water Efficiency Rebate', false),
        (5, 'practice-home-energy-rebate', 'Practice: Home Energy Rebate', true)) x(n, slug, name, practice)
      where programs.slug = 'home-energy-rebate'`,
    `create table bench_programs as select n, p.id from (values ${BENCH_PROGRAMS.map((p) => `(${p.n}, ${q(p.slug)})`).join(', ')}) v(n, slug)
      join programs p on p.slug = v.slug`,

    // Applicants, each with two bank accounts (the second receives replacement payments after a return).
    `insert into users (id, email, password_hash, display_name, language, created_at)
      select bench_id(${t0} - interval '800 days', g), 'payee' || g || '@example.org', 'x',
        (array['Maria','James','Priya','Wei','Olivia','Daniel','Fatima','Lucas','Ana','Omar','Rosa','Thomas'])[1 + g % 12]
          || ' ' || (array['Lopez','Carter','Patel','Chen','Brown','Kim','Ali','Silva','Nguyen','Smith','Garcia','Jones',
          'Okafor','Tanaka'])[1 + (g / 12) % 14] || ' ' || g,
        case when g % 3 = 0 then 'es' else 'en' end, ${t0} - interval '800 days'
      from generate_series(1, ${applicants}) g`,
    `insert into payee_accounts (id, user_id, holder_name, account_type, routing_number, account_number_enc,
        account_last4, key_id, fingerprint, created_at)
      select bench_id(u.created_at, k * ${applicants} + row_number() over (partition by k order by u.id)), u.id, u.display_name,
        case when k = 1 then 'checking' else 'savings' end, '011000015', 'bench', lpad((abs(hashtext(u.id::text || k)) % 10000)::text, 4, '0'),
        'bench', md5(u.id::text || k), u.created_at
      from users u cross join (values (1), (2)) kk(k) where u.email like 'payee%@example.org'`,
    `create table bench_people as
      select row_number() over (order by u.id) as n, u.id as user_id, a1.id as account1, a2.id as account2, u.display_name
      from users u join payee_accounts a1 on a1.user_id = u.id and a1.account_type = 'checking'
        join payee_accounts a2 on a2.user_id = u.id and a2.account_type = 'savings'
      where u.email like 'payee%@example.org'`,

    // The plan: every request's dates and outcome, and its payments' timelines, from hashes of g.
    `create table bench_plan as
      with h as (
        select g::bigint as g, bench_u(g, 'p') as up, bench_u(g, 's') as us, bench_u(g, 'a') as ua, bench_u(g, 'd') as ud,
          bench_u(g, 'o') as uo, bench_u(g, 'k') as uk, bench_u(g, 'r') as ur, bench_u(g, 'x') as ux,
          bench_u(g, 'c') as uc, bench_u(g, 'n') as un, bench_u(g, 'e') as ue
        from generate_series(1, ${rows}) g
      ), p as (
        select h.*, ${programCase} as prog,
          ${t0} - (730 * 86400.0 * (${rows} - g + us) / ${rows}) * interval '1 second' as sub
        from h
      ), d as (
        select p.*,
          (${lo} + (${hi} - ${lo}) * ua * ua)::bigint / 100 * 100 + case when g % 4 = 0 then (g % 100) else 0 end as amt,
          sub + (0.2 + 25 * power(ud, 2.5)) * interval '1 day' as dec_at,
          uk < 0.003 as stuck,
          case when uo < 0.72 then 'approve' when uo < 0.92 then 'reject' else 'withdraw' end as outcome
        from p
      ), pay as (
        select d.*,
          dec_at + case when uc < 0.003 then interval '1 day' else interval '5 minutes' end as c1,
          ux < 0.08 as pre
        from d
      ), t1 as (
        select pay.*, bench_next_batch(c1 + case when pre then interval '3 days' else interval '0' end) as b1
        from pay
      ), t2 as (
        select t1.*, b1 + interval '2 hours' as r1,
          bench_next_batch(bench_next_batch(b1 + interval '2 hours')) + interval '2 hours' as s1
        from t1
      ), t3 as (
        select t2.*,
          case when ur < 0.02 then date_trunc('day', (s1 + (1 + 4 * ue) * interval '1 day') at time zone 'UTC') at time zone 'UTC' + interval '15 hours' end as ret1
        from t2
      )
      select g, prog, sub, amt, stuck, outcome, pre, uo, ur, uc, un,
        case when not stuck and dec_at <= ${t0} then dec_at end as dec_at,
        c1, b1, r1, s1, ret1,
        case when ret1 is not null and uc < 0.6 then ret1 + interval '3 days' end as c2,
        case when ret1 is not null and uc < 0.6 then bench_next_batch(ret1 + interval '3 days') end as b2,
        ${returnCase} as return_code
      from t3`,

    // Payments: the cancelled first attempt (k=0), the first payment (k=1), the replacement after a return (k=2).
    `create table bench_pay as
      with live as (
        select pl.g, k, pl.prog,
          case k when 0 then pl.dec_at + interval '5 minutes' when 1 then pl.c1 else pl.c2 end as created,
          case when k = 1 then pl.pre else false end as pre,
          case k when 1 then pl.b1 when 2 then pl.b2 end as b,
          case k when 1 then pl.ret1 end as ret,
          pl.return_code
        from bench_plan pl cross join (values (0), (1), (2)) kk(k)
        where pl.outcome = 'approve' and pl.dec_at is not null
          and (k = 1 or (k = 0 and pl.uc < 0.003) or (k = 2 and pl.c2 is not null))
      ), rel as (
        -- The supervisor releases a batch two hours after it is built; the last one built (less than 20 hours ago)
        -- still waits for release, so "batched" payments and a batch waiting for a supervisor exist.
        select live.*, case when b > ${t0} - interval '20 hours' then 'infinity'::timestamptz
          else b + interval '2 hours' end as r
        from live
      ), s as (
        -- Settled on the second business day after release (the settlement report of the effective date).
        select rel.*, bench_next_batch(bench_next_batch(r)) + interval '2 hours' as st,
          case
            when k = 0 then 'cancelled'
            when ${t0} < created + case when pre then interval '3 days' else interval '0' end then
              case when pre then 'prenote_sent' else 'pending' end
            when ${t0} < b then 'pending'
            when ${t0} < r then 'batched'
            when ${t0} < bench_next_batch(bench_next_batch(r)) + interval '2 hours' then 'released'
            when ret is not null and ${t0} >= ret then 'returned'
            else 'settled' end as status
        from rel where created <= ${t0}
      )
      select s.*, g * 4 + k as key,
        case when status in ('batched', 'released', 'settled', 'returned') then
          row_number() over (partition by status in ('batched', 'released', 'settled', 'returned') order by b, g, k) end as trace_seq
      from s`,

    `insert into requests (id, reference, program_id, program_version, applicant_id, status, answers,
        amount_requested_cents, approved_amount_cents, assigned_to, first_approver_id, version, submitted_at, due_at,
        decided_at, created_at, updated_at, payee_account_id, risk_level, risk_computed_at)
      select bench_id(pl.sub, pl.g),
        'HMS-' || upper(substr(md5(pl.g::text), 1, 4)) || '-' || upper(lpad(to_hex(pl.g), 6, '0')) || '-' || upper(substr(md5(pl.g::text), 5, 1)),
        bp.id, 1, pe.user_id, st.status, '{}'::jsonb, pl.amt,
        case when st.status in ('approved', 'paid', 'payment_returned', 'awaiting_second_approval') then
          case when pl.uo < 0.072 then pl.amt * 8 / 10 else pl.amt end end,
        case when st.status in ('in_review', 'needs_info') then staff.approver end,
        case when st.status = 'awaiting_second_approval' then staff.approver end,
        2, pl.sub, pl.sub + interval '14 days',
        case when st.status in ('approved', 'paid', 'payment_returned', 'rejected') then pl.dec_at end,
        pl.sub - interval '20 minutes', coalesce(pl.dec_at, pl.sub), pe.account1, 'none', pl.sub
      from bench_plan pl
      join bench_programs bp on bp.n = pl.prog
      join bench_people pe on pe.n = 1 + (pl.g * 7919) % ${applicants}
      left join (select g, case
          when bool_or(status = 'settled') then 'paid'
          when bool_or(status in ('pending', 'prenote_sent', 'batched', 'released')) then 'approved'
          when bool_or(status = 'returned') then 'payment_returned'
          else 'approved' end as status
        from bench_pay group by g) rp on rp.g = pl.g
      cross join (select id as approver from users where email = 'approver@example.gov') staff
      cross join lateral (select case
        when pl.dec_at is null then case when pl.outcome = 'withdraw' and not pl.stuck then 'withdrawn'
          when pl.un < 0.5 then 'submitted' when pl.un < 0.8 then 'in_review'
          when pl.un < 0.92 and not pl.stuck then 'needs_info' else 'awaiting_second_approval' end
        when pl.outcome = 'reject' then 'rejected'
        when pl.outcome = 'withdraw' then 'withdrawn'
        else coalesce(rp.status, 'approved') end as status) st
      order by pl.g`,

    `insert into payments (id, request_id, payee_account_id, amount_cents, status, batch_id, replaces_payment_id,
        created_at, updated_at, trace_number, effective_date, prenote_ready_on, return_code, return_reason_en,
        return_reason_es, account_fixable, returned_at, released_at, settled_at)
      select bench_id(bp.created, bp.key), bench_id(pl.sub, pl.g),
        case when bp.k = 2 then pe.account2 else pe.account1 end,
        case when pl.uo < 0.072 then pl.amt * 8 / 10 else pl.amt end, bp.status,
        case when bp.trace_seq is not null then bench_id(bp.b, extract(epoch from bp.b)::bigint / 3600) end,
        case when bp.k = 2 then bench_id(pl.c1, pl.g * 4 + 1) end,
        bp.created,
        case bp.status when 'cancelled' then bp.created + interval '23 hours' when 'returned' then bp.ret
          when 'settled' then bp.st when 'released' then bp.r when 'batched' then bp.b else bp.created end,
        case when bp.trace_seq is not null then '01100001' || lpad(bp.trace_seq::text, 7, '0') end,
        case when bp.trace_seq is not null then to_char(bench_next_batch(bp.b) at time zone 'UTC', 'YYYY-MM-DD') end,
        case when bp.pre then to_char((bp.created + interval '3 days') at time zone 'UTC', 'YYYY-MM-DD') end,
        case when bp.status = 'returned' then bp.return_code end,
        case when bp.status = 'returned' then rr.en end,
        case when bp.status = 'returned' then rr.es end,
        case when bp.status = 'returned' then rr.fixable end,
        case when bp.status = 'returned' then bp.ret end,
        case when bp.status in ('released', 'settled', 'returned') then bp.r end,
        case when bp.status in ('settled', 'returned') then bp.st end
      from bench_pay bp join bench_plan pl on pl.g = bp.g
      join bench_people pe on pe.n = 1 + (pl.g * 7919) % ${applicants}
      left join (values ${reasons}) rr(code, en, es, fixable) on rr.code = bp.return_code
      order by bp.created, bp.key`,

    // A batch per business day, from its payments: built (waiting for release), released (entries not settled yet)
    // or settled.
    `insert into ach_batches (id, status, file_date, file_id_modifier, effective_date, same_day, entry_count,
        prenote_count, total_cents, file_enc, key_id, file_sha256, built_by, built_at, released_by, released_at,
        settled_at, settled_by_kind)
      select bench_id(bp.b, extract(epoch from bp.b)::bigint / 3600),
        case when bool_or(bp.status = 'batched') then 'built' when bool_or(bp.status = 'released') then 'released'
          else 'settled' end,
        to_char(bp.b at time zone 'UTC', 'YYYY-MM-DD'), 'A',
        to_char(bench_next_batch(bp.b) at time zone 'UTC', 'YYYY-MM-DD'), false, count(*), 0,
        sum(case when pl.uo < 0.072 then pl.amt * 8 / 10 else pl.amt end), 'bench', 'bench', md5(bp.b::text), f.id, bp.b,
        case when not bool_or(bp.status = 'batched') then s.id end,
        case when not bool_or(bp.status = 'batched') then min(bp.r) end,
        case when not bool_or(bp.status in ('batched', 'released')) then min(bp.st) end,
        case when not bool_or(bp.status in ('batched', 'released')) then 'token' end
      from bench_pay bp join bench_plan pl on pl.g = bp.g
      cross join (select id from users where email = 'finance@example.gov') f
      cross join (select id from users where email = 'supervisor@example.gov') s
      where bp.trace_seq is not null
      group by bp.b, f.id, s.id`,

    `insert into ach_entries (id, batch_id, payment_id, payee_account_id, program_id, kind, transaction_code,
        amount_cents, trace_number, created_at)
      select bench_id(p.created_at, p.trace_number::bigint % 1000000000), p.batch_id, p.id, p.payee_account_id,
        r.program_id, 'payment', 22, p.amount_cents, p.trace_number, b.built_at
      from payments p join requests r on r.id = p.request_id join ach_batches b on b.id = p.batch_id
      where p.trace_number is not null`,

    `insert into return_files (id, sha256, file_name, uploaded_by, uploaded_at, result)
      select bench_id(d, extract(epoch from d)::bigint / 86400), md5('returns' || d::text),
        'returns-' || to_char(d at time zone 'UTC', 'YYYY-MM-DD') || '.ach', f.id, d, '{}'::jsonb
      from (select distinct returned_at as d from payments where status = 'returned') x
      cross join (select id from users where email = 'finance@example.gov') f`,
    `insert into ach_returns (id, return_file_id, entry_id, payment_id, return_code, amount_cents, original_trace_number,
        created_at)
      select bench_id(p.returned_at, p.trace_number::bigint % 1000000000), bench_id(p.returned_at,
          extract(epoch from p.returned_at)::bigint / 86400), e.id, p.id, p.return_code, p.amount_cents, p.trace_number,
        p.returned_at
      from payments p join ach_entries e on e.payment_id = p.id where p.status = 'returned'`,

    `drop table bench_pay, bench_plan, bench_people, bench_programs`,
    `drop function bench_u(bigint, text), bench_id(timestamptz, bigint), bench_next_batch(timestamptz)`,
  ];
}
