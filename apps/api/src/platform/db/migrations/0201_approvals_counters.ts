import { sql, type Kysely } from 'kysely';

// Approvals, performance at 1,000,000 requests:
// - program_commitments: the money committed per program (approved, paid, payment_returned, awaiting second
//   approval), kept exact by statement-level triggers on requests, whoever writes them. The budget check and the
//   review page read one row instead of summing a third of the table.
// - a covering partial index over the open requests for the queue counts (index-only scan).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create function committed_cents(status text, amount bigint) returns bigint immutable language sql as $$
      select case when status in ('approved', 'paid', 'payment_returned', 'awaiting_second_approval')
        then coalesce(amount, 0) else 0 end
    $$;

    create table program_commitments (
      program_id uuid primary key references programs (id),
      committed_cents bigint not null default 0
    );
    insert into program_commitments (program_id, committed_cents)
      select p.id, coalesce(sum(committed_cents(r.status, r.approved_amount_cents)), 0)
      from programs p left join requests r on r.program_id = p.id group by p.id;

    create function program_commitments_apply() returns trigger language plpgsql as $$
    begin
      if tg_op = 'INSERT' then
        insert into program_commitments (program_id, committed_cents)
          select program_id, sum(committed_cents(status, approved_amount_cents)) from new_rows
          group by program_id having sum(committed_cents(status, approved_amount_cents)) <> 0
          on conflict (program_id) do update set committed_cents = program_commitments.committed_cents + excluded.committed_cents;
      elsif tg_op = 'UPDATE' then
        insert into program_commitments (program_id, committed_cents)
          select program_id, sum(d) from (
            select program_id, committed_cents(status, approved_amount_cents) as d from new_rows
            union all
            select program_id, -committed_cents(status, approved_amount_cents) from old_rows
          ) x group by program_id having sum(d) <> 0
          on conflict (program_id) do update set committed_cents = program_commitments.committed_cents + excluded.committed_cents;
      else
        insert into program_commitments (program_id, committed_cents)
          select program_id, -sum(committed_cents(status, approved_amount_cents)) from old_rows
          group by program_id having sum(committed_cents(status, approved_amount_cents)) <> 0
          on conflict (program_id) do update set committed_cents = program_commitments.committed_cents + excluded.committed_cents;
      end if;
      return null;
    end;
    $$;
    create trigger requests_commitments_insert after insert on requests
      referencing new table as new_rows for each statement execute function program_commitments_apply();
    create trigger requests_commitments_update after update on requests
      referencing old table as old_rows new table as new_rows for each statement execute function program_commitments_apply();
    create trigger requests_commitments_delete after delete on requests
      referencing old table as old_rows for each statement execute function program_commitments_apply();

    create index requests_open_queue_idx on requests (status, assigned_to, due_at)
      where status in ('submitted', 'in_review', 'needs_info', 'awaiting_second_approval');
  `.execute(db);
}
