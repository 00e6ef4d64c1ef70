import { sql, type Kysely } from 'kysely';

// Reconciliation (issue 13, item 5), owned by modules/reconciliation: an exception that no action in HMS can clear
// (a return that will never be paid again, a file whose total the bank confirmed) is closed by a finance supervisor
// with a note. One row per exception id (`reason:<item id>`); the audit log records the same act.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table reconciliation_resolutions (
      id uuid primary key,
      exception_id text not null unique,
      reason text not null,
      resolution text not null check (resolution in ('written_off', 'confirmed_with_bank')),
      note text not null check (length(note) between 1 and 500),
      amount_cents bigint not null,
      resolved_by uuid not null references users (id),
      resolved_at timestamptz not null default now()
    );
  `.execute(db);
}
