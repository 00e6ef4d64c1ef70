import { sql, type Kysely } from 'kysely';

// Intake: every version of a program's definition (question set, eligibility rules), kept forever. A request stores
// the program_version it was submitted under; without the definition of that version, a reviewer would read an older
// request's answers against today's questions (new labels and options, a removed question's answer unexplained).
// The rows are written by triggers on programs, so every path that changes a program (seed upsert, admin, a manual
// update) records the version without having to remember to. A definition changed without a version bump is not
// recorded (on conflict do nothing): the version number is what requests point at, so bumping it is the contract.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table program_versions (
      program_id uuid not null references programs (id),
      version int not null,
      definition jsonb not null,
      created_at timestamptz not null default now(),
      primary key (program_id, version)
    );
    -- Programs that exist already: their current version is the only definition still known.
    insert into program_versions (program_id, version, definition)
      select id, version, definition from programs
      on conflict do nothing;

    create function program_versions_record() returns trigger language plpgsql as $$
    begin
      insert into program_versions (program_id, version, definition)
        values (new.id, new.version, new.definition)
        on conflict (program_id, version) do nothing;
      return null;
    end;
    $$;
    create trigger programs_version_insert after insert on programs
      for each row execute function program_versions_record();
    create trigger programs_version_update after update of version, definition on programs
      for each row when (old.version is distinct from new.version or old.definition is distinct from new.definition)
      execute function program_versions_record();
  `.execute(db);
}
