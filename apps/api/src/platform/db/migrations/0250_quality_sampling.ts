import { sql, type Kysely } from 'kysely';

// Quality sampling (issue 14 part 1, owner: modules/quality).
// - quality_shares: per program, the share of human decisions and of automated approvals drawn for a re-check, in
//   basis points; no row means 0 (nothing is sampled until an administrator says so).
// - quality_samples: one drawn decision each (unique decision_id), written in the decision's own transaction. What
//   decided it is copied here (outcome, amount, decider and first approver, or the rule version and rule) so the
//   results read one table, and a rule version is kept by id without a foreign key: the decision-rule tables belong
//   to another module and may arrive after this one.
// - quality_rechecks: the blind re-decision, one per sample, and whether it agrees with the original.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table quality_shares (
      program_id uuid primary key references programs (id),
      human_bp int not null check (human_bp between 0 and 10000),
      automated_bp int not null check (automated_bp between 0 and 10000),
      changed_by uuid references users (id),
      changed_at timestamptz not null default now()
    );

    create table quality_samples (
      id uuid primary key,
      decision_id uuid not null unique references decisions (id),
      request_id uuid not null references requests (id),
      program_id uuid not null references programs (id),
      source text not null check (source in ('human', 'automated')),
      outcome text not null check (outcome in ('approve', 'reject')),
      amount_cents bigint,
      decider_id uuid references users (id),
      first_approver_id uuid references users (id),
      rule_version_id uuid,
      rule_version int,
      rule_id text,
      rule_position int,
      share_bp int not null check (share_bp between 1 and 10000),
      decided_at timestamptz not null,
      drawn_at timestamptz not null default now(),
      check ((source = 'human') = (decider_id is not null)),
      check (source = 'human' or rule_version_id is not null)
    );
    create index quality_samples_program_idx on quality_samples (program_id, drawn_at);

    create table quality_rechecks (
      id uuid primary key,
      sample_id uuid not null unique references quality_samples (id),
      reviewer_id uuid not null references users (id),
      outcome text not null check (outcome in ('approve', 'reject')),
      agrees boolean not null,
      note text not null default '',
      created_at timestamptz not null default now()
    );
  `.execute(db);
}
