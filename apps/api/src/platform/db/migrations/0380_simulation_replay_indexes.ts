import { sql, type Kysely } from 'kysely';

// Policy simulation at 1,000,000 requests (bench/simulations): the replay's read model (read-models/replay-history.ts)
// reads, for every request of a program's period, the first claim, decision and first approval among its events, and,
// for a change of decision rules, what a rule weighs about its applicant and account. Each index below holds only the
// rows those reads want, with the columns they read, so each is an index-only scan instead of a visit to the table
// per request (the events table holds about five rows per request, of which these reads want two).
// - request_events_replay_idx: a request's claims and decisions with their time, type and actor kind.
// - decisions_by_rule_idx: the few decisions a rule made (is this request's approval automated?).
// - requests_applicant_approved_idx: an applicant's approved requests by decision time (approvals before a request).
// - payments_returned_idx: the payments the bank returned (returns before a request), a small share of payments.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create index request_events_replay_idx on request_events (request_id, created_at) include (type, actor_kind)
      where type in ('claimed', 'first_approval', 'approved', 'rejected');
    create index decisions_by_rule_idx on decisions (request_id) where rule_version_id is not null;
    create index requests_applicant_approved_idx on requests (applicant_id, decided_at)
      where status in ('approved', 'paid', 'payment_returned');
    create index payments_returned_idx on payments (request_id) include (returned_at)
      where returned_at is not null;
  `.execute(db);
}
