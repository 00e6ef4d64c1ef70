import type { Kysely, Transaction } from 'kysely';
import type { Role, User } from '@hms/contracts/auth';
import type { Database, UserStatus } from '../../platform/db/schema.ts';
import { uuidv7 } from '../../platform/db/ids.ts';
import { appendAudit, auditUserChange } from '../../platform/audit.ts';
import { badRequest, notFound, tooManyRequests, unauthorized } from '../../platform/errors.ts';
import {
  dummyPasswordHash,
  hashPassword,
  passwordProblems,
  verifyPassword,
} from '../../platform/auth/password.ts';
import {
  createSession,
  deleteSessionByToken,
  deleteSessionsOfUser,
  loadUserRoles,
  type AuthUser,
  type SessionPolicy,
} from '../../platform/auth/sessions.ts';
import {
  ACCOUNT_RULE,
  accountThrottle,
  IP_RULE,
  PAIR_RULE,
  accountKey,
  clearAccount,
  clearFailures,
  failuresOf,
  ipKey,
  listThrottledAccounts,
  lockedForSeconds,
  pairKey,
  recordFailure,
  type ThrottleRule,
} from '../../platform/auth/throttle.ts';
import { hashToken, newToken } from '../../platform/auth/tokens.ts';
import { queueAccountEmail } from '../notifications/service.ts';
import { DEMO_PASSWORD, DEMO_USERS } from '../../platform/db/seed.ts';
import * as repo from './repo.ts';
import type { Language } from '@hms/contracts/language';

export const SIGN_IN_FAILED = 'Email or password is incorrect.';
export const REGISTER_MESSAGE =
  'Check your email. We sent a message to the address you gave: follow its link to finish creating your account. If you already have an account, the message tells you how to sign in.';
export const CONFIRM_LINK_HOURS = 24;
/** Registration emails to one address per hour at most, so the form cannot be used to flood someone's inbox. */
const REGISTRATION_EMAIL_RULE: ThrottleRule = {
  free: 3,
  baseSeconds: 20 * 60,
  maxSeconds: 60 * 60,
};
/** Registrations from one source address: generous for a shared library computer, not for a script. */
const REGISTRATION_IP_RULE: ThrottleRule = { free: 50, baseSeconds: 30, maxSeconds: 60 * 60 };

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

function waitProblem(seconds: number, what: string) {
  const minutes = Math.ceil(seconds / 60);
  const wait =
    seconds < 60
      ? `${Math.ceil(seconds)} second${Math.ceil(seconds) === 1 ? '' : 's'}`
      : `${minutes} minute${minutes === 1 ? '' : 's'}`;
  return tooManyRequests(
    'auth.too_many_attempts',
    `Too many ${what}. Wait ${wait} and try again.`,
    seconds,
  );
}

/**
 * The waits that apply to this attempt (see platform/auth/throttle.ts). The account-wide wait holds back only a
 * source that has itself failed on this account, so the owner from a source that has not been failing gets through.
 */
async function ensureNotThrottled(db: Kysely<Database>, email: string, ip: string | null) {
  const keys: string[] = [];
  if (ip) {
    keys.push(ipKey(ip), pairKey(ip, email));
    if ((await failuresOf(db, pairKey(ip, email))) > 0) keys.push(accountKey(email));
  } else {
    keys.push(accountKey(email));
  }
  const seconds = await lockedForSeconds(db, keys);
  if (seconds > 0) throw waitProblem(seconds, 'failed sign-in attempts from here');
}

async function recordSignInFailure(db: Kysely<Database>, email: string, ip: string | null) {
  await recordFailure(db, accountKey(email), ACCOUNT_RULE);
  if (ip) {
    await recordFailure(db, pairKey(ip, email), PAIR_RULE);
    await recordFailure(db, ipKey(ip), IP_RULE);
  }
}

/**
 * Registration without account enumeration: both a new and an already-registered address get the same 202, the same
 * message, no cookie, and the same work (one scrypt hash, one lookup, one email queued). The account itself is made
 * only when the link emailed to the address is followed (confirmRegistration), so nobody can claim an address they do
 * not read; an existing owner is told instead that someone tried. Password rules are checked first: they depend on
 * the password alone, so their errors say nothing about the address.
 */
export async function register(
  db: Kysely<Database>,
  publicUrl: string,
  input: { email: string; password: string; displayName: string; language?: Language | undefined },
  meta: ClientMeta,
): Promise<void> {
  const problems = passwordProblems(input.password, input.email);
  if (problems.length > 0)
    throw badRequest('auth.password_rejected', 'Choose a different password.', problems);
  if (meta.ip) {
    const seconds = await lockedForSeconds(db, [`reg-ip:${meta.ip}`]);
    if (seconds > 0) throw waitProblem(seconds, 'registrations from here');
    await recordFailure(db, `reg-ip:${meta.ip}`, REGISTRATION_IP_RULE);
  }
  const passwordHash = await hashPassword(input.password);
  const token = newToken();
  const language = input.language ?? 'en';
  await db.transaction().execute(async (trx) => {
    const existing = await repo.findUserByEmail(trx, input.email);
    // A quiet cap per address: past it the answer is unchanged, only no further email is queued.
    const emailKey = `reg-email:${input.email.toLowerCase()}`;
    const mailAllowed = (await lockedForSeconds(trx, [emailKey])) === 0;
    await recordFailure(trx, emailKey, REGISTRATION_EMAIL_RULE);
    if (existing) {
      if (mailAllowed)
        await queueAccountEmail(trx, existing.email, existing.language, {
          kind: 'already-registered',
          signInLink: `${publicUrl}/sign-in`,
        });
      await appendAudit(trx, {
        actorId: null,
        actorKind: 'anonymous',
        action: 'auth.register_existing_email',
        entityType: 'user',
        entityId: existing.id,
        ip: meta.ip,
      });
      return;
    }
    await repo.deleteExpiredPendingRegistrations(trx);
    await repo.insertPendingRegistration(trx, {
      id: uuidv7(),
      tokenHash: hashToken(token),
      email: input.email,
      passwordHash,
      displayName: input.displayName,
      language,
      expiresAt: new Date(Date.now() + CONFIRM_LINK_HOURS * 3600_000),
    });
    if (mailAllowed)
      await queueAccountEmail(trx, input.email, language, {
        kind: 'confirm-registration',
        link: `${publicUrl}/register/confirm#token=${token}`,
        hours: CONFIRM_LINK_HOURS,
      });
  });
}

export const CONFIRM_FAILED =
  'This link has expired or was already used. Create your account again to get a new link, or sign in if you already finished.';

/** Follows the emailed link: creates the citizen account (if the address is still free) and signs it in. */
export async function confirmRegistration(
  db: Kysely<Database>,
  policy: SessionPolicy,
  token: string,
  meta: ClientMeta,
): Promise<{ user: User; token: string }> {
  const result = await db.transaction().execute(async (trx) => {
    const pending = await repo.takePendingRegistration(trx, hashToken(token));
    if (!pending) return null;
    const id = await repo.insertUserIfNew(trx, {
      id: uuidv7(),
      email: pending.email,
      passwordHash: pending.password_hash,
      displayName: pending.display_name,
      language: pending.language,
    });
    if (!id) return null;
    await repo.addRoles(trx, id, ['citizen']);
    if (meta.currentToken) await deleteSessionByToken(trx, meta.currentToken);
    const session = await createSession(trx, id, policy, meta);
    await auditUserChange(trx, { id, ip: meta.ip }, 'auth.register', 'user', id);
    return { id, token: session.token };
  });
  if (!result)
    throw badRequest('auth.confirmation_invalid', CONFIRM_FAILED, [
      { field: 'body.token', message: CONFIRM_FAILED },
    ]);
  return { user: await toUser(db, result.id), token: result.token };
}

export async function signIn(
  db: Kysely<Database>,
  policy: SessionPolicy,
  input: { email: string; password: string },
  meta: ClientMeta,
): Promise<{ user: User; token: string }> {
  await ensureNotThrottled(db, input.email, meta.ip);
  const found = await repo.findUserByEmail(db, input.email);
  // Unknown emails verify against a dummy hash: same time, same answer, so the response never says which it was.
  const ok = await verifyPassword(
    input.password,
    found?.password_hash ?? (await dummyPasswordHash()),
  );
  // Invited (no password yet) and deactivated accounts cannot sign in: the same answer as a wrong password.
  if (!found || !ok || found.status !== 'active') {
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
    await auditUserChange(trx, { id: found.id, ip: meta.ip }, 'auth.sign_in', 'user', found.id);
    // The owner is in: the account's count and this source's pair start again. Other failing sources keep theirs.
    await clearFailures(trx, [
      accountKey(input.email),
      ...(meta.ip ? [pairKey(meta.ip, input.email)] : []),
    ]);
    return s.token;
  });
  return { user: await toUser(db, found.id), token };
}

export async function listThrottled(db: Kysely<Database>) {
  const rows = await listThrottledAccounts(db);
  return {
    items: rows.map((r) => ({
      email: r.email,
      failures: r.failures,
      sources: r.sources,
      lastFailureAt: r.lastFailureAt.toISOString(),
      waitUntil:
        r.waitUntil && r.waitUntil.getTime() > Date.now() ? r.waitUntil.toISOString() : null,
    })),
  };
}

/** An admin clears an account's count and every source's wait on it (the owner called: let them try again now). */
export async function clearThrottle(
  db: Kysely<Database>,
  adminId: string,
  email: string,
  ip: string | null,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const cleared = await clearAccount(trx, email);
    if (cleared === 0)
      throw notFound('auth.throttle_not_found', `No sign-in failures are counted for ${email}.`);
    const user = await repo.findUserByEmail(trx, email);
    await auditUserChange(
      trx,
      { id: adminId, ip },
      'auth.throttle_cleared',
      'user',
      user?.id ?? null,
      { email },
    );
  });
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
      await auditUserChange(trx, { id: userId, ip }, 'auth.sign_out', 'user', userId);
    }
  });
}

/**
 * The signed-in user as GET /api/me answers: the session check of this same request read the user and their roles
 * (one statement, platform/auth/sessions.ts), so reading them again would only cost two more round trips.
 */
export function me(user: AuthUser): User {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    language: user.language,
    roles: user.roles,
  };
}

export async function updateMe(
  db: Kysely<Database>,
  userId: string,
  patch: { language?: Language | undefined; displayName?: string | undefined },
  ip: string | null,
): Promise<User> {
  await db.transaction().execute(async (trx) => {
    await repo.updateUserProfile(trx, userId, patch);
    await auditUserChange(trx, { id: userId, ip }, 'user.update_profile', 'user', userId, {
      fields: Object.keys(patch).filter((k) => patch[k as keyof typeof patch] !== undefined),
    });
  });
  return toUser(db, userId);
}

/**
 * Idempotent: a user that exists (by lower(email)) is left alone, so a second start creates nothing twice and a
 * changed demo password survives restarts. The demo password bypasses the common-password check only here: it is
 * public by design and these accounts exist only when demo seeding is on.
 */
export async function seedDemoUsers(db: Kysely<Database>): Promise<{ usersCreated: number }> {
  let usersCreated = 0;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction().execute(async (trx) => {
    for (const u of DEMO_USERS) {
      const id = await repo.insertUserIfNew(trx, {
        id: uuidv7(),
        email: u.email,
        passwordHash,
        displayName: u.displayName,
        language: 'en',
      });
      if (!id) continue;
      await repo.addRoles(trx, id, [u.role]);
      await appendAudit(trx, {
        actorId: null,
        actorKind: 'system',
        action: 'seed.demo_user',
        entityType: 'user',
        entityId: id,
        data: { email: u.email, role: u.role },
      });
      usersCreated += 1;
    }
  });
  return { usersCreated };
}

/**
 * A demo person of the approvals seed: created unless the email exists, and given `role` either way. Returns the id.
 */
export async function ensureDemoUser(
  db: Kysely<Database>,
  u: { email: string; passwordHash: string; displayName: string; language: Language; role: Role },
): Promise<string> {
  await repo.insertUserIfNew(db, { id: uuidv7(), ...u });
  const id = (await repo.findUserByEmail(db, u.email))!.id;
  await repo.addRoles(db, id, [u.role]);
  return id;
}

// ---- Practice space (issue 11 item 9): the practice module creates and clears generated applicants through these.

/** A generated applicant for a practice request (a citizen marked practice who can never sign in); returns its id. */
export async function createPracticeApplicant(
  db: Kysely<Database>,
  p: { displayName: string; language: Language },
): Promise<{ id: string; email: string }> {
  const id = uuidv7();
  // .invalid is reserved (RFC 2606): no mail is ever delivered there, and nobody can register it.
  const email = `practice-${id}@practice.invalid`;
  await repo.insertPracticeUser(db, {
    id,
    email,
    displayName: p.displayName,
    language: p.language,
  });
  return { id, email };
}

export const deletePracticeApplicants = repo.deletePracticeUsers;
// ── Staff accounts (issue 11, item 5). The staff module decides the rules (roles, last admin, invitations) and writes
// people only through these, in its own transaction: auth owns users, user_roles and (through platform) sessions.

export type StaffAccount = NonNullable<Awaited<ReturnType<typeof repo.findStaffById>>>;

/** A person holding a staff role, or undefined (citizens and unknown ids are not staff). */
export function findStaffAccount(db: Kysely<Database>, id: string) {
  return repo.findStaffById(db, id);
}

/** One page of staff, newest first, by part of a name or email and by status. */
export const listStaffAccounts = repo.listStaff;

/** Creates an invited staff account with its roles; null when the email already has an account. */
export async function createInvitedAccount(
  trx: Transaction<Database>,
  input: { email: string; displayName: string; language: Language; roles: Role[] },
): Promise<string | null> {
  const id = await repo.insertInvitedUser(trx, { id: uuidv7(), ...input });
  if (!id) return null;
  await repo.addRoles(trx, id, input.roles);
  return id;
}

export const lockStaffChanges = (trx: Transaction<Database>) => repo.lockStaffChanges(trx);
export const countActiveAdminsExcept = (db: Kysely<Database>, userId: string) =>
  repo.countActiveAdminsExcept(db, userId);

export async function replaceRoles(
  trx: Transaction<Database>,
  userId: string,
  roles: Role[],
): Promise<void> {
  await repo.replaceRoles(trx, userId, roles);
}

/** The person can no longer sign in, and every session they have ends now (their next request is 401). */
export async function deactivateAccount(
  trx: Transaction<Database>,
  userId: string,
): Promise<{ sessionsEnded: number }> {
  await repo.setStatus(trx, userId, 'deactivated');
  return { sessionsEnded: await deleteSessionsOfUser(trx, userId) };
}

/** Back to active, or to invited when the person never chose a password. */
export async function reactivateAccount(
  trx: Transaction<Database>,
  account: Pick<StaffAccount, 'id' | 'password_hash'>,
): Promise<UserStatus> {
  const status: UserStatus = account.password_hash === null ? 'invited' : 'active';
  await repo.setStatus(trx, account.id, status);
  return status;
}

/**
 * An invited person chooses their password (the same rules as registration) and their account becomes active.
 * Throws auth.password_rejected with the field errors; false when the account was not invited (any more).
 */
export async function activateInvitedAccount(
  trx: Transaction<Database>,
  account: { id: string; email: string },
  password: string,
): Promise<boolean> {
  const problems = passwordProblems(password, account.email);
  if (problems.length > 0)
    throw badRequest('auth.password_rejected', 'Choose a different password.', problems);
  return repo.activateInvited(trx, account.id, await hashPassword(password));
}

/** Failed sign-ins counted against this account (the sign-in throttle), or null when none. */
export async function signInLockOf(db: Kysely<Database>, email: string) {
  const r = await accountThrottle(db, email);
  if (!r) return null;
  return {
    failures: r.failures,
    sources: r.sources,
    lastFailureAt: r.lastFailureAt.toISOString(),
    waitUntil: r.waitUntil && r.waitUntil.getTime() > Date.now() ? r.waitUntil.toISOString() : null,
  };
}

// Imports (issue 12): the imports module creates and updates payees' accounts through these, in its transaction.
export const usersByEmails = repo.usersByEmails;
// Who can be assigned a request, and the names the inbox records (inbox module).
export const staffMember = repo.staffMember;
export const listApprovers = repo.listApprovers;
export const displayNameOf = repo.displayNameOf;
export const userIdByEmail = repo.userIdByEmail;
export const insertPayeeUsers = repo.insertPayeeUsers;
export const updatePayeeUser = repo.updatePayeeUser;
