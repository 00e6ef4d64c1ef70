import { describe, expect, it } from 'vitest';
import { toZonedDate } from '@hms/contracts/business-days';
import type { AdminProgram } from '@hms/contracts/program-admin';
import type { RuleVersionList } from '@hms/contracts/decision-rules';
import type { SimulationResult } from '@hms/contracts/simulations';
import type {
  SavedScenario,
  SavedScenarioList,
  ScenarioComparison,
  ScenarioDraftResult,
} from '@hms/contracts/simulation-scenarios';
import { submitPermitRefund } from '../../testing/applying.ts';
import { useTestApp, type Agent } from '../../testing/test-app.ts';
import { auditEntries } from '../../testing/rows.ts';

/**
 * Saved simulation scenarios (issue 14 part 3): who may read and change them, what is checked, the comparison, and
 * a scenario turned into a draft program version that goes through the publishing flow.
 */
const t = useTestApp();
const BASE = '/api/simulations/scenarios';
const PROGRAM = 'permit-fee-refund';

function period() {
  const today = toZonedDate(new Date(), t.config.timezone);
  return { from: `${today.slice(0, 4)}-01-01`, to: today };
}

async function save(agent: Agent, body: Record<string, unknown>) {
  return agent.post(BASE, { program: PROGRAM, ...period(), ...body });
}

async function saved(agent: Agent, body: Record<string, unknown>): Promise<SavedScenario> {
  const res = await save(agent, body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json<SavedScenario>();
}

const auditRows = (action: string, entityId: string) =>
  auditEntries(t.db.kysely, { action, entityId });

const rules = [
  {
    id: 'small',
    label: 'Small refunds',
    conditions: [{ on: 'amount' as const, op: 'lte' as const, value: 20_000 }],
    outcome: 'approve' as const,
  },
];

describe('saved scenarios: roles', () => {
  it('lets finance read and compare but not write, and keeps approvers out', async () => {
    const admin = await t.signIn('admin');
    const a = await saved(admin, { name: 'Roles A', changes: { maxAmountCents: 100_000 } });
    const b = await saved(admin, { name: 'Roles B', changes: { budgetCents: 40_000_000 } });
    for (const who of ['finance', 'supervisor'] as const) {
      const reader = await t.signIn(who);
      const list = await reader.get(`${BASE}?program=${PROGRAM}`);
      expect(list.statusCode, list.body).toBe(200);
      expect(list.json<SavedScenarioList>().items.map((s) => s.id)).toEqual(
        expect.arrayContaining([a.id, b.id]),
      );
      expect((await reader.get(`${BASE}/${a.id}`)).statusCode).toBe(200);
      expect((await reader.get(`${BASE}/${a.id}/compare/${b.id}`)).statusCode).toBe(200);
      for (const res of [
        await save(reader, { name: 'Not mine', changes: {} }),
        await reader.request('PATCH', `${BASE}/${a.id}`, { name: 'Renamed' }),
        await reader.request('DELETE', `${BASE}/${a.id}`),
        await reader.post(`${BASE}/${a.id}/program-draft`, {}),
      ]) {
        expect(res.statusCode, res.body).toBe(403);
        expect(res.json<{ code: string }>().code).toBe('auth.role_required');
      }
    }
    const approver = await t.signIn('approver');
    expect((await approver.get(`${BASE}?program=${PROGRAM}`)).statusCode).toBe(403);
    expect((await t.app.inject({ url: `${BASE}/${a.id}` })).statusCode).toBe(401);
  });
});

describe('saved scenarios: validation', () => {
  const admin = t.signedIn('admin');
  /** The answer's status and code, then the fields it names. */
  const fieldsOf = (res: Awaited<ReturnType<typeof save>>, status: number, code: string) => {
    expect(res.statusCode, res.body).toBe(status);
    const body = res.json<{ code: string; errors?: Array<{ field: string }> }>();
    expect(body.code).toBe(code);
    return body.errors?.map((e) => e.field) ?? [];
  };

  it.each([
    {
      what: 'a blank name',
      body: { name: '  ', changes: {} },
      fields: expect.arrayContaining(['body.name']),
    },
    {
      what: 'a name over 80 characters',
      body: { name: 'x'.repeat(81), changes: {} },
      fields: expect.arrayContaining(['body.name']),
    },
    {
      what: 'a zero maximum',
      body: { name: 'Zero max', changes: { maxAmountCents: 0 } },
      fields: expect.arrayContaining(['body.changes.maxAmountCents']),
    },
    {
      what: 'a change a simulation does not know',
      body: { name: 'Unknown key', changes: { maxAmount: 5 } },
      fields: expect.arrayContaining([expect.stringMatching(/^body\.changes/)]),
    },
    {
      what: 'a rule on a question the program does not ask',
      body: {
        name: 'Bad rule',
        changes: {
          eligibilityRules: [
            { questionId: 'noSuchQuestion', op: 'eq', value: 'x', reason: { en: 'r', es: 'r' } },
          ],
        },
      },
      fields: [expect.stringMatching(/^body\.changes\.eligibilityRules\.0/)],
    },
    {
      what: 'a period that ends before it starts',
      body: { name: 'Reversed', from: '2026-05-02', to: '2026-05-01' },
      code: 'validation.date_range_reversed',
      fields: expect.arrayContaining(['body.to']),
    },
    {
      what: 'an unknown program',
      body: { name: 'No program', program: 'no-such-program' },
      fields: expect.arrayContaining(['body.program']),
    },
  ])('refuses $what as a simulation does, naming the field', async ({ body, code, fields }) => {
    expect(fieldsOf(await save(admin, body), 400, code ?? 'validation.failed')).toEqual(fields);
  });

  it('refuses a name taken in the program, whatever its case and spaces', async () => {
    await saved(admin, { name: 'Lower cap', changes: { maxAmountCents: 90_000 } });
    const taken = await save(admin, { name: '  LOWER cap ', changes: {} });
    expect(fieldsOf(taken, 409, 'simulation.scenario_name_taken')).toEqual(['body.name']);
    // The same name in another program is another scenario.
    expect(
      (await save(admin, { name: 'Lower cap', program: 'home-energy-rebate' })).statusCode,
    ).toBe(201);
  });
});

describe('saved scenarios: open, rename, delete, audited', () => {
  it('keeps the changes as validated, renames within the program’s names, deletes, and audits each write', async () => {
    const admin = await t.signIn('admin');
    const s = await saved(admin, {
      name: 'Round trip',
      changes: { approvalThresholdCents: 50_000, reviewDeadlineDays: 5 },
    });
    expect(s).toMatchObject({
      name: 'Round trip',
      program: PROGRAM,
      programId: t.programId(PROGRAM),
      ...period(),
      changes: { approvalThresholdCents: 50_000, reviewDeadlineDays: 5 },
      savedBy: { id: t.userId('admin') },
    });
    expect((await admin.get(`${BASE}/${s.id}`)).json<SavedScenario>()).toEqual(s);

    await saved(admin, { name: 'Round trip 2', changes: {} });
    const clash = await admin.request('PATCH', `${BASE}/${s.id}`, { name: 'round TRIP 2' });
    expect(clash.statusCode).toBe(409);
    const renamed = await admin.request('PATCH', `${BASE}/${s.id}`, {
      name: 'Round trip, renamed',
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json<SavedScenario>().name).toBe('Round trip, renamed');

    const gone = await admin.request('DELETE', `${BASE}/${s.id}`);
    expect(gone.statusCode).toBe(204);
    const missing = await admin.get(`${BASE}/${s.id}`);
    expect(missing.statusCode).toBe(404);
    expect(missing.json<{ code: string }>().code).toBe('simulation.scenario_not_found');
    expect((await admin.request('DELETE', `${BASE}/${s.id}`)).statusCode).toBe(404);

    const adminId = t.userId('admin');
    expect(await auditRows('simulation.scenario_saved', s.id)).toEqual([
      expect.objectContaining({
        actor_id: adminId,
        entity_type: 'simulation_scenario',
        data: expect.objectContaining({
          programId: t.programId(PROGRAM),
          name: 'Round trip',
          changes: ['approvalThresholdCents', 'reviewDeadlineDays'],
        }),
      }),
    ]);
    expect(await auditRows('simulation.scenario_renamed', s.id)).toEqual([
      expect.objectContaining({
        data: expect.objectContaining({ from: 'Round trip', to: 'Round trip, renamed' }),
      }),
    ]);
    expect(await auditRows('simulation.scenario_deleted', s.id)).toEqual([
      expect.objectContaining({ actor_id: adminId }),
    ]);
  });
});

describe('saved scenarios: compare', () => {
  it('replays both over their one period beside the shared baseline, as POST /api/simulations does', async () => {
    const admin = await t.signIn('admin');
    // Two requests of the period: a maximum of $500 keeps the $250 one and no longer lets the $1,000 one in.
    const citizen = await t.signIn('citizen');
    for (const amountPaid of ['250', '1000'])
      await submitPermitRefund(citizen, { holderName: 'Casey Citizen', amountPaid });
    const a = await saved(admin, { name: 'Cmp tight', changes: { maxAmountCents: 50_000 } });
    const b = await saved(admin, {
      name: 'Cmp rules',
      changes: { decisionRules: rules, approvalThresholdCents: 30_000 },
    });
    const res = await (await t.signIn('finance')).get(`${BASE}/${a.id}/compare/${b.id}`);
    expect(res.statusCode, res.body).toBe(200);
    const cmp = res.json<ScenarioComparison>();
    const run = async (changes: object) =>
      (
        await admin.post('/api/simulations', { program: PROGRAM, ...period(), changes })
      ).json<SimulationResult>();
    const [ra, rb] = [await run(a.changes), await run(b.changes)];
    expect(cmp).toMatchObject({ program: PROGRAM, ...period() });
    expect(cmp.baseline).toEqual(ra.baseline);
    expect(cmp.baseline).toEqual(rb.baseline);
    expect(cmp.scenarios.map((s) => s.scenario.id)).toEqual([a.id, b.id]);
    expect(cmp.scenarios[0]!.figures).toEqual(ra.scenario);
    expect(cmp.scenarios[1]!.figures).toEqual(rb.scenario);
    expect(cmp.baseline.eligibleCount).toBeGreaterThanOrEqual(2);
    expect(cmp.scenarios[0]!.figures.noLongerQualifying).toMatchObject({
      count: 1,
      cents: 100_000,
    });
    expect(cmp.scenarios[0]!.figures.eligibleCount).toBe(cmp.baseline.eligibleCount - 1);
    expect(cmp.scenarios[1]!.figures.eligibleCount).toBe(cmp.baseline.eligibleCount);
  });

  it('refuses scenarios of different programs or periods, and a scenario with itself, with their codes', async () => {
    const admin = await t.signIn('admin');
    const a = await saved(admin, { name: 'Cmp base', changes: {} });
    const other = await saved(admin, { name: 'Cmp other', program: 'home-energy-rebate' });
    const earlier = await saved(admin, {
      name: 'Cmp earlier',
      from: '2025-01-01',
      to: '2025-06-30',
    });
    const code = async (q: string) => {
      const res = await admin.get(`${BASE}/${q}`);
      return [res.statusCode, res.json<{ code: string }>().code];
    };
    expect(await code(`${a.id}/compare/${other.id}`)).toEqual([
      400,
      'simulation.compare_programs_differ',
    ]);
    expect(await code(`${a.id}/compare/${earlier.id}`)).toEqual([
      400,
      'simulation.compare_periods_differ',
    ]);
    expect(await code(`${a.id}/compare/${a.id}`)).toEqual([
      400,
      'simulation.compare_same_scenario',
    ]);
    expect(await code(`${a.id}/compare/0190a8d2-0000-7000-8000-000000000000`)).toEqual([
      404,
      'simulation.scenario_not_found',
    ]);
    expect(await code(`${a.id}/compare/not-an-id`)).toEqual([400, 'validation.failed']);
  });
});

describe('saved scenarios: a draft program version', () => {
  it('lands in the program draft and the decision-rules draft, and goes live through the publishing flow', async () => {
    const admin = await t.signIn('admin');
    const programId = t.programId(PROGRAM);
    const s = await saved(admin, {
      name: 'Draft me',
      changes: {
        maxAmountCents: 120_000,
        approvalThresholdCents: 80_000,
        budgetCents: 45_000_000,
        reviewDeadlineDays: 7,
        decisionRules: rules,
      },
    });
    const res = await admin.post(`${BASE}/${s.id}/program-draft`, {});
    expect(res.statusCode, res.body).toBe(200);
    const result = res.json<ScenarioDraftResult>();
    expect(result).toMatchObject({
      programId,
      scenarioId: s.id,
      changed: [
        'approvalThresholdCents',
        'budgetCents',
        'decisionRules',
        'maxAmountCents',
        'reviewDeadlineDays',
      ],
      decisionRulesDraft: { version: expect.any(Number) },
    });

    const page = (await admin.get(`/api/admin/programs/${programId}`)).json<AdminProgram>();
    expect(page.draft).toMatchObject({
      maxAmountCents: 120_000,
      approvalThresholdCents: 80_000,
      budgetCents: 45_000_000,
      reviewDeadlineDays: 7,
    });
    const amountQuestion = page.draft.questionSet.steps
      .flatMap((step) => step.questions)
      .find((q) => q.id === page.draft.amountQuestionId);
    expect(amountQuestion).toMatchObject({ max: 120_000 });
    expect(page.hasUnpublishedChanges).toBe(true);
    expect(page.checklist.readyForApproval).toBe(true);
    const ruleVersions = (
      await admin.get(`/api/admin/programs/${programId}/decision-rules`)
    ).json<RuleVersionList>();
    const ruleDraft = ruleVersions.versions.find((v) => v.status === 'draft');
    expect(ruleDraft).toMatchObject({ id: result.decisionRulesDraft!.id, rules });

    // A second scenario does not overwrite that work unless the caller says so.
    const again = await saved(admin, { name: 'Draft again', changes: { reviewDeadlineDays: 12 } });
    const refused = await admin.post(`${BASE}/${again.id}/program-draft`, {});
    expect(refused.statusCode).toBe(409);
    expect(refused.json<{ code: string }>().code).toBe('program.draft_has_changes');
    const rulesOnly = await saved(admin, { name: 'Rules only', changes: { decisionRules: rules } });
    const refusedRules = await admin.post(`${BASE}/${rulesOnly.id}/program-draft`, {});
    expect(refusedRules.statusCode).toBe(409);
    expect(refusedRules.json<{ code: string }>().code).toBe('decision_rules.draft_exists');
    const nothing = await saved(admin, { name: 'Nothing', changes: {} });
    expect((await admin.post(`${BASE}/${nothing.id}/program-draft`, {})).statusCode).toBe(400);
    expect(
      (await admin.get(`/api/admin/programs/${programId}`)).json<AdminProgram>().draft,
    ).toMatchObject({ reviewDeadlineDays: 7 });

    // The publishing flow: ask, a second administrator approves, the scenario's parameters are live.
    const asked = await admin.post(`/api/admin/programs/${programId}/publish-requests`, {
      changeSummary: 'From the simulation scenario "Draft me"',
    });
    expect(asked.statusCode, asked.body).toBe(200);
    expect(asked.json<AdminProgram>().pendingPublishRequest).toMatchObject({ state: 'pending' });
    const approved = await (
      await t.signIn('admin2')
    ).post(`/api/admin/programs/${programId}/publish-requests/approve`, {});
    expect(approved.statusCode, approved.body).toBe(200);
    const live = (await admin.get(`/api/programs/${PROGRAM}`)).json<{
      maxAmountCents: number;
      reviewDeadlineDays: number;
    }>();
    expect(live).toMatchObject({ maxAmountCents: 120_000, reviewDeadlineDays: 7 });

    // Confirmed, a scenario replaces what is there.
    const replaced = await admin.post(`${BASE}/${again.id}/program-draft`, { replaceDrafts: true });
    expect(replaced.statusCode, replaced.body).toBe(200);
    expect(replaced.json<ScenarioDraftResult>().decisionRulesDraft).toBeNull();
    expect(
      (await admin.get(`/api/admin/programs/${programId}`)).json<AdminProgram>().draft,
    ).toMatchObject({ reviewDeadlineDays: 12, maxAmountCents: 120_000 });

    const drafted = await auditRows('simulation.scenario_drafted', s.id);
    expect(drafted).toEqual([
      expect.objectContaining({
        actor_id: t.userId('admin'),
        data: expect.objectContaining({
          programId,
          programDraftRevision: result.programDraftRevision,
          decisionRulesVersion: result.decisionRulesDraft!.version,
        }),
      }),
    ]);
    const draftSaves = await auditRows('program.draft_saved', programId);
    expect(draftSaves.map((r) => (r.data as { fromScenario?: string }).fromScenario)).toEqual(
      expect.arrayContaining([s.id, again.id]),
    );
    expect(await auditRows('decision_rules.draft_created', programId)).toEqual([
      expect.objectContaining({ data: expect.objectContaining({ fromScenario: s.id }) }),
    ]);
  });

  it('applies eligibility rules to the draft and refuses changes that do not make a valid draft', async () => {
    const admin = await t.signIn('admin');
    const programId = t.programId('home-energy-rebate');
    const page = (await admin.get(`/api/admin/programs/${programId}`)).json<AdminProgram>();
    const tooBig = await saved(admin, {
      name: 'Max over budget',
      program: 'home-energy-rebate',
      changes: { maxAmountCents: (page.draft.budgetCents ?? 0) + 1 },
    });
    const bad = await admin.post(`${BASE}/${tooBig.id}/program-draft`, {});
    expect(bad.statusCode, bad.body).toBe(400);
    expect(bad.json<{ errors: Array<{ field: string }> }>().errors.map((e) => e.field)).toContain(
      'draft.maxAmountCents',
    );
    const none = await saved(admin, {
      name: 'No rules',
      program: 'home-energy-rebate',
      changes: { eligibilityRules: [] },
    });
    const ok = await admin.post(`${BASE}/${none.id}/program-draft`, {});
    expect(ok.statusCode, ok.body).toBe(200);
    const after = (await admin.get(`/api/admin/programs/${programId}`)).json<AdminProgram>();
    expect(after.draft.eligibilityRules).toEqual([]);
    expect(after.hasUnpublishedChanges).toBe(page.draft.eligibilityRules.length > 0);
  });
});
