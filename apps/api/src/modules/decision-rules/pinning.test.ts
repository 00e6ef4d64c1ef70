import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type {
  RuleEvaluationList,
  RuleVersion,
  RuleVersionBody,
} from '@hms/contracts/decision-rules';
import { approveSmallWithoutRisk } from '@hms/contracts/decision-rules.test-helper';
import { registerCitizen, useTestApp, type Agent } from '../../testing/test-app.ts';
import { submitPermitRefund } from '../../testing/applying.ts';
import { cleanRefundInputs, decisionRulesUrl, publishRules } from './rules.test-helper.ts';

// Versions pinned to requests (issue 14): a request keeps the version of the rules it was evaluated under, in its
// evaluation and in the decision the rule made, after a later version goes live; the next submission reads the new one.

const t = useTestApp();
const SLUG = 'permit-fee-refund'; // approval threshold $1,000.00
const rulesUrl = () => decisionRulesUrl(t, SLUG);

const inputs = cleanRefundInputs();
/** One approving rule; versions differ in its id and label, so an attribution shows which version it came from. */
const version = (id: string, label: string): RuleVersionBody => ({
  rules: [approveSmallWithoutRisk(id, label, 140_000)],
  testCases: [
    { name: 'clean', inputs, expected: 'approve' },
    { name: 'risky', inputs: { ...inputs, riskLevel: 'high' }, expected: 'none' },
  ],
});

let citizens = 0;
/** A new citizen (own bank account, so no risk signal joins the request) submits a permit refund. */
async function submitRefund(
  dollars: string,
): Promise<{ id: string; status: string; agent: Agent }> {
  citizens += 1;
  const agent = await registerCitizen(
    t,
    `pinned-${citizens}-${randomUUID().slice(0, 6)}@example.com`,
  );
  const { id, submitted } = await submitPermitRefund(agent, {
    permitNumber: `BP-2026-${String(20_000 + citizens)}`,
    datePaid: '2026-10-03',
    amountPaid: dollars,
    reasonDetails: 'Charged twice.',
    holderName: 'Pinned Person',
    accountNumber: String(50_000_000 + citizens * 7919),
  });
  return { id, status: submitted.status, agent };
}

const admin = t.signedIn('admin');
const approver = t.signedIn('approver');
const evaluations = async (id: string) => {
  const res = await approver.get(`/api/requests/${id}/rule-evaluations`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<RuleEvaluationList>().items;
};
const ruleDecisions = (id: string) =>
  t.db.kysely
    .selectFrom('decisions')
    .select(['kind', 'rule_version_id', 'rule_id', 'rule_position'])
    .where('request_id', '=', id)
    .execute();
const timelineText = async (agent: Agent, id: string) =>
  JSON.stringify((await agent.get(`/api/requests/${id}`)).json().timeline);

const publish = (body: RuleVersionBody) => publishRules(admin, rulesUrl(), body);

describe('decision rule versions pinned to requests', () => {
  it('a request keeps the version it was evaluated under after a new one goes live; the next reads the new one', async () => {
    const v1 = await publish(version('routine-v1', 'Routine refunds (first version)'));
    expect(v1.version).toBe(1);
    const on = await admin.request('PUT', `${rulesUrl()}/automation`, { enabled: true });
    expect(on.statusCode, on.body).toBe(200);

    // Under version 1: one approved by its rule, one above the approval threshold left to a person.
    const approved = await submitRefund('250');
    expect(approved.status).toBe('approved');
    const waiting = await submitRefund('1200');
    expect(waiting.status).toBe('submitted');

    const v2 = await publish(version('routine-v2', 'Routine refunds (second version)'));
    expect(v2.version).toBe(2);
    const list = (await admin.get(rulesUrl())).json<{ versions: RuleVersion[] }>();
    expect(list.versions.map((v) => [v.version, v.status])).toEqual([
      [2, 'live'],
      [1, 'retired'],
    ]);

    // Read after version 2 is live: both still name version 1.
    expect(await evaluations(approved.id)).toMatchObject([
      { ruleVersionId: v1.id, ruleVersion: 1, ruleId: 'routine-v1', effect: 'approved' },
    ]);
    expect(await ruleDecisions(approved.id)).toEqual([
      { kind: 'approve', rule_version_id: v1.id, rule_id: 'routine-v1', rule_position: 1 },
    ]);
    const approvedHistory = await timelineText(approved.agent, approved.id);
    expect(approvedHistory).toContain('Decided by rule 1 of version 1 of the decision rules');
    expect(approvedHistory).not.toContain('version 2');
    expect(await evaluations(waiting.id)).toMatchObject([
      {
        ruleVersionId: v1.id,
        ruleVersion: 1,
        ruleId: 'routine-v1',
        effect: 'person_decides',
        heldBack: 'above_threshold',
      },
    ]);

    // Submitted after version 2 went live: evaluated and decided under version 2.
    const later = await submitRefund('250');
    expect(later.status).toBe('approved');
    expect(await evaluations(later.id)).toMatchObject([
      { ruleVersionId: v2.id, ruleVersion: 2, ruleId: 'routine-v2', effect: 'approved' },
    ]);
    expect(await ruleDecisions(later.id)).toEqual([
      { kind: 'approve', rule_version_id: v2.id, rule_id: 'routine-v2', rule_position: 1 },
    ]);
    expect(await timelineText(later.agent, later.id)).toContain(
      'Decided by rule 1 of version 2 of the decision rules',
    );
  });
});
