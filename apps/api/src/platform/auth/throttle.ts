import { sql, type Kysely, type SqlBool } from 'kysely';
import type { Database } from '../db/schema.ts';
import { deleteDeadBatch } from '../db/delete-batch.ts';

/**
 * Sign-in throttling that slows the guesser, not the owner (NIST SP 800-63B §5.2.2: limit failed attempts with
 * growing waits, and do not let an attacker lock the subscriber out). Kept in the database, not in memory, so every
 * API instance sees the same counts (the API is stateless). Three counters:
 *
 * - `pair:<ip>|<email>`: one source guessing one account. Its waits grow fastest.
 * - `ip:<ip>`: one source guessing many accounts (credential stuffing).
 * - `acct:<email>`: every source together against one account (a botnet spreading guesses). Its wait applies only to
 *   sources that have themselves failed on this account: the owner signing in from a source that has not been failing
 *   is never held back by it, so knowing someone's email is not enough to lock them out.
 *
 * A wait is not a lock on the account: it only refuses the next attempt from a failing source until it has passed
 * (429 with Retry-After). Counts are forgotten after WINDOW_MINUTES without a failure, and a successful sign-in
 * clears that source's pair and the account's count. Admins see and clear account counts (modules/auth).
 */
export const WINDOW_MINUTES = 60;

export interface ThrottleRule {
  /** Failures allowed before any wait. */
  free: number;
  /** The first wait; each further failure doubles it. */
  baseSeconds: number;
  maxSeconds: number;
}

export const PAIR_RULE: ThrottleRule = { free: 3, baseSeconds: 5, maxSeconds: 15 * 60 };
export const ACCOUNT_RULE: ThrottleRule = { free: 10, baseSeconds: 5, maxSeconds: 15 * 60 };
export const IP_RULE: ThrottleRule = { free: 30, baseSeconds: 5, maxSeconds: 60 * 60 };
/**
 * An account is listed for admins from this many failures in the window: as soon as a source failing on it has to
 * wait, since that source may be the owner's shared office address.
 */
export const ACCOUNT_LISTED_FROM = PAIR_RULE.free + 1;

export const accountKey = (email: string) => `acct:${email.toLowerCase()}`;
export const ipKey = (ip: string) => `ip:${ip}`;
// The address first: an IP never contains "|", an email's local part may.
export const pairKey = (ip: string, email: string) => `pair:${ip}|${email.toLowerCase()}`;

/** The wait after the n-th failure under a rule (0 while still within the free attempts). */
export function waitSeconds(failures: number, rule: ThrottleRule): number {
  if (failures <= rule.free) return 0;
  return Math.min(rule.maxSeconds, rule.baseSeconds * 2 ** (failures - rule.free - 1));
}

/** Seconds until the latest wait among the keys ends, or 0 when none is waiting. */
export async function lockedForSeconds(db: Kysely<Database>, keys: string[]): Promise<number> {
  if (keys.length === 0) return 0;
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

/** Failures counted under a key in its current window (0 when none or the window ran out). */
export async function failuresOf(db: Kysely<Database>, key: string): Promise<number> {
  const row = await db
    .selectFrom('auth_throttle')
    .select('failures')
    .where('key', '=', key)
    .where('window_started_at', '>=', new Date(Date.now() - WINDOW_MINUTES * 60_000))
    .executeTakeFirst();
  return row?.failures ?? 0;
}

/**
 * Counts one failure atomically (one upsert) and sets the wait that failure earns. The window restarts with each
 * failure (window_started_at is the last failure), so a slow, steady guesser keeps its count.
 */
export async function recordFailure(
  db: Kysely<Database>,
  key: string,
  rule: ThrottleRule,
): Promise<void> {
  const expired = sql`auth_throttle.window_started_at < now() - make_interval(mins => ${WINDOW_MINUTES})`;
  const next = sql<number>`case when ${expired} then 1 else auth_throttle.failures + 1 end`;
  // 2^(n - free - 1) · base, capped; computed in SQL so concurrent failures each see the count they made.
  const wait = (n: unknown) =>
    sql`case when ${n} <= ${rule.free} then null
             else now() + make_interval(secs => least(${rule.maxSeconds}::float8,
                    ${rule.baseSeconds}::float8 * power(2, least(${n} - ${rule.free} - 1, 30)))) end`;
  await sql`
    insert into auth_throttle (key, failures, window_started_at, locked_until)
    values (${key}, 1, now(), ${wait(sql`1`)})
    on conflict (key) do update set
      failures = ${next},
      window_started_at = now(),
      locked_until = ${wait(next)}
  `.execute(db);
}

export async function clearFailures(db: Kysely<Database>, keys: string[]): Promise<void> {
  if (keys.length === 0) return;
  await db.deleteFrom('auth_throttle').where('key', 'in', keys).execute();
}

/** Every source's pair counter for one account (the admin's Clear). */
export async function clearAccount(db: Kysely<Database>, email: string): Promise<number> {
  const e = email.toLowerCase();
  const res = await db
    .deleteFrom('auth_throttle')
    .where((w) =>
      w.or([
        w('key', '=', accountKey(e)),
        w.and([
          w('key', 'like', 'pair:%'),
          w(sql<string>`substr(key, strpos(key, '|') + 1)`, '=', e),
        ]),
      ]),
    )
    .executeTakeFirst();
  return Number(res.numDeletedRows);
}

export interface ThrottledAccount {
  email: string;
  failures: number;
  lastFailureAt: Date;
  waitUntil: Date | null;
  sources: number;
}

/** Account counters at or above ACCOUNT_LISTED_FROM in their window, or with a wait still running, worst first. */
export async function listThrottledAccounts(db: Kysely<Database>): Promise<ThrottledAccount[]> {
  const r = await sql<{
    email: string;
    failures: number;
    window_started_at: Date;
    locked_until: Date | null;
    sources: number;
  }>`
    select substr(a.key, 6) as email, a.failures, a.window_started_at, a.locked_until,
           (select count(*)::int from auth_throttle p
             where p.key like 'pair:%' and substr(p.key, strpos(p.key, '|') + 1) = substr(a.key, 6)) as sources
      from auth_throttle a
     where a.key like 'acct:%'
       and ((a.failures >= ${ACCOUNT_LISTED_FROM}
             and a.window_started_at >= now() - make_interval(mins => ${WINDOW_MINUTES}))
            or a.locked_until > now())
     order by a.failures desc, a.key
     limit 200`.execute(db);
  return r.rows.map((row) => ({
    email: row.email,
    failures: row.failures,
    lastFailureAt: new Date(row.window_started_at),
    waitUntil: row.locked_until ? new Date(row.locked_until) : null,
    sources: row.sources,
  }));
}

/**
 * The failures counted against one account (a staff member's page), whatever their number, or null when none are
 * counted in the window and no wait runs.
 */
export async function accountThrottle(
  db: Kysely<Database>,
  email: string,
): Promise<ThrottledAccount | null> {
  const e = email.toLowerCase();
  const r = await sql<{
    failures: number;
    window_started_at: Date;
    locked_until: Date | null;
    sources: number;
  }>`
    select a.failures, a.window_started_at, a.locked_until,
           (select count(*)::int from auth_throttle p
             where p.key like 'pair:%' and substr(p.key, strpos(p.key, '|') + 1) = ${e}) as sources
      from auth_throttle a
     where a.key = ${accountKey(e)}
       and (a.window_started_at >= now() - make_interval(mins => ${WINDOW_MINUTES})
            or a.locked_until > now())`.execute(db);
  const row = r.rows[0];
  if (!row) return null;
  return {
    email: e,
    failures: row.failures,
    lastFailureAt: new Date(row.window_started_at),
    waitUntil: row.locked_until ? new Date(row.locked_until) : null,
    sources: row.sources,
  };
}

/** One batch of throttle rows whose window and lock have both ended (runHousekeeping). */
export async function deleteSpentThrottleRows(
  db: Kysely<Database>,
  o: { windowStartedBefore: Date; lockEndedBefore: Date; batchSize: number },
): Promise<bigint> {
  return deleteDeadBatch(
    db,
    'auth_throttle',
    'key',
    sql<SqlBool>`window_started_at < ${o.windowStartedBefore}
      and (locked_until is null or locked_until <= ${o.lockEndedBefore})`,
    o.batchSize,
  );
}
