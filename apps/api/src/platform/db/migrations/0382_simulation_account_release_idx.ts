import { sql, type Kysely } from 'kysely';

// Policy simulation (bench/simulations), a change of decision rules: "had a payment gone out to this account before
// the request?" is the account's first release. Read for every account of a period (55,000 at 100,000 requests)
// through payments_payee_account_idx, each look-up read all of the account's payments from a wide index; this one
// holds only released payments by account and release time, so the first release is the first entry.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create index payments_account_released_idx on payments (payee_account_id, released_at)
      where released_at is not null;
  `.execute(db);
}
