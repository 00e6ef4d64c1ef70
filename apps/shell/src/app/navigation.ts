import type { CurrentUser, Role } from '@hms/api-client';
import { AREA_ROLES, homePathForRoles } from '@hms/contracts/areas';

export { AREA_ROLES };

export type NavKey =
  'navServices' | 'navMyRequests' | 'navApprovals' | 'navFinance' | 'navSimulations' | 'navAdmin';
export interface NavItem {
  to: string;
  key: NavKey;
}

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
  if (hasAnyRole(user, AREA_ROLES.finance)) {
    // Finance staff run policy simulations read-only; an admin finds them in the admin area's side nav.
    items.push(
      { to: '/finance', key: 'navFinance' },
      { to: '/simulations', key: 'navSimulations' },
    );
  }
  if (hasAnyRole(user, AREA_ROLES.admin)) items.push({ to: '/admin', key: 'navAdmin' });
  return items;
}

/** Where "/" sends a signed-in user: the first area they can use (the API's redirect of GET / uses the same rule). */
export function homePathFor(user: CurrentUser): string | null {
  return homePathForRoles(user.roles);
}

/** Only same-site paths are accepted as a post-sign-in destination (no open redirect to another origin). */
export function safeNextPath(next: string | null | undefined): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  return next;
}
