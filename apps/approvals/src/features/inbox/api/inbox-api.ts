import { apiClient, unwrap } from '@hms/api-client';
import { mutationOptions, queryOptions, type QueryClient } from '@tanstack/react-query';
import type { InboxListResponse, InboxQuery } from '@hms/contracts/inbox';
import type { BulkApproveResponse } from '@hms/contracts/decisions';
import { approvalsKeys, invalidateApprovals } from '../../../shared/approvals-keys.ts';
export { claimMutationOptions, releaseMutationOptions } from '../../../shared/assignment-api.ts';

export function inboxQueryOptions(query: InboxQuery) {
  return queryOptions({
    queryKey: approvalsKeys.inbox(query),
    queryFn: async ({ signal }): Promise<InboxListResponse> =>
      unwrap(
        apiClient.GET('/api/inbox', { params: { query }, signal }),
      ) as Promise<InboxListResponse>,
    placeholderData: (previous) => previous,
  });
}

export function bulkApproveMutationOptions(client: QueryClient) {
  return mutationOptions({
    mutationFn: async (
      items: Array<{ requestId: string; version: number }>,
    ): Promise<BulkApproveResponse> =>
      unwrap(
        apiClient.POST('/api/decisions/bulk-approve', { body: { items } }),
      ) as Promise<BulkApproveResponse>,
    onSettled: () => invalidateApprovals(client),
  });
}
