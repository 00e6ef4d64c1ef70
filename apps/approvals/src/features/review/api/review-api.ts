import { getQueryOptions, apiClient, reviewKeys, unwrap, type ResponseBody } from '@hms/api-client';
import { mutationOptions, type QueryClient } from '@tanstack/react-query';
import type { DecisionBody } from '@hms/contracts/decisions';
import { invalidateApprovals } from '../../../shared/invalidate-approvals.ts';

export type ReviewDetail = ResponseBody<'/api/review/{requestId}'>;

export function reviewQueryOptions(id: string) {
  return getQueryOptions(reviewKeys.detail(id), '/api/review/{requestId}', {
    params: { path: { requestId: id } },
  });
}

export function decideMutationOptions(client: QueryClient, id: string) {
  return mutationOptions({
    mutationFn: (body: DecisionBody) =>
      unwrap(
        apiClient.POST('/api/requests/{requestId}/decisions', {
          params: { path: { requestId: id } },
          body,
        }),
      ),
    onSettled: () => invalidateApprovals(client),
  });
}

export function commentMutationOptions(client: QueryClient, id: string) {
  return mutationOptions({
    mutationFn: async (body: string) =>
      unwrap(
        apiClient.POST('/api/requests/{requestId}/comments', {
          params: { path: { requestId: id } },
          body: { body },
        }),
      ),
    onSettled: () => invalidateApprovals(client),
  });
}

export function revealMutationOptions(client: QueryClient, id: string) {
  return mutationOptions({
    mutationFn: async () =>
      unwrap(
        apiClient.POST('/api/review/{requestId}/bank-account/reveal', {
          params: { path: { requestId: id } },
        }),
      ),
    onSettled: () => void client.invalidateQueries({ queryKey: reviewKeys.detail(id) }),
  });
}
