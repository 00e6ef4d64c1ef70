import { sql, type Kysely } from 'kysely';
import type { Role } from '@hms/contracts/auth';
import type { Database } from './schema.ts';
import { uuidv7 } from './ids.ts';
import { hashPassword } from '../auth/password.ts';
import { appendAudit } from '../audit.ts';
import { startOfZonedDay } from '@hms/contracts/business-days';
import { programDefinitionSchema, type ProgramDefinition } from '@hms/contracts/programs';
import { seedPrograms } from '@hms/contracts/programs-seed';

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
  programsWritten: number;
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
      const id = uuidv7();
      const inserted = await trx
        .insertInto('users')
        .values({
          id,
          email: u.email,
          password_hash: passwordHash,
          display_name: u.displayName,
          language: 'en',
        })
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

function programRow(p: ProgramDefinition, timeZone: string) {
  return {
    slug: p.slug,
    name_en: p.name.en,
    name_es: p.name.es,
    description_en: p.description.en,
    description_es: p.description.es,
    eligibility_en: p.eligibilitySummary.en,
    eligibility_es: p.eligibilitySummary.es,
    sec_code: p.secCode,
    max_amount_cents: p.maxAmountCents,
    budget_cents: p.budgetCents,
    approval_threshold_cents: p.approvalThresholdCents,
    review_deadline_days: p.reviewDeadlineBusinessDays,
    requires_prenote: p.requiresPrenote,
    // Definitions give inclusive local dates; the table holds [opens_at, closes_at) instants.
    opens_at: startOfZonedDay(p.opensAt, timeZone),
    closes_at: startOfZonedDay(p.closesAt, timeZone, 1),
    definition: JSON.stringify(p),
  };
}

/**
 * Upserts the seed programs by slug. An unchanged definition is left alone (idempotent); a changed one is updated
 * and its version bumped, so requests made under the old version keep pointing at the version they were made under.
 */
export async function upsertSeedPrograms(db: Kysely<Database>, timeZone: string): Promise<number> {
  let written = 0;
  await db.transaction().execute(async (trx) => {
    for (const def of seedPrograms) {
      const p = programDefinitionSchema.parse(def);
      const row = programRow(p, timeZone);
      const res = await trx
        .insertInto('programs')
        .values({ id: uuidv7(), ...row })
        .onConflict((oc) =>
          oc
            .column('slug')
            .doUpdateSet((eb) => ({
              ...Object.fromEntries(
                Object.keys(row)
                  .filter((k) => k !== 'slug')
                  .map((k) => [k, eb.ref(`excluded.${k}` as 'excluded.name_en')]),
              ),
              version: sql<number>`programs.version + 1`,
            }))
            .where(
              sql<boolean>`programs.definition is distinct from excluded.definition or programs.opens_at is distinct from excluded.opens_at or programs.closes_at is distinct from excluded.closes_at`,
            ),
        )
        .returning('id')
        .executeTakeFirst();
      if (res) written += 1;
    }
  });
  return written;
}

export async function seed(db: Kysely<Database>, opts: { timeZone: string }): Promise<SeedResult> {
  const { usersCreated } = await seedDemoUsers(db);
  const programsWritten = await upsertSeedPrograms(db, opts.timeZone);
  return { usersCreated, programsWritten };
}
