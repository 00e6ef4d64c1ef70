import { sql, type Kysely } from 'kysely';

// The more-information round trip (issue 9): when the citizen answers and the reviewer still holds the request, it
// goes back to in_review with that reviewer, marked "answered" (info_answered_at) until someone decides on it. Before
// this, the answer put it back to submitted while still assigned: neither claimable (assigned) nor decidable (not in
// review), a dead end. Those stuck requests are repaired here.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table requests add column info_answered_at timestamptz`.execute(db);
  await repairAnsweredButStuck(db);
}

/**
 * Every submitted request that still has an assignee and whose last change of state was the citizen's answer (a
 * comment written since changes nothing) returns to
 * in_review with that reviewer, marked answered at the time of the answer. Its version moves on, so a screen still
 * holding the old one reloads before deciding. Returns how many were repaired.
 */
export async function repairAnsweredButStuck(db: Kysely<unknown>): Promise<number> {
  const { rows } = await sql<{ id: string }>`
    with stuck as (
      select r.id, last.created_at as answered_at
      from requests r
      cross join lateral (
        select e.type, e.created_at from request_events e
        where e.request_id = r.id and e.to_status is not null
        order by e.created_at desc, e.id desc limit 1
      ) last
      where r.status = 'submitted' and r.assigned_to is not null and last.type = 'info_provided'
    )
    update requests r
    set status = 'in_review', info_answered_at = stuck.answered_at, version = r.version + 1, updated_at = now()
    from stuck where r.id = stuck.id
    returning r.id
  `.execute(db);
  return rows.length;
}
