import { sql, type Kysely } from 'kysely';

// Intake budget check, catalog and program page at 1,000,000 requests: the money committed against a program's
// budget as intake counts it (coalesce(approved, requested) of requests submitted and not rejected, withdrawn or
// draft: BUDGET_STATUSES in modules/programs/repo.ts) was a sum over a third of the table per program (about 200 ms
// each, 580 ms for the catalog). program_budget_use keeps that sum per program, exact, by statement-level triggers on
// requests like program_commitments (0201, which counts a different thing: approvals' approved money). An update that
// changes no status, amount or program nets to zero and takes no lock; rows are locked in program order.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create function budget_use_cents(status text, approved bigint, requested bigint) returns bigint immutable language sql as $$
      select case when status in ('submitted', 'in_review', 'needs_info', 'awaiting_second_approval', 'approved',
        'payment_returned', 'paid') then coalesce(approved, requested, 0) else 0 end
    $$;

    create table program_budget_use (
      program_id uuid primary key references programs (id),
      committed_cents bigint not null default 0
    );
    insert into program_budget_use (program_id, committed_cents)
      select p.id, coalesce(sum(budget_use_cents(r.status, r.approved_amount_cents, r.amount_requested_cents)), 0)
      from programs p left join requests r on r.program_id = p.id group by p.id;

    create function program_budget_use_apply() returns trigger language plpgsql as $$
    begin
      if tg_op = 'INSERT' then
        insert into program_budget_use (program_id, committed_cents)
          select program_id, sum(budget_use_cents(status, approved_amount_cents, amount_requested_cents)) from new_rows
          group by program_id having sum(budget_use_cents(status, approved_amount_cents, amount_requested_cents)) <> 0
          order by program_id
          on conflict (program_id) do update set committed_cents = program_budget_use.committed_cents + excluded.committed_cents;
      elsif tg_op = 'UPDATE' then
        insert into program_budget_use (program_id, committed_cents)
          select program_id, sum(d) from (
            select program_id, budget_use_cents(status, approved_amount_cents, amount_requested_cents) as d from new_rows
            union all
            select program_id, -budget_use_cents(status, approved_amount_cents, amount_requested_cents) from old_rows
          ) x group by program_id having sum(d) <> 0 order by program_id
          on conflict (program_id) do update set committed_cents = program_budget_use.committed_cents + excluded.committed_cents;
      else
        insert into program_budget_use (program_id, committed_cents)
          select program_id, -sum(budget_use_cents(status, approved_amount_cents, amount_requested_cents)) from old_rows
          group by program_id having sum(budget_use_cents(status, approved_amount_cents, amount_requested_cents)) <> 0
          order by program_id
          on conflict (program_id) do update set committed_cents = program_budget_use.committed_cents + excluded.committed_cents;
      end if;
      return null;
    end;
    $$;
    create trigger requests_budget_use_insert after insert on requests
      referencing new table as new_rows for each statement execute function program_budget_use_apply();
    create trigger requests_budget_use_update after update on requests
      referencing old table as old_rows new table as new_rows for each statement execute function program_budget_use_apply();
    create trigger requests_budget_use_delete after delete on requests
      referencing old table as old_rows for each statement execute function program_budget_use_apply();
  `.execute(db);
}
