import type { Kysely } from 'kysely';
import type { Language, User } from '@hms/contracts/auth';
import type { Database } from '../../platform/db/schema.ts';
import { uuidv7 } from '../../platform/db/ids.ts';
import { appendAudit } from '../../platform/audit.ts';
import { badRequest, tooManyRequests, unauthorized } from '../../platform/errors.ts';
import {
  dummyPasswordHash,
  hashPassword,
  passwordProblems,
  verifyPassword,
} from '../../platform/auth/password.ts';
import {
  createSession,
  deleteSessionByToken,
  loadUserRoles,
  type SessionPolicy,
} from '../../platform/auth/sessions.ts';
import {
  ACCOUNT_LIMIT,
  IP_LIMIT,
  accountKey,
  clearFailures,
  ipKey,
  lockedForSeconds,
  recordFailure,
} from '../../platform/auth/throttle.ts';
import * as repo from './repo.ts';

export const SIGN_IN_FAILED = 'Email or password is incorrect.';
export const REGISTER_MESSAGE =
  'If this email address was not registered before, your account is ready and you are signed in. If it was, sign in with your password instead.';

export interface ClientMeta {
  ip: string | null;
  userAgent: string | null;
  /** The browser's current session token, if any: replaced at sign-in so a planted token is never upgraded. */
  currentToken: string | undefined;
}

async function toUser(db: Kysely<Database>, id: string): Promise<User> {
  const u = await repo.findUserById(db, id);
  if (!u) throw new Error(`user ${id} vanished`);
  return {
    id: u.id,
    email: u.email,
    displayName: u.display_name,
    language: u.language,
    roles: await loadUserRoles(db, id),
  };
}

async function ensureNotLocked(
  db: Kysely<Database>,
  email: string,
  ip: string | null,
): Promise<void> {
  const keys = [accountKey(email), ...(ip ? [ipKey(ip)] : [])];
  const seconds = await lockedForSeconds(db, keys);
  if (seconds > 0) {
    const minutes = Math.ceil(seconds / 60);
    throw tooManyRequests(
      'auth.too_many_attempts',
      `Too many failed sign-in attempts. Wait ${minutes} minute${minutes === 1 ? '' : 's'} and try again, or reset your password.`,
      seconds,
    );
  }
}

async function recordSignInFailure(
  db: Kysely<Database>,
  email: string,
  ip: string | null,
): Promise<void> {
  await recordFailure(db, accountKey(email), ACCOUNT_LIMIT);
  if (ip) await recordFailure(db, ipKey(ip), IP_LIMIT);
}

/**
 * Registration and enumeration: without an email round trip a registration form cannot fully hide whether an
 * address exists (a new account is signed in, an existing one cannot be). We therefore (1) answer both cases with
 * 201 and the same message, never an error naming the address; (2) spend the same scrypt work in both; (3) leave
 * the existing account untouched and count the attempt against the per-IP throttle, so probing addresses this way
 * is as rate-limited as probing them through sign-in. `user` is null when nothing was created.
 */
export async function register(
  db: Kysely<Database>,
  policy: SessionPolicy,
  input: { email: string; password: string; displayName: string; language?: Language | undefined },
  meta: ClientMeta,
): Promise<{ user: User | null; token: string | null }> {
  const problems = passwordProblems(input.password, input.email);
  if (problems.length > 0)
    throw badRequest('auth.password_rejected', 'Choose a different password.', problems);
  await ensureNotLocked(db, input.email, meta.ip);

  const passwordHash = await hashPassword(input.password);
  const result = await db.transaction().execute(async (trx) => {
    const id = await repo.insertUserIfNew(trx, {
      id: uuidv7(),
      email: input.email,
      passwordHash,
      displayName: input.displayName,
      language: input.language ?? 'en',
    });
    if (!id) return null;
    await repo.addRoles(trx, id, ['citizen']);
    if (meta.currentToken) await deleteSessionByToken(trx, meta.currentToken);
    const { token } = await createSession(trx, id, policy, meta);
    await appendAudit(trx, {
      actorId: id,
      actorKind: 'user',
      action: 'auth.register',
      entityType: 'user',
      entityId: id,
      ip: meta.ip,
    });
    return { id, token };
  });
  if (!result) {
    if (meta.ip) await recordFailure(db, ipKey(meta.ip), IP_LIMIT);
    return { user: null, token: null };
  }
  return { user: await toUser(db, result.id), token: result.token };
}

export async function signIn(
  db: Kysely<Database>,
  policy: SessionPolicy,
  input: { email: string; password: string },
  meta: ClientMeta,
): Promise<{ user: User; token: string }> {
  await ensureNotLocked(db, input.email, meta.ip);
  const found = await repo.findUserByEmail(db, input.email);
  // Unknown emails verify against a dummy hash: same time, same answer, so the response never says which it was.
  const ok = await verifyPassword(
    input.password,
    found?.password_hash ?? (await dummyPasswordHash()),
  );
  if (!found || !ok) {
    await recordSignInFailure(db, input.email, meta.ip);
    await db.transaction().execute((trx) =>
      appendAudit(trx, {
        actorId: null,
        actorKind: 'anonymous',
        action: 'auth.sign_in_failed',
        entityType: 'user',
        entityId: found?.id ?? null,
        data: { email: input.email },
        ip: meta.ip,
      }),
    );
    throw unauthorized('auth.sign_in_failed', SIGN_IN_FAILED);
  }
  const token = await db.transaction().execute(async (trx) => {
    if (meta.currentToken) await deleteSessionByToken(trx, meta.currentToken);
    const s = await createSession(trx, found.id, policy, meta);
    await appendAudit(trx, {
      actorId: found.id,
      actorKind: 'user',
      action: 'auth.sign_in',
      entityType: 'user',
      entityId: found.id,
      ip: meta.ip,
    });
    await clearFailures(trx, accountKey(input.email));
    return s.token;
  });
  return { user: await toUser(db, found.id), token };
}

export async function signOut(
  db: Kysely<Database>,
  token: string | undefined,
  ip: string | null,
): Promise<void> {
  if (!token) return;
  await db.transaction().execute(async (trx) => {
    const userId = await deleteSessionByToken(trx, token);
    if (userId) {
      await appendAudit(trx, {
        actorId: userId,
        actorKind: 'user',
        action: 'auth.sign_out',
        entityType: 'user',
        entityId: userId,
        ip,
      });
    }
  });
}

export async function getMe(db: Kysely<Database>, userId: string): Promise<User> {
  return toUser(db, userId);
}

export async function updateMe(
  db: Kysely<Database>,
  userId: string,
  patch: { language?: Language | undefined; displayName?: string | undefined },
  ip: string | null,
): Promise<User> {
  await db.transaction().execute(async (trx) => {
    await repo.updateUserProfile(trx, userId, patch);
    await appendAudit(trx, {
      actorId: userId,
      actorKind: 'user',
      action: 'user.update_profile',
      entityType: 'user',
      entityId: userId,
      data: {
        fields: Object.keys(patch).filter((k) => patch[k as keyof typeof patch] !== undefined),
      },
      ip,
    });
  });
  return toUser(db, userId);
}
