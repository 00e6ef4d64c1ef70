import { sql, type Kysely } from 'kysely';

// Staff accounts (issue 11, item 5). A staff member is invited by an administrator: their user row exists from the
// invitation on (status 'invited', no password yet) with the roles they were given, and becomes 'active' when they
// follow the emailed one-time link and choose a password. 'deactivated' people cannot sign in and have no sessions.
// Only the invitation token's hash is stored, like sessions and registrations.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table users alter column password_hash drop not null;
    alter table users add column status text not null default 'active'
      check (status in ('invited', 'active', 'deactivated'));
    alter table users add column deactivated_at timestamptz;
    alter table users add constraint users_active_has_password
      check (status <> 'active' or password_hash is not null);

    create table staff_invitations (
      id uuid primary key,
      user_id uuid not null references users (id) on delete cascade,
      token_hash text not null unique,
      invited_by uuid references users (id) on delete set null,
      language text not null check (language in ('en', 'es')),
      created_at timestamptz not null default now(),
      expires_at timestamptz not null,
      used_at timestamptz,
      revoked_at timestamptz
    );
    create index staff_invitations_user_idx on staff_invitations (user_id, created_at desc);
  `.execute(db);
}
