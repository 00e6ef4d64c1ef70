import { sql, type Kysely } from 'kysely';

// Decision rules (issue 14): a rule with the outcome refer_senior marks the request so that only a senior approver
// may take or decide it (request-rules#actionRefusal). On the request (owner: applications), because every check of
// who may act reads the request; the evaluation that set it is kept in rule_evaluations.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table requests add column referred_to_senior boolean not null default false`.execute(
    db,
  );
}
