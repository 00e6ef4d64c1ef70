import { sql, type Kysely } from 'kysely';

// Service tokens may carry an expiry (issue 11, item 8): after it, the token authentication refuses the token with
// auth.token_expired. Null: the token works until it is revoked (every token made before this migration).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table service_tokens add column expires_at timestamptz`.execute(db);
}
