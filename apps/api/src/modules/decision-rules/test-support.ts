import { expect } from 'vitest';
import type { RuleInputs, RuleVersion, RuleVersionBody } from '@hms/contracts/decision-rules';
import type { Agent, DemoProgram, TestHarness } from '../../testing/test-app.ts';

/**
 * What the rules read of a clean permit refund (a test case's inputs): $250 asked back for a duplicate charge,
 * eligible, no risk, the applicant's first request, no returned payment, no prenote. A test names what differs.
 */
export const cleanRefundInputs = (over: Partial<RuleInputs> = {}): RuleInputs => ({
  amountCents: 25_000,
  answers: { refundReason: 'duplicate' },
  eligible: true,
  riskLevel: 'none',
  approvedRequests: 0,
  returnedPayments: 0,
  prenote: 'none',
  ...over,
});

/** The administrator's decision rules of a demo program. */
export const decisionRulesUrl = (t: TestHarness, slug: DemoProgram = 'permit-fee-refund') =>
  `/api/admin/programs/${t.programId(slug)}/decision-rules`;

/** Saves the rules as a draft version and publishes it (its test cases must pass); returns the live version. */
export async function publishRules(
  admin: Agent,
  url: string,
  body: RuleVersionBody,
): Promise<RuleVersion> {
  const draft = await admin.post(`${url}/versions`, body);
  expect(draft.statusCode, draft.body).toBe(201);
  const live = await admin.post(`${url}/versions/${draft.json<RuleVersion>().id}/publish`, {});
  expect(live.statusCode, live.body).toBe(200);
  return live.json<RuleVersion>();
}
