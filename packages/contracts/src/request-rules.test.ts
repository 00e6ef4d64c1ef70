import { describe, expect, it } from 'vitest';
import {
  actionRefusal,
  allowedActions,
  approvalAmountProblem,
  eligibleAssignees,
  maxApprovableCents,
  type RuleRequest,
} from './request-rules.ts';

const approver = { id: 'a1', roles: ['approver'] };
const senior = { id: 's1', roles: ['senior_approver'] };
const senior2 = { id: 's2', roles: ['senior_approver'] };
const citizen = { id: 'c1', roles: ['citizen'] };
const req = (o: Partial<RuleRequest> = {}): RuleRequest => ({
  status: 'submitted',
  applicantId: 'c1',
  assigneeId: null,
  firstApproverId: null,
  ...o,
});

describe('allowedActions', () => {
  it('submitted and unassigned: claim and comment; reassign only for a senior approver', () => {
    expect(allowedActions(req(), approver)).toEqual(['claim', 'comment']);
    expect(allowedActions(req(), senior)).toEqual(['claim', 'reassign', 'comment']);
  });

  it('in review: the holder decides and releases; anyone else only comments', () => {
    const r = req({ status: 'in_review', assigneeId: 'a1' });
    expect(allowedActions(r, approver)).toEqual([
      'release',
      'approve',
      'reject',
      'request_info',
      'comment',
    ]);
    expect(allowedActions(r, senior)).toEqual(['reassign', 'comment']);
    expect(actionRefusal('approve', r, senior)).toBe('held_by_other');
  });

  it('awaiting a second approval: the first approver has no decision, claim or reassign', () => {
    const r = req({ status: 'awaiting_second_approval', firstApproverId: 'a1' });
    expect(allowedActions(r, approver)).toEqual(['comment']);
    expect(actionRefusal('approve', r, approver)).toBe('needs_senior');
    // A senior approver who gave the first approval may not give the second, nor refuse it.
    const bySenior = req({ status: 'awaiting_second_approval', firstApproverId: 's1' });
    expect(allowedActions(bySenior, senior)).toEqual(['reassign', 'comment']);
    expect(actionRefusal('reject', bySenior, senior)).toBe('first_approver');
    expect(allowedActions(bySenior, senior2)).toEqual([
      'claim',
      'approve',
      'reject',
      'reassign',
      'comment',
    ]);
  });

  it('waiting for the citizen: nothing to decide; the holder may release, a senior reassign', () => {
    const r = req({ status: 'needs_info', assigneeId: 'a1' });
    expect(allowedActions(r, approver)).toEqual(['release', 'comment']);
    expect(allowedActions(r, senior)).toEqual(['reassign', 'comment']);
  });

  it('nobody acts on their own request, citizens act on none, closed requests take only comments', () => {
    expect(allowedActions(req({ applicantId: 's1' }), senior)).toEqual([]);
    expect(allowedActions(req(), citizen)).toEqual([]);
    expect(allowedActions(req({ status: 'approved' }), senior)).toEqual(['comment']);
    expect(allowedActions(req({ status: 'draft' }), senior)).toEqual([]);
  });
});

describe('referred to a senior approver by a decision rule', () => {
  const r = req({ referredToSenior: true });
  it('only a senior approver may take or decide it; an approver may still comment', () => {
    expect(allowedActions(r, approver)).toEqual(['comment']);
    expect(actionRefusal('claim', r, approver)).toBe('referred_to_senior');
    expect(allowedActions(r, senior)).toEqual(['claim', 'reassign', 'comment']);
    const held = req({ referredToSenior: true, status: 'in_review', assigneeId: 'a1' });
    expect(actionRefusal('approve', held, approver)).toBe('referred_to_senior');
    expect(actionRefusal('release', held, approver)).toBeNull();
    const bySenior = req({ referredToSenior: true, status: 'in_review', assigneeId: 's1' });
    expect(allowedActions(bySenior, senior)).toContain('approve');
  });
  it('may be assigned only to a senior approver', () => {
    expect(eligibleAssignees(r, [approver, senior, senior2]).map((s) => s.id)).toEqual([
      's1',
      's2',
    ]);
  });
});

describe('eligibleAssignees', () => {
  const staff = [
    { id: 'a1', roles: ['approver'] },
    { id: 's1', roles: ['senior_approver'] },
    { id: 's2', roles: ['senior_approver'] },
    { id: 'c1', roles: ['citizen'] },
  ];
  it('staff other than the applicant and the current holder', () => {
    expect(
      eligibleAssignees(req({ status: 'in_review', assigneeId: 'a1' }), staff).map((s) => s.id),
    ).toEqual(['s1', 's2']);
    expect(eligibleAssignees(req({ applicantId: 's2' }), staff).map((s) => s.id)).toEqual([
      'a1',
      's1',
    ]);
  });
  it('a second approval goes only to a senior approver other than the first approver', () => {
    const r = req({ status: 'awaiting_second_approval', firstApproverId: 's1' });
    expect(eligibleAssignees(r, staff).map((s) => s.id)).toEqual(['s2']);
  });
});

describe('approvalAmountProblem', () => {
  const limits = {
    requestedCents: 150_000,
    firstApprovalCents: null,
    programMaxCents: 100_000,
    remainingBudgetCents: 80_000,
  };
  it('names the first rule broken, with its limit', () => {
    expect(approvalAmountProblem(0, limits)).toEqual({ rule: 'positive' });
    expect(approvalAmountProblem(1.5, limits)).toEqual({ rule: 'whole_cents' });
    expect(approvalAmountProblem(150_001, limits)).toEqual({
      rule: 'above_requested',
      limitCents: 150_000,
    });
    expect(approvalAmountProblem(120_000, limits)).toEqual({
      rule: 'above_program_max',
      limitCents: 100_000,
    });
    expect(approvalAmountProblem(90_000, limits)).toEqual({
      rule: 'above_budget',
      limitCents: 80_000,
    });
    expect(approvalAmountProblem(80_000, limits)).toBeNull();
    expect(maxApprovableCents(limits)).toBe(80_000);
  });
  it('a second approval can lower the first amount but not raise it', () => {
    const second = { ...limits, firstApprovalCents: 60_000 };
    expect(approvalAmountProblem(70_000, second)).toEqual({
      rule: 'above_first_approval',
      limitCents: 60_000,
    });
    expect(approvalAmountProblem(50_000, second)).toBeNull();
    expect(maxApprovableCents(second)).toBe(60_000);
  });
});
