import { apiClient, reviewKeys, unwrap, type ResponseBody } from '@hms/api-client';
import { mutationOptions, queryOptions, type QueryClient } from '@tanstack/react-query';
import type { DecisionBody } from '@hms/contracts/decisions';
import { invalidateApprovals } from '../../../shared/invalidate-approvals.ts';

export type ReviewDetail = ResponseBody<'/api/review/{id}'>;

export function reviewQueryOptions(id: string) {
  return queryOptions({
    queryKey: reviewKeys.detail(id),
    queryFn: ({ signal }) =>
      unwrap(apiClient.GET('/api/review/{id}', { params: { path: { id } }, signal })),
  });
}

export function decideMutationOptions(client: QueryClient, id: string) {
  return mutationOptions({
    mutationFn: (body: DecisionBody) =>
      unwrap(apiClient.POST('/api/requests/{id}/decisions', { params: { path: { id } }, body })),
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
    onSettled: () => void client.invalidateQueries({ queryKey: reviewKeys.detail(id) }),
  });
}
