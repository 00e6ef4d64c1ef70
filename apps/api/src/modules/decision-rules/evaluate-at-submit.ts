import type { Transaction } from 'kysely';
import {
  decisionRuleSchema,
  evaluateRules,
  verdictOutcome,
  type RuleEvaluationEffect,
  type RuleHeldBack,
  type RuleInputs,
} from '@hms/contracts/decision-rules';
import type { RequestStatus } from '@hms/contracts/requests';
import { isStaffRole } from '@hms/contracts/staff-rules';
import type { Role } from '@hms/contracts/auth';
import type { Database } from '../../platform/db/schema.ts';
import type { SubmittedRequest } from '../applications/service.ts';
import * as applications from '../applications/service.ts';
import * as decisions from '../decisions/service.ts';
import * as payments from '../payments/service.ts';
import * as repo from './repo.ts';

type Trx = Transaction<Database>;

/** Everything the rules read about a request just submitted, each fact from its owner. */
async function gatherInputs(trx: Trx, r: SubmittedRequest): Promise<RuleInputs> {
  const [approvedRequests, returnedPayments, prenote] = await Promise.all([
    applications.approvedRequestsOfApplicant(trx, r.applicantId, r.requestId),
    payments.returnedPaymentsOfApplicant(trx, r.applicantId),
    payments.accountPrenoteState(trx, r.payeeAccountId),
  ]);
  return {
    amountCents: r.amountCents,
    answers: r.answers,
    eligible: r.eligible,
    riskLevel: r.riskLevel,
    approvedRequests,
    returnedPayments,
    prenote,
  };
}

const isStaff = (roles: readonly string[]) => roles.some((role) => isStaffRole(role as Role));

/**
 * Evaluates a request just submitted against its program's live decision rules, in the submission's transaction
 * (applications#submit's AfterSubmit), and records the evaluation whatever it finds (no live rules, no rule matched,
 * a rule fired). `approve` approves the request through the decisions module only when the program's automation is
 * on and the applicant holds no staff role; the decisions module further leaves it to a person above the program's
 * approval threshold or when the budget cannot take it. `refer_senior` marks the request so only a senior approver
 * may take or decide it. Automation never rejects. Answers the request's status afterwards.
 */
export async function evaluateAtSubmission(
  trx: Trx,
  r: SubmittedRequest,
  at?: Date,
): Promise<{ status: RequestStatus }> {
  const live = await repo.liveVersion(trx, r.programId);
  const inputs = await gatherInputs(trx, r);
  const rules = live ? decisionRuleSchema.array().parse(live.rules) : [];
  const verdict = evaluateRules(rules, inputs);
  const outcome = verdictOutcome(verdict);

  let effect: RuleEvaluationEffect = 'person_decides';
  let heldBack: RuleHeldBack | null = null;
  let status: RequestStatus = 'submitted';
  if (verdict && live && outcome === 'approve') {
    const automation = await repo.automationOf(trx, r.programId);
    if (!automation?.enabled) heldBack = 'automation_off';
    else if (isStaff(r.applicantRoles)) heldBack = 'staff_applicant';
    else {
      const approval = await decisions.approveByRule(
        trx,
        r.requestId,
        {
          versionId: live.id,
          version: live.version,
          ruleId: verdict.rule.id,
          position: verdict.position,
          label: verdict.rule.label,
        },
        at,
      );
      if (approval.approved) {
        effect = 'approved';
        status = 'approved';
      } else heldBack = approval.heldBack;
    }
  } else if (outcome === 'refer_senior') {
    effect = 'referred_senior';
    await applications.markReferredToSenior(trx, r.requestId);
  } else if (outcome === 'refer') effect = 'referred';

  await repo.insertEvaluation(trx, {
    request_id: r.requestId,
    program_id: r.programId,
    rule_version_id: live?.id ?? null,
    rule_position: verdict?.position ?? null,
    rule_id: verdict?.rule.id ?? null,
    rule_label: verdict?.rule.label ?? null,
    outcome,
    effect,
    held_back: heldBack,
    inputs,
    ...(at ? { evaluated_at: at } : {}),
  });
  return { status };
}
