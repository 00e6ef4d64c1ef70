import { sql, type Kysely } from 'kysely';

// Indexes for the finance workspace's read model (modules/finance/repo.ts, issue 13), measured by bench/finance at
// 1,000,000 requests. Indexes only: every figure is still summed from the rows at the moment it is asked for, so no
// money figure can be stale.
//
// - payments_finance_status_at_idx: the date a payment reached its current status, written exactly as the repo's
//   paymentStatusAt (the planner matches an expression index only to the same expression). It serves the period
//   filter of every payment figure and list, and, in the list's order (date desc nulls last, id desc), its first page
//   without sorting the period. Without it each call read every payment (a day: 320 ms at a million).
// - requests_finance_decided_idx: requests decided in a period (the approved figure, the days to a decision). The
//   submitted and past-deadline halves of the request figures already have theirs (requests_inbox_submitted_idx,
//   requests_open_due_idx), so the three figures are one bitmap OR instead of a scan of every request.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create index payments_finance_status_at_idx on payments ((case status
        when 'settled' then coalesce(settled_at, updated_at)
        when 'returned' then coalesce(returned_at, updated_at)
        when 'released' then coalesce(released_at, updated_at)
        when 'cancelled' then updated_at
        else created_at end) desc nulls last, id desc);
    create index requests_finance_decided_idx on requests (decided_at)
      where status in ('approved', 'paid', 'payment_returned', 'rejected');
  `.execute(db);
}
