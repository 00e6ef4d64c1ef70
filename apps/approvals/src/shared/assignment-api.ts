import { apiClient, unwrap } from '@hms/api-client';
import { mutationOptions, queryOptions, type QueryClient } from '@tanstack/react-query';
import type { AssignmentResponse } from '@hms/contracts/inbox';
import { approvalsKeys, invalidateApprovals } from './approvals-keys.ts';

// Claim, release and reassign are used by both the inbox and the review page.
export function claimMutationOptions(client: QueryClient) {
  return mutationOptions({
    mutationFn: async (id: string): Promise<AssignmentResponse> =>
      unwrap(
        apiClient.POST('/api/requests/{id}/claim', { params: { path: { id } } }),
      ) as Promise<AssignmentResponse>,
    onSettled: () => invalidateApprovals(client),
  });
}

export function releaseMutationOptions(client: QueryClient) {
  return mutationOptions({
    mutationFn: async (id: string): Promise<AssignmentResponse> =>
      unwrap(
        apiClient.POST('/api/requests/{id}/release', { params: { path: { id } } }),
      ) as Promise<AssignmentResponse>,
    onSettled: () => invalidateApprovals(client),
  });
}

/** Approvers and senior approvers with their roles (senior approvers only: they are the ones who reassign). */
export function approversQueryOptions() {
  return queryOptions({
    queryKey: approvalsKeys.approvers,
    queryFn: async ({ signal }) =>
      (await unwrap(apiClient.GET('/api/inbox/approvers', { signal }))).items,
    staleTime: 5 * 60_000,
  });
}

export function reassignMutationOptions(client: QueryClient) {
  return mutationOptions({
    mutationFn: async ({
      id,
      assigneeId,
    }: {
      id: string;
      assigneeId: string;
    }): Promise<AssignmentResponse> =>
      unwrap(
        apiClient.POST('/api/requests/{id}/assignment', {
          params: { path: { id } },
          body: { assigneeId },
        }),
      ) as Promise<AssignmentResponse>,
    onSettled: () => invalidateApprovals(client),
  });
}
