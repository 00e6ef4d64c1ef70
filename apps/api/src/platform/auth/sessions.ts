import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { Role } from '@hms/contracts/auth';
import type { Database } from '../db/schema.ts';
import { uuidv7 } from '../db/ids.ts';
import { deleteDeadBatch } from '../db/delete-batch.ts';
import { hashToken, newToken } from './tokens.ts';
import type { Language } from '@hms/contracts/language';

export interface AuthUser {
  id: string;
  email: string;
  displayName: string;
  language: Language;
  roles: Role[];
  sessionId: string;
}

/** A signed-in person and the address they came from: whom a citizen's or an administrator's service acts for. */
export interface Caller {
  user: AuthUser;
  ip: string | null;
}

export interface SessionPolicy {
  ttlHours: number;
  idleMinutes: number;
}

/**
 * The session lifetimes as SQL expressions (subqueries on the table that holds them), so the session check reads the
 * lifetimes in force in the same statement as the session: current at every request, without a round trip of its own.
 */
export interface SessionPolicySql {
  sql: { ttlHours: RawBuilder<number>; idleMinutes: RawBuilder<number> };
}

// last_seen_at is written at most once a minute: enough precision for a 30-minute idle timeout without a write
// on every request.
const TOUCH_INTERVAL_MS = 60_000;

export async function createSession(
  db: Kysely<Database>,
  userId: string,
  policy: SessionPolicy,
  meta: { ip: string | null; userAgent: string | null },
): Promise<{ token: string; expiresAt: Date }> {
  const token = newToken();
  const now = new Date();
  // A user's own dead sessions go at once when they sign in; everyone else's go in the periodic housekeeping pass
  // (platform/housekeeping.ts).
  await db
    .deleteFrom('sessions')
    .where('user_id', '=', userId)
    .where('expires_at', '<=', now)
    .execute();
  const expiresAt = new Date(now.getTime() + policy.ttlHours * 3600_000);
  await db
    .insertInto('sessions')
    .values({
      id: uuidv7(),
      token_hash: hashToken(token),
      user_id: userId,
      created_at: now,
      last_seen_at: now,
      expires_at: expiresAt,
      ip: meta.ip,
      user_agent: meta.userAgent?.slice(0, 512) ?? null,
    })
    .execute();
  return { token, expiresAt };
}

export async function deleteSessionByToken(
  db: Kysely<Database>,
  token: string,
): Promise<string | null> {
  const row = await db
    .deleteFrom('sessions')
    .where('token_hash', '=', hashToken(token))
    .returning('user_id')
    .executeTakeFirst();
  return row?.user_id ?? null;
}

/** Ends every session of a person at once (deactivation): their next request is 401. Returns how many ended. */
export async function deleteSessionsOfUser(db: Kysely<Database>, userId: string): Promise<number> {
  const res = await db.deleteFrom('sessions').where('user_id', '=', userId).executeTakeFirst();
  return Number(res.numDeletedRows);
}

export async function loadUserRoles(db: Kysely<Database>, userId: string): Promise<Role[]> {
  const rows = await db
    .selectFrom('user_roles')
    .select('role')
    .where('user_id', '=', userId)
    .orderBy('role')
    .execute();
  return rows.map((r) => r.role);
}

/**
 * Resolves a session token to its user, enforcing absolute expiry and idle timeout (expired rows are deleted).
 * Every authenticated request comes through here, so the session, its user and the user's roles are one statement,
 * and so are the session lifetimes when `policy` gives them as SQL; a promise is awaited alongside, not before.
 */
export async function resolveSession(
  db: Kysely<Database>,
  token: string,
  policy: SessionPolicy | Promise<SessionPolicy> | SessionPolicySql,
): Promise<AuthUser | null> {
  const inline = 'sql' in policy ? policy.sql : null;
  const [row, given] = await Promise.all([
    db
      .selectFrom('sessions')
      .innerJoin('users', 'users.id', 'sessions.user_id')
      .select([
        'sessions.id as sessionId',
        'sessions.created_at',
        'sessions.last_seen_at',
        'sessions.expires_at',
        'users.id',
        'users.email',
        'users.display_name',
        'users.language',
        sql<
          Role[]
        >`array(select ur.role from user_roles ur where ur.user_id = users.id order by ur.role)`.as(
          'roles',
        ),
        (inline?.ttlHours ?? sql<number | null>`null`).as('policy_ttl_hours'),
        (inline?.idleMinutes ?? sql<number | null>`null`).as('policy_idle_minutes'),
      ])
      .where('sessions.token_hash', '=', hashToken(token))
      // A deactivated person's sessions are deleted when they are deactivated; this keeps any that slipped through dead.
      .where('users.status', '=', 'active')
      .executeTakeFirst(),
    inline ? null : (policy as SessionPolicy | Promise<SessionPolicy>),
  ]);
  if (!row) return null;
  const p = given ?? {
    ttlHours: Number(row.policy_ttl_hours),
    idleMinutes: Number(row.policy_idle_minutes),
  };
  const now = Date.now();
  const lastSeen = new Date(row.last_seen_at).getTime();
  // The absolute lifetime is the shorter of the one at sign-in (expires_at) and the one in force now, so shortening
  // it in the settings ends sessions that are already too old at once.
  const expiresAt = Math.min(
    new Date(row.expires_at).getTime(),
    new Date(row.created_at).getTime() + p.ttlHours * 3600_000,
  );
  if (expiresAt <= now || lastSeen + p.idleMinutes * 60_000 <= now) {
    await db.deleteFrom('sessions').where('id', '=', row.sessionId).execute();
    return null;
  }
  if (now - lastSeen >= TOUCH_INTERVAL_MS) {
    await db
      .updateTable('sessions')
      .set({ last_seen_at: new Date(now) })
      .where('id', '=', row.sessionId)
      .execute();
  }
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    language: row.language,
    roles: row.roles,
    sessionId: row.sessionId,
  };
}

/** One batch of sessions dead by expiry or idleness (runHousekeeping: picked SKIP LOCKED, re-checked on delete). */
export async function deleteDeadSessions(
  db: Kysely<Database>,
  o: { sessionExpiredBefore: Date; sessionIdleBefore: Date; batchSize: number },
): Promise<bigint> {
  return deleteDeadBatch(
    db,
    'sessions',
    'id',
    sql<SqlBool>`expires_at <= ${o.sessionExpiredBefore} or last_seen_at <= ${o.sessionIdleBefore}`,
    o.batchSize,
  );
}
