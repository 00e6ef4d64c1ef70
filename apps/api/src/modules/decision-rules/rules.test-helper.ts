import { expect } from 'vitest';
import type { RuleInputs, RuleVersion, RuleVersionBody } from '@hms/contracts/decision-rules';
import { ruleInputs } from '@hms/contracts/decision-rules.test-helper';
import type { Agent, DemoProgram, TestHarness } from '../../testing/test-app.ts';

/**
 * What the rules read of a clean permit refund (a test case's inputs): $250 asked back for a duplicate charge, and
 * nothing else to raise (`ruleInputs`). A test names what differs.
 */
export const cleanRefundInputs = (over: Partial<RuleInputs> = {}): RuleInputs =>
  ruleInputs({ answers: { refundReason: 'duplicate' }, ...over });

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
