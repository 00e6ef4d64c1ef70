// Test-only (ESLint keeps *.test-helper files out of shipped code): the decision rules and rule inputs that the
// contracts, the API and the rules editor tests each write, in one place.
import type { DecisionRule, RuleCondition, RuleInputs, RuleOutcome } from './decision-rules.ts';

/**
 * What the rules read of a request that raises nothing (a test case's inputs): $250 asked, no answers, eligible, no
 * risk, the applicant's first request, no returned payment, no prenote. A test names what differs.
 */
export const ruleInputs = (over: Partial<RuleInputs> = {}): RuleInputs => ({
  amountCents: 25_000,
  answers: {},
  eligible: true,
  riskLevel: 'none',
  approvedRequests: 0,
  returnedPayments: 0,
  prenote: 'none',
  ...over,
});

/** A decision rule: what it is for, what it decides and the conditions that must all hold. */
export const rule = (
  id: string,
  label: string,
  outcome: RuleOutcome,
  ...conditions: RuleCondition[]
): DecisionRule => ({ id, label, conditions, outcome });

/**
 * The rule most rule tables start with: approve a request of at most `maxCents` that raises no risk at all. Its id
 * and label are the test's to name.
 */
export const approveSmallWithoutRisk = (
  id: string,
  label: string,
  maxCents: number,
): DecisionRule =>
  rule(
    id,
    label,
    'approve',
    { on: 'amount', op: 'lte', value: maxCents },
    { on: 'risk_level', op: 'eq', value: 'none' },
  );
