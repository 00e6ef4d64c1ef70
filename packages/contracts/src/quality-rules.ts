/**
 * Who may do what in quality sampling (issue 14: the blind re-check of sampled decisions), decided once. The quality
 * API refuses with these rules and sends each sample's refusal (or none) to the screens, so a screen never offers a
 * re-check the API would refuse.
 */

export interface QualityActor {
  id: string;
  roles: readonly string[];
}

/** What the rules need to know about a sampled decision. */
export interface QualitySampleFacts {
  applicantId: string;
  /** Everyone who took part in the original outcome: the decider and, above the threshold, the first approver. */
  deciderIds: readonly (string | null)[];
  rechecked: boolean;
}

/**
 * Why a re-check is refused: `role` (not approvals staff), `original_decider` (the person whose decision is being
 * checked, or who gave its first approval: a check of oneself is no check), `own_request` (the applicant) and
 * `already_rechecked` (each sample is re-decided once).
 */
export type RecheckRefusal = 'role' | 'original_decider' | 'own_request' | 'already_rechecked';

export const RECHECK_ROLES = ['approver', 'senior_approver'] as const;
export const QUALITY_RESULT_ROLES = ['approver', 'senior_approver', 'admin'] as const;
export const QUALITY_SHARE_ROLES = ['admin'] as const;

const hasAny = (a: QualityActor, roles: readonly string[]) =>
  a.roles.some((r) => roles.includes(r));

/** Null when `actor` may re-decide the sample now; otherwise why not. */
export function recheckRefusal(s: QualitySampleFacts, a: QualityActor): RecheckRefusal | null {
  if (!hasAny(a, RECHECK_ROLES)) return 'role';
  if (s.applicantId === a.id) return 'own_request';
  if (s.deciderIds.includes(a.id)) return 'original_decider';
  if (s.rechecked) return 'already_rechecked';
  return null;
}

export const mayReadQualityResults = (a: QualityActor) => hasAny(a, QUALITY_RESULT_ROLES);
export const maySetQualityShares = (a: QualityActor) => hasAny(a, QUALITY_SHARE_ROLES);
export const mayRecheck = (a: QualityActor) => hasAny(a, RECHECK_ROLES);
