import type { Kysely } from 'kysely';
import type { Database } from '../platform/db/schema.ts';
import { uuidv7 } from '../platform/db/ids.ts';
import { hashPassword } from '../platform/auth/password.ts';
import { DEMO_PASSWORD } from '../platform/db/seed.ts';

/** A staff member beyond the demo ones (tests need two senior approvers), signing in with the demo password. */
export async function addStaff(
  db: Kysely<Database>,
  email: string,
  name: string,
  roles: Array<'approver' | 'senior_approver' | 'citizen'>,
) {
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
