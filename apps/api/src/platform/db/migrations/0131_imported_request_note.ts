import { sql, type Kysely } from 'kysely';

// Imports (issue 12): a request's `note` from the old system. A request has no place for a free note of its own (its
// answers are the citizen's, its comments are written by staff in HMS), so it stays with the record of where the
// request came from, like a payee's phone.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table imported_records add column note text`.execute(db);
}
