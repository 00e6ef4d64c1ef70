import type { Kysely, Transaction } from 'kysely';
import type {
  BulkApproveBody,
  BulkApproveResponse,
  DecisionBody,
  DecisionResponse,
} from '@hms/contracts/decisions';
import { formatCents } from '@hms/contracts/money';
import type { RequestStatus } from '@hms/contracts/requests';
import {
  actionRefusal,
  approvalAmountProblem,
  type ActionRefusal,
  type AmountProblem,
} from '@hms/contracts/request-rules';
import type { Database } from '../../platform/db/schema.ts';
import type { ErrorCode, ProblemParams } from '@hms/contracts/error-codes';
import { badRequest, conflict, forbidden, HttpProblem } from '../../platform/errors.ts';
import { appendAudit } from '../../platform/audit.ts';
import { latestRequestEvent, type RequestEventType } from '../../platform/request-events.ts';
import { recordRequestEvent } from '../notifications/service.ts';
import * as requests from '../applications/service.ts';
import * as payments from '../payments/service.ts';
import * as programs from '../programs/service.ts';
import * as quality from '../quality/service.ts';
import * as repo from './repo.ts';

export interface Actor {
  id: string;
  roles: readonly string[];
  ip?: string | null;
}

/**
 * The audit entry of a decision on request `r`, taken by a person (`decider`) or by a decision rule (null): which
 * request, at which version, from which status to which, and what `data` adds about this kind of decision.
 */
function auditDecision(
  trx: Transaction<Database>,
  r: { id: string; reference: string; version: number; status: RequestStatus },
  kind: DecisionBody['kind'],
  toStatus: RequestStatus,
  decider: Actor | null,
  data: Record<string, unknown>,
  at: Date | undefined,
) {
  return appendAudit(trx, {
    actorId: decider?.id ?? null,
    actorKind: decider ? 'user' : 'system',
    action: `request.decision.${kind}`,
    entityType: 'request',
    entityId: r.id,
    data: { reference: r.reference, atVersion: r.version, fromStatus: r.status, toStatus, ...data },
    ip: decider?.ip ?? null,
    at,
  });
}

const VERBS: Record<string, string> = {
  claimed: 'claimed it',
  released: 'released it',
  reassigned: 'reassigned it',
  first_approval: 'gave the first approval',
  approved: 'approved it',
  rejected: 'rejected it',
  info_requested: 'asked the citizen for information',
  info_provided: 'answered the question',
  withdrawn: 'withdrew it',
  comment: 'added a comment',
  risk_updated: 'recomputed its risk',
  account_updated: 'changed the bank account',
};

async function stale(
  trx: Transaction<Database>,
  r: { id: string; reference: string; status: RequestStatus; version: number },
  sent: number,
) {
  const e = await latestRequestEvent(trx, r.id);
  const who = e
    ? `${e.display_name ?? 'The system'} ${VERBS[e.type] ?? e.type.replace(/_/g, ' ')} at ${new Date(e.created_at).toISOString().slice(0, 16).replace('T', ' ')} UTC`
    : 'Someone changed it';
  return new HttpProblem(
    'request.stale_version',
    409,
    'Changed by someone else',
    `${r.reference} changed after you loaded it: ${who}. It is now ${r.status} (version ${r.version}; you sent version ${sent}). Reload the request, check the change, and decide again.`,
    {
      errors: [
        {
          field: 'body.version',
          message: `The request is at version ${r.version}; reload it and decide on the current version.`,
        },
      ],
      params: { reference: r.reference },
    },
  );
}

const amountError = (code: ErrorCode, message: string, params: ProblemParams) =>
  badRequest(code, message, [{ field: 'body.approvedAmountCents', message }], params);

/** The problem for each amount rule of request-rules (the form checks the same rules first, in the reader's words). */
function amountProblem(p: AmountProblem, amount: number, budgetOf: string) {
  const fmt = (c: number) => formatCents(c, 'en');
  const limit = fmt(p.limitCents ?? 0);
  switch (p.rule) {
    case 'whole_cents':
    case 'positive':
      return amountError(
        'validation.failed',
        'approvedAmountCents must be a whole number of cents, at least 1.',
        {
          amountCents: amount,
        },
      );
    case 'above_requested':
      return amountError(
        'decision.amount_above_requested',
        `approvedAmountCents (${fmt(amount)}) is more than the ${limit} requested; approve at most the requested amount.`,
        { amountCents: amount, limitCents: p.limitCents ?? 0 },
      );
    case 'above_first_approval':
      return amountError(
        'decision.amount_above_first_approval',
        `approvedAmountCents (${fmt(amount)}) is more than the ${limit} of the first approval; a second approval can confirm or lower it, not raise it.`,
        { amountCents: amount, limitCents: p.limitCents ?? 0 },
      );
    case 'above_program_max':
      return amountError(
        'decision.amount_above_program_max',
        `approvedAmountCents (${fmt(amount)}) is more than the program maximum of ${limit}; approve at most ${limit}.`,
        { amountCents: amount, limitCents: p.limitCents ?? 0 },
      );
    case 'above_budget':
      return amountError(
        'decision.amount_above_budget',
        `approvedAmountCents (${fmt(amount)}) is more than the ${limit} left in the budget of ${budgetOf}; approve at most ${limit} or ask finance to extend the budget.`,
        { amountCents: amount, limitCents: p.limitCents ?? 0 },
      );
  }
}

/** The problem for each refusal of request-rules, worded for the decider. */
function decisionRefusal(
  why: ActionRefusal,
  kind: DecisionBody['kind'],
  r: { reference: string; status: RequestStatus; assignee_name: string | null },
) {
  switch (why) {
    case 'role':
      return forbidden(
        'auth.role_required',
        'Only approvers and senior approvers decide on requests.',
      );
    case 'own_request':
      return forbidden(
        'request.own_request',
        `You applied for ${r.reference}, so you cannot decide on it. Another approver must.`,
      );
    case 'referred_to_senior':
      return forbidden(
        'request.referred_to_senior',
        `A decision rule referred ${r.reference} to a senior approver: only a senior approver can decide on it.`,
      );
    case 'needs_senior':
      return forbidden(
        'request.senior_only',
        `${r.reference} waits for a second approval: only a senior approver can decide on it now.`,
      );
    case 'first_approver':
      return forbidden(
        'request.second_approver_same',
        `You gave the first approval of ${r.reference}; the second approval must come from a different senior approver.`,
      );
    case 'held_by_other':
    case 'not_holder':
    case 'already_yours':
      return conflict(
        'request.held_by_other',
        `${r.reference} is claimed by ${r.assignee_name ?? 'someone else'}. Only the person who holds it can decide; ask a senior approver to reassign it.`,
        { reference: r.reference, holder: r.assignee_name ?? '' },
      );
    case 'status':
      if (kind === 'request_info')
        return conflict(
          'request.not_in_review',
          `${r.reference} is ${r.status}; you can ask the citizen for information only while it is in review.`,
          { reference: r.reference },
        );
      return conflict(
        'request.not_decidable',
        kind === 'reject'
          ? `${r.reference} is ${r.status}; only requests in review or awaiting a second approval can be rejected.`
          : `${r.reference} is ${r.status}; only requests in review or awaiting a second approval can be approved.`,
        { reference: r.reference },
      );
  }
}

/**
 * Records one decision on a request, with every rule enforced here (never only in a screen): the decider did not
 * apply for it, holds it (or it is unassigned), decides on the current version; approved amounts stay within the
 * request, the program maximum and the remaining budget; above the threshold the final approval is a second one by
 * a different senior approver. The final approval creates the payment in the same transaction. A retry of a
 * decision already recorded (same person, kind and version) answers with the recorded result and changes nothing.
 * `at` dates the decision in the past (the demo seed's history, seed-history.ts); real decisions leave it out.
 */
export async function decide(
  db: Kysely<Database>,
  requestId: string,
  body: DecisionBody,
  actor: Actor,
  at?: Date,
): Promise<DecisionResponse> {
  const now = () => at ?? new Date();
  return db.transaction().execute(async (trx) => {
    const r = await requests.lockForDecision(trx, requestId);
    if (!r) throw requests.staffRequestNotFound(requestId);
    const refusal = actionRefusal(
      body.kind,
      {
        status: r.status,
        applicantId: r.applicant_id,
        assigneeId: r.assigned_to,
        firstApproverId: r.first_approver_id,
        referredToSenior: r.referred_to_senior,
      },
      actor,
    );
    // Who the decider is never changes with the version; everything else is judged on the current version only,
    // after a retry of a recorded decision has been answered.
    if (refusal === 'own_request' || refusal === 'role')
      throw decisionRefusal(refusal, body.kind, r);

    if (body.version !== r.version) {
      const earlier =
        body.version < r.version ? await repo.decisionAt(trx, r.id, body.version) : undefined;
      if (earlier && earlier.actor_id === actor.id && earlier.kind === body.kind) {
        return {
          requestId: r.id,
          kind: earlier.kind,
          fromStatus: earlier.from_status,
          status: earlier.to_status,
          version: body.version + 1,
          approvedAmountCents:
            earlier.approved_amount_cents === null ? null : Number(earlier.approved_amount_cents),
          paymentId: earlier.payment_id,
          replayed: true,
        };
      }
      throw await stale(trx, r, body.version);
    }
    if (refusal) throw decisionRefusal(refusal, body.kind, r);

    const isSecond = r.status === 'awaiting_second_approval';
    let toStatus: RequestStatus;
    let eventType: RequestEventType;
    let approvedAmount: number | null = null;
    let set: Parameters<typeof requests.applyDecision>[3];
    let eventData: Record<string, unknown>;
    let decisionFields: { reason_code: string | null; message: string | null } = {
      reason_code: null,
      message: null,
    };

    if (body.kind === 'request_info') {
      toStatus = 'needs_info';
      eventType = 'info_requested';
      set = { status: toStatus, assigned_to: r.assigned_to ?? actor.id, info_answered_at: null };
      eventData = { question: body.question };
      decisionFields = { reason_code: null, message: body.question };
    } else if (body.kind === 'reject') {
      toStatus = 'rejected';
      eventType = 'rejected';
      set = { status: toStatus, decided_at: now(), assigned_to: null, info_answered_at: null };
      eventData = { reasonCode: body.reasonCode, messageToApplicant: body.messageToApplicant };
      decisionFields = { reason_code: body.reasonCode, message: body.messageToApplicant };
    } else {
      const p = await programs.lockProgramBudget(trx, r.program_id, r.id);
      const amount =
        body.approvedAmountCents ??
        (isSecond ? r.approved_amount_cents : null) ??
        r.amount_requested_cents;
      const problem = approvalAmountProblem(amount, {
        requestedCents: r.amount_requested_cents,
        firstApprovalCents: isSecond ? r.approved_amount_cents : null,
        programMaxCents: p.maxAmountCents,
        remainingBudgetCents: p.budgetCents - p.committedCents,
      });
      if (problem) throw amountProblem(problem, amount, p.name);
      approvedAmount = amount;
      if (!isSecond && amount > p.thresholdCents) {
        toStatus = 'awaiting_second_approval';
        eventType = 'first_approval';
        // Handed back to the pool: any other senior approver may take the second approval.
        set = {
          status: toStatus,
          approved_amount_cents: amount,
          first_approver_id: actor.id,
          assigned_to: null,
          info_answered_at: null,
        };
        eventData = { amountCents: amount, thresholdCents: p.thresholdCents };
      } else {
        if (!r.payee_account_id)
          throw conflict(
            'request.no_payee_account',
            `${r.reference} has no payee bank account, so no payment can be created. Ask the citizen for their bank account (request information) before approving.`,
          );
        toStatus = 'approved';
        eventType = 'approved';
        set = {
          status: toStatus,
          approved_amount_cents: amount,
          decided_at: now(),
          assigned_to: null,
          info_answered_at: null,
        };
        eventData = { amountCents: amount, ...(isSecond ? { secondApproval: true } : {}) };
      }
    }

    const updated = await requests.applyDecision(trx, r.id, r.version, set);
    if (!updated) throw await stale(trx, r, body.version);

    const paymentId =
      toStatus === 'approved' && approvedAmount !== null && r.payee_account_id
        ? await payments.createApprovedPayment(
            trx,
            {
              requestId: r.id,
              reference: r.reference,
              payeeAccountId: r.payee_account_id,
              amountCents: approvedAmount,
            },
            actor,
            at,
          )
        : null;

    const decisionId = await repo.insertDecision(trx, {
      request_id: r.id,
      kind: body.kind,
      actor_id: actor.id,
      at_version: r.version,
      from_status: r.status,
      to_status: toStatus,
      approved_amount_cents: approvedAmount,
      payment_id: paymentId,
      ...decisionFields,
      ...(at ? { created_at: at } : {}),
    });
    await quality.drawForDecision(trx, {
      decisionId,
      requestId: r.id,
      programId: r.program_id,
      kind: body.kind,
      toStatus,
      approvedAmountCents: approvedAmount,
      deciderId: actor.id,
      firstApproverId: isSecond ? r.first_approver_id : null,
      ...(at ? { at } : {}),
    });
    await recordRequestEvent(trx, {
      requestId: r.id,
      type: eventType,
      actor: { id: actor.id, kind: 'user' },
      fromStatus: r.status,
      toStatus,
      data: { ...eventData, ...(paymentId ? { paymentId } : {}) },
      visibleToApplicant: eventType !== 'first_approval',
      at,
    });
    await auditDecision(trx, r, body.kind, toStatus, actor, { ...eventData, paymentId }, at);
    return {
      requestId: r.id,
      kind: body.kind,
      fromStatus: r.status,
      status: toStatus,
      version: updated.version,
      approvedAmountCents: approvedAmount,
      paymentId,
      replayed: false,
    };
  });
}

/** The rule that approves a request (issue 14): its version and its place in it, as they were. */
export interface ApprovingRule {
  versionId: string;
  version: number;
  ruleId: string;
  position: number;
  label: string;
}

/** Why a rule's approval was left to a person after all. */
export type RuleApprovalHeldBack = 'above_threshold' | 'no_budget' | 'no_payee_account';

/** "Decided by rule N of version V", in both languages: the step in the request's history. */
export const decidedByRuleText = (rule: Pick<ApprovingRule, 'version' | 'position'>) => ({
  en: `Decided by rule ${rule.position} of version ${rule.version} of the decision rules`,
  es: `Decidida por la regla ${rule.position} de la versión ${rule.version} de las reglas de decisión`,
});

/**
 * A decision rule approves a request just submitted, in the submission's transaction (`trx`): a decision like any
 * other (the decision row, attributed to the rule; the payment, created once by the path human approvals use; the
 * request's step, which tells the citizen; the audit entry), at the amount requested. The amount rules still hold
 * (program maximum, budget left), and above the program's approval threshold a person always decides: then nothing
 * changes and the reason is returned. The caller has checked that automation is on and the applicant is not staff.
 */
export async function approveByRule(
  trx: Transaction<Database>,
  requestId: string,
  rule: ApprovingRule,
  at?: Date,
): Promise<
  | { approved: true; paymentId: string; version: number }
  | { approved: false; heldBack: RuleApprovalHeldBack }
> {
  const r = await requests.lockForDecision(trx, requestId);
  if (!r) throw new Error(`approveByRule: no request ${requestId}`);
  if (r.status !== 'submitted' || r.assigned_to)
    throw new Error(`approveByRule: ${r.reference} is ${r.status}, not freshly submitted`);
  const p = await programs.lockProgramBudget(trx, r.program_id, r.id);
  const amount = r.amount_requested_cents;
  if (amount > p.thresholdCents) return { approved: false, heldBack: 'above_threshold' };
  if (!r.payee_account_id) return { approved: false, heldBack: 'no_payee_account' };
  const problem = approvalAmountProblem(amount, {
    requestedCents: amount,
    firstApprovalCents: null,
    programMaxCents: p.maxAmountCents,
    remainingBudgetCents: p.budgetCents - p.committedCents,
  });
  if (problem) return { approved: false, heldBack: 'no_budget' };

  const when = at ?? new Date();
  const updated = await requests.applyDecision(trx, r.id, r.version, {
    status: 'approved',
    approved_amount_cents: amount,
    decided_at: when,
    assigned_to: null,
    info_answered_at: null,
  });
  if (!updated) throw new Error(`approveByRule: ${r.reference} changed under its submission`);
  const paymentId = await payments.createApprovedPayment(
    trx,
    {
      requestId: r.id,
      reference: r.reference,
      payeeAccountId: r.payee_account_id,
      amountCents: amount,
    },
    { id: null },
    at,
  );
  const byRule = {
    versionId: rule.versionId,
    version: rule.version,
    ruleId: rule.ruleId,
    position: rule.position,
    label: rule.label,
  };
  const decisionId = await repo.insertDecision(trx, {
    request_id: r.id,
    kind: 'approve',
    actor_id: null,
    rule_version_id: rule.versionId,
    rule_id: rule.ruleId,
    rule_position: rule.position,
    at_version: r.version,
    from_status: r.status,
    to_status: 'approved',
    approved_amount_cents: amount,
    payment_id: paymentId,
    reason_code: null,
    message: null,
    ...(at ? { created_at: at } : {}),
  });
  // Automated approvals are sampled for the quality check like people's decisions (their own share).
  await quality.drawForDecision(trx, {
    decisionId,
    requestId: r.id,
    programId: r.program_id,
    kind: 'approve',
    toStatus: 'approved',
    approvedAmountCents: amount,
    deciderId: null,
    rule: byRule,
    ...(at ? { at } : {}),
  });
  const text = decidedByRuleText(rule);
  await recordRequestEvent(trx, {
    requestId: r.id,
    type: 'approved',
    actor: { id: null, kind: 'system' },
    fromStatus: r.status,
    toStatus: 'approved',
    // reason/reasonEs: the words the citizen's timeline shows under the step.
    data: { amountCents: amount, byRule, reason: text.en, reasonEs: text.es, paymentId },
    visibleToApplicant: true,
    at,
  });
  await auditDecision(
    trx,
    r,
    'approve',
    'approved',
    null,
    { amountCents: amount, byRule, paymentId },
    at,
  );
  return { approved: true, paymentId, version: updated.version };
}

/** Approves each listed request in its own transaction, so one refusal never undoes the others; reports each. */
export async function bulkApprove(
  db: Kysely<Database>,
  body: BulkApproveBody,
  actor: Actor,
): Promise<BulkApproveResponse> {
  const results: BulkApproveResponse['results'] = [];
  for (const item of body.items) {
    try {
      const decision = await decide(
        db,
        item.requestId,
        {
          kind: 'approve',
          version: item.version,
          ...(item.approvedAmountCents ? { approvedAmountCents: item.approvedAmountCents } : {}),
        },
        actor,
      );
      results.push({ requestId: item.requestId, ok: true, status: 200, decision });
    } catch (err) {
      if (!(err instanceof HttpProblem)) throw err;
      results.push({ requestId: item.requestId, ok: false, status: err.status, error: err.detail });
    }
  }
  return { results };
}

/** Practice space: clearing the practice data deletes the decisions on practice requests (practice module). */
export const deleteDecisionsOfRequests = repo.deleteOfRequests;
