import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';

// Kept in the database, not in memory, so every api instance sees the same counts (the api is stateless).
export const WINDOW_MINUTES = 15;
export const LOCK_MINUTES = 15;
export const ACCOUNT_LIMIT = 5;
export const IP_LIMIT = 50;

export const accountKey = (email: string) => `acct:${email.toLowerCase()}`;
export const ipKey = (ip: string) => `ip:${ip}`;

/** Seconds until the latest lock among the keys ends, or 0 when none is locked. */
export async function lockedForSeconds(db: Kysely<Database>, keys: string[]): Promise<number> {
  const rows = await db
    .selectFrom('auth_throttle')
    .select('locked_until')
    .where('key', 'in', keys)
    .where('locked_until', '>', new Date())
    .execute();
  const now = Date.now();
  return rows.reduce(
    (max, r) => Math.max(max, (new Date(r.locked_until!).getTime() - now) / 1000),
    0,
  );
}

/** Counts one failure atomically (one upsert), opening a new window when the old one ran out, locking at the limit. */
export async function recordFailure(
  db: Kysely<Database>,
  key: string,
  limit: number,
): Promise<void> {
  const expired = sql`auth_throttle.window_started_at < now() - make_interval(mins => ${WINDOW_MINUTES})`;
  const next = sql`case when ${expired} then 1 else auth_throttle.failures + 1 end`;
  await sql`
    insert into auth_throttle (key, failures, window_started_at, locked_until)
    values (${key}, 1, now(), case when 1 >= ${limit} then now() + make_interval(mins => ${LOCK_MINUTES}) end)
    on conflict (key) do update set
      failures = ${next},
      window_started_at = case when ${expired} then now() else auth_throttle.window_started_at end,
      locked_until = case when ${next} >= ${limit} then now() + make_interval(mins => ${LOCK_MINUTES})
                          else auth_throttle.locked_until end
  `.execute(db);
}

export async function clearFailures(db: Kysely<Database>, key: string): Promise<void> {
  await db.deleteFrom('auth_throttle').where('key', '=', key).execute();
}
