import { sql, type Kysely } from 'kysely';

// Intake (issue 11): programs administered in the browser.
// - program_drafts: the one editable draft of each program (a new program exists only as a draft until published;
//   its program_id becomes the programs row's id). `revision` counts saves, so a publish request knows which draft
//   it approved.
// - program_publish_requests: dual control for going live. One administrator asks, a different one approves
//   (enforced here as well as in the service, unless the agency switched the second approval off when it was made);
//   the request holds the exact definition approved. At most one pending request per program.
// - program_versions gains who published a version, who approved it, and what changed. The 0101 triggers still
//   write the rows, so requests keep pointing at the version they were made under.
// - programs.archived_at hides a program from the catalog for good; programs.admin_changed_at marks programs an
//   administrator has published or opened/closed, which the demo seed then leaves alone.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table programs
      add column archived_at timestamptz,
      add column admin_changed_at timestamptz;

    alter table program_versions
      add column published_by uuid references users (id),
      add column approved_by uuid references users (id),
      add column change_summary text,
      add column publish_request_id uuid;

    create table program_drafts (
      program_id uuid primary key,
      slug text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
      definition jsonb not null,
      revision int not null default 1 check (revision >= 1),
      created_by uuid references users (id),
      created_at timestamptz not null default now(),
      updated_by uuid references users (id),
      updated_at timestamptz not null default now()
    );

    create table program_publish_requests (
      id uuid primary key,
      program_id uuid not null,
      kind text not null check (kind in ('publish', 'revert')),
      state text not null default 'pending' check (state in ('pending', 'published', 'withdrawn', 'superseded')),
      definition jsonb not null,
      draft_revision int not null,
      revert_to_version int,
      change_summary text not null check (length(change_summary) between 1 and 500),
      second_approval_required boolean not null,
      requested_by uuid not null references users (id),
      requested_at timestamptz not null default now(),
      decided_by uuid references users (id),
      decided_at timestamptz,
      published_version int,
      check (kind = 'publish' or revert_to_version is not null),
      check (state <> 'published' or (decided_by is not null and published_version is not null)),
      -- Dual control: the person who asked never approves their own change.
      check (state <> 'published' or not second_approval_required or decided_by <> requested_by)
    );
    create unique index program_publish_requests_one_pending
      on program_publish_requests (program_id) where state = 'pending';
    create index program_publish_requests_program on program_publish_requests (program_id, requested_at desc);
  `.execute(db);
}
