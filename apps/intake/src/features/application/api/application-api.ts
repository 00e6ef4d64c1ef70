import { apiClient, notificationKeys, requestKeys, unwrap } from '@hms/api-client';
import type { ResponseBody } from '@hms/api-client';
import type { BankDetailsBody, SaveAnswersBody } from '@hms/contracts/applications';
import type { Language } from '@hms/contracts/question-set';
import { queryOptions, type QueryClient } from '@tanstack/react-query';
import { requestChangeMutationOptions } from '../../../shared/requests/request-api.ts';

export type ProgramDetail = ResponseBody<'/api/requests/{requestId}/program'>;
export type EligibilityResponse = ResponseBody<'/api/requests/{requestId}/eligibility'>;

/** The program (questions, open or closed) a request is answered against, fetched alongside the request. */
export function requestProgramQueryOptions(id: string) {
  return queryOptions({
    queryKey: requestKeys.program(id),
    queryFn: () =>
      unwrap(
        apiClient.GET('/api/requests/{requestId}/program', {
          params: { path: { requestId: id } },
        }),
      ),
  });
}

export function eligibilityQueryOptions(id: string, language: Language, version: number) {
  return queryOptions({
    queryKey: requestKeys.eligibility(id, language, version),
    queryFn: () =>
      unwrap(
        apiClient.GET('/api/requests/{requestId}/eligibility', {
          params: { path: { requestId: id }, query: { language } },
        }),
      ),
  });
}

export function saveStepMutationOptions(queryClient: QueryClient, id: string) {
  return requestChangeMutationOptions(queryClient, (body: SaveAnswersBody) =>
    unwrap(
      apiClient.PUT('/api/requests/{requestId}/answers', {
        params: { path: { requestId: id } },
        body,
      }),
    ),
  );
}

export function saveBankMutationOptions(queryClient: QueryClient, id: string) {
  return requestChangeMutationOptions(queryClient, (body: BankDetailsBody) =>
    unwrap(
      apiClient.PUT('/api/requests/{requestId}/bank-account', {
        params: { path: { requestId: id } },
        body,
      }),
    ),
  );
}

export function submitMutationOptions(queryClient: QueryClient, id: string) {
  return {
    mutationFn: ({ idempotencyKey, language }: { idempotencyKey: string; language: Language }) =>
      unwrap(
        apiClient.POST('/api/requests/{requestId}/submit', {
          params: { path: { requestId: id }, header: { 'idempotency-key': idempotencyKey } },
          body: { declaration: true, language },
        }),
      ),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: requestKeys.detail(id) });
      void queryClient.invalidateQueries({ queryKey: requestKeys.mine() });
      // Submitting sends the citizen a confirmation notification.
      void queryClient.invalidateQueries({ queryKey: notificationKeys.all });
    },
  };
}

const SUBMIT_KEY_PREFIX = 'hms.submitKey.';

/**
 * One idempotency key per draft, kept across reloads: a retried or double-clicked submit sends the same key, so the
 * API creates one request.
 */
export function submitKeyFor(requestId: string): string {
  const storageKey = SUBMIT_KEY_PREFIX + requestId;
  try {
    const existing = globalThis.localStorage?.getItem(storageKey);
    if (existing) return existing;
    const key = globalThis.crypto.randomUUID();
    globalThis.localStorage?.setItem(storageKey, key);
    return key;
  } catch {
    return `draft-${requestId}`;
  }
}
