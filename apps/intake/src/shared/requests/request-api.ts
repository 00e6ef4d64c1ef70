import { apiClient, requestKeys, unwrap, type ResponseBody } from '@hms/api-client';
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
