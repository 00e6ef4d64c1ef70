import { inboxKeys, reviewKeys } from '@hms/api-client';
import type { QueryClient } from '@tanstack/react-query';

/** After any change: the inbox lists and counts, the approvers, and the review pages are all stale. */
export function invalidateApprovals(client: QueryClient) {
  void client.invalidateQueries({ queryKey: inboxKeys.all });
  void client.invalidateQueries({ queryKey: reviewKeys.all });
}
