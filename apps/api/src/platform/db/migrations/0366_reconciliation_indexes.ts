import { sql, type Kysely } from 'kysely';

// Reconciliation's exceptions and Today's "returns to work" at 1,000,000 requests (bench/finance): both ask which
// payments are released (late settlements) or returned (returns not paid again) among 721,000, then join them to
// their entries and returns. payments_status_idx answers with row pointers only, so each of the 14,000 returned
// payments was a heap read scattered over the whole table (257 ms cold for Today's count). This partial index holds
// just those two statuses with the id and amount, so the same question is an index-only scan of 17,000 entries.
// ach_returns_created_idx serves the returns list's period and its default order (newest first), so page 1 of a
// period stops after its rows.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create index payments_recon_open_idx on payments (status, id) include (amount_cents)
      where status in ('released', 'returned');
    create index ach_returns_created_idx on ach_returns (created_at, id);
  `.execute(db);
}
