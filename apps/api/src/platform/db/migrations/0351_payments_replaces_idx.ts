import { sql, type Kysely } from 'kysely';

// "Has this returned payment been paid again?" is asked per returned payment by the finance Today page (returns to
// act on) and by reconciliation (return_not_reissued exceptions): `where replaces_payment_id = p.id`. Without an index
// each question read every payment: 47 s for Today at 100,000 requests on PGlite, a minute per reconciliation
// exceptions page at 1,000,000 on PostgreSQL (bench/finance). Only replacements carry the column.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create index payments_replaces_idx on payments (replaces_payment_id) where replaces_payment_id is not null;
  `.execute(db);
}
