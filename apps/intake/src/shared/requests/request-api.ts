import { apiClient, notificationKeys, requestKeys, unwrap } from '@hms/api-client';
import type { ResponseBody } from '@hms/api-client';
import { queryOptions, type QueryClient } from '@tanstack/react-query';

export type RequestDetail = ResponseBody<'/api/requests/{requestId}'>;

/** One of the citizen's requests: read by the form, the confirmation page and the request page alike. */
export function requestQueryOptions(id: string) {
  return queryOptions({
    queryKey: requestKeys.detail(id),
    queryFn: () =>
      unwrap(apiClient.GET('/api/requests/{requestId}', { params: { path: { requestId: id } } })),
  });
}

/** Keeps the cached request (and its version) current after every write, and the citizen's list with it. */
export function storeRequestDetail(queryClient: QueryClient, detail: RequestDetail) {
  queryClient.setQueryData(requestKeys.detail(detail.id), detail);
  void queryClient.invalidateQueries({ queryKey: requestKeys.mine() });
}

/**
 * A citizen's change to their request that the API answers with the request as it now stands (a saved step, the bank
 * account, an answer to a question, a withdrawal): the answer becomes the cached request. A change that also notifies
 * the citizen (`notifies`) refreshes the notifications (and the header's badge) too.
 */
export function requestChangeMutationOptions<Body>(
  queryClient: QueryClient,
  send: (body: Body) => Promise<RequestDetail>,
  { notifies = false } = {},
) {
  return {
    mutationFn: send,
    onSuccess: (detail: RequestDetail) => {
      storeRequestDetail(queryClient, detail);
      if (notifies) void queryClient.invalidateQueries({ queryKey: notificationKeys.all });
    },
  };
}
