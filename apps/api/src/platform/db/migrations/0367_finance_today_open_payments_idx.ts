import { sql, type Kysely } from 'kysely';

// Finance Today at 1,000,000 requests (bench/finance): its payment figures read the payments waiting to be batched
// or held for a prenote (about 1,400 of 721,000) through payments_status_idx, a bitmap scan of the payments table
// that PostgreSQL hands to a parallel worker; on a busy two-core server starting the worker cost 100 to 190 ms for
// 15 ms of work. This partial index holds only those two statuses with every column the figures read, so they are an
// index-only scan of a few pages that no worker is started for.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create index payments_today_open_idx on payments (status)
      include (amount_cents, created_at, request_id, payee_account_id)
      where status in ('pending', 'prenote_sent');
  `.execute(db);
}
