import { apiClient, getQueryOptions, inboxKeys, unwrap } from '@hms/api-client';
import { mutationOptions, queryOptions, type QueryClient } from '@tanstack/react-query';
import { invalidateApprovals } from './invalidate-approvals.ts';

// Claim, release and reassign are used by both the inbox and the review page.
export function claimMutationOptions(client: QueryClient) {
  return mutationOptions({
    mutationFn: (id: string) =>
      unwrap(
        apiClient.POST('/api/requests/{requestId}/claim', { params: { path: { requestId: id } } }),
      ),
    onSettled: () => invalidateApprovals(client),
  });
}

export function releaseMutationOptions(client: QueryClient) {
  return mutationOptions({
    mutationFn: (id: string) =>
      unwrap(
        apiClient.POST('/api/requests/{requestId}/release', {
          params: { path: { requestId: id } },
        }),
      ),
    onSettled: () => invalidateApprovals(client),
  });
}

/** Approvers and senior approvers with their roles (senior approvers only: they are the ones who reassign). */
export function approversQueryOptions() {
  return queryOptions({
    ...getQueryOptions(inboxKeys.approvers(), '/api/inbox/approvers'),
    staleTime: 5 * 60_000,
  });
}

export function reassignMutationOptions(client: QueryClient) {
  return mutationOptions({
    mutationFn: ({ id, assigneeId }: { id: string; assigneeId: string }) =>
      unwrap(
        apiClient.POST('/api/requests/{requestId}/assignment', {
          params: { path: { requestId: id } },
          body: { assigneeId },
        }),
      ),
    onSettled: () => invalidateApprovals(client),
  });
}
