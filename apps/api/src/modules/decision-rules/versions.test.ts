import { describe, expect, it } from 'vitest';
import type { RuleVersion, RuleVersionBody, RuleVersionList } from '@hms/contracts/decision-rules';
import { approveSmallWithoutRisk, rule } from '@hms/contracts/decision-rules.test-helper';
import { useTestApp, type Agent } from '../../testing/test-app.ts';
import { cleanRefundInputs, decisionRulesUrl } from './rules.test-helper.ts';

// The administrator's side of decision rules: drafts, publishing behind passing test cases, the automation switch.

const t = useTestApp();
const base = () => decisionRulesUrl(t);
const put = (agent: Agent, url: string, body: unknown) => agent.request('PUT', url, body);

const inputs = cleanRefundInputs({ amountCents: 10_000, answers: {} });

const body: RuleVersionBody = {
  rules: [
    approveSmallWithoutRisk('small-clean', 'Small refunds without risk', 50_000),
    rule('risky', 'High risk to a senior', 'refer_senior', {
      on: 'risk_level',
      op: 'eq',
      value: 'high',
    }),
  ],
  testCases: [
    { name: 'small clean', inputs, expected: 'approve' },
    { name: 'high risk', inputs: { ...inputs, riskLevel: 'high' }, expected: 'refer_senior' },
    { name: 'large', inputs: { ...inputs, amountCents: 90_000 }, expected: 'none' },
  ],
};

describe('decision rule versions', () => {
  it('creates one draft at a time, saves it, and refuses to publish while a test case fails', async () => {
    const admin = await t.signIn('admin');
    const empty = await admin.get(base());
    expect(empty.statusCode).toBe(200);
    expect(empty.json<RuleVersionList>()).toMatchObject({
      versions: [],
      automation: { enabled: false, changedAt: null },
    });

    const wrong = { ...body, testCases: [{ ...body.testCases[2]!, expected: 'approve' }] };
    const created = await admin.post(`${base()}/versions`, wrong);
    expect(created.statusCode).toBe(201);
    const draft = created.json<RuleVersion>();
    expect(draft).toMatchObject({
      version: 1,
      status: 'draft',
      createdBy: { name: expect.any(String) },
    });

    const second = await admin.post(`${base()}/versions`, body);
    expect(second.statusCode).toBe(409);
    expect(second.json()).toMatchObject({
      code: 'decision_rules.draft_exists',
      params: { version: 1 },
    });

    const refused = await admin.post(`${base()}/versions/${draft.id}/publish`, {});
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({
      code: 'decision_rules.test_cases_failing',
      errors: [
        {
          field: 'testCases.0',
          message: expect.stringContaining('"large" expects approve but gets none'),
        },
      ],
    });

    const noCases = await put(admin, `${base()}/versions/${draft.id}`, { ...body, testCases: [] });
    expect(noCases.statusCode).toBe(200);
    const refusedEmpty = await admin.post(`${base()}/versions/${draft.id}/publish`, {});
    expect(refusedEmpty.statusCode).toBe(422);
    expect(refusedEmpty.json()).toMatchObject({ code: 'decision_rules.no_test_cases' });

    const unknownQuestion = await put(admin, `${base()}/versions/${draft.id}`, {
      ...body,
      rules: [
        ...body.rules,
        {
          id: 'typo',
          label: 'Reads a question the form lacks',
          conditions: [{ on: 'answer', questionId: 'noSuchQuestion', op: 'eq', value: 'x' }],
          outcome: 'refer',
        },
      ],
    });
    expect(unknownQuestion.statusCode).toBe(200);
    const refusedRules = await admin.post(`${base()}/versions/${draft.id}/publish`, {});
    expect(refusedRules.statusCode).toBe(422);
    expect(refusedRules.json()).toMatchObject({
      code: 'decision_rules.rule_errors',
      errors: [{ field: 'rules.2.conditions.0' }],
    });

    const still = await admin.get(`${base()}/versions/${draft.id}`);
    expect(still.json<RuleVersion>().status).toBe('draft');
  });

  it('publishes a draft whose test cases pass, retires the live one, audits, and never changes a published one', async () => {
    const admin = await t.signIn('admin');
    const list = (await admin.get(base())).json<RuleVersionList>();
    const draft = list.versions.find((v) => v.status === 'draft')!;
    expect((await put(admin, `${base()}/versions/${draft.id}`, body)).statusCode).toBe(200);
    const live = await admin.post(`${base()}/versions/${draft.id}/publish`, {});
    expect(live.statusCode, live.body).toBe(200);
    expect(live.json<RuleVersion>()).toMatchObject({
      status: 'live',
      publishedBy: { id: t.userId('admin') },
      rules: body.rules,
    });

    const frozen = await put(admin, `${base()}/versions/${draft.id}`, body);
    expect(frozen.statusCode).toBe(409);
    expect(frozen.json()).toMatchObject({ code: 'decision_rules.not_draft' });

    const next = (await admin.post(`${base()}/versions`, body)).json<RuleVersion>();
    expect(next.version).toBe(2);
    expect((await admin.post(`${base()}/versions/${next.id}/publish`, {})).statusCode).toBe(200);
    const after = (await admin.get(base())).json<RuleVersionList>();
    expect(after.versions.map((v) => [v.version, v.status])).toEqual([
      [2, 'live'],
      [1, 'retired'],
    ]);
    expect(after.versions[1]!.retiredAt).not.toBeNull();

    const audit = await t.db.kysely
      .selectFrom('audit_log')
      .select(['action', 'data'])
      .where('entity_id', '=', t.programId('permit-fee-refund'))
      .where('action', 'like', 'decision_rules.%')
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'decision_rules.draft_created',
      'decision_rules.draft_saved',
      'decision_rules.draft_saved',
      'decision_rules.draft_saved',
      'decision_rules.published',
      'decision_rules.draft_created',
      'decision_rules.published',
    ]);
  });

  it('switches automation on and off at once, audited, for admins only', async () => {
    const admin = await t.signIn('admin');
    const on = await put(admin, `${base()}/automation`, { enabled: true });
    expect(on.statusCode).toBe(200);
    expect(on.json()).toMatchObject({ enabled: true, changedBy: { id: t.userId('admin') } });
    expect((await admin.get(base())).json<RuleVersionList>().automation.enabled).toBe(true);
    const off = await put(admin, `${base()}/automation`, { enabled: false });
    expect(off.json()).toMatchObject({ enabled: false });

    for (const who of ['approver', 'senior', 'finance', 'citizen'] as const) {
      const agent = await t.signIn(who);
      expect((await agent.get(base())).statusCode).toBe(403);
      expect((await put(agent, `${base()}/automation`, { enabled: true })).statusCode).toBe(403);
      expect((await agent.post(`${base()}/versions`, body)).statusCode).toBe(403);
    }
  });

  it('answers 404 for an unknown program or version and 400 for a malformed rule', async () => {
    const admin = await t.signIn('admin');
    const unknown = await admin.get(
      '/api/admin/programs/0190a1b2-0000-7000-8000-000000000000/decision-rules',
    );
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ code: 'program.not_found' });
    const noVersion = await admin.get(`${base()}/versions/0190a1b2-0000-7000-8000-000000000000`);
    expect(noVersion.json()).toMatchObject({ code: 'decision_rules.version_not_found' });
    const malformed = await admin.post(`${base()}/versions`, {
      rules: [
        {
          id: 'x',
          label: 'x',
          conditions: [{ on: 'amount', op: 'in', value: 5 }],
          outcome: 'approve',
        },
      ],
      testCases: [],
    });
    expect(malformed.statusCode).toBe(400);
    const reject = await admin.post(`${base()}/versions`, {
      rules: [{ id: 'x', label: 'x', conditions: [], outcome: 'reject' }],
      testCases: [],
    });
    expect(reject.statusCode).toBe(400);
  });
});
