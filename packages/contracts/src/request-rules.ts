import { z } from 'zod';
import type { RequestStatus } from './requests.ts';

/**
 * Who may do what on a request under review, decided once. The API services refuse with these rules and the review
 * detail and inbox send the allowed actions computed by them, so a screen never offers a button the API would
 * refuse. The table is DOMAIN.md's "who may do what" for the approvals part.
 */
export const requestActions = [
  'claim',
  'release',
  'approve',
  'reject',
  'request_info',
  'reassign',
  'comment',
] as const;
export const requestActionSchema = z.enum(requestActions);
export type RequestAction = z.infer<typeof requestActionSchema>;

/** What the rules need to know about the request. */
export interface RuleRequest {
  status: RequestStatus;
  applicantId: string;
  assigneeId: string | null;
  firstApproverId: string | null;
  /**
   * A decision rule referred the request to a senior approver (outcome `refer_senior`, issue 14): only a senior
   * approver may take it or decide on it. Absent means false.
   */
  referredToSenior?: boolean;
}

/** What the rules need to know about the person acting. */
export interface RuleActor {
  id: string;
  roles: readonly string[];
}

/**
 * Why an action is refused. The API turns each into its problem (status and wording); a screen never needs one,
 * because it shows only the allowed actions.
 */
export type ActionRefusal =
  /** Not approvals staff (or, for reassign, not a senior approver). 403. */
  | 'role'
  /** The actor applied for the request. 403. */
  | 'own_request'
  /** Awaiting a second approval: only a senior approver may act. 403. */
  | 'needs_senior'
  /** A decision rule referred it to a senior approver, and the actor is not one. 403. */
  | 'referred_to_senior'
  /** Awaiting a second approval: the first approver may not give (or refuse) the second. 403. */
  | 'first_approver'
  /** Someone else holds it. 409. */
  | 'held_by_other'
  /** The actor already holds it (claim). 409. */
  | 'already_yours'
  /** The actor does not hold it (release). 409. */
  | 'not_holder'
  /** The request is in a state where this action does not apply. 409. */
  | 'status';

export const OPEN_REVIEW_STATUSES: readonly RequestStatus[] = [
  'submitted',
  'in_review',
  'needs_info',
  'awaiting_second_approval',
];

const isStaff = (a: RuleActor) =>
  a.roles.includes('approver') || a.roles.includes('senior_approver');
const isSenior = (a: RuleActor) => a.roles.includes('senior_approver');

/** The second approval is a four-eyes control: only a senior approver who did not give the first may act on it. */
function secondApprovalRefusal(r: RuleRequest, a: RuleActor): ActionRefusal | null {
  if (r.status !== 'awaiting_second_approval') return null;
  if (!isSenior(a)) return 'needs_senior';
  if (r.firstApproverId === a.id) return 'first_approver';
  return null;
}

/** Null when `actor` may do `action` on `request` now; otherwise why not. */
export function actionRefusal(
  action: RequestAction,
  r: RuleRequest,
  a: RuleActor,
): ActionRefusal | null {
  if (!isStaff(a)) return 'role';
  if (r.status === 'draft') return 'status';
  if (r.applicantId === a.id) return 'own_request';
  switch (action) {
    case 'comment':
      return null;
    case 'claim': {
      if (r.status !== 'submitted' && r.status !== 'awaiting_second_approval') return 'status';
      if (r.referredToSenior && !isSenior(a)) return 'referred_to_senior';
      const second = secondApprovalRefusal(r, a);
      if (second) return second;
      if (r.assigneeId === a.id) return 'already_yours';
      if (r.assigneeId) return 'held_by_other';
      return null;
    }
    case 'release':
      if (!OPEN_REVIEW_STATUSES.includes(r.status)) return 'status';
      return r.assigneeId === a.id ? null : 'not_holder';
    case 'reassign':
      if (!isSenior(a)) return 'role';
      return OPEN_REVIEW_STATUSES.includes(r.status) ? null : 'status';
    case 'approve':
    case 'reject':
    case 'request_info': {
      const decidable =
        action === 'request_info'
          ? r.status === 'in_review'
          : r.status === 'in_review' || r.status === 'awaiting_second_approval';
      if (!decidable) return 'status';
      if (r.referredToSenior && !isSenior(a)) return 'referred_to_senior';
      const second = secondApprovalRefusal(r, a);
      if (second) return second;
      // Unassigned counts as free: a request awaiting its second approval is back in the pool.
      if (r.assigneeId && r.assigneeId !== a.id) return 'held_by_other';
      return null;
    }
  }
}

/** Every action `actor` may take on `request` now, in the order screens show them. */
export function allowedActions(r: RuleRequest, a: RuleActor): RequestAction[] {
  return requestActions.filter((action) => actionRefusal(action, r, a) === null);
}

/** A person the request could be reassigned to. */
export interface RuleAssignee {
  id: string;
  roles: readonly string[];
}

export type AssigneeRefusal =
  /** Not an approver or senior approver. */
  | 'not_staff'
  /** They applied for the request. */
  | 'applicant'
  /** Awaiting a second approval: needs a senior approver other than the first approver. */
  | 'needs_second_senior'
  /** A decision rule referred it to a senior approver: it may go only to one. */
  | 'needs_senior'
  /** They hold it already. */
  | 'already_assigned';

/** Null when the request may be given to `target`; otherwise why not. */
export function assigneeRefusal(r: RuleRequest, target: RuleAssignee): AssigneeRefusal | null {
  if (!target.roles.includes('approver') && !target.roles.includes('senior_approver'))
    return 'not_staff';
  if (r.applicantId === target.id) return 'applicant';
  if (r.referredToSenior && !target.roles.includes('senior_approver')) return 'needs_senior';
  if (
    r.status === 'awaiting_second_approval' &&
    (!target.roles.includes('senior_approver') || r.firstApproverId === target.id)
  )
    return 'needs_second_senior';
  if (r.assigneeId === target.id) return 'already_assigned';
  return null;
}

/** The staff a request may be reassigned to, in the order given. */
export function eligibleAssignees<T extends RuleAssignee>(
  r: RuleRequest,
  staff: readonly T[],
): T[] {
  return staff.filter((s) => assigneeRefusal(r, s) === null);
}

/** The limits an approved amount must keep, all in cents. */
export interface ApprovalLimits {
  requestedCents: number;
  /** Set on a second approval: it can confirm or lower the first approval's amount, not raise it. */
  firstApprovalCents: number | null;
  programMaxCents: number;
  /** The program budget not yet committed to other requests. */
  remainingBudgetCents: number;
}

export type AmountRule =
  | 'whole_cents'
  | 'positive'
  | 'above_requested'
  | 'above_first_approval'
  | 'above_program_max'
  | 'above_budget';

export interface AmountProblem {
  rule: AmountRule;
  /** The limit that was passed, in cents (absent for whole_cents and positive). */
  limitCents?: number;
}

/** The highest amount that passes every rule (0 when the budget is spent). */
export function maxApprovableCents(l: ApprovalLimits): number {
  return Math.max(
    0,
    Math.min(
      l.requestedCents,
      l.firstApprovalCents ?? l.requestedCents,
      l.programMaxCents,
      l.remainingBudgetCents,
    ),
  );
}

/** The first rule an approved amount breaks, in the order a person fixes them; null when it passes them all. */
export function approvalAmountProblem(
  amountCents: number,
  l: ApprovalLimits,
): AmountProblem | null {
  if (!Number.isSafeInteger(amountCents)) return { rule: 'whole_cents' };
  if (amountCents < 1) return { rule: 'positive' };
  if (amountCents > l.requestedCents)
    return { rule: 'above_requested', limitCents: l.requestedCents };
  if (l.firstApprovalCents !== null && amountCents > l.firstApprovalCents)
    return { rule: 'above_first_approval', limitCents: l.firstApprovalCents };
  if (amountCents > l.programMaxCents)
    return { rule: 'above_program_max', limitCents: l.programMaxCents };
  if (amountCents > l.remainingBudgetCents)
    return { rule: 'above_budget', limitCents: Math.max(0, l.remainingBudgetCents) };
  return null;
}
