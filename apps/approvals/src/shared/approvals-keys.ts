import { queryKeys } from '@hms/api-client';
import type { QueryClient } from '@tanstack/react-query';
import type { InboxQuery } from '@hms/contracts/inbox';

/** Every approvals query key starts with 'approvals', so one invalidation refreshes the whole remote. */
export const approvalsKeys = {
  all: ['approvals'] as const,
  inbox: (q: InboxQuery) => ['approvals', 'inbox', q] as const,
  approvers: ['approvals', 'approvers'] as const,
  review: (id: string) => ['approvals', 'review', id] as const,
};

/** After any change: the inbox lists, the review pages and the queue counts are all stale. */
export function invalidateApprovals(client: QueryClient) {
  void client.invalidateQueries({ queryKey: approvalsKeys.all });
  void client.invalidateQueries({ queryKey: queryKeys.inboxCounts });
}
