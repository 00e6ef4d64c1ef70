import { sql, type Kysely } from 'kysely';
import type { Role } from '@hms/contracts/auth';
import type { Database } from '../../platform/db/schema.ts';
import type { Language } from '@hms/contracts/language';

export async function findUserByEmail(db: Kysely<Database>, email: string) {
  return db
    .selectFrom('users')
    .select(['id', 'email', 'password_hash', 'display_name', 'language'])
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
    passwordHash: string;
    displayName: string;
    language: Language;
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
