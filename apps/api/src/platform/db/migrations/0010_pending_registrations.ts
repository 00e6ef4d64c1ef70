import { sql, type Kysely } from 'kysely';

// Registration by email confirmation (issue 9, item 17): the account exists only once the link sent to the address is
// followed, so the answer to a registration never says whether the address was already registered, and nobody can
// hold an address they cannot read mail for. Only the token's hash is stored, like sessions.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table pending_registrations (
      id uuid primary key,
      token_hash text not null unique,
      email text not null,
      password_hash text not null,
      display_name text not null,
      language text not null check (language in ('en', 'es')),
      created_at timestamptz not null default now(),
      expires_at timestamptz not null
    );
    create index pending_registrations_expires_idx on pending_registrations (expires_at);
  `.execute(db);
}
