import { apiClient, notificationKeys, requestKeys, unwrap } from '@hms/api-client';
import type { InfoResponseBody } from '@hms/contracts/applications';
import type { PayeeUpdateBody } from '@hms/contracts/payee-update';
import type { QueryClient } from '@tanstack/react-query';
import { storeRequestDetail, type RequestDetail } from '../../../shared/requests/request-api.ts';

/** Answering or withdrawing also notifies the citizen, so the notifications (and the header's badge) refresh too. */
function store(queryClient: QueryClient, detail: RequestDetail) {
  storeRequestDetail(queryClient, detail);
  void queryClient.invalidateQueries({ queryKey: notificationKeys.all });
}

export function answerInfoMutationOptions(queryClient: QueryClient, id: string) {
  return {
    mutationFn: (body: InfoResponseBody) =>
      unwrap(
        apiClient.POST('/api/requests/{requestId}/info-response', {
          params: { path: { requestId: id } },
          body,
        }),
      ),
    onSuccess: (detail: RequestDetail) => store(queryClient, detail),
  };
}

export function withdrawMutationOptions(queryClient: QueryClient, id: string) {
  return {
    mutationFn: () =>
      unwrap(
        apiClient.POST('/api/requests/{requestId}/withdraw', {
          params: { path: { requestId: id } },
          body: {},
        }),
      ),
    onSuccess: (detail: RequestDetail) => store(queryClient, detail),
  };
}

/** The same bank-account fields as the bank step (typed twice, with the ACH authorization). */
export type NewAccountBody = PayeeUpdateBody;

/** After a returned payment: the new account (POST /api/requests/{requestId}/payee-account, payments module). */
export function newAccountMutationOptions(queryClient: QueryClient, id: string) {
  return {
    mutationFn: async (body: NewAccountBody) =>
      unwrap(
        apiClient.POST('/api/requests/{requestId}/payee-account', {
          params: { path: { requestId: id } },
          body,
        }),
      ),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: requestKeys.detail(id) });
      void queryClient.invalidateQueries({ queryKey: requestKeys.mine() });
      void queryClient.invalidateQueries({ queryKey: notificationKeys.all });
    },
  };
}
