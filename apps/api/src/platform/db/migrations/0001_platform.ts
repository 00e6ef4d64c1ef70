import { sql, type Kysely } from 'kysely';

// Raw SQL: the constraints (functional unique index, checks, trigger) are the point of this migration and read
// best as PostgreSQL. Runs unchanged on PGlite and PostgreSQL.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table users (
      id uuid primary key,
      email text not null,
      password_hash text not null,
      display_name text not null,
      language text not null default 'en' check (language in ('en', 'es')),
      created_at timestamptz not null default now()
    );
    create unique index users_email_lower_key on users (lower(email));

    create table user_roles (
      user_id uuid not null references users (id) on delete cascade,
      role text not null check (role in ('citizen', 'approver', 'senior_approver', 'finance', 'finance_supervisor', 'admin')),
      primary key (user_id, role)
    );

    create table sessions (
      id uuid primary key,
      token_hash text not null unique,
      user_id uuid not null references users (id) on delete cascade,
      created_at timestamptz not null default now(),
      last_seen_at timestamptz not null,
      expires_at timestamptz not null,
      ip text,
      user_agent text
    );
    create index sessions_user_idx on sessions (user_id);
    create index sessions_expires_idx on sessions (expires_at);

    create table auth_throttle (
      key text primary key,
      failures int not null default 0,
      window_started_at timestamptz not null,
      locked_until timestamptz
    );

    create table audit_log (
      id bigint generated always as identity primary key,
      at timestamptz not null default now(),
      actor_id uuid,
      actor_kind text not null check (actor_kind in ('user', 'system', 'token', 'anonymous')),
      action text not null,
      entity_type text not null,
      entity_id text,
      data jsonb not null default '{}'::jsonb,
      ip text,
      prev_hash text not null,
      hash text not null unique
    );
    create index audit_log_entity_idx on audit_log (entity_type, entity_id);

    -- Append-only: history can be added to, never rewritten (the hash chain would show it, this stops it).
    create function audit_log_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'audit_log is append-only: % is not allowed', tg_op using errcode = '42501';
    end;
    $$;
    create trigger audit_log_no_update_delete before update or delete on audit_log
      for each row execute function audit_log_append_only();
    create trigger audit_log_no_truncate before truncate on audit_log
      for each statement execute function audit_log_append_only();

    create table outbox_events (
      id uuid primary key,
      type text not null,
      aggregate_type text not null,
      aggregate_id text not null,
      payload jsonb not null,
      created_at timestamptz not null default now(),
      published_at timestamptz
    );
    create index outbox_unpublished_idx on outbox_events (created_at) where published_at is null;

    create table jobs (
      id uuid primary key,
      kind text not null,
      payload jsonb not null default '{}'::jsonb,
      run_at timestamptz not null default now(),
      attempts int not null default 0,
      max_attempts int not null default 8,
      status text not null default 'queued' check (status in ('queued', 'running', 'done', 'dead')),
      last_error text,
      locked_until timestamptz,
      created_at timestamptz not null default now()
    );
    create index jobs_due_idx on jobs (run_at) where status = 'queued';
  `.execute(db);
}
