import type { Kysely } from 'kysely';
import type { Role } from '@hms/contracts/auth';
import type { Database } from '../platform/db/schema.ts';
import { uuidv7 } from '../platform/db/ids.ts';
import { hashPassword } from '../platform/auth/password.ts';
import { DEMO_PASSWORD } from '../platform/db/seed.ts';

/**
 * A staff member beyond the demo ones (tests need two senior approvers, a second supervisor), signing in with the
 * demo password.
 */
export async function addStaff(db: Kysely<Database>, email: string, name: string, roles: Role[]) {
  const id = uuidv7();
  await db
    .insertInto('users')
    .values({
      id,
      email,
      password_hash: await hashPassword(DEMO_PASSWORD),
      display_name: name,
      language: 'en',
    })
    .execute();
  for (const role of roles)
    await db.insertInto('user_roles').values({ user_id: id, role }).execute();
  return id;
}
