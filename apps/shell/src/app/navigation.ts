import type { CurrentUser, Role } from '@hms/api-client';

export type NavKey = 'navServices' | 'navMyRequests' | 'navApprovals' | 'navFinance' | 'navAdmin';
export interface NavItem {
  to: string;
  key: NavKey;
}

/** Which roles may open each area. The API enforces the same rules; the screens only follow them. */
export const AREA_ROLES = {
  myRequests: ['citizen'],
  approvals: ['approver', 'senior_approver'],
  finance: ['finance', 'finance_supervisor'],
  admin: ['admin'],
} as const satisfies Record<string, readonly Role[]>;

export function hasAnyRole(user: CurrentUser | null | undefined, roles: readonly Role[]): boolean {
  return !!user && user.roles.some((role) => roles.includes(role));
}

/**
 * The header links for a user. Only areas that exist and that the user may open are listed (no dead links).
 * Signed-out visitors see the public service catalog.
 */
export function navigationFor(user: CurrentUser | null | undefined): NavItem[] {
  if (!user) return [{ to: '/services', key: 'navServices' }];
  const items: NavItem[] = [];
  if (hasAnyRole(user, AREA_ROLES.myRequests)) {
    items.push(
      { to: '/services', key: 'navServices' },
      { to: '/my-requests', key: 'navMyRequests' },
    );
  }
  if (hasAnyRole(user, AREA_ROLES.approvals)) items.push({ to: '/approvals', key: 'navApprovals' });
  if (hasAnyRole(user, AREA_ROLES.finance)) items.push({ to: '/finance', key: 'navFinance' });
  if (hasAnyRole(user, AREA_ROLES.admin)) items.push({ to: '/admin', key: 'navAdmin' });
  return items;
}

/** Where "/" sends a signed-in user: the first area they can use. */
export function homePathFor(user: CurrentUser): string | null {
  if (hasAnyRole(user, AREA_ROLES.myRequests)) return '/my-requests';
  if (hasAnyRole(user, AREA_ROLES.approvals)) return '/approvals';
  if (hasAnyRole(user, AREA_ROLES.finance)) return '/finance';
  if (hasAnyRole(user, AREA_ROLES.admin)) return '/admin';
  return null;
}

/** Only same-site paths are accepted as a post-sign-in destination (no open redirect to another origin). */
export function safeNextPath(next: string | null | undefined): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  return next;
}
