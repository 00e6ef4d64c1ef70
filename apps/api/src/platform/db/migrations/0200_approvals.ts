import { sql, type Kysely } from 'kysely';

// Approvals: assignment, decisions, internal comments, risk signals, and the indexes the inbox list and its keyset
// pagination need. Columns other modules may also add (payee_account_id, fingerprint) are guarded with
// "if not exists" so the order of the intake (01xx) and approvals (02xx) migrations does not matter.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table requests add column if not exists payee_account_id uuid references payee_accounts (id);
    alter table requests add column if not exists risk_level text not null default 'none'
      check (risk_level in ('none', 'low', 'medium', 'high'));
    alter table requests add column if not exists risk_computed_at timestamptz;

    -- Keyed HMAC of routing + account number: equal accounts compare equal without decrypting anything.
    alter table payee_accounts add column if not exists fingerprint text;
    alter table payee_accounts add column if not exists verification_state text not null default 'unverified';
    create index if not exists payee_accounts_fingerprint_idx on payee_accounts (fingerprint) where fingerprint is not null;

    create table decisions (
      id uuid primary key,
      request_id uuid not null references requests (id),
      kind text not null check (kind in ('approve', 'reject', 'request_info')),
      actor_id uuid not null references users (id),
      at_version int not null,
      from_status text not null,
      to_status text not null,
      approved_amount_cents bigint check (approved_amount_cents > 0),
      reason_code text,
      message text,
      payment_id uuid references payments (id),
      created_at timestamptz not null default now(),
      -- One decision per version of a request: two deciders racing on the same version cannot both commit.
      unique (request_id, at_version)
    );

    create table request_comments (
      id uuid primary key,
      request_id uuid not null references requests (id),
      author_id uuid not null references users (id),
      body text not null check (length(body) between 1 and 4000),
      created_at timestamptz not null default now()
    );
    create index request_comments_request_idx on request_comments (request_id, created_at, id);

    create table risk_signals (
      request_id uuid not null references requests (id),
      kind text not null check (kind in ('shared_bank_account', 'amount_outlier', 'high_velocity',
        'duplicate_request', 'bank_account_changed')),
      level text not null check (level in ('low', 'medium', 'high')),
      explanation text not null,
      data jsonb not null default '{}'::jsonb,
      computed_at timestamptz not null default now(),
      primary key (request_id, kind)
    );

    -- Inbox: every open queue is a slice of these partial indexes, read in (sort key, id) order for keyset paging.
    create index requests_inbox_submitted_idx on requests (submitted_at, id)
      where status <> 'draft';
    create index requests_inbox_status_submitted_idx on requests (status, submitted_at, id)
      where status <> 'draft';
    create index requests_inbox_assignee_idx on requests (assigned_to, submitted_at, id)
      where assigned_to is not null;
    create index requests_inbox_due_idx on requests (due_at, id)
      where status in ('submitted', 'in_review', 'awaiting_second_approval', 'needs_info');
    create index requests_inbox_amount_idx on requests (amount_requested_cents, id)
      where status <> 'draft';
    create index requests_inbox_program_idx on requests (program_id, submitted_at, id)
      where status <> 'draft';
    create index requests_inbox_risk_idx on requests (risk_level, submitted_at, id)
      where status <> 'draft' and risk_level <> 'none';
    create index requests_reference_pattern_idx on requests (reference text_pattern_ops);
    create index requests_payee_account_idx on requests (payee_account_id) where payee_account_id is not null;
    create index requests_applicant_program_idx on requests (applicant_id, program_id);
    create index users_display_name_pattern_idx on users (lower(display_name) text_pattern_ops);
    -- Budget sums per program over committed statuses.
    create index requests_program_committed_idx on requests (program_id)
      include (approved_amount_cents)
      where status in ('approved', 'paid', 'payment_returned', 'awaiting_second_approval');
  `.execute(db);
}
