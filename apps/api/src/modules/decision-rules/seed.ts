import type { Kysely } from 'kysely';
import type { RuleInputs, RuleVersionBody } from '@hms/contracts/decision-rules';
import type { Database } from '../../platform/db/schema.ts';
import * as service from './service.ts';

const clean: RuleInputs = {
  amountCents: 80_000,
  answers: {},
  eligible: true,
  riskLevel: 'none',
  approvedRequests: 0,
  returnedPayments: 0,
  prenote: 'none',
};

/**
 * The demo's decision rules (issue 14): the Home Energy Rebate approves small rebates with no risk at submission, so
 * someone trying HMS sees an automated approval; risky ones go to a senior approver, people whose payment came back
 * before to a person, and everything else (the larger rebates among them) to the queue.
 */
export const DEMO_RULES: RuleVersionBody = {
  rules: [
    {
      id: 'risky',
      label: 'Medium or high risk: a senior approver decides',
      conditions: [{ on: 'risk_level', op: 'gte', value: 'medium' }],
      outcome: 'refer_senior',
    },
    {
      id: 'returned-before',
      label: 'A payment to the applicant came back before: a person decides',
      conditions: [{ on: 'returned_payments', op: 'gt', value: 0 }],
      outcome: 'refer',
    },
    {
      id: 'small-clean',
      label: 'Rebates up to $1,000 with no or low risk: approve',
      conditions: [
        { on: 'amount', op: 'lte', value: 100_000 },
        { on: 'risk_level', op: 'lte', value: 'low' },
        { on: 'eligible', op: 'eq', value: true },
      ],
      outcome: 'approve',
    },
  ],
  testCases: [
    { name: 'A $800 rebate with no risk is approved', inputs: clean, expected: 'approve' },
    {
      name: 'A $1,000 rebate with low risk is approved',
      inputs: { ...clean, amountCents: 100_000, riskLevel: 'low' },
      expected: 'approve',
    },
    {
      name: 'A $1,500 rebate waits for a person',
      inputs: { ...clean, amountCents: 150_000 },
      expected: 'none',
    },
    {
      name: 'High risk goes to a senior approver',
      inputs: { ...clean, riskLevel: 'high' },
      expected: 'refer_senior',
    },
    {
      name: 'An earlier returned payment goes to a person',
      inputs: { ...clean, returnedPayments: 1 },
      expected: 'refer',
    },
  ],
};

/**
 * Gives the program its demo rules, live, with automation on, through this module's own steps (drafted, published
 * and switched on by the demo administrator, audited). Once: a program that has any rule version is left alone.
 */
export async function seedDecisionRulesDemo(
  db: Kysely<Database>,
  programId: string,
  adminId: string,
): Promise<boolean> {
  const { versions } = await service.listVersions(db, programId);
  if (versions.length > 0) return false;
  const admin = { id: adminId, ip: null };
  const draft = await service.createDraft(db, admin, programId, DEMO_RULES);
  await service.publish(db, admin, programId, draft.id);
  await service.setAutomation(db, admin, programId, true);
  return true;
}
