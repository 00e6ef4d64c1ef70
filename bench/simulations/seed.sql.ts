// The simulation bench's history, written by set-based SQL (one `INSERT … SELECT … generate_series` per table, every
// value derived from the row number by hashes, as bench/finance/seed.sql.ts does), so a million requests with their
// events, decisions and payments load in minutes on a shared 2-core machine.

/** One bench program: a copy of home-energy-rebate (its questions, so one scenario's rules fit every size). */
export interface BenchProgram {
  slug: string;
  /** Requests submitted in the simulated period (a twenty-fifth more are submitted in the month before it). */
  rows: number;
}

const q = (s: string) => `'${s.replace(/'/g, "''")}'`;
const ts = (d: Date) => `${q(d.toISOString())}::timestamptz`;

/** Helpers for the seed only (dropped by `dropHelpers`), and the applicants every program's requests share. */
export function seedPeopleStatements(applicants: number, now: Date): string[] {
  const t0 = ts(now);
  return [
    // A uniform number in [0,1) from (g, salt); a UUIDv7-shaped id that sorts by time like the app's.
    `create function bench_u(g bigint, salt text) returns float8 language sql immutable as
      $$ select (hashtext(g::text || salt)::bigint + 2147483648) / 4294967296.0 $$`,
    `create function bench_id(ts timestamptz, n bigint) returns uuid language sql immutable as
      $$ select (lpad(to_hex((extract(epoch from ts) * 1000)::bigint), 12, '0') || '7' || lpad(to_hex(n % 4096), 3, '0')
        || '8' || lpad(to_hex(n), 15, '0'))::uuid $$`,
    // Applicants: a third write in Spanish; one in five hundred is also staff (automation never decides for them).
    `insert into users (id, email, password_hash, display_name, language, created_at)
      select bench_id(${t0} - interval '900 days', g), 'sim' || g || '@example.org', 'x',
        (array['Maria','James','Priya','Wei','Olivia','Daniel','Fatima','Lucas','Ana','Omar','Rosa','Thomas'])[1 + g % 12]
          || ' ' || (array['Lopez','Carter','Patel','Chen','Brown','Kim','Ali','Silva','Nguyen','Smith','Garcia','Jones',
          'Okafor','Tanaka'])[1 + (g / 12) % 14] || ' ' || g,
        case when g % 3 = 0 then 'es' else 'en' end, ${t0} - interval '900 days'
      from generate_series(1, ${applicants}) g`,
    `insert into user_roles (user_id, role)
      select u.id, r.role from users u
      cross join lateral (select 'citizen' as role union all
        select 'approver' where hashtext(u.id::text) % 500 = 0) r
      where u.email like 'sim%@example.org'`,
    // Each applicant has two bank accounts (the second receives the payment made again after a return).
    `insert into payee_accounts (id, user_id, holder_name, account_type, routing_number, account_number_enc,
        account_last4, key_id, fingerprint, created_at)
      select bench_id(u.created_at, k * ${applicants} + row_number() over (partition by k order by u.id)), u.id,
        u.display_name, case when k = 1 then 'checking' else 'savings' end, '011000015', 'bench',
        lpad((abs(hashtext(u.id::text || k)) % 10000)::text, 4, '0'), 'bench', md5(u.id::text || k), u.created_at
      from users u cross join (values (1), (2)) kk(k) where u.email like 'sim%@example.org'`,
    `create table bench_people as
      select row_number() over (order by u.id) as n, u.id as user_id, u.email, a1.id as account1, a2.id as account2
      from users u join payee_accounts a1 on a1.user_id = u.id and a1.account_type = 'checking'
        join payee_accounts a2 on a2.user_id = u.id and a2.account_type = 'savings'
      where u.email like 'sim%@example.org'`,
    `create unique index on bench_people (n)`,
  ];
}

/**
 * One program's history: `rows` requests submitted evenly over [start, end) and a twenty-fifth more in the 30 days
 * before (decided and paid in the period, committed before it), with:
 * - amounts from $50 to $2,000 (the program's maximum), most of them small; answers as intake stores them (household
 *   size and income, own or rent, the landlord's permission, upgrade, contractor, cost); a risk level;
 * - 72 % approved (a tenth of those for 80 % of the amount), 20 % rejected, 8 % withdrawn; decided 0.2 to 25 days
 *   after submission (the newest still open, in every open state); an eighth of the approvals of $1,000 or less were
 *   made by a decision rule at submission; approvals above the $1,500 threshold had a senior's second approval;
 * - the events a person's work writes (submitted, claimed, first approval, approved or rejected, withdrawn, payment
 *   sent, paid, payment returned) and the decisions (by a person, or by rule 1 of a live version);
 * - a payment per approval, released the next day and settled on the third; 2 % returned two days later, 60 % of
 *   those paid again to the applicant's second account;
 * then the program's budget is set to 105 % of what its requests commit (intake let them all in).
 */
export function seedProgramStatements(
  p: BenchProgram,
  n: number,
  applicants: number,
  start: Date,
  end: Date,
  now: Date,
): string[] {
  const t0 = ts(now);
  const pre = Math.max(1, Math.round(p.rows / 25));
  const total = p.rows + pre;
  const periodSeconds = (end.getTime() - start.getTime()) / 1000;
  // Row numbers are unique across programs (ids and references derive from them).
  const base = n * 10_000_000;
  return [
    `insert into programs (id, slug, version, name_en, name_es, description_en, description_es, eligibility_en,
        eligibility_es, sec_code, max_amount_cents, budget_cents, approval_threshold_cents, review_deadline_days,
        requires_prenote, definition, practice)
      select bench_id(${ts(start)} - interval '400 days', ${n}), ${q(p.slug)}, 1, 'Bench: ' || name_en,
        'Bench: ' || name_es, description_en, description_es, eligibility_en, eligibility_es, sec_code,
        max_amount_cents, budget_cents, approval_threshold_cents, review_deadline_days, requires_prenote,
        definition, false
      from programs where slug = 'home-energy-rebate'`,
    `insert into decision_rule_versions (id, program_id, version, status, rules, test_cases, created_at, updated_at,
        published_at)
      select bench_id(${ts(start)} - interval '399 days', ${n}), id, 1, 'live',
        '[{"id":"small","label":"Small rebates","conditions":[{"on":"amount","op":"lte","value":100000}],"outcome":"approve"}]'::jsonb,
        '[]'::jsonb, ${ts(start)} - interval '399 days', ${ts(start)} - interval '399 days', ${ts(start)} - interval '399 days'
      from programs where slug = ${q(p.slug)}`,

    `create table bench_plan as
      with h as (
        select g::bigint as g, bench_u(g, 'p${n}') as up, bench_u(g, 'a${n}') as ua, bench_u(g, 'd${n}') as ud,
          bench_u(g, 'o${n}') as uo, bench_u(g, 'k${n}') as uk, bench_u(g, 'r${n}') as ur, bench_u(g, 'x${n}') as ux,
          bench_u(g, 'c${n}') as uc, bench_u(g, 'n${n}') as un, bench_u(g, 'h${n}') as uh, bench_u(g, 'w${n}') as uw,
          bench_u(g, 'i${n}') as ui
        from generate_series(1, ${total}) g
      ), s as (
        select h.*,
          case when g <= ${pre} then ${ts(start)} - (30 * 86400.0 * (${pre} - g + up) / ${pre}) * interval '1 second'
            else ${ts(start)} + (${periodSeconds} * (g - ${pre} - 1 + up) / ${p.rows}) * interval '1 second' end as sub,
          (5000 + 195000 * ua * ua)::bigint / 100 * 100 + case when g % 4 = 0 then g % 100 else 0 end as amt,
          case when uo < 0.72 then 'approve' when uo < 0.92 then 'reject' else 'withdraw' end as outcome
        from h
      ), d as (
        select s.*,
          s.outcome = 'approve' and s.amt <= 100000 and ux < 0.125 as automated,
          case when s.outcome = 'approve' and uo < 0.072 then s.amt * 8 / 10 else s.amt end as approved_amt
        from s
      ), t as (
        select d.*,
          case when automated then sub + interval '3 seconds' else sub + (0.2 + 25 * power(ud, 2.5)) * interval '1 day' end
            as dec_planned,
          not automated and outcome = 'approve' and approved_amt > 150000 as second,
          (5 + 85 * uh * uh) * interval '1 minute' as handling,
          (0.1 + 2 * uw) * interval '1 day' as second_wait
        from d
      )
      select g, sub, amt, approved_amt, outcome, automated, second, uo, ur, uc, un, ui,
        case when dec_planned <= ${t0} then dec_planned end as dec_at,
        greatest(sub + interval '1 minute', dec_planned - handling - case when second then second_wait else interval '0' end)
          as claim_at,
        case when second then dec_planned - second_wait end as first_approval_at,
        case when ui < 0.85 then 'none' when ui < 0.95 then 'low' when ui < 0.99 then 'medium' else 'high' end as risk,
        1 + ((g + ${base}) * 7919) % ${applicants} as person
      from t`,

    `create table bench_pay as
      with live as (
        select pl.g, k, pl.ur,
          case k when 1 then pl.dec_at + interval '5 minutes'
            else pl.dec_at + interval '5 minutes' + interval '8 days' end as created
        from bench_plan pl cross join (values (1), (2)) kk(k)
        where pl.outcome = 'approve' and pl.dec_at is not null and (k = 1 or (pl.ur < 0.02 and pl.uc < 0.6))
      ), s as (
        select live.*, created + interval '1 day' as released, created + interval '3 days' as settled,
          case when k = 1 and ur < 0.02
            then created + interval '5 days' end as returned
        from live where created <= ${t0}
      )
      select s.*, case
          when returned is not null and returned <= ${t0} then 'returned'
          when settled <= ${t0} then 'settled'
          when released <= ${t0} then 'released'
          else 'pending' end as status
      from s`,
    `create index on bench_pay (g)`,

    `insert into requests (id, reference, program_id, program_version, applicant_id, status, answers,
        amount_requested_cents, approved_amount_cents, assigned_to, first_approver_id, version, submitted_at, due_at,
        decided_at, created_at, updated_at, payee_account_id, risk_level, risk_computed_at)
      select bench_id(pl.sub, pl.g + ${base}),
        'SIM-' || upper(lpad(to_hex(pl.g + ${base}), 8, '0')), pr.id, 1, pe.user_id, st.status,
        jsonb_build_object('householdSize', 1 + pl.g % 6,
          'householdIncome', 1500000 + (pl.g * 37 % 120) * 100000,
          'homeAddress', (100 + pl.g % 900) || ' ' || (array['Maple Street','Cedar Lane','Birch Road','Elm Court',
            'Willow Way','Pine Avenue'])[1 + pl.g % 6],
          'homeZip', '200' || lpad((10 + pl.g % 80)::text, 2, '0'),
          'ownership', case when pl.un < 0.7 then 'own' else 'rent' end,
          'upgradeType', (array['heat_pump','insulation','windows','heat_pump_water_heater','smart_thermostat'])[1 + pl.g % 5],
          'installationDate', to_char((pl.sub - (20 + pl.g % 40) * interval '1 day') at time zone 'UTC', 'YYYY-MM-DD'),
          'contractorName', 'Capitol Home Energy LLC',
          'upgradeCost', pl.amt * 2,
          'requestedAmount', pl.amt,
          'contactEmail', pe.email)
          || case when pl.un < 0.7 then '{}'::jsonb
            else jsonb_build_object('landlordPermission', case when pl.uc < 0.9 then 'yes' else 'no' end) end,
        pl.amt,
        case when st.status in ('approved', 'paid', 'payment_returned', 'awaiting_second_approval') then pl.approved_amt end,
        case when st.status in ('in_review', 'needs_info') then staff.approver end,
        case when st.status = 'awaiting_second_approval' then staff.approver end,
        3, pl.sub, pl.sub + interval '14 days',
        case when st.status in ('approved', 'paid', 'payment_returned', 'rejected') then pl.dec_at end,
        pl.sub - interval '20 minutes', coalesce(pl.dec_at, pl.sub), pe.account1, pl.risk, pl.sub
      from bench_plan pl
      join bench_people pe on pe.n = pl.person
      cross join (select id from programs where slug = ${q(p.slug)}) pr
      cross join (select id as approver from users where email = 'approver@example.gov') staff
      left join (select g, case
          when bool_or(status = 'settled') then 'paid'
          when bool_or(status in ('pending', 'released')) then 'approved'
          when bool_or(status = 'returned') then 'payment_returned'
          else 'approved' end as status
        from bench_pay group by g) rp on rp.g = pl.g
      cross join lateral (select case
        when pl.dec_at is null then case
          when pl.second and pl.first_approval_at <= ${t0} then 'awaiting_second_approval'
          when pl.un < 0.45 or pl.claim_at > ${t0} then 'submitted'
          when pl.un < 0.9 then 'in_review' else 'needs_info' end
        when pl.outcome = 'reject' then 'rejected'
        when pl.outcome = 'withdraw' then 'withdrawn'
        else coalesce(rp.status, 'approved') end as status) st
      order by pl.sub, pl.g`,

    `insert into payments (id, request_id, payee_account_id, amount_cents, status, replaces_payment_id, created_at,
        updated_at, effective_date, return_code, return_reason_en, return_reason_es, account_fixable, returned_at,
        released_at, settled_at)
      select bench_id(bp.created, (bp.g + ${base}) * 4 + bp.k), bench_id(pl.sub, pl.g + ${base}),
        case when bp.k = 2 then pe.account2 else pe.account1 end, pl.approved_amt, bp.status,
        case when bp.k = 2 then bench_id(pl.dec_at + interval '5 minutes', (pl.g + ${base}) * 4 + 1) end,
        bp.created,
        case bp.status when 'returned' then bp.returned when 'settled' then bp.settled
          when 'released' then bp.released else bp.created end,
        case when bp.status <> 'pending' then to_char(bp.settled at time zone 'UTC', 'YYYY-MM-DD') end,
        case when bp.status = 'returned' then 'R01' end,
        case when bp.status = 'returned' then 'Insufficient funds' end,
        case when bp.status = 'returned' then 'Fondos insuficientes' end,
        case when bp.status = 'returned' then false end,
        case when bp.status = 'returned' then bp.returned end,
        case when bp.status <> 'pending' then bp.released end,
        case when bp.status in ('settled', 'returned') then bp.settled end
      from bench_pay bp join bench_plan pl on pl.g = bp.g
      join bench_people pe on pe.n = pl.person
      order by bp.created, bp.g, bp.k`,

    // The decisions: a person's (a first approval, then the senior's final one above the threshold) or rule 1's.
    `insert into decisions (id, request_id, kind, actor_id, at_version, from_status, to_status, approved_amount_cents,
        reason_code, created_at, rule_version_id, rule_id, rule_position)
      select bench_id(x.at, (pl.g + ${base}) * 4 + x.step), bench_id(pl.sub, pl.g + ${base}), x.kind,
        case when pl.automated then null when x.step = 2 then staff.senior else staff.approver end,
        x.step, x.from_status, x.to_status,
        case when x.kind = 'approve' then pl.approved_amt end,
        case when x.kind = 'reject' then 'not_eligible' end, x.at,
        case when pl.automated then rv.id end, case when pl.automated then 'small' end,
        case when pl.automated then 1 end
      from bench_plan pl
      cross join (select id from decision_rule_versions where program_id = (select id from programs
        where slug = ${q(p.slug)})) rv
      cross join (select (select id from users where email = 'approver@example.gov') as approver,
        (select id from users where email = 'senior@example.gov') as senior) staff
      cross join lateral (
        select 1 as step, pl.first_approval_at as at, 'approve' as kind, 'in_review' as from_status,
          'awaiting_second_approval' as to_status where pl.second and pl.first_approval_at <= ${t0}
        union all
        select case when pl.second then 2 else 1 end, pl.dec_at, case pl.outcome when 'approve' then 'approve'
            else 'reject' end, case when pl.second then 'awaiting_second_approval' when pl.automated then 'submitted'
            else 'in_review' end, case pl.outcome when 'approve' then 'approved' else 'rejected' end
          where pl.dec_at is not null and pl.outcome <> 'withdraw'
      ) x`,

    // The timeline: what intake, the inbox, decisions, batches and returns record.
    `insert into request_events (id, request_id, type, from_status, to_status, actor_id, actor_kind, data,
        visible_to_applicant, created_at)
      select bench_id(x.at, (pl.g + ${base}) * 16 + x.step), bench_id(pl.sub, pl.g + ${base}), x.type, x.from_status,
        x.to_status, case x.actor when 'applicant' then pe.user_id when 'approver' then staff.approver
          when 'senior' then staff.senior end,
        case when x.actor is null then 'system' else 'user' end, x.data, x.type not in ('claimed', 'first_approval'),
        x.at
      from bench_plan pl
      join bench_people pe on pe.n = pl.person
      cross join (select (select id from users where email = 'approver@example.gov') as approver,
        (select id from users where email = 'senior@example.gov') as senior) staff
      cross join lateral (
        select 1 as step, 'submitted' as type, 'draft' as from_status, 'submitted' as to_status, 'applicant' as actor,
          pl.sub as at, jsonb_build_object('amountCents', pl.amt) as data
        union all
        select 2, 'claimed', null, null, 'approver', pl.claim_at, '{}'::jsonb
          where not pl.automated and pl.outcome <> 'withdraw' and pl.claim_at <= ${t0}
            and (pl.dec_at is not null or pl.un >= 0.45 or pl.second)
        union all
        select 3, 'first_approval', 'in_review', 'awaiting_second_approval', 'approver', pl.first_approval_at,
          jsonb_build_object('amountCents', pl.approved_amt)
          where pl.second and pl.first_approval_at <= ${t0}
        union all
        select 4, case pl.outcome when 'approve' then 'approved' when 'reject' then 'rejected' else 'withdrawn' end,
          case when pl.second then 'awaiting_second_approval' when pl.automated then 'submitted' else 'in_review' end,
          case pl.outcome when 'approve' then 'approved' when 'reject' then 'rejected' else 'withdrawn' end,
          case when pl.automated then null when pl.outcome = 'withdraw' then 'applicant' when pl.second then 'senior'
            else 'approver' end,
          pl.dec_at,
          case when pl.automated then '{"byRule":{"ruleId":"small","position":1,"version":1}}'::jsonb
            when pl.outcome = 'approve' then jsonb_build_object('amountCents', pl.approved_amt)
            else '{"reasonCode":"not_eligible"}'::jsonb end
          where pl.dec_at is not null
      ) x`,
    `insert into request_events (id, request_id, type, from_status, to_status, actor_id, actor_kind, data,
        visible_to_applicant, created_at)
      select bench_id(x.at, (bp.g + ${base}) * 16 + 4 + bp.k * 3 + x.step), bench_id(pl.sub, pl.g + ${base}),
        x.type, null, null, null, 'system', jsonb_build_object('amountCents', pl.approved_amt), true, x.at
      from bench_pay bp join bench_plan pl on pl.g = bp.g
      cross join lateral (
        select 1 as step, 'payment_sent' as type, bp.released as at where bp.status <> 'pending'
        union all select 2, 'paid', bp.settled where bp.status in ('settled', 'returned')
        union all select 3, 'payment_returned', bp.returned where bp.status = 'returned'
      ) x`,

    // Intake let every one of these requests in: the budget holds what they commit, with a little left.
    `update programs set budget_cents = (select sum(budget_use_cents(status, approved_amount_cents,
        amount_requested_cents)) * 105 / 100 from requests where program_id = programs.id)
      where slug = ${q(p.slug)}`,
    `drop table bench_pay, bench_plan`,
  ];
}

export const dropHelpers = [
  `drop table bench_people`,
  `drop function bench_u(bigint, text), bench_id(timestamptz, bigint)`,
];
