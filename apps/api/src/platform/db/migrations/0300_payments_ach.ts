import { sql, type Kysely } from 'kysely';

// Plain dates (effective dates, file dates) are YYYY-MM-DD text: they are days in the agency's zone, not instants.
// Payments side of issue 5: ACH batches (NACHA files, sealed), their entries (trace numbers), bank returns and NOCs,
// outbound webhooks (endpoints, deliveries, attempts) and the FINANCIAL system's service tokens.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table payments
      add column trace_number text,
      add column effective_date text check (effective_date ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
      add column prenote_ready_on text check (prenote_ready_on ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
      add column return_code text,
      add column return_reason_en text,
      add column return_reason_es text,
      add column account_fixable boolean,
      add column returned_at timestamptz,
      add column released_at timestamptz,
      add column settled_at timestamptz;

    create table ach_batches (
      id uuid primary key,
      status text not null check (status in ('built', 'released', 'settled', 'cancelled')),
      file_date text check (file_date ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$') not null,
      file_id_modifier text not null check (file_id_modifier ~ '^[A-Z0-9]$'),
      effective_date text check (effective_date ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$') not null,
      same_day boolean not null,
      entry_count int not null,
      prenote_count int not null,
      total_cents bigint not null check (total_cents >= 0),
      file_enc text not null,
      key_id text not null,
      file_sha256 text not null,
      built_by uuid not null references users (id),
      built_at timestamptz not null default now(),
      released_by uuid references users (id),
      released_at timestamptz,
      cancelled_by uuid references users (id),
      cancelled_at timestamptz,
      settled_at timestamptz,
      settled_by_kind text check (settled_by_kind in ('user', 'token')),
      settled_by uuid,
      download_count int not null default 0,
      -- Dual control in the database too: the releaser is never the builder.
      check (released_by is null or released_by <> built_by)
    );
    -- The file id modifier distinguishes files created the same day: never two files with the same one.
    create unique index ach_batches_modifier_per_day on ach_batches (file_date, file_id_modifier);
    create index ach_batches_status_idx on ach_batches (status, built_at desc);

    create sequence ach_trace_seq;

    create table ach_entries (
      id uuid primary key,
      batch_id uuid not null references ach_batches (id),
      payment_id uuid not null references payments (id),
      payee_account_id uuid not null references payee_accounts (id),
      program_id uuid not null references programs (id),
      kind text not null check (kind in ('payment', 'prenote')),
      transaction_code int not null,
      amount_cents bigint not null check (amount_cents >= 0),
      trace_number text not null unique,
      created_at timestamptz not null default now()
    );
    create index ach_entries_batch_idx on ach_entries (batch_id);
    create index ach_entries_payment_idx on ach_entries (payment_id);
    create index ach_entries_account_idx on ach_entries (payee_account_id, kind);

    create table return_files (
      id uuid primary key,
      sha256 text not null unique,
      file_name text not null,
      uploaded_by uuid not null references users (id),
      uploaded_at timestamptz not null default now(),
      result jsonb not null
    );

    create table ach_returns (
      id uuid primary key,
      return_file_id uuid not null references return_files (id),
      entry_id uuid not null unique references ach_entries (id),
      payment_id uuid not null references payments (id),
      return_code text not null,
      amount_cents bigint not null,
      original_trace_number text not null,
      addenda_information text not null default '',
      created_at timestamptz not null default now()
    );

    create table ach_nocs (
      id uuid primary key,
      return_file_id uuid not null references return_files (id),
      entry_id uuid not null references ach_entries (id),
      payment_id uuid not null references payments (id),
      payee_account_id uuid not null references payee_accounts (id),
      change_code text not null,
      corrected_enc text not null,
      key_id text not null,
      corrected_summary jsonb not null,
      status text not null default 'pending' check (status in ('pending', 'applied', 'dismissed')),
      decided_by uuid references users (id),
      decided_at timestamptz,
      created_at timestamptz not null default now(),
      unique (entry_id, change_code)
    );
    create index ach_nocs_status_idx on ach_nocs (status, created_at);

    create table webhook_endpoints (
      id uuid primary key,
      url text not null,
      description text not null default '',
      event_types text[] not null,
      secret_enc text not null,
      key_id text not null,
      enabled boolean not null default true,
      created_by uuid not null references users (id),
      created_at timestamptz not null default now()
    );

    -- Which outbox events the webhook fan-out has already turned into deliveries.
    create table webhook_fanout (
      event_id uuid primary key references outbox_events (id),
      done_at timestamptz not null default now()
    );

    create table webhook_deliveries (
      id uuid primary key,
      endpoint_id uuid not null references webhook_endpoints (id),
      event_id uuid not null references outbox_events (id),
      event_type text not null,
      body text not null,
      status text not null check (status in ('pending', 'delivered', 'failed', 'dead')),
      attempts int not null default 0,
      last_status_code int,
      last_error text,
      next_attempt_at timestamptz,
      delivered_at timestamptz,
      created_at timestamptz not null default now(),
      -- The same event is delivered to an endpoint as one delivery (one webhook-id, one body), redeliveries included.
      unique (endpoint_id, event_id)
    );
    create index webhook_deliveries_created_idx on webhook_deliveries (created_at desc, id desc);

    create table webhook_attempts (
      id uuid primary key,
      delivery_id uuid not null references webhook_deliveries (id),
      at timestamptz not null default now(),
      status_code int,
      error text,
      duration_ms int not null
    );
    create index webhook_attempts_delivery_idx on webhook_attempts (delivery_id, at);

    create table service_tokens (
      id uuid primary key,
      name text not null,
      scopes text[] not null,
      token_hash text not null unique,
      token_prefix text not null,
      created_by uuid not null references users (id),
      created_at timestamptz not null default now(),
      last_used_at timestamptz,
      revoked_at timestamptz,
      rotated_from uuid references service_tokens (id)
    );

    create table service_token_uses (
      id uuid primary key,
      token_id uuid not null references service_tokens (id),
      at timestamptz not null default now(),
      method text not null,
      path text not null,
      status_code int not null,
      ip text
    );
    create index service_token_uses_token_idx on service_token_uses (token_id, at desc);
  `.execute(db);
}
