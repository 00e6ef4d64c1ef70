import { sql, type Kysely } from 'kysely';

// The practice space (issue 11, item 9). A program marked practice holds only generated training requests: it is not
// in the citizen catalog, its payments never go into an ACH batch, the GL journal and the finance summary leave it
// out, and clearing the practice data deletes its requests and everything hanging off them. The generated applicants
// are users marked practice (they have no password anyone knows and are deleted with the practice data).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table programs add column practice boolean not null default false;
    alter table users add column practice boolean not null default false;
    create index programs_practice_idx on programs (id) where practice;
  `.execute(db);
}
