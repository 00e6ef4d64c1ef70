import { sql, type Kysely } from 'kysely';

// A search for part of a payee's name over a long period (bench/finance: "Patel" over a year, 25,000 payments).
//
// It used to read every payee account with ILIKE (wide rows, and ILIKE folds case letter by letter, five times the
// cost of LIKE) and then look up each matching account's payments in the largest index. Now the name is matched on
// holder_name_key (the lower-cased name, kept by PostgreSQL as a generated column) in a narrow index that carries the
// name itself, and the payments of each matching name are read from payments_finance_payee_name_idx (0370) alone.
// The walk of payee_accounts by name that the sorted list used (payee_accounts_holder_name_idx) has no reader left
// since 0370.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table payee_accounts
    add column holder_name_key text generated always as (lower(holder_name)) stored`.execute(db);
  await sql`create index payee_accounts_holder_name_key_idx on payee_accounts (holder_name_key)
    include (holder_name)`.execute(db);
  await sql`drop index payee_accounts_holder_name_idx`.execute(db);
}
