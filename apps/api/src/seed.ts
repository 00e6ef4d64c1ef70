import type { Kysely } from 'kysely';
import type { Database } from './platform/db/schema.ts';
import type { SeedResult } from './platform/db/seed.ts';
import { seedApprovalsDemo } from './modules/inbox/seed.ts';
import { seedPaymentsDemo } from './modules/payments/seed.ts';
import type { Config } from './platform/config.ts';
import { seedHistoryDemo } from './seed-history.ts';
import { seedDecisionRulesDemo } from './modules/decision-rules/seed.ts';
import { seedDemoUsers, userIdByEmail } from './modules/auth/service.ts';
import { programRowBySlug, upsertSeedPrograms } from './modules/programs/service.ts';

/**
 * The demo accounts and the seed programs, each written by its owner (auth, programs). Idempotent: a second run
 * creates nothing and writes only programs whose definition changed.
 */
export async function seedUsersAndPrograms(
  db: Kysely<Database>,
  opts: { timeZone: string },
): Promise<SeedResult> {
  const { usersCreated } = await seedDemoUsers(db);
  const programsWritten = await upsertSeedPrograms(db, opts.timeZone);
  return { usersCreated, programsWritten };
}

/**
 * Demo data for the whole product: users and programs first, then one idempotent seed per domain module (requests
 * in every state, risk examples, payments…), then six months of finance history made through the services
 * (seed-history.ts; needs the key and the configuration). Lives beside app.ts, not in platform/, because it reaches
 * into modules and the platform must never depend on them. Add one line per module.
 */
export async function seedDemo(
  db: Kysely<Database>,
  opts: { timeZone: string; encryptionKey?: Buffer; config?: Config },
): Promise<SeedResult> {
  const result = await seedUsersAndPrograms(db, opts);
  await seedApprovalsDemo(db, opts);
  await seedPaymentsDemo(db);
  if (opts.config && opts.encryptionKey) {
    await seedHistoryDemo(db, opts.config, opts.encryptionKey);
    // Only in the full demo: API tests start from a program without rules, so their submissions wait for a person.
    const program = await programRowBySlug(db, 'home-energy-rebate');
    await seedDecisionRulesDemo(db, program.id, await userIdByEmail(db, 'admin@example.gov'));
  }
  return result;
}
