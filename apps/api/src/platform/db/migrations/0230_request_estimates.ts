import { sql, type Kysely } from 'kysely';

// Indexes for "When will I hear back?" (issue 14 part 2, modules/read-models/request-estimates.ts), which reads on
// every request page and inbox page, at a million requests:
// - requests_estimate_decided_idx: a program's decisions since a day (its six months of decision times, its pace of
//   the last 20 business days), read from the index alone (the submission instant is carried in it).
// - requests_estimate_queue_idx: a program's requests waiting for a reviewer, in submission order, so "how many are
//   ahead of this one" counts a few thousand index entries, not the program's whole history.
// The approval-to-bank history reads the payments that most recently moved through payments_finance_status_at_idx
// (0350): payments' columns are added by 0300, after this range runs on a new database.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create index requests_estimate_decided_idx on requests (program_id, decided_at) include (submitted_at)
      where status in ('approved', 'paid', 'payment_returned', 'rejected') and submitted_at is not null;
    create index requests_estimate_queue_idx on requests (program_id, submitted_at, id)
      where status in ('submitted', 'in_review');
  `.execute(db);
}
