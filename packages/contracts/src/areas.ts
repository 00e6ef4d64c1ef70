// No zod here: the shell's first page imports this, and the citizen's first page has a JavaScript budget.
import type { Role } from './auth.ts';

/** Which roles may open each area of the product. The API enforces the same rules; the screens only follow them. */
export const AREA_ROLES = {
  myRequests: ['citizen'],
  approvals: ['approver', 'senior_approver'],
  finance: ['finance', 'finance_supervisor'],
  admin: ['admin'],
  /** Policy simulation: administrators, and finance staff read-only (issue 14 part 3). */
  simulations: ['admin', 'finance', 'finance_supervisor'],
} as const satisfies Record<string, readonly Role[]>;

const AREA_HOMES: ReadonlyArray<readonly [area: keyof typeof AREA_ROLES, path: string]> = [
  ['myRequests', '/my-requests'],
  ['approvals', '/approvals'],
  ['finance', '/finance'],
  ['admin', '/admin'],
];

/**
 * Where "/" sends a signed-in person: the first area they can use, or null (no area: they stay on a plain welcome).
 * The API answers a signed-in GET / with a redirect to this path, and the shell follows the same rule after a
 * client-side sign-in, so both always agree.
 */
export function homePathForRoles(roles: readonly Role[]): string | null {
  for (const [area, path] of AREA_HOMES) {
    if (roles.some((r) => (AREA_ROLES[area] as readonly Role[]).includes(r))) return path;
  }
  return null;
}
