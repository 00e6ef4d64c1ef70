import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { sql, type Kysely } from 'kysely';
import type { QuestionSet } from '@hms/contracts/question-set';
import { type Agent, openTestDb, registerCitizen, useTestApp } from '../../testing/test-app.ts';
import { saveSteps, startDraft, submitPermitRefund } from '../../testing/applying.ts';
import { rowById } from '../../testing/rows.ts';
import { upsertSeedPrograms } from './service.ts';
import type { Database } from '../../platform/db/schema.ts';

// A request must be shown with the questions the applicant answered, not with the program's current ones: these
// tests change a program after a request was submitted and read the request back from both sides.

const SLUG = 'permit-fee-refund';
const OLD_LABEL = 'Permit number';
const NEW_LABEL = 'Permit or license number';
const REMOVED = 'reasonDetails';
const DETAILS = 'I paid twice on the same day.';

const t = useTestApp();

async function register(email: string): Promise<Agent> {
  return registerCitizen(t, email, { displayName: 'Version Person' });
}

const permitAnswers = { permitNumber: 'BP-2026-01234', datePaid: '2026-02-03', amountPaid: '250' };
const startPermitDraft = (agent: Agent) => startDraft(agent, SLUG);

async function submitPermitRequest(agent: Agent): Promise<string> {
  const { id } = await submitPermitRefund(agent, {
    reasonDetails: DETAILS,
    contact: { applicantName: 'Version Person', contactEmail: 'version@example.com' },
    holderName: 'Version Person',
  });
  return id;
}

/**
 * What an admin or a changed seed does to a program: a new definition with its version bumped (as
 * upsertSeedPrograms does). Here the permit number is relabelled and "Tell us what happened" is removed.
 */
async function changePermitProgram(db: Kysely<Database>): Promise<void> {
  const { definition } = await db
    .selectFrom('programs')
    .select('definition')
    .where('slug', '=', SLUG)
    .executeTakeFirstOrThrow();
  const def = structuredClone(definition) as { questionSet: QuestionSet };
  for (const step of def.questionSet.steps) {
    step.questions = step.questions.filter((q) => q.id !== REMOVED);
    for (const q of step.questions) if (q.id === 'permitNumber') q.label.en = NEW_LABEL;
  }
  await db
    .updateTable('programs')
    .set({ definition: JSON.stringify(def), version: sql<number>`version + 1` })
    .where('slug', '=', SLUG)
    .execute();
}

const question = (set: QuestionSet | undefined, id: string) =>
  set?.steps.flatMap((s) => s.questions).find((q) => q.id === id);

describe('a submitted request keeps the questions of its program version', () => {
  let submittedId: string;
  let earlyDraftId: string;
  let earlyDraftVersion: number;
  let earlyCitizen: Agent;
  let citizen: Agent;
  let oldVersion: number;

  beforeAll(async () => {
    citizen = await register('version-a@example.com');
    earlyCitizen = await register('version-b@example.com');
    submittedId = await submitPermitRequest(citizen);
    // A draft started before the change and not saved again until after it.
    const early = await startPermitDraft(earlyCitizen);
    earlyDraftId = early.id;
    earlyDraftVersion = early.version;
    oldVersion = (await rowById(t.db.kysely, 'programs', t.programId(SLUG))).version;
    await changePermitProgram(t.db.kysely);
  });

  it("shows the approver the old question's label and the answer to a question since removed", async () => {
    const approver = await t.signIn('approver');
    const res = await approver.get(`/api/review/${submittedId}`);
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json() as {
      program: { version?: number };
      questionSet?: QuestionSet;
      answers: Record<string, unknown>;
    };
    expect(r.program.version).toBe(oldVersion);
    expect(question(r.questionSet, 'permitNumber')?.label.en).toBe(OLD_LABEL);
    expect(question(r.questionSet, REMOVED)).toBeDefined();
    expect(r.answers[REMOVED]).toBe(DETAILS);
  });

  it("shows the citizen their request with the questions they answered, not today's", async () => {
    const program = await citizen.get(`/api/requests/${submittedId}/program`);
    expect(program.statusCode, program.body).toBe(200);
    const p = program.json() as { version: number; questionSet: QuestionSet };
    expect(p.version).toBe(oldVersion);
    expect(question(p.questionSet, 'permitNumber')?.label.en).toBe(OLD_LABEL);
    expect(question(p.questionSet, REMOVED)).toBeDefined();
    const detail = await citizen.get(`/api/requests/${submittedId}`);
    expect((detail.json() as { answers: Record<string, unknown> }).answers[REMOVED]).toBe(DETAILS);
    // The program page itself shows the new version.
    const today = (await t.app.inject({ url: `/api/programs/${SLUG}` })).json() as {
      version: number;
      questionSet: QuestionSet;
    };
    expect(today.version).toBe(oldVersion + 1);
    expect(question(today.questionSet, 'permitNumber')?.label.en).toBe(NEW_LABEL);
  });

  it('answers a draft against the new version, and moves an older draft to it when it is saved', async () => {
    const kept = await t.db.kysely
      .selectFrom('program_versions')
      .innerJoin('programs', 'programs.id', 'program_versions.program_id')
      .select(['program_versions.version', 'program_versions.definition'])
      .where('programs.slug', '=', SLUG)
      .orderBy('program_versions.version')
      .execute();
    expect(kept.map((k) => k.version)).toEqual([oldVersion, oldVersion + 1]);

    const fresh = await startPermitDraft(citizen);
    const program = (await citizen.get(`/api/requests/${fresh.id}/program`)).json() as {
      version: number;
      questionSet: QuestionSet;
    };
    expect(program.version).toBe(oldVersion + 1);
    expect(question(program.questionSet, 'permitNumber')?.label.en).toBe(NEW_LABEL);
    expect(question(program.questionSet, REMOVED)).toBeUndefined();

    await saveSteps(earlyCitizen, earlyDraftId, earlyDraftVersion, [
      { step: 'permit', answers: permitAnswers },
    ]);
    const rows = await t.db.kysely
      .selectFrom('requests')
      .select(['id', 'program_version'])
      .where('id', 'in', [fresh.id, earlyDraftId])
      .execute();
    expect(rows.map((r) => r.program_version)).toEqual([oldVersion + 1, oldVersion + 1]);
  });
});

describe('migration 0101_program_versions', () => {
  const dir = path.join(
    path.dirname(fileURLToPath(import.meta.url)),
    '../../platform/db/migrations',
  );
  const run = async (db: Kysely<Database>, file: string) => {
    const mod = (await import(pathToFileURL(path.join(dir, file)).href)) as {
      up(db: Kysely<unknown>): Promise<void>;
    };
    await mod.up(db as unknown as Kysely<unknown>);
  };

  it('backfills the programs that exist, then records each new version by trigger', async () => {
    const { db, drop } = await openTestDb();
    try {
      const k = db.kysely;
      // The schema as it was before 0101, with programs in it.
      const before = (await readdir(dir)).filter((f) => /^\d{4}_\w+\.ts$/.test(f)).sort();
      for (const file of before.filter((f) => f < '0101_')) await run(k, file);
      const programs = await upsertSeedPrograms(k, 'America/New_York');
      expect(programs).toBeGreaterThan(0);

      await run(k, '0101_program_versions.ts');
      const versions = () =>
        k
          .selectFrom('program_versions')
          .innerJoin('programs', 'programs.id', 'program_versions.program_id')
          .select(['programs.slug', 'program_versions.version', 'program_versions.definition'])
          .orderBy('programs.slug')
          .orderBy('program_versions.version')
          .execute();
      const backfilled = await versions();
      expect(backfilled).toHaveLength(programs);
      const permit = backfilled.find((v) => v.slug === SLUG)!;
      expect(permit.version).toBe(1);
      const v1Backfilled = permit.definition as { questionSet: QuestionSet };
      expect(question(v1Backfilled.questionSet, REMOVED)).toBeDefined();

      // A change that leaves the definition and version alone records nothing; a new version is recorded.
      await k
        .updateTable('programs')
        .set({ name_en: 'Renamed' })
        .where('slug', '=', SLUG)
        .execute();
      expect(await versions()).toHaveLength(programs);
      await changePermitProgram(k);
      const after = (await versions()).filter((v) => v.slug === SLUG);
      expect(after.map((v) => v.version)).toEqual([1, 2]);
      const v2 = after[1]!.definition as { questionSet: QuestionSet };
      expect(question(v2.questionSet, 'permitNumber')?.label.en).toBe(NEW_LABEL);
      expect(question(v2.questionSet, REMOVED)).toBeUndefined();
      // The version that requests were made under is unchanged.
      const v1 = after[0]!.definition as { questionSet: QuestionSet };
      expect(question(v1.questionSet, 'permitNumber')?.label.en).toBe(OLD_LABEL);
    } finally {
      await db.close();
      await drop();
    }
  });
});
