import type { Kysely } from 'kysely';
import type { Database } from './platform/db/schema.ts';
import { seed as seedPlatform, type SeedResult } from './platform/db/seed.ts';
import { seedApprovalsDemo } from './modules/inbox/seed.ts';
import { seedPaymentsDemo } from './modules/payments/seed.ts';

/**
 * Demo data for the whole product: the platform's users and programs first, then one idempotent seed per domain
 * module (requests in every state, risk examples, payments…). Lives beside app.ts, not in platform/, because it
 * reaches into modules and the platform must never depend on them. Add one line per module.
 */
export async function seedDemo(
  db: Kysely<Database>,
  opts: { timeZone: string; encryptionKey?: Buffer },
): Promise<SeedResult> {
  const result = await seedPlatform(db, opts);
  await seedApprovalsDemo(db, opts);
  await seedPaymentsDemo(db);
  return result;
}
