import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { RuleEvaluationList, RuleVersionBody } from '@hms/contracts/decision-rules';
import { rule } from '@hms/contracts/decision-rules.test-helper';
import { registerCitizen, useTestApp, userIdByEmail, type Agent } from '../../testing/test-app.ts';
import { submitPermitRefund, trySubmit } from '../../testing/applying.ts';
import { requestSteps } from '../../testing/rows.ts';
import { cleanRefundInputs, decisionRulesUrl, publishRules } from './rules.test-helper.ts';

// Decision rules at submission (issue 14): every submission is evaluated and the evaluation kept; a rule's approval
// is a decision like any other (one payment, the history names the rule, the citizen is told), and never happens
// with automation off, above the approval threshold or for a staff applicant; refer_senior leaves the request to
// senior approvers only.

const t = useTestApp();
const SLUG = 'permit-fee-refund'; // approval threshold $1,000.00, maximum $1,500.00
const rulesUrl = () => decisionRulesUrl(t, SLUG);

const inputs = cleanRefundInputs();
const rules: RuleVersionBody = {
  rules: [
    rule('overcharged', 'Overcharges go to a senior approver', 'refer_senior', {
      on: 'answer',
      questionId: 'refundReason',
      op: 'eq',
      value: 'overcharged',
    }),
    rule('returned-before', 'A payment came back before', 'refer', {
      on: 'returned_payments',
      op: 'gt',
      value: 0,
    }),
    rule(
      'routine',
      'Routine refunds without risk',
      'approve',
      { on: 'amount', op: 'lte', value: 140_000 },
      { on: 'risk_level', op: 'lte', value: 'low' },
    ),
  ],
  testCases: [
    { name: 'routine', inputs, expected: 'approve' },
    {
      name: 'overcharged',
      inputs: { ...inputs, answers: { refundReason: 'overcharged' } },
      expected: 'refer_senior',
    },
    { name: 'risky', inputs: { ...inputs, riskLevel: 'high' }, expected: 'none' },
  ],
};

let citizens = 0;
/** A new citizen (own bank account, so no risk signal joins their requests) submits a permit refund. */
async function submitRefund(
  o: { dollars?: string; reason?: string; agent?: Agent } = {},
): Promise<{ id: string; status: string; agent: Agent; key: string }> {
  citizens += 1;
  const agent =
    o.agent ??
    (await registerCitizen(t, `rules-${citizens}-${randomUUID().slice(0, 6)}@example.com`));
  const { id, key, submitted } = await submitPermitRefund(agent, {
    permitNumber: `BP-2026-${String(10_000 + citizens)}`,
    datePaid: '2026-10-03',
    amountPaid: o.dollars ?? '250',
    refundReason: o.reason ?? 'duplicate',
    holderName: 'Rule Person',
    accountNumber: String(40_000_000 + citizens * 7919),
  });
  return { id, status: submitted.status, agent, key };
}

const evaluations = async (agent: Agent, id: string) => {
  const res = await agent.get(`/api/requests/${id}/rule-evaluations`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<RuleEvaluationList>().items;
};
const paymentsOf = (id: string) =>
  t.db.kysely.selectFrom('payments').selectAll().where('request_id', '=', id).execute();
let submissions = 0;
async function submitCounted(o: Parameters<typeof submitRefund>[0] = {}) {
  submissions += 1;
  return submitRefund(o);
}

const admin = t.signedIn('admin');
const approver = t.signedIn('approver');
const senior = t.signedIn('senior');
let versionId: string;

describe('decision rules at submission', () => {
  it('records an evaluation with no version when the program has no live rules, and a person decides', async () => {
    const r = await submitCounted();
    expect(r.status).toBe('submitted');
    expect(await evaluations(approver, r.id)).toMatchObject([
      {
        ruleVersionId: null,
        rulePosition: null,
        outcome: 'none',
        effect: 'person_decides',
        heldBack: null,
      },
    ]);
    versionId = (await publishRules(admin, rulesUrl(), rules)).id;
  });

  it('automation off (the default): the approve rule fires but a person decides', async () => {
    const r = await submitCounted();
    expect(r.status).toBe('submitted');
    expect(await evaluations(approver, r.id)).toMatchObject([
      {
        ruleVersion: 1,
        rulePosition: 3,
        ruleId: 'routine',
        outcome: 'approve',
        effect: 'person_decides',
        heldBack: 'automation_off',
      },
    ]);
    expect(await paymentsOf(r.id)).toEqual([]);
  });

  it('approves a qualifying request at submission: one payment, the rule in the history, the citizen told', async () => {
    expect(
      (await admin.request('PUT', `${rulesUrl()}/automation`, { enabled: true })).statusCode,
    ).toBe(200);
    const r = await submitCounted();
    expect(r.status).toBe('approved');

    const pays = await paymentsOf(r.id);
    expect(pays).toHaveLength(1);
    expect(pays[0]).toMatchObject({ amount_cents: 25_000, status: 'pending' });

    const decision = await t.db.kysely
      .selectFrom('decisions')
      .selectAll()
      .where('request_id', '=', r.id)
      .execute();
    expect(decision).toMatchObject([
      {
        kind: 'approve',
        actor_id: null,
        rule_version_id: versionId,
        rule_id: 'routine',
        rule_position: 3,
        to_status: 'approved',
        payment_id: pays[0]!.id,
      },
    ]);
    const events = await requestSteps(t.db.kysely, r.id, 'approved');
    expect(events).toMatchObject([
      {
        actor_kind: 'system',
        actor_id: null,
        visible_to_applicant: true,
        data: {
          reason: 'Decided by rule 3 of version 1 of the decision rules',
          reasonEs: 'Decidida por la regla 3 de la versión 1 de las reglas de decisión',
          byRule: {
            version: 1,
            position: 3,
            ruleId: 'routine',
            label: 'Routine refunds without risk',
          },
        },
      },
    ]);
    const notes = await t.db.kysely
      .selectFrom('notifications')
      .select('event_id')
      .where('request_id', '=', r.id)
      .execute();
    expect(notes.map((n) => n.event_id)).toContain(events[0]!.id);
    const audit = await t.db.kysely
      .selectFrom('audit_log')
      .select(['action', 'actor_kind'])
      .where('entity_id', 'in', [r.id, pays[0]!.id])
      .where('action', 'in', ['request.decision.approve', 'payment.create'])
      .execute();
    expect(audit).toEqual(
      expect.arrayContaining([
        { action: 'request.decision.approve', actor_kind: 'system' },
        { action: 'payment.create', actor_kind: 'system' },
      ]),
    );
    expect(await evaluations(admin, r.id)).toMatchObject([
      {
        ruleVersionId: versionId,
        rulePosition: 3,
        outcome: 'approve',
        effect: 'approved',
        heldBack: null,
        inputs: { amountCents: 25_000, riskLevel: 'none', approvedRequests: 0, prenote: 'none' },
      },
    ]);

    // The citizen sees the approval and the rule that made it; a retry of the submission changes nothing.
    const mine = await r.agent.get(`/api/requests/${r.id}`);
    expect(mine.json()).toMatchObject({ status: 'approved' });
    expect(JSON.stringify(mine.json().timeline)).toContain('Decided by rule 3 of version 1');
    const again = await trySubmit(r.agent, r.id, r.key);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ status: 'approved' });
    expect(await paymentsOf(r.id)).toHaveLength(1);
    expect(await evaluations(admin, r.id)).toHaveLength(1);

    // The applicant's next request reads the approval in their history.
    const next = await submitCounted({ agent: r.agent });
    expect((await evaluations(admin, next.id))[0]!.inputs.approvedRequests).toBe(1);
  });

  it('an automated approval is drawn into the quality sample with its own share, naming the rule', async () => {
    const shares = await admin.request('PUT', `/api/quality/shares/${t.programId(SLUG)}`, {
      humanShareBasisPoints: 0,
      automatedShareBasisPoints: 10_000,
    });
    expect(shares.statusCode, shares.body).toBe(200);
    const r = await submitCounted();
    expect(r.status).toBe('approved');
    const samples = await t.db.kysely
      .selectFrom('quality_samples')
      .select(['source', 'decider_id', 'rule_version_id', 'rule_id', 'rule_position'])
      .where('request_id', '=', r.id)
      .execute();
    expect(samples).toEqual([
      {
        source: 'automated',
        decider_id: null,
        rule_version_id: versionId,
        rule_id: 'routine',
        rule_position: 3,
      },
    ]);
    await admin.request('PUT', `/api/quality/shares/${t.programId(SLUG)}`, {
      humanShareBasisPoints: 0,
      automatedShareBasisPoints: 0,
    });
  });

  it('above the approval threshold a person decides, even when the rule says approve', async () => {
    const r = await submitCounted({ dollars: '1200' });
    expect(r.status).toBe('submitted');
    expect(await evaluations(approver, r.id)).toMatchObject([
      {
        rulePosition: 3,
        outcome: 'approve',
        effect: 'person_decides',
        heldBack: 'above_threshold',
      },
    ]);
    expect(await paymentsOf(r.id)).toEqual([]);
  });

  it('a staff applicant is always left to a person', async () => {
    const email = `staff-applicant-${randomUUID().slice(0, 6)}@example.com`;
    const agent = await registerCitizen(t, email);
    await t.db.kysely
      .insertInto('user_roles')
      .values({ user_id: await userIdByEmail(t.db.kysely, email), role: 'finance' })
      .execute();
    const r = await submitCounted({ agent });
    expect(r.status).toBe('submitted');
    expect(await evaluations(approver, r.id)).toMatchObject([
      { outcome: 'approve', effect: 'person_decides', heldBack: 'staff_applicant' },
    ]);
  });

  it('switching automation off takes effect at the next submission', async () => {
    await admin.request('PUT', `${rulesUrl()}/automation`, { enabled: false });
    const r = await submitCounted();
    expect(r.status).toBe('submitted');
    expect((await evaluations(approver, r.id))[0]!.heldBack).toBe('automation_off');
    await admin.request('PUT', `${rulesUrl()}/automation`, { enabled: true });
  });

  it('refer_senior: an approver may not take or decide it, a senior approver may', async () => {
    const r = await submitCounted({ reason: 'overcharged' });
    expect(r.status).toBe('submitted');
    expect(await evaluations(approver, r.id)).toMatchObject([
      {
        rulePosition: 1,
        ruleId: 'overcharged',
        outcome: 'refer_senior',
        effect: 'referred_senior',
      },
    ]);
    const seen = await approver.get(`/api/review/${r.id}`);
    expect(seen.json().allowedActions).not.toContain('claim');
    // Said on the review and the inbox row, so a senior's reassignment offers senior approvers only.
    expect(seen.json().referredToSenior).toBe(true);
    const rows = await senior.get(`/api/inbox?queue=unassigned&limit=100`);
    const row = rows.json<{ items: Array<{ id: string }> }>().items.find((i) => i.id === r.id);
    expect(row).toMatchObject({ referredToSenior: true });
    const claim = await approver.post(`/api/requests/${r.id}/claim`);
    expect(claim.statusCode).toBe(403);
    expect(claim.json()).toMatchObject({ code: 'request.referred_to_senior' });
    const toApprover = await senior.post(`/api/requests/${r.id}/assignment`, {
      assigneeId: t.userId('approver'),
    });
    expect(toApprover.statusCode).toBe(400);

    expect((await senior.post(`/api/requests/${r.id}/claim`)).statusCode).toBe(200);
    const version = (await senior.get(`/api/review/${r.id}`)).json().version as number;
    const approved = await senior.post(`/api/requests/${r.id}/decisions`, {
      kind: 'approve',
      version,
    });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ status: 'approved' });
    expect(await paymentsOf(r.id)).toHaveLength(1);
  });

  it('keeps one evaluation for every submission, and only reviewers read them', async () => {
    const count = await t.db.kysely
      .selectFrom('rule_evaluations')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('program_id', '=', t.programId(SLUG))
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(submissions);
    const any = await t.db.kysely
      .selectFrom('rule_evaluations')
      .select('request_id')
      .executeTakeFirstOrThrow();
    for (const who of ['citizen', 'finance', 'supervisor'] as const)
      expect(
        (await (await t.signIn(who)).get(`/api/requests/${any.request_id}/rule-evaluations`))
          .statusCode,
      ).toBe(403);
    expect((await senior.get(`/api/requests/${any.request_id}/rule-evaluations`)).statusCode).toBe(
      200,
    );
    expect((await approver.get(`/api/requests/${randomUUID()}/rule-evaluations`)).statusCode).toBe(
      404,
    );
  });
});
