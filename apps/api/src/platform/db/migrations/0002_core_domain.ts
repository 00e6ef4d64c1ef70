import { sql, type Kysely } from 'kysely';

// The shared model of DOMAIN.md, kept to what every module needs; modules add their own columns and tables in
// their migration ranges (0100 intake, 0200 approvals, 0300 payments).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table programs (
      id uuid primary key,
      slug text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
      version int not null default 1 check (version >= 1),
      name_en text not null,
      name_es text not null,
      description_en text not null,
      description_es text not null,
      eligibility_en text not null,
      eligibility_es text not null,
      sec_code text not null check (sec_code in ('PPD', 'CCD')),
      max_amount_cents bigint not null check (max_amount_cents > 0),
      budget_cents bigint not null check (budget_cents >= 0),
      approval_threshold_cents bigint not null check (approval_threshold_cents >= 0),
      review_deadline_days int not null check (review_deadline_days > 0),
      requires_prenote boolean not null default false,
      opens_at timestamptz,
      closes_at timestamptz,
      definition jsonb not null default '{}'::jsonb,
      created_at timestamptz not null default now(),
      check (closes_at is null or opens_at is null or closes_at > opens_at)
    );

    create table requests (
      id uuid primary key,
      reference text not null unique,
      program_id uuid not null references programs (id),
      program_version int not null,
      applicant_id uuid not null references users (id),
      status text not null check (status in ('draft', 'submitted', 'in_review', 'needs_info', 'awaiting_second_approval',
        'approved', 'rejected', 'withdrawn', 'payment_returned', 'paid')),
      answers jsonb not null default '{}'::jsonb,
      amount_requested_cents bigint not null check (amount_requested_cents >= 0),
      approved_amount_cents bigint check (approved_amount_cents >= 0),
      assigned_to uuid references users (id),
      first_approver_id uuid references users (id),
      version int not null default 1,
      idempotency_key text,
      submitted_at timestamptz,
      due_at timestamptz,
      decided_at timestamptz,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index requests_applicant_idx on requests (applicant_id, created_at desc, id desc);
    create index requests_status_idx on requests (status);
    create index requests_program_idx on requests (program_id);
    -- A retried submission with the same key finds the first one instead of creating a twin.
    create unique index requests_idempotency_key on requests (applicant_id, idempotency_key) where idempotency_key is not null;

    create table payee_accounts (
      id uuid primary key,
      user_id uuid not null references users (id),
      holder_name text not null,
      account_type text not null check (account_type in ('checking', 'savings')),
      routing_number text not null check (routing_number ~ '^[0-9]{9}$'),
      account_number_enc text not null,
      account_last4 text not null check (account_last4 ~ '^[0-9]{1,4}$'),
      key_id text not null,
      created_at timestamptz not null default now()
    );
    create index payee_accounts_user_idx on payee_accounts (user_id);

    create table payments (
      id uuid primary key,
      request_id uuid not null references requests (id),
      payee_account_id uuid not null references payee_accounts (id),
      amount_cents bigint not null check (amount_cents > 0),
      status text not null check (status in ('pending', 'prenote_sent', 'batched', 'released', 'settled', 'returned', 'cancelled')),
      batch_id uuid,
      replaces_payment_id uuid references payments (id),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    -- Exactly one live payment per request, whatever retries or crashes happen: the database enforces it.
    create unique index payments_one_live_per_request on payments (request_id) where status not in ('returned', 'cancelled');
    create index payments_status_idx on payments (status);
  `.execute(db);
}
