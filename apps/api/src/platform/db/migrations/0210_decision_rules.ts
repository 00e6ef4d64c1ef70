import { sql, type Kysely } from 'kysely';

// Decision rules (issue 14, owner: modules/decision-rules).
// - decision_rule_versions: each program's versioned rule tables; at most one live per program (partial unique
//   index), a published version never changes again (its rules and test cases are what requests were decided by).
// - rule_evaluations: every evaluation of a request at submission, kept with its inputs, the version and the rule that
//   fired (or none), and what it led to.
// - program_automation: the per-program switch (off by default), in its own table so `programs` stays with its owner.
// - decisions (owner: decisions) gain the rule that made an automated approval: such a row has a rule version and
//   no person; every other decision has a person and no rule.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table decision_rule_versions (
      id uuid primary key,
      program_id uuid not null references programs (id),
      version int not null check (version >= 1),
      status text not null default 'draft' check (status in ('draft', 'live', 'retired')),
      rules jsonb not null,
      test_cases jsonb not null,
      created_by uuid references users (id),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      published_by uuid references users (id),
      published_at timestamptz,
      retired_at timestamptz,
      unique (program_id, version),
      check (status = 'draft' or published_at is not null)
    );
    create unique index decision_rule_versions_one_live
      on decision_rule_versions (program_id) where status = 'live';

    create table rule_evaluations (
      id uuid primary key,
      request_id uuid not null references requests (id),
      program_id uuid not null references programs (id),
      rule_version_id uuid references decision_rule_versions (id),
      rule_position int check (rule_position >= 1),
      rule_id text,
      rule_label text,
      outcome text not null check (outcome in ('approve', 'refer', 'refer_senior', 'none')),
      effect text not null check (effect in ('approved', 'referred', 'referred_senior', 'person_decides')),
      held_back text check (held_back in ('automation_off', 'above_threshold', 'staff_applicant', 'no_budget',
        'no_payee_account')),
      inputs jsonb not null,
      evaluated_at timestamptz not null default now(),
      check ((rule_id is null) = (rule_position is null)),
      check (rule_id is null or rule_version_id is not null)
    );
    create index rule_evaluations_request_idx on rule_evaluations (request_id, evaluated_at);
    create index rule_evaluations_version_idx on rule_evaluations (rule_version_id) where rule_version_id is not null;

    create table program_automation (
      program_id uuid primary key references programs (id),
      enabled boolean not null,
      changed_by uuid references users (id),
      changed_at timestamptz not null default now()
    );

    alter table decisions alter column actor_id drop not null;
    alter table decisions
      add column rule_version_id uuid references decision_rule_versions (id),
      add column rule_id text,
      add column rule_position int,
      add constraint decisions_person_or_rule check (
        (actor_id is not null and rule_version_id is null)
        or (actor_id is null and rule_version_id is not null and rule_id is not null and rule_position is not null)
      );
  `.execute(db);
}
