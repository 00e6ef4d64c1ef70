import { sql, type Kysely } from 'kysely';
import type { Role } from '@hms/contracts/auth';
import type { Database } from './schema.ts';
import { uuidv7 } from './ids.ts';
import { hashPassword } from '../auth/password.ts';
import { appendAudit } from '../audit.ts';

export const DEMO_PASSWORD = 'hms-demo-2026';

export const DEMO_USERS: ReadonlyArray<{ email: string; displayName: string; role: Role }> = [
  { email: 'citizen@example.gov', displayName: 'Casey Citizen', role: 'citizen' },
  { email: 'approver@example.gov', displayName: 'Avery Approver', role: 'approver' },
  { email: 'senior@example.gov', displayName: 'Sam Senior', role: 'senior_approver' },
  { email: 'finance@example.gov', displayName: 'Frankie Finance', role: 'finance' },
  { email: 'supervisor@example.gov', displayName: 'Skyler Supervisor', role: 'finance_supervisor' },
  { email: 'admin@example.gov', displayName: 'Adrian Admin', role: 'admin' },
];

export interface SeedResult {
  usersCreated: number;
}

/**
 * Idempotent: a user that exists (by lower(email)) is left alone, so a second start creates nothing twice and a
 * changed demo password survives restarts. The demo password bypasses the common-password check only here: it is
 * public by design and these accounts exist only when demo seeding is on.
 */
export async function seedDemoUsers(db: Kysely<Database>): Promise<SeedResult> {
  let usersCreated = 0;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction().execute(async (trx) => {
    for (const u of DEMO_USERS) {
      const id = uuidv7();
      const inserted = await trx
        .insertInto('users')
        .values({ id, email: u.email, password_hash: passwordHash, display_name: u.displayName, language: 'en' })
        .onConflict((oc) => oc.expression(sql`lower(email)`).doNothing())
        .returning('id')
        .executeTakeFirst();
      if (!inserted) continue;
      await trx.insertInto('user_roles').values({ user_id: id, role: u.role }).execute();
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

export async function seed(db: Kysely<Database>): Promise<SeedResult> {
  return seedDemoUsers(db);
}
