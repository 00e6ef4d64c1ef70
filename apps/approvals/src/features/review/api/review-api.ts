import { apiClient, unwrap } from '@hms/api-client';
import { mutationOptions, queryOptions, type QueryClient } from '@tanstack/react-query';
import type { ReviewDetail } from '@hms/contracts/review';
import type { DecisionBody, DecisionResponse } from '@hms/contracts/decisions';
import { approvalsKeys, invalidateApprovals } from '../../../shared/approvals-keys.ts';

export function reviewQueryOptions(id: string) {
  return queryOptions({
    queryKey: approvalsKeys.review(id),
    queryFn: async ({ signal }): Promise<ReviewDetail> =>
      unwrap(
        apiClient.GET('/api/review/{id}', { params: { path: { id } }, signal }),
      ) as Promise<ReviewDetail>,
  });
}

export function decideMutationOptions(client: QueryClient, id: string) {
  return mutationOptions({
    mutationFn: async (body: DecisionBody): Promise<DecisionResponse> =>
      unwrap(
        apiClient.POST('/api/requests/{id}/decisions', { params: { path: { id } }, body }),
      ) as Promise<DecisionResponse>,
    onSettled: () => invalidateApprovals(client),
  });
}

export function commentMutationOptions(client: QueryClient, id: string) {
  return mutationOptions({
    mutationFn: async (body: string) =>
      unwrap(
        apiClient.POST('/api/requests/{id}/comments', { params: { path: { id } }, body: { body } }),
      ),
    onSettled: () => invalidateApprovals(client),
  });
}

export function revealMutationOptions(client: QueryClient, id: string) {
  return mutationOptions({
    mutationFn: async () =>
      unwrap(apiClient.POST('/api/review/{id}/bank-account/reveal', { params: { path: { id } } })),
    onSettled: () => void client.invalidateQueries({ queryKey: approvalsKeys.review(id) }),
  });
}
