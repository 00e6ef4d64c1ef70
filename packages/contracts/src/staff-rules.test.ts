import { describe, expect, it } from 'vitest';
import {
  conflictingRoles,
  refusedRoleCombination,
  roleBlockedBy,
  staffRoles,
} from './staff-rules.ts';

describe('refusedRoleCombination', () => {
  it('refuses an approving role together with finance_supervisor (approve and release the same money)', () => {
    expect(refusedRoleCombination(['approver', 'finance_supervisor'])).toBe(
      'staff.roles_separation_of_duties',
    );
    expect(refusedRoleCombination(['finance_supervisor', 'senior_approver', 'admin'])).toBe(
      'staff.roles_separation_of_duties',
    );
  });

  it('allows every other pair of staff roles', () => {
    const refused = new Set(['approver+finance_supervisor', 'finance_supervisor+senior_approver']);
    for (const a of staffRoles)
      for (const b of staffRoles) {
        const key = [a, b].sort().join('+');
        expect(refusedRoleCombination([a, b]), key).toBe(
          refused.has(key) ? 'staff.roles_separation_of_duties' : null,
        );
      }
  });

  it('refuses no staff role, and a citizen holding a staff role', () => {
    expect(refusedRoleCombination([])).toBe('staff.roles_required');
    expect(refusedRoleCombination(['citizen'])).toBe('staff.roles_required');
    expect(refusedRoleCombination(['citizen', 'finance'])).toBe('staff.roles_citizen_with_staff');
  });
});

describe('for the checkboxes', () => {
  it('says why a role cannot be added to the chosen ones', () => {
    expect(roleBlockedBy('finance_supervisor', ['approver'])).toBe(
      'staff.roles_separation_of_duties',
    );
    expect(roleBlockedBy('approver', ['finance_supervisor'])).toBe(
      'staff.roles_separation_of_duties',
    );
    expect(roleBlockedBy('finance', ['approver'])).toBeNull();
    expect(roleBlockedBy('approver', [])).toBeNull();
    // An already chosen role is never blocked (it can be unchecked).
    expect(roleBlockedBy('approver', ['approver', 'finance_supervisor'])).toBeNull();
  });

  it('names the conflicting roles', () => {
    expect(
      conflictingRoles('finance_supervisor', ['approver', 'finance', 'senior_approver']),
    ).toEqual(['approver', 'senior_approver']);
  });
});
