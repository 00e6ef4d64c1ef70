import { beforeAll, describe, expect, it } from 'vitest';
import { toZonedDate } from '@hms/contracts/business-days';
import type {
  AdminProgram,
  AdminProgramList,
  EligibilityPreview,
  ProgramDiff,
  ProgramDraft,
  ProgramVersions,
} from '@hms/contracts/program-admin';
import type { ProgramsResponse } from '@hms/contracts/programs';
import type { QuestionSet } from '@hms/contracts/question-set';
import {
  choiceQuestion,
  question,
  step,
  t as text,
  YES_NO,
} from '@hms/contracts/question-set.test-helper';
import { parseFile } from '@hms/ach/parse';
import { registerCitizen, useTestApp, type Agent } from '../../testing/test-app.ts';
import { saveBankAccount, saveSteps, startDraft, submitDraft } from '../../testing/applying.ts';
import { open } from '../../platform/keyring.ts';
import { insertApprovedPayment } from '../payments/fixtures.ts';
import { amountRequestStep } from './service.ts';
import { rowById } from '../../testing/rows.ts';

// Programs administered in the browser (issue 11 items 1, 3, 4): a program is created as a draft, checked by the
// go-live checklist, published under dual control, appears in the catalog at once, and keeps its requests on the
// version they were made under through later versions and a revert.

const SLUG = 'storm-relief';
const BASE = '/api/admin/programs';
const t = useTestApp();
const adminA = t.signedIn('admin');
const adminB = t.signedIn('admin2');
let programId: string;
let today: string;

const addDays = (date: string, n: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

function fullDraft(base: ProgramDraft): ProgramDraft {
  const questionSet: QuestionSet = {
    steps: [
      step('business', text('Your business', 'Su negocio'), [
        question('revenueBefore', 'money', text('Revenue in 2025', 'Ingresos en 2025')),
        question('revenueAfter', 'money', text('Revenue in 2026', 'Ingresos en 2026')),
        choiceQuestion(
          'hadPermit',
          'radio',
          text('Did you pay a permit fee?', '¿Pagó una tarifa de permiso?'),
          YES_NO,
        ),
        question(
          'paidOn',
          'date',
          text('Date the permit fee was paid', 'Fecha de pago del permiso'),
          {
            showIf: { questionId: 'hadPermit', equals: 'yes' },
          },
        ),
      ]),
      amountRequestStep(500_000),
    ],
  };
  return {
    ...base,
    name: { en: 'Storm relief', es: 'Ayuda por tormenta' },
    eligibilitySummary: { en: 'Businesses hit by the storm', es: 'Negocios afectados' },
    description: { en: 'Grants after the storm.', es: 'Subvenciones tras la tormenta.' },
    budgetCents: 10_000_000,
    approvalThresholdCents: 300_000,
    opensAt: addDays(today, -1),
    closesAt: addDays(today, 30),
    achEntryDescription: 'STORM AID',
    amountQuestionId: 'amountRequested',
    questionSet,
    eligibilityRules: [
      {
        kind: 'withinLast',
        questionId: 'paidOn',
        months: 12,
        reason: { en: 'The permit fee is too old', es: 'La tarifa es demasiado antigua' },
        appliesIf: { questionId: 'hadPermit', equals: 'yes' },
      },
    ],
  };
}

async function getProgram(agent: Agent = adminA): Promise<AdminProgram> {
  const res = await agent.get(`${BASE}/${programId}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as AdminProgram;
}

async function putDraft(draft: ProgramDraft, agent: Agent = adminA) {
  return agent.request('PUT', `${BASE}/${programId}/draft`, { draft });
}

async function publishVersion(changeSummary: string): Promise<AdminProgram> {
  const asked = await adminA.post(`${BASE}/${programId}/publish-requests`, { changeSummary });
  expect(asked.statusCode, asked.body).toBe(200);
  const approved = await adminB.post(`${BASE}/${programId}/publish-requests/approve`, {});
  expect(approved.statusCode, approved.body).toBe(200);
  return approved.json() as AdminProgram;
}

async function catalog(): Promise<ProgramsResponse> {
  return (await t.app.inject({ url: '/api/programs' })).json() as ProgramsResponse;
}

async function apply(
  citizen: Agent,
  answers: { revenueBefore: string; revenueAfter: string; paidOn: string },
): Promise<string> {
  const draft = await startDraft(citizen, SLUG);
  const version = await saveSteps(citizen, draft.id, draft.version, [
    { step: 'business', answers: { ...answers, hadPermit: 'yes' } },
    { step: 'request', answers: { amountRequested: '1,000' } },
  ]);
  await saveBankAccount(citizen, draft.id, version, { holderName: 'Storm Person' });
  await submitDraft(citizen, draft.id, `storm-${draft.id}`);
  return draft.id;
}

beforeAll(async () => {
  today = toZonedDate(new Date(), t.config.timezone);
});

describe('program administration', () => {
  let firstRequest: string;
  let secondRequest: string;

  it('creates a draft program; refuses a taken address and names bad fields', async () => {
    const bad = await adminA.post(BASE, {
      slug: 'Not A Slug',
      name: { en: '', es: '' },
      payeeType: 'business',
      maxAmountCents: 0,
    });
    expect(bad.statusCode).toBe(400);
    const fields = (bad.json() as { errors: Array<{ field: string }> }).errors.map((e) => e.field);
    expect(fields).toEqual(
      expect.arrayContaining(['body.slug', 'body.name.en', 'body.maxAmountCents']),
    );
    const taken = await adminA.post(BASE, {
      slug: 'permit-fee-refund',
      name: { en: 'Again', es: '' },
      payeeType: 'individual',
      maxAmountCents: 100,
    });
    expect(taken.statusCode).toBe(409);
    expect((taken.json() as { code: string }).code).toBe('program.slug_taken');

    const res = await adminA.post(BASE, {
      slug: SLUG,
      name: { en: 'Storm relief', es: '' },
      payeeType: 'business',
      maxAmountCents: 500_000,
    });
    expect(res.statusCode, res.body).toBe(201);
    const created = res.json() as AdminProgram;
    programId = created.id;
    expect(created.status).toBe('draft');
    expect(created.liveVersion).toBeNull();
    const list = (await adminA.get(BASE)).json() as AdminProgramList;
    const row = list.items.find((p) => p.id === programId)!;
    expect(row).toMatchObject({ slug: SLUG, status: 'draft', liveVersion: null });
    expect(list.items.map((p) => p.slug)).toContain('permit-fee-refund');
    // Not in the citizen catalog before it is published.
    expect((await catalog()).items.map((p) => p.slug)).not.toContain(SLUG);
  });

  it('lists what blocks going live: Spanish, budget and threshold, dates', async () => {
    const p = await getProgram();
    const item = (id: string) => p.checklist.items.find((i) => i.id === id)!;
    expect(item('spanish').ok).toBe(false);
    expect(item('spanish').problems.map((e) => e.field)).toContain('name.es');
    expect(item('budget').problems.map((e) => e.field)).toEqual([
      'budgetCents',
      'approvalThresholdCents',
      'opensAt',
      'closesAt',
    ]);
    // Said once, in words, not again as a schema error under the form.
    expect(item('form').problems.map((e) => e.field)).not.toContain('opensAt');
    expect(p.checklist.readyForApproval).toBe(false);
    const refused = await adminA.post(`${BASE}/${programId}/publish-requests`, {
      changeSummary: 'First version',
    });
    expect(refused.statusCode).toBe(422);
    const body = refused.json() as { code: string; errors: Array<{ field: string }> };
    expect(body.code).toBe('program.checklist_incomplete');
    expect(body.errors.map((e) => e.field)).toEqual(
      expect.arrayContaining(['name.es', 'budgetCents']),
    );
  });

  it('refuses a draft that cannot work, naming the question', async () => {
    const draft = fullDraft((await getProgram()).draft);
    const later = structuredClone(draft);
    later.questionSet.steps[0]!.questions[0]!.showIf = {
      questionId: 'amountRequested',
      equals: 1,
    };
    const res = await putDraft(later);
    expect(res.statusCode).toBe(400);
    const errors = (res.json() as { errors: Array<{ field: string; message: string }> }).errors;
    expect(errors[0]!.field).toBe('body.draft.questionSet.steps.0.questions.0.showIf');
    expect(errors[0]!.message).toContain('amountRequested');
    const badRule = structuredClone(draft);
    badRule.eligibilityRules = [
      {
        kind: 'percentDrop',
        beforeQuestionId: 'revenueBefore',
        afterQuestionId: 'hadPermit',
        atLeastPercent: 20,
        reason: { en: 'x', es: 'x' },
      },
    ];
    const rule = await putDraft(badRule);
    expect(rule.statusCode).toBe(400);
    expect(
      (rule.json() as { errors: Array<{ field: string }> }).errors.map((e) => e.field),
    ).toContain('body.draft.eligibilityRules.0.afterQuestionId');
  });

  it('keeps dual control: the asker cannot approve, a second admin publishes, the catalog shows it at once', async () => {
    const saved = await putDraft(fullDraft((await getProgram()).draft));
    expect(saved.statusCode, saved.body).toBe(200);
    const ready = saved.json() as AdminProgram;
    expect(ready.checklist.readyForApproval, JSON.stringify(ready.checklist)).toBe(true);
    expect(ready.checklist.canPublish).toBe(false);

    const asked = await adminA.post(`${BASE}/${programId}/publish-requests`, {
      changeSummary: 'First version',
    });
    expect(asked.statusCode, asked.body).toBe(200);
    expect((asked.json() as AdminProgram).pendingPublishRequest).toMatchObject({
      kind: 'publish',
      state: 'pending',
      requestedBy: { name: 'Adrian Admin' },
    });
    const again = await adminA.post(`${BASE}/${programId}/publish-requests`, {
      changeSummary: 'Twice',
    });
    expect(again.statusCode).toBe(409);

    const own = await adminA.post(`${BASE}/${programId}/publish-requests/approve`, {});
    expect(own.statusCode).toBe(403);
    expect((own.json() as { code: string }).code).toBe('program.own_publish_request');
    // The page offers the approval to exactly those the API lets approve.
    expect((asked.json() as AdminProgram).viewerMayApprovePublish).toBe(false);
    expect((await getProgram(adminB)).viewerMayApprovePublish).toBe(true);
    expect((await catalog()).items.map((p) => p.slug)).not.toContain(SLUG);

    const approved = await adminB.post(`${BASE}/${programId}/publish-requests/approve`, {});
    expect(approved.statusCode, approved.body).toBe(200);
    const live = approved.json() as AdminProgram;
    expect(live).toMatchObject({ status: 'live', liveVersion: 1, pendingPublishRequest: null });
    expect(live.hasUnpublishedChanges).toBe(false);

    const listed = (await catalog()).items.find((p) => p.slug === SLUG);
    expect(listed).toMatchObject({ acceptingApplications: true, maxAmountCents: 500_000 });
    const versions = (await adminA.get(`${BASE}/${programId}/versions`)).json() as ProgramVersions;
    expect(versions.items).toEqual([
      expect.objectContaining({
        version: 1,
        live: true,
        publishedBy: expect.objectContaining({ name: 'Adrian Admin' }),
        approvedBy: expect.objectContaining({ name: 'Alex Admin' }),
        changeSummary: 'First version',
      }),
    ]);
  });

  it('a citizen applies; a new version leaves the request on the version it was made under', async () => {
    const citizen = await registerCitizen(t, 'storm-a@example.com', { displayName: 'Storm A' });
    firstRequest = await apply(citizen, {
      revenueBefore: '100,000',
      revenueAfter: '70,000',
      paidOn: addDays(today, -30),
    });
    const citizen2 = await registerCitizen(t, 'storm-b@example.com', { displayName: 'Storm B' });
    secondRequest = await apply(citizen2, {
      revenueBefore: '100,000',
      revenueAfter: '95,000',
      paidOn: addDays(today, -60),
    });

    const changed = fullDraft((await getProgram()).draft);
    changed.questionSet.steps[0]!.questions[0]!.label = {
      en: 'Revenue in the year before the storm',
      es: 'Ingresos del año anterior a la tormenta',
    };
    expect((await putDraft(changed)).statusCode).toBe(200);
    const diff = (await adminA.get(`${BASE}/${programId}/draft/diff`)).json() as ProgramDiff;
    expect(diff.from).toBe(1);
    expect(diff.changes).toEqual([
      expect.objectContaining({
        path: 'questionSet.revenueBefore.label',
        change: 'changed',
        label: expect.objectContaining({
          en: 'Question “Revenue in the year before the storm”: question text',
        }),
      }),
    ]);
    const v2 = await publishVersion('Clearer revenue question');
    expect(v2.liveVersion).toBe(2);

    const program = (await citizen.get(`/api/requests/${firstRequest}/program`)).json() as {
      version: number;
      questionSet: QuestionSet;
    };
    expect(program.version).toBe(1);
    expect(program.questionSet.steps[0]!.questions[0]!.label.en).toBe('Revenue in 2025');
    const versions = (await adminA.get(`${BASE}/${programId}/versions`)).json() as ProgramVersions;
    expect(versions.items.map((v) => [v.version, v.live, v.requestCount])).toEqual([
      [2, true, 0],
      [1, false, 2],
    ]);
    const v2diff = (await adminA.get(`${BASE}/${programId}/versions/2/diff`)).json() as ProgramDiff;
    expect(v2diff).toMatchObject({ from: 1, to: 2 });
    expect(v2diff.changes.map((c) => c.path)).toEqual(['questionSet.revenueBefore.label']);
  });

  it('counts how many past requests each rule would have let through', async () => {
    const rules = [
      {
        kind: 'percentDrop' as const,
        beforeQuestionId: 'revenueBefore',
        afterQuestionId: 'revenueAfter',
        atLeastPercent: 20,
        reason: { en: 'Revenue did not fall enough', es: 'Los ingresos no bajaron lo suficiente' },
      },
      {
        kind: 'withinLast' as const,
        questionId: 'paidOn',
        months: 1,
        reason: { en: 'Too old', es: 'Demasiado antigua' },
      },
      {
        questionId: 'revenueBefore',
        op: 'gte' as const,
        value: 5_000_000,
        reason: { en: 'Too small', es: 'Demasiado pequeño' },
      },
    ];
    const res = await adminA.post(`${BASE}/${programId}/eligibility-preview`, { rules });
    expect(res.statusCode, res.body).toBe(200);
    const preview = res.json() as EligibilityPreview;
    expect(preview.totalRequests).toBe(2);
    expect(preview.rules.map((r) => [r.passed, r.failed])).toEqual([
      [1, 1],
      [1, 1],
      [2, 0],
    ]);
    expect(preview.passedAll).toBe(1);
    expect(preview.rules[0]!.text.en).toBe(
      '“Revenue in 2026” is at least 20 % lower than “Revenue in the year before the storm”',
    );
    // By default the draft's own rules (permit fee within 12 months, only for those who paid one).
    const own = (
      await adminA.post(`${BASE}/${programId}/eligibility-preview`, {})
    ).json() as EligibilityPreview;
    expect(own.rules).toHaveLength(1);
    expect(own.rules[0]).toMatchObject({ passed: 2, failed: 0 });
    expect(secondRequest).toBeTruthy();
  });

  it("puts the program's own ACH entry description in its batch header; other programs keep the agency's", async () => {
    const db = t.db.kysely;
    const applicantId = t.citizenId;
    const storm = await insertApprovedPayment(db, t.config, {
      applicantId,
      programId,
      amountCents: 250_00,
    });
    const energy = await insertApprovedPayment(db, t.config, {
      applicantId,
      programId: t.programId('home-energy-rebate'),
      amountCents: 40_00,
    });
    const finance = await t.signIn('finance');
    const built = await finance.post('/api/batches', {
      paymentIds: [storm.paymentId, energy.paymentId],
    });
    expect(built.statusCode, built.body).toBe(201);
    const stored = await rowById(db, 'ach_batches', (built.json() as { id: string }).id);
    const file = parseFile(open(t.config, stored.file_enc)).file;
    const descriptions = Object.fromEntries(
      file.batches.map((b) => [
        (b.header.companyDiscretionaryData ?? '').trim(),
        b.header.companyEntryDescription.trim(),
      ]),
    );
    expect(descriptions).toEqual({ 'STORM-RELIEF': 'STORM AID', 'HOME-ENERGY-REBATE': 'BENEFIT' });
    expect(
      (await finance.post(`/api/batches/${(built.json() as { id: string }).id}/cancel`)).statusCode,
    ).toBe(200);
  });

  it('reverts to an earlier version as a new one, through the same approval', async () => {
    const live = await adminA.post(`${BASE}/${programId}/revert`, {
      version: 2,
      changeSummary: 'No-op',
    });
    expect(live.statusCode).toBe(409);
    const res = await adminA.post(`${BASE}/${programId}/revert`, {
      version: 1,
      changeSummary: 'Back to the first wording',
    });
    expect(res.statusCode, res.body).toBe(200);
    const pending = (res.json() as AdminProgram).pendingPublishRequest;
    expect(pending).toMatchObject({ kind: 'revert', revertToVersion: 1 });
    expect(
      (await adminA.post(`${BASE}/${programId}/publish-requests/approve`, {})).statusCode,
    ).toBe(403);
    const approved = await adminB.post(`${BASE}/${programId}/publish-requests/approve`, {});
    expect(approved.statusCode, approved.body).toBe(200);
    expect((approved.json() as AdminProgram).liveVersion).toBe(3);
    const page = (await t.app.inject({ url: `/api/programs/${SLUG}` })).json() as {
      version: number;
      questionSet: QuestionSet;
    };
    expect(page.version).toBe(3);
    expect(page.questionSet.steps[0]!.questions[0]!.label.en).toBe('Revenue in 2025');
    const request = await rowById(t.db.kysely, 'requests', firstRequest);
    expect(request.program_version).toBe(1);
  });

  it('closes, opens and archives a live program, each audited', async () => {
    const closed = await adminA.post(`${BASE}/${programId}/close`, {});
    expect(closed.statusCode, closed.body).toBe(200);
    expect((closed.json() as AdminProgram).window).toBe('closed');
    expect((await catalog()).items.find((p) => p.slug === SLUG)?.acceptingApplications).toBe(false);
    // A later publish is made from the draft: it took the dates, so the program stays closed.
    expect((closed.json() as AdminProgram).draft.closesAt).toBe(addDays(today, -1));
    const reworded = (await getProgram()).draft;
    expect(
      (
        await putDraft({
          ...reworded,
          description: { en: 'Grants after the storm (closed).', es: reworded.description.es },
        })
      ).statusCode,
    ).toBe(200);
    await publishVersion('Say it is closed');
    expect((await catalog()).items.find((p) => p.slug === SLUG)?.acceptingApplications).toBe(false);

    const past = await adminA.post(`${BASE}/${programId}/open`, { closesAt: addDays(today, -1) });
    expect(past.statusCode).toBe(400);
    expect((past.json() as { code: string }).code).toBe('program.closes_before_today');
    const opened = await adminA.post(`${BASE}/${programId}/open`, { closesAt: addDays(today, 10) });
    expect(opened.statusCode, opened.body).toBe(200);
    expect((await catalog()).items.find((p) => p.slug === SLUG)?.acceptingApplications).toBe(true);
    expect((opened.json() as AdminProgram).draft).toMatchObject({
      opensAt: today,
      closesAt: addDays(today, 10),
    });

    const archived = await adminA.post(`${BASE}/${programId}/archive`, {});
    expect(archived.statusCode, archived.body).toBe(200);
    expect((archived.json() as AdminProgram).status).toBe('archived');
    expect((await catalog()).items.map((p) => p.slug)).not.toContain(SLUG);
    const edit = await putDraft(fullDraft((await getProgram()).draft));
    expect(edit.statusCode).toBe(409);

    const actions = await t.db.kysely
      .selectFrom('audit_log')
      .select('action')
      .where('entity_type', '=', 'program')
      .where('entity_id', '=', programId)
      .orderBy('id')
      .execute();
    expect(new Set(actions.map((a) => a.action))).toEqual(
      new Set([
        'program.created',
        'program.draft_saved',
        'program.publish_requested',
        'program.published',
        'program.closed',
        'program.opened',
        'program.archived',
      ]),
    );
  });
});

describe('when the agency switches the second approval off', () => {
  it('publishes on the first administrator’s request, and says so in the audit', async () => {
    const { updatedAt, updatedBy, timeZone, ...values } = (
      await adminA.get('/api/admin/settings')
    ).json() as Record<string, unknown>;
    void updatedAt;
    void updatedBy;
    void timeZone;
    const off = await adminA.request('PUT', '/api/admin/settings', {
      ...values,
      publishNeedsSecondApproval: false,
    });
    expect(off.statusCode, off.body).toBe(200);

    const created = await adminA.post(BASE, {
      slug: 'solo-relief',
      name: { en: 'Solo relief', es: 'Ayuda única' },
      payeeType: 'business',
      maxAmountCents: 500_000,
    });
    expect(created.statusCode, created.body).toBe(201);
    programId = (created.json() as AdminProgram).id;
    const before = await getProgram();
    expect(before.publishNeedsSecondApproval).toBe(false);
    const draft = { ...fullDraft(before.draft), slug: 'solo-relief' };
    expect((await putDraft(draft)).statusCode).toBe(200);
    const res = await adminA.post(`${BASE}/${programId}/publish-requests`, {
      changeSummary: 'First version',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json() as AdminProgram).toMatchObject({ status: 'live', liveVersion: 1 });
    const versions = (await adminA.get(`${BASE}/${programId}/versions`)).json() as ProgramVersions;
    expect(versions.items[0]).toMatchObject({
      approvedBy: null,
      publishedBy: { name: 'Adrian Admin' },
    });
    expect((await catalog()).items.map((p) => p.slug)).toContain('solo-relief');
  });
});
