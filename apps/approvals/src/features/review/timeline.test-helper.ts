import type { ReviewDetail } from '@hms/contracts/review';

/**
 * How every review fixture's history starts: Maria Lopez submits her request, then Avery Approver takes it for review.
 */
export function submittedThenClaimed(
  submittedAt: string,
  claimedAt: string,
): ReviewDetail['timeline'] {
  return [
    {
      id: 'e1',
      type: 'submitted',
      fromStatus: 'draft',
      toStatus: 'submitted',
      actor: { id: 'a', name: 'Maria Lopez' },
      data: {},
      visibleToApplicant: true,
      at: submittedAt,
    },
    {
      id: 'e2',
      type: 'claimed',
      fromStatus: 'submitted',
      toStatus: 'in_review',
      actor: { id: 'me', name: 'Avery Approver' },
      data: {},
      visibleToApplicant: false,
      at: claimedAt,
    },
  ];
}
