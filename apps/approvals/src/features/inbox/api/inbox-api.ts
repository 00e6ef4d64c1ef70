import { getQueryOptions, apiClient, inboxKeys, unwrap, type ResponseBody } from '@hms/api-client';
import { keepPreviousData, mutationOptions, queryOptions } from '@tanstack/react-query';
import type { QueryClient } from '@tanstack/react-query';
import type { InboxQuery } from '@hms/contracts/inbox';
import { invalidateApprovals } from '../../../shared/invalidate-approvals.ts';
export { claimMutationOptions, releaseMutationOptions } from '../../../shared/assignment-api.ts';

export type InboxItem = ResponseBody<'/api/inbox'>['items'][number];
export type BulkApproveResponse = ResponseBody<'/api/decisions/bulk-approve', 'post'>;

export function inboxQueryOptions(query: InboxQuery) {
  return queryOptions({
    ...getQueryOptions(inboxKeys.list(query), '/api/inbox', { params: { query } }),
    placeholderData: keepPreviousData,
  });
}

export function bulkApproveMutationOptions(client: QueryClient) {
  return mutationOptions({
    mutationFn: (items: Array<{ requestId: string; version: number }>) =>
      unwrap(apiClient.POST('/api/decisions/bulk-approve', { body: { items } })),
    onSettled: () => invalidateApprovals(client),
  });
}
