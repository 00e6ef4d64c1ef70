import { describe, expect, it } from 'vitest';
import { mayReadQualityResults, maySetQualityShares, recheckRefusal } from './quality-rules.ts';

const sample = { applicantId: 'citizen', deciderIds: ['decider', 'first'], rechecked: false };
const approver = (id: string) => ({ id, roles: ['approver'] });

describe('recheckRefusal', () => {
  it('lets a different approver or senior approver re-check', () => {
    expect(recheckRefusal(sample, approver('other'))).toBeNull();
    expect(recheckRefusal(sample, { id: 'other', roles: ['senior_approver'] })).toBeNull();
  });

  it('refuses the decider and the first approver', () => {
    expect(recheckRefusal(sample, approver('decider'))).toBe('original_decider');
    expect(recheckRefusal(sample, { id: 'first', roles: ['senior_approver'] })).toBe(
      'original_decider',
    );
  });

  it('refuses the applicant, even one who is approvals staff', () => {
    expect(recheckRefusal(sample, approver('citizen'))).toBe('own_request');
  });

  it('refuses other roles and a second re-check', () => {
    expect(recheckRefusal(sample, { id: 'a', roles: ['admin'] })).toBe('role');
    expect(recheckRefusal(sample, { id: 'f', roles: ['finance'] })).toBe('role');
    expect(recheckRefusal({ ...sample, rechecked: true }, approver('other'))).toBe(
      'already_rechecked',
    );
  });

  it('checks an automated approval (no decider) against the applicant only', () => {
    expect(recheckRefusal({ ...sample, deciderIds: [null] }, approver('decider'))).toBeNull();
  });
});

describe('quality roles', () => {
  it('lets approvals staff and admins read results, only admins set shares', () => {
    expect(mayReadQualityResults({ id: 'x', roles: ['admin'] })).toBe(true);
    expect(mayReadQualityResults({ id: 'x', roles: ['approver'] })).toBe(true);
    expect(mayReadQualityResults({ id: 'x', roles: ['finance'] })).toBe(false);
    expect(maySetQualityShares({ id: 'x', roles: ['admin'] })).toBe(true);
    expect(maySetQualityShares({ id: 'x', roles: ['senior_approver'] })).toBe(false);
  });
});
