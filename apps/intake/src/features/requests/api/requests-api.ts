import { apiClient, unwrap } from '@hms/api-client';
import type { InfoResponseBody, RequestDetail } from '@hms/contracts/applications';
import type { PayeeUpdateBody } from '@hms/contracts/payee-update';
import type { QueryClient } from '@tanstack/react-query';

const requestKey = (id: string) => ['intake', 'request', id] as const;

export function requestQueryOptions(id: string) {
  return {
    queryKey: requestKey(id),
    queryFn: async () =>
      (await unwrap(
        apiClient.GET('/api/requests/{requestId}', { params: { path: { requestId: id } } }),
      )) as RequestDetail,
  };
}

function store(queryClient: QueryClient, detail: RequestDetail) {
  queryClient.setQueryData(requestKey(detail.id), detail);
  void queryClient.invalidateQueries({ queryKey: ['requests', 'mine'] });
  void queryClient.invalidateQueries({ queryKey: ['notifications'] });
}

export function answerInfoMutationOptions(queryClient: QueryClient, id: string) {
  return {
    mutationFn: async (body: InfoResponseBody) =>
      (await unwrap(
        apiClient.POST('/api/requests/{requestId}/info-response', {
          params: { path: { requestId: id } },
          body,
        }),
      )) as RequestDetail,
    onSuccess: (detail: RequestDetail) => store(queryClient, detail),
  };
}

export function withdrawMutationOptions(queryClient: QueryClient, id: string) {
  return {
    mutationFn: async () =>
      (await unwrap(
        apiClient.POST('/api/requests/{requestId}/withdraw', {
          params: { path: { requestId: id } },
          body: {},
        }),
      )) as RequestDetail,
    onSuccess: (detail: RequestDetail) => store(queryClient, detail),
  };
}

/** The same bank-account fields as the bank step (typed twice, with the ACH authorization). */
export type NewAccountBody = PayeeUpdateBody;

/** After a returned payment: the new account (POST /api/requests/{id}/payee-account, payments module). */
export function newAccountMutationOptions(queryClient: QueryClient, id: string) {
  return {
    mutationFn: async (body: NewAccountBody) =>
      unwrap(
        apiClient.POST('/api/requests/{id}/payee-account', { params: { path: { id } }, body }),
      ),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: requestKey(id) });
      void queryClient.invalidateQueries({ queryKey: ['requests', 'mine'] });
      void queryClient.invalidateQueries({ queryKey: ['notifications'] });
    },
  };
}
