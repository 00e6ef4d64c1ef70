import { sql, type Kysely } from 'kysely';

// The request timeline, the citizen's notifications and the email outbox: written by every module that changes a
// request (intake, decisions, payments) through platform/request-events.ts, in the same transaction as the change.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table request_events (
      id uuid primary key,
      request_id uuid not null references requests (id),
      type text not null,
      from_status text,
      to_status text,
      actor_id uuid references users (id),
      actor_kind text not null check (actor_kind in ('user', 'system', 'token')),
      data jsonb not null default '{}'::jsonb,
      visible_to_applicant boolean not null,
      created_at timestamptz not null default now()
    );
    create index request_events_request_idx on request_events (request_id, created_at, id);

    create table notifications (
      id uuid primary key,
      user_id uuid not null references users (id),
      request_id uuid references requests (id),
      event_id uuid references request_events (id),
      language text not null check (language in ('en', 'es')),
      title text not null,
      body text not null,
      created_at timestamptz not null default now(),
      read_at timestamptz
    );
    create index notifications_user_idx on notifications (user_id, created_at desc, id desc);
    create index notifications_unread_idx on notifications (user_id) where read_at is null;

    create table email_outbox (
      id uuid primary key,
      notification_id uuid references notifications (id),
      to_address text not null,
      subject text not null,
      body text not null,
      status text not null default 'queued' check (status in ('queued', 'sent', 'dead')),
      attempts int not null default 0,
      next_attempt_at timestamptz not null default now(),
      last_error text,
      created_at timestamptz not null default now(),
      sent_at timestamptz
    );
    create index email_outbox_due_idx on email_outbox (next_attempt_at) where status = 'queued';
  `.execute(db);
}
