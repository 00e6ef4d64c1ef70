import { sql, type Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';

// Read model "inbox counts": the approvers' queue counts (GET /inbox/counts), from the counters the triggers on
// requests keep (inbox_queue_counts) and the open requests' due dates. It writes nothing.

export const OPEN_STATUSES = [
  'submitted',
  'in_review',
  'needs_info',
  'awaiting_second_approval',
] as const;

const NO_ASSIGNEE = '00000000-0000-0000-0000-000000000000';

/**
 * Queue counts from the counters kept by triggers (migration 0202), exact and independent of the table size.
 * overdue = open running requests with a due date (a counter) minus those not yet due (index-only range scan of
 * requests_open_due_idx, which holds only the requests whose clock runs). One statement, so one snapshot.
 */
export function inboxCountsQuery(userId: string) {
  return sql<{
    unassigned: number;
    assigned_to_me: number;
    awaiting_second_approval: number;
    waiting_for_citizen: number;
    overdue: number;
    all: number;
  }>`
    select
      coalesce(sum(n) filter (where status = 'submitted' and assignee = ${NO_ASSIGNEE}::uuid), 0)::int as unassigned,
      coalesce(sum(n) filter (where assignee = ${userId}::uuid), 0)::int as assigned_to_me,
      coalesce(sum(n) filter (where status = 'awaiting_second_approval'), 0)::int as awaiting_second_approval,
      coalesce(sum(n) filter (where status = 'needs_info'), 0)::int as waiting_for_citizen,
      (coalesce(sum(n) filter (where status <> 'needs_info' and has_due), 0) - (
        select count(*) from requests
        where status in ('submitted', 'in_review', 'awaiting_second_approval') and due_at is not null and due_at >= now()
      ))::int as overdue,
      coalesce(sum(n), 0)::int as all
    from inbox_queue_counts
  `;
}

export async function inboxCounts(db: Kysely<Database>, userId: string) {
  const { rows } = await inboxCountsQuery(userId).execute(db);
  return rows[0]!;
}

/** The same counts computed from the requests table (tests compare the counters against it). */
export async function recountInbox(db: Kysely<Database>, userId: string) {
  const open = sql.join(OPEN_STATUSES.map((s) => sql.lit(s)));
  const { rows } = await sql<Awaited<ReturnType<typeof inboxCounts>>>`
    select
      count(*) filter (where status = 'submitted' and assigned_to is null)::int as unassigned,
      count(*) filter (where assigned_to = ${userId}::uuid)::int as assigned_to_me,
      count(*) filter (where status = 'awaiting_second_approval')::int as awaiting_second_approval,
      count(*) filter (where status = 'needs_info')::int as waiting_for_citizen,
      count(*) filter (where status <> 'needs_info' and due_at is not null and due_at < now())::int as overdue,
      count(*)::int as all
    from requests
    where status in (${open})
  `.execute(db);
  return rows[0]!;
}
