import { sql, type Kysely } from 'kysely';

// Approvals, queue counts at 1,000,000 requests (GET /api/inbox/counts):
// - inbox_queue_counts: how many open requests (submitted, in_review, needs_info, awaiting_second_approval) there are
//   per (status, assignee, has a due date). Kept exact by statement-level triggers on requests, whoever writes them,
//   like program_commitments (0201). An update that changes none of the three keys nets to zero and takes no lock.
//   Unassigned is the nil UUID (a primary key column cannot be null).
// - requests_open_due_idx: due dates of the open requests whose clock runs (not needs_info). "Overdue" depends on the
//   clock, so it is counted as (counter of open, running, dated requests) minus (those due now or later), and the
//   second part is an index-only range scan over the requests not yet due: bounded by the intake rate times the
//   review deadline, however large the backlog grows. Both parts are read in one statement, so one snapshot.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table inbox_queue_counts (
      status text not null,
      assignee uuid not null,
      has_due boolean not null,
      n bigint not null default 0,
      primary key (status, assignee, has_due)
    );

    insert into inbox_queue_counts (status, assignee, has_due, n)
      select status, coalesce(assigned_to, '00000000-0000-0000-0000-000000000000'), due_at is not null, count(*)
      from requests
      where status in ('submitted', 'in_review', 'needs_info', 'awaiting_second_approval')
      group by 1, 2, 3;

    create function inbox_queue_counts_apply() returns trigger language plpgsql as $$
    begin
      -- Keys are locked in one order (order by the key), so two statements cannot deadlock on the counter rows.
      if tg_op = 'INSERT' then
        insert into inbox_queue_counts (status, assignee, has_due, n)
          select status, coalesce(assigned_to, '00000000-0000-0000-0000-000000000000'), due_at is not null, count(*)
          from new_rows where status in ('submitted', 'in_review', 'needs_info', 'awaiting_second_approval')
          group by 1, 2, 3 order by 1, 2, 3
          on conflict (status, assignee, has_due) do update set n = inbox_queue_counts.n + excluded.n;
      elsif tg_op = 'UPDATE' then
        insert into inbox_queue_counts (status, assignee, has_due, n)
          select status, assignee, has_due, sum(d) from (
            select status, coalesce(assigned_to, '00000000-0000-0000-0000-000000000000') as assignee,
              due_at is not null as has_due, 1 as d
            from new_rows where status in ('submitted', 'in_review', 'needs_info', 'awaiting_second_approval')
            union all
            select status, coalesce(assigned_to, '00000000-0000-0000-0000-000000000000'), due_at is not null, -1
            from old_rows where status in ('submitted', 'in_review', 'needs_info', 'awaiting_second_approval')
          ) x group by 1, 2, 3 having sum(d) <> 0 order by 1, 2, 3
          on conflict (status, assignee, has_due) do update set n = inbox_queue_counts.n + excluded.n;
      else
        insert into inbox_queue_counts (status, assignee, has_due, n)
          select status, coalesce(assigned_to, '00000000-0000-0000-0000-000000000000'), due_at is not null, -count(*)
          from old_rows where status in ('submitted', 'in_review', 'needs_info', 'awaiting_second_approval')
          group by 1, 2, 3 order by 1, 2, 3
          on conflict (status, assignee, has_due) do update set n = inbox_queue_counts.n + excluded.n;
      end if;
      return null;
    end;
    $$;
    create trigger requests_queue_counts_insert after insert on requests
      referencing new table as new_rows for each statement execute function inbox_queue_counts_apply();
    create trigger requests_queue_counts_update after update on requests
      referencing old table as old_rows new table as new_rows for each statement execute function inbox_queue_counts_apply();
    create trigger requests_queue_counts_delete after delete on requests
      referencing old table as old_rows for each statement execute function inbox_queue_counts_apply();
    -- TRUNCATE fires no row or transition-table triggers: empty the counters with it.
    create function inbox_queue_counts_truncate() returns trigger language plpgsql as $$
    begin
      delete from inbox_queue_counts;
      return null;
    end;
    $$;
    create trigger requests_queue_counts_truncate after truncate on requests
      for each statement execute function inbox_queue_counts_truncate();

    create index requests_open_due_idx on requests (due_at)
      where status in ('submitted', 'in_review', 'awaiting_second_approval') and due_at is not null;
  `.execute(db);
}
