import { apiClient, unwrap } from '@hms/api-client';
import { mutationOptions, type QueryClient } from '@tanstack/react-query';
import type { AssignmentResponse } from '@hms/contracts/inbox';
import { invalidateApprovals } from './approvals-keys.ts';

// Claim and release are used by both the inbox and the review page.
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
