import { apiClient, notificationKeys, requestKeys, unwrap } from '@hms/api-client';
import type { InfoResponseBody } from '@hms/contracts/applications';
import type { PayeeUpdateBody } from '@hms/contracts/payee-update';
import type { QueryClient } from '@tanstack/react-query';
import { requestChangeMutationOptions } from '../../../shared/requests/request-api.ts';

// Answering or withdrawing also notifies the citizen.

export function answerInfoMutationOptions(queryClient: QueryClient, id: string) {
  return requestChangeMutationOptions(
    queryClient,
    (body: InfoResponseBody) =>
      unwrap(
        apiClient.POST('/api/requests/{requestId}/info-response', {
          params: { path: { requestId: id } },
          body,
        }),
      ),
    { notifies: true },
  );
}

export function withdrawMutationOptions(queryClient: QueryClient, id: string) {
  return requestChangeMutationOptions(
    queryClient,
    () =>
      unwrap(
        apiClient.POST('/api/requests/{requestId}/withdraw', {
          params: { path: { requestId: id } },
          body: {},
        }),
      ),
    { notifies: true },
  );
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
