import { sql, type Kysely } from 'kysely';

// Saved simulation scenarios (issue 14 part 3, owner: modules/simulations): a named program, period and set of
// changes an administrator keeps to open, compare, or turn into a draft program version. The figures are not kept:
// opening a scenario runs the replay again, so they are today's. `changes` is stored as the API validated it
// (simulationChangesSchema). A name is unique per program regardless of letter case, so two scenarios a reader would
// take for one cannot both be saved.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table simulation_scenarios (
      id uuid primary key,
      program_id uuid not null references programs (id),
      name text not null check (length(name) between 1 and 80),
      -- Agency days as the API takes them (YYYY-MM-DD, validated there); text, so no driver turns them into instants.
      period_from text not null check (period_from ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
      period_to text not null check (period_to ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' and period_to >= period_from),
      changes jsonb not null,
      created_by uuid not null references users (id),
      created_at timestamptz not null default now(),
      updated_by uuid not null references users (id),
      updated_at timestamptz not null default now()
    );
    create unique index simulation_scenarios_name_key on simulation_scenarios (program_id, lower(name));
  `.execute(db);
}
