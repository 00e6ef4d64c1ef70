import { sql, type Kysely, type Transaction } from 'kysely';
import type { Role } from '@hms/contracts/auth';
import type { Database, UserStatus } from '../../platform/db/schema.ts';
import { containsLike } from '../../platform/db/like.ts';
import { keysetPage } from '../../platform/pagination.ts';
import type { Language } from '@hms/contracts/language';

export async function findUserByEmail(db: Kysely<Database>, email: string) {
  return db
    .selectFrom('users')
    .select(['id', 'email', 'password_hash', 'display_name', 'language', 'status'])
    .where(sql<string>`lower(email)`, '=', email.toLowerCase())
    .executeTakeFirst();
}

export async function findUserById(db: Kysely<Database>, id: string) {
  return db
    .selectFrom('users')
    .select(['id', 'email', 'display_name', 'language'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Inserts unless the email exists (race-safe via the unique index on lower(email)); returns null on conflict. */
export async function insertUserIfNew(
  db: Kysely<Database>,
  user: {
    id: string;
    email: string;
    passwordHash: string | null;
    displayName: string;
    language: Language;
    status?: UserStatus;
  },
): Promise<string | null> {
  const row = await db
    .insertInto('users')
    .values({
      id: user.id,
      email: user.email,
      password_hash: user.passwordHash,
      display_name: user.displayName,
      language: user.language,
      ...(user.status ? { status: user.status } : {}),
    })
    .onConflict((oc) => oc.expression(sql`lower(email)`).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id ?? null;
}

export async function addRoles(db: Kysely<Database>, userId: string, roles: Role[]): Promise<void> {
  if (roles.length === 0) return;
  await db
    .insertInto('user_roles')
    .values(roles.map((role) => ({ user_id: userId, role })))
    .onConflict((oc) => oc.columns(['user_id', 'role']).doNothing())
    .execute();
}

export async function updateUserProfile(
  db: Kysely<Database>,
  userId: string,
  patch: { language?: Language | undefined; displayName?: string | undefined },
): Promise<void> {
  const set: { language?: Language; display_name?: string } = {};
  if (patch.language !== undefined) set.language = patch.language;
  if (patch.displayName !== undefined) set.display_name = patch.displayName;
  if (Object.keys(set).length === 0) return;
  await db.updateTable('users').set(set).where('id', '=', userId).execute();
}

export async function insertPendingRegistration(
  db: Kysely<Database>,
  row: {
    id: string;
    tokenHash: string;
    email: string;
    passwordHash: string;
    displayName: string;
    language: Language;
    expiresAt: Date;
  },
): Promise<void> {
  await db
    .insertInto('pending_registrations')
    .values({
      id: row.id,
      token_hash: row.tokenHash,
      email: row.email,
      password_hash: row.passwordHash,
      display_name: row.displayName,
      language: row.language,
      expires_at: row.expiresAt,
    })
    .execute();
}

/** Removes and returns the live registration with this token hash (a link works once); null when none is live. */
export async function takePendingRegistration(db: Kysely<Database>, tokenHash: string) {
  const row = await db
    .deleteFrom('pending_registrations')
    .where('token_hash', '=', tokenHash)
    .returning(['email', 'password_hash', 'display_name', 'language', 'expires_at'])
    .executeTakeFirst();
  if (!row || new Date(row.expires_at).getTime() <= Date.now()) return null;
  return row;
}

export async function deleteExpiredPendingRegistrations(db: Kysely<Database>): Promise<void> {
  await db.deleteFrom('pending_registrations').where('expires_at', '<=', new Date()).execute();
}

// ── Staff accounts (issue 11, item 5): the staff module changes people only through auth's service, which calls these.

const STAFF_ROLE_FILTER = sql<boolean>`exists (select 1 from user_roles sr where sr.user_id = users.id and sr.role <> 'citizen')`;
const ROLES_OF_USER = sql<
  Role[]
>`coalesce((select array_agg(ur.role order by ur.role) from user_roles ur where ur.user_id = users.id), '{}')`;

/** A new staff member, invited: no password until they accept. Null when the email already has an account. */
export function insertInvitedUser(
  db: Kysely<Database>,
  user: { id: string; email: string; displayName: string; language: Language },
): Promise<string | null> {
  return insertUserIfNew(db, { ...user, passwordHash: null, status: 'invited' });
}

/** The account's roles become exactly `roles`. */
export async function replaceRoles(
  db: Kysely<Database>,
  userId: string,
  roles: Role[],
): Promise<void> {
  let del = db.deleteFrom('user_roles').where('user_id', '=', userId);
  if (roles.length > 0) del = del.where('role', 'not in', roles);
  await del.execute();
  await addRoles(db, userId, roles);
}

export async function setStatus(
  db: Kysely<Database>,
  userId: string,
  status: UserStatus,
): Promise<void> {
  await db
    .updateTable('users')
    .set({ status, deactivated_at: status === 'deactivated' ? new Date() : null })
    .where('id', '=', userId)
    .execute();
}

/** An invited account gets its password and becomes active; false when it was not (or no longer) invited. */
export async function activateInvited(
  db: Kysely<Database>,
  userId: string,
  passwordHash: string,
): Promise<boolean> {
  const res = await db
    .updateTable('users')
    .set({ password_hash: passwordHash, status: 'active' })
    .where('id', '=', userId)
    .where('status', '=', 'invited')
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/**
 * Role and status changes of staff are serialised, so two administrators demoting each other at the same moment cannot
 * both pass the "someone else is still an active administrator" check.
 */
export async function lockStaffChanges(trx: Transaction<Database>): Promise<void> {
  await sql`select pg_advisory_xact_lock(7301011)`.execute(trx);
}

export async function countActiveAdminsExcept(
  db: Kysely<Database>,
  userId: string,
): Promise<number> {
  const row = await db
    .selectFrom('users')
    .innerJoin('user_roles', 'user_roles.user_id', 'users.id')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('user_roles.role', '=', 'admin')
    .where('users.status', '=', 'active')
    .where('users.id', '<>', userId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** A person holding at least one staff role, with their roles; undefined for citizens and unknown ids. */
export async function findStaffById(db: Kysely<Database>, id: string) {
  return db
    .selectFrom('users')
    .select([
      'id',
      'email',
      'display_name',
      'language',
      'status',
      'created_at',
      'deactivated_at',
      'password_hash',
      ROLES_OF_USER.as('roles'),
    ])
    .where('id', '=', id)
    .where(STAFF_ROLE_FILTER)
    .executeTakeFirst();
}

/** One page of staff, newest first, by part of a name or email and by status. */
export async function listStaff(
  db: Kysely<Database>,
  q: {
    search?: string | undefined;
    status?: UserStatus | undefined;
    cursor?: string | undefined;
    limit: number;
  },
) {
  let query = db
    .selectFrom('users')
    .select(['id', 'email', 'display_name', 'status', 'created_at', ROLES_OF_USER.as('roles')])
    .where(STAFF_ROLE_FILTER);
  if (q.search) {
    const like = containsLike(q.search.toLowerCase());
    query = query.where((w) =>
      w.or([
        w(sql<string>`lower(email)`, 'like', like),
        w(sql<string>`lower(display_name)`, 'like', like),
      ]),
    );
  }
  if (q.status) query = query.where('status', '=', q.status);
  return keysetPage(query, 'users.id', { cursor: q.cursor, limit: q.limit });
}

// ---- Practice space (issue 11 item 9): generated applicants of practice requests.

/** A generated applicant: a citizen marked practice, with a password hash no password matches. */
export async function insertPracticeUser(
  db: Kysely<Database>,
  user: { id: string; email: string; displayName: string; language: Language },
): Promise<void> {
  await db
    .insertInto('users')
    .values({
      id: user.id,
      email: user.email,
      // Not a hash format verifyPassword accepts: nobody can sign in as a generated applicant.
      password_hash: '!practice',
      display_name: user.displayName,
      language: user.language,
      practice: true,
    })
    .execute();
  await addRoles(db, user.id, ['citizen']);
}

/** Deletes every practice user in `ids` (their roles and sessions go by cascade); real users are never touched. */
export async function deletePracticeUsers(db: Kysely<Database>, ids: readonly string[]) {
  if (ids.length === 0) return 0;
  const res = await db
    .deleteFrom('users')
    .where('id', 'in', ids)
    .where('practice', '=', true)
    .executeTakeFirst();
  return Number(res.numDeletedRows);
}

// ── Imports (issue 12): payees brought in from an agency's old system, written here for the imports module.

/** The accounts with these emails (lower case), with whether each has a staff role. */
export async function usersByEmails(db: Kysely<Database>, emails: readonly string[]) {
  if (emails.length === 0) return [];
  return db
    .selectFrom('users')
    .select(['id', sql<string>`lower(email)`.as('email'), STAFF_ROLE_FILTER.as('staff')])
    .where(sql<string>`lower(email)`, 'in', emails)
    .execute();
}

/**
 * Payee accounts without a password, citizens only: like an invited staff member before they accept, nobody can sign
 * in as them until the person is given a way to set one.
 */
export async function insertPayeeUsers(
  trx: Transaction<Database>,
  users: ReadonlyArray<{ id: string; email: string; displayName: string; language: Language }>,
): Promise<void> {
  if (users.length === 0) return;
  await trx
    .insertInto('users')
    .values(
      users.map((u) => ({
        id: u.id,
        email: u.email,
        password_hash: null,
        display_name: u.displayName,
        language: u.language,
        status: 'invited' as const,
      })),
    )
    .execute();
  await trx
    .insertInto('user_roles')
    .values(users.map((u) => ({ user_id: u.id, role: 'citizen' as const })))
    .execute();
}

export async function updatePayeeUser(
  trx: Transaction<Database>,
  id: string,
  set: { email: string; displayName: string; language: Language },
): Promise<void> {
  await trx
    .updateTable('users')
    .set({ email: set.email, display_name: set.displayName, language: set.language })
    .where('id', '=', id)
    .execute();
}

// ---- Approvals: who can be assigned a request (inbox module).

/** A staff member with their roles (the assignee of a reassignment). */
export async function staffMember(db: Kysely<Database>, userId: string) {
  const rows = await db
    .selectFrom('users')
    .innerJoin('user_roles', 'user_roles.user_id', 'users.id')
    .select(['users.id', 'users.display_name', 'user_roles.role'])
    .where('users.id', '=', userId)
    .execute();
  if (rows.length === 0) return undefined;
  return { id: rows[0]!.id, name: rows[0]!.display_name, roles: rows.map((r) => r.role) };
}

/** Everyone with an approver role, by name, with their roles. */
export async function listApprovers(db: Kysely<Database>) {
  const rows = await db
    .selectFrom('users')
    .innerJoin('user_roles', 'user_roles.user_id', 'users.id')
    .select(['users.id', 'users.display_name', 'user_roles.role'])
    .where('user_roles.role', 'in', ['approver', 'senior_approver'])
    .orderBy('users.display_name')
    .execute();
  const byId = new Map<string, { id: string; name: string; roles: string[] }>();
  for (const r of rows) {
    const e = byId.get(r.id) ?? { id: r.id, name: r.display_name, roles: [] };
    e.roles.push(r.role);
    byId.set(r.id, e);
  }
  return [...byId.values()];
}

/** The name of a user, or null. */
export async function displayNameOf(
  db: Kysely<Database>,
  userId: string | null,
): Promise<string | null> {
  if (!userId) return null;
  const u = await db
    .selectFrom('users')
    .select('display_name')
    .where('id', '=', userId)
    .executeTakeFirst();
  return u?.display_name ?? null;
}

/** Demo data only: the id of the account with exactly this email (the demo seeds' known people); throws if none. */
export async function userIdByEmail(db: Kysely<Database>, email: string): Promise<string> {
  return (
    await db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow()
  ).id;
}
