import type { Role } from './auth.ts';

/**
 * Which role combinations one person may hold (issue 11, item 5). The ONE rule, used by the API (which refuses with
 * the code) and by the staff screens (which disable a checkbox and say why).
 *
 * - Separation of duties (DOMAIN.md, "who may do what"): a role held by one person never lets them both approve and
 *   release the same money. Approvers and senior approvers approve; finance supervisors release batches. So
 *   approver or senior_approver together with finance_supervisor is refused. (finance builds batches but cannot
 *   release them, and the API already refuses a releaser who approved a payment in the batch: finance with an
 *   approving role is allowed.)
 * - A staff account is a work account: a citizen account (someone applying for money for themselves) never also holds
 *   a staff role. Staff who want to apply do so with a personal citizen account, and "nobody acts on a request they
 *   applied for" stays simple to enforce. Staff roles are given only through invitations and role changes here.
 * - A staff account holds at least one staff role (remove the last one by deactivating the person instead).
 */
export const staffRoles = [
  'approver',
  'senior_approver',
  'finance',
  'finance_supervisor',
  'admin',
] as const satisfies readonly Role[];
export type StaffRole = (typeof staffRoles)[number];

export type RoleRefusal =
  'staff.roles_required' | 'staff.roles_separation_of_duties' | 'staff.roles_citizen_with_staff';

const APPROVING: readonly Role[] = ['approver', 'senior_approver'];
const RELEASING: readonly Role[] = ['finance_supervisor'];

export function isStaffRole(role: Role): role is StaffRole {
  return (staffRoles as readonly Role[]).includes(role);
}

/** Why this set of roles may not be held by one staff member, or null when it may. */
export function refusedRoleCombination(roles: readonly Role[]): RoleRefusal | null {
  const staff = roles.filter(isStaffRole);
  if (staff.length === 0) return 'staff.roles_required';
  if (roles.includes('citizen')) return 'staff.roles_citizen_with_staff';
  if (roles.some((r) => APPROVING.includes(r)) && roles.some((r) => RELEASING.includes(r)))
    return 'staff.roles_separation_of_duties';
  return null;
}

/**
 * For a checkbox: why adding `role` to the ones already chosen would be refused (null: it may be added, or it is
 * already chosen). Derived from refusedRoleCombination, so the screen and the API cannot disagree.
 */
export function roleBlockedBy(role: StaffRole, chosen: readonly Role[]): RoleRefusal | null {
  if (chosen.includes(role)) return null;
  const refusal = refusedRoleCombination([...chosen, role]);
  return refusal === 'staff.roles_required' ? null : refusal;
}

/** The roles among `roles` that conflict with `role` under separation of duties (for the screen's explanation). */
export function conflictingRoles(role: StaffRole, roles: readonly Role[]): Role[] {
  return roles.filter(
    (r) => r !== role && refusedRoleCombination([role, r]) === 'staff.roles_separation_of_duties',
  );
}

/** Each staff role's name, for the screens and the invitation email. */
export const staffRoleLabels: Record<StaffRole, { en: string; es: string }> = {
  approver: { en: 'Approver', es: 'Aprobador' },
  senior_approver: { en: 'Senior approver', es: 'Aprobador sénior' },
  finance: { en: 'Finance', es: 'Finanzas' },
  finance_supervisor: { en: 'Finance supervisor', es: 'Supervisor de finanzas' },
  admin: { en: 'Administrator', es: 'Administrador' },
};
