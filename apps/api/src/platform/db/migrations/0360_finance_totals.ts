import { sql, type Kysely } from 'kysely';

// The finance workspace's figures kept per agency day (issue 13: every finance endpoint under 100 ms at a million
// requests, with no cache that could serve a stale money figure). Summing a year's rows on every call took seconds;
// these tables hold the same sums per day and program, written by statement-level triggers in the transaction that
// changes a request or a payment, so a figure read from them is exactly as fresh as the rows (the house pattern of
// program_budget_use, 0202). A period becomes a sum over at most 366 days × programs rows.
//
// - finance_day_totals: count and cents per figure, agency day and program, as modules/finance/repo.ts defines them:
//   'requested' (submitted, by submission day, the amount asked), 'approved' (approved and still so, by decision day,
//   the approved amount), 'committed' (what counts against the budget now, budget_use_cents of 0202, by submission
//   day: the budgets' spending rate), and one 'payment:<status>' per payment status, by the day the payment reached
//   its status (the repo's paymentStatusAt) with the return code of a returned payment in `code`.
// - finance_durations: how many requests were decided, or paid, in how many tenths of a day after submission, per
//   day and per month (grain) of the decision or settlement, so the median and 90th percentile of a year are read
//   from 12 months of histograms and those of its ragged ends from their days. Tenths of a day (2.4 hours) is the
//   precision the overview shows them at.
// - finance_totals_zone: the agency time zone the days were cut in. The API re-cuts every row in one transaction
//   when it starts with another HMS_TIMEZONE (modules/finance keepTotalsInZone).
//
// finance_totals_rebuild() recomputes both tables from the rows; the migration fills them with it, and
// modules/finance compares kept against recomputed figures (the tests and the bench do after every kind of write).

const PAYMENT_STATUS_AT = `(case p.status
  when 'settled' then coalesce(p.settled_at, p.updated_at)
  when 'returned' then coalesce(p.returned_at, p.updated_at)
  when 'released' then coalesce(p.released_at, p.updated_at)
  when 'cancelled' then p.updated_at
  else p.created_at end)`;

/** Day totals and durations of a set of request rows `r` carrying a sign `sign`, in zone `z`. */
function requestFacts(rows: string) {
  return `
    with r as (${rows}),
    day_totals as (
      insert into finance_day_totals as t (figure, day, program_id, code, count, cents)
      select figure, day, program_id, '', sum(sign), sum(sign * cents) from (
        select 'requested' as figure, (r.submitted_at at time zone z)::date as day, r.program_id, r.sign,
          r.amount_requested_cents::bigint as cents
        from r where r.status <> 'draft' and r.submitted_at is not null
        union all
        select 'approved', (r.decided_at at time zone z)::date, r.program_id, r.sign,
          coalesce(r.approved_amount_cents, r.amount_requested_cents)::bigint
        from r where r.status in ('approved', 'paid', 'payment_returned') and r.decided_at is not null
        union all
        select 'committed', (r.submitted_at at time zone z)::date, r.program_id, r.sign,
          budget_use_cents(r.status, r.approved_amount_cents, r.amount_requested_cents)
        from r where r.submitted_at is not null
          and budget_use_cents(r.status, r.approved_amount_cents, r.amount_requested_cents) <> 0
      ) f
      group by figure, day, program_id having sum(sign) <> 0 or sum(sign * cents) <> 0
      order by figure, day, program_id
      on conflict (figure, day, program_id, code)
        do update set count = t.count + excluded.count, cents = t.cents + excluded.cents
      returning 1
    )
    insert into finance_durations as t (measure, grain, period, program_id, tenths, count)
    select 'decision', g.grain, case g.grain when 'day' then d.day else date_trunc('month', d.day)::date end,
      d.program_id, d.tenths, sum(d.sign)
    from (
      select (r.decided_at at time zone z)::date as day, r.program_id, r.sign,
        round(extract(epoch from r.decided_at - r.submitted_at) / 8640)::int as tenths
      from r
      where r.status in ('approved', 'paid', 'payment_returned', 'rejected')
        and r.submitted_at is not null and r.decided_at is not null
    ) d cross join (values ('day'), ('month')) g (grain)
    group by 1, 2, 3, 4, 5 having sum(d.sign) <> 0
    order by 1, 2, 3, 4, 5
    on conflict (measure, grain, period, program_id, tenths) do update set count = t.count + excluded.count`;
}

/** Day totals and durations of a set of payment rows `p` carrying a sign `sign`, in zone `z`. */
function paymentFacts(rows: string) {
  return `
    with p as (${rows}),
    f as (
      select p.sign, p.status, p.amount_cents::bigint as cents, p.return_code, rq.program_id, rq.submitted_at,
        ${PAYMENT_STATUS_AT} as status_at
      from p join requests rq on rq.id = p.request_id
    ),
    day_totals as (
      insert into finance_day_totals as t (figure, day, program_id, code, count, cents)
      select 'payment:' || f.status, (f.status_at at time zone z)::date, f.program_id,
        case when f.status = 'returned' then coalesce(f.return_code, '') else '' end, sum(f.sign), sum(f.sign * f.cents)
      from f
      group by 1, 2, 3, 4 having sum(f.sign) <> 0 or sum(f.sign * f.cents) <> 0
      order by 1, 2, 3, 4
      on conflict (figure, day, program_id, code)
        do update set count = t.count + excluded.count, cents = t.cents + excluded.cents
      returning 1
    )
    insert into finance_durations as t (measure, grain, period, program_id, tenths, count)
    select 'payment', g.grain, case g.grain when 'day' then d.day else date_trunc('month', d.day)::date end,
      d.program_id, d.tenths, sum(d.sign)
    from (
      select (f.status_at at time zone z)::date as day, f.program_id, f.sign,
        round(extract(epoch from f.status_at - f.submitted_at) / 8640)::int as tenths
      from f where f.status = 'settled' and f.submitted_at is not null
    ) d cross join (values ('day'), ('month')) g (grain)
    group by 1, 2, 3, 4, 5 having sum(d.sign) <> 0
    order by 1, 2, 3, 4, 5
    on conflict (measure, grain, period, program_id, tenths) do update set count = t.count + excluded.count`;
}

/** A statement-level trigger function applying `facts` to the rows a statement inserted, changed or deleted. */
function triggerFunction(name: string, table: string, facts: (rows: string) => string) {
  const signed = (transition: string, sign: number) =>
    `select ${sign} as sign, x.* from ${transition} x`;
  return `
    create function ${name}() returns trigger language plpgsql as $$
    declare z text;
    begin
      select zone into strict z from finance_totals_zone;
      if tg_op = 'INSERT' then
        ${facts(signed('new_rows', 1))};
      elsif tg_op = 'UPDATE' then
        ${facts(`${signed('new_rows', 1)} union all ${signed('old_rows', -1)}`)};
      else
        ${facts(signed('old_rows', -1))};
      end if;
      return null;
    end;
    $$;
    create trigger ${table}_finance_totals_insert after insert on ${table}
      referencing new table as new_rows for each statement execute function ${name}();
    create trigger ${table}_finance_totals_update after update on ${table}
      referencing old table as old_rows new table as new_rows for each statement execute function ${name}();
    create trigger ${table}_finance_totals_delete after delete on ${table}
      referencing old table as old_rows for each statement execute function ${name}();`;
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
    create table finance_totals_zone (
      singleton boolean primary key default true check (singleton),
      zone text not null
    );
    insert into finance_totals_zone (zone) values ('America/New_York');

    create table finance_day_totals (
      figure text not null,
      day date not null,
      program_id uuid not null references programs (id),
      code text not null default '',
      count bigint not null,
      cents bigint not null,
      primary key (figure, day, program_id, code)
    );

    create table finance_durations (
      measure text not null check (measure in ('decision', 'payment')),
      grain text not null check (grain in ('day', 'month')),
      period date not null,
      program_id uuid not null references programs (id),
      tenths int not null,
      count bigint not null,
      primary key (measure, grain, period, program_id, tenths)
    );

    ${triggerFunction('finance_totals_requests', 'requests', requestFacts)}
    ${triggerFunction('finance_totals_payments', 'payments', paymentFacts)}

    -- A truncate leaves nothing to count (tests empty tables this way).
    create function finance_totals_truncate() returns trigger language plpgsql as $$
    begin
      delete from finance_day_totals where (tg_table_name = 'requests' or figure like 'payment:%');
      delete from finance_durations where (tg_table_name = 'requests' or measure = 'payment');
      return null;
    end;
    $$;
    create trigger requests_finance_totals_truncate after truncate on requests
      for each statement execute function finance_totals_truncate();
    create trigger payments_finance_totals_truncate after truncate on payments
      for each statement execute function finance_totals_truncate();

    -- Every kept figure recomputed from the rows in the stored zone (the migration's backfill, a change of zone).
    create function finance_totals_rebuild() returns void language plpgsql as $$
    declare z text;
    begin
      lock table finance_day_totals, finance_durations in exclusive mode;
      select zone into strict z from finance_totals_zone;
      delete from finance_day_totals;
      delete from finance_durations;
      ${requestFacts('select 1 as sign, x.* from requests x')};
      ${paymentFacts('select 1 as sign, x.* from payments x')};
    end;
    $$;
    select finance_totals_rebuild();
  `,
    )
    .execute(db);
}
