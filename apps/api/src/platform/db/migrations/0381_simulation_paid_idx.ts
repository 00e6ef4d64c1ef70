import { sql, type Kysely } from 'kysely';

// Policy simulation (bench/simulations): the payments of one program settled in a period (the replay's paid figure,
// and the requests it brings into the period) were found by reading every payment of every program (820,000 at a
// million requests) for each simulation, twice. This partial index holds the settled payments by program and
// settlement time (the overview's date for a paid payment, coalesce(settled_at, updated_at)), with the columns the
// replay reads, so each is a range of the index.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create index payments_program_settled_idx on payments (program_id, (coalesce(settled_at, updated_at)))
      include (request_id, amount_cents)
      where status = 'settled';
  `.execute(db);
}
