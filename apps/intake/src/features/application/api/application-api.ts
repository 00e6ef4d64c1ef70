import { apiClient, unwrap } from '@hms/api-client';
import type {
  RequestDetail,
  SaveAnswersBody,
  BankDetailsBody,
  SubmitResponse,
} from '@hms/contracts/applications';
import type { EligibilityResponse } from '@hms/contracts/applications';
import type { ProgramDetail } from '@hms/contracts/intake';
import type { Language } from '@hms/contracts/question-set';
import { queryOptions, type QueryClient } from '@tanstack/react-query';

export const intakeKeys = {
  request: (id: string) => ['intake', 'request', id] as const,
  // Under the request's key: refreshing a request (after a 409, say) refreshes its program too.
  requestProgram: (id: string) => ['intake', 'request', id, 'program'] as const,
  eligibility: (id: string, language: Language, version: number) =>
    ['intake', 'eligibility', id, language, version] as const,
  myRequests: ['requests', 'mine'] as const,
};

/** The program (questions, open or closed) a request is answered against, fetched alongside the request. */
export function requestProgramQueryOptions(id: string) {
  return queryOptions({
    queryKey: intakeKeys.requestProgram(id),
    queryFn: async () =>
      (await unwrap(
        apiClient.GET('/api/requests/{requestId}/program', {
          params: { path: { requestId: id } },
        }),
      )) as ProgramDetail,
  });
}

export function requestDetailQueryOptions(id: string) {
  return queryOptions({
    queryKey: intakeKeys.request(id),
    queryFn: async () =>
      (await unwrap(
        apiClient.GET('/api/requests/{requestId}', { params: { path: { requestId: id } } }),
      )) as RequestDetail,
  });
}

export function eligibilityQueryOptions(id: string, language: Language, version: number) {
  return queryOptions({
    queryKey: intakeKeys.eligibility(id, language, version),
    queryFn: async () =>
      (await unwrap(
        apiClient.GET('/api/requests/{requestId}/eligibility', {
          params: { path: { requestId: id }, query: { language } },
        }),
      )) as EligibilityResponse,
  });
}

/** Keeps the cached request (and its version) current after every write. */
function storeDetail(queryClient: QueryClient, detail: RequestDetail) {
  queryClient.setQueryData(intakeKeys.request(detail.id), detail);
  void queryClient.invalidateQueries({ queryKey: intakeKeys.myRequests });
}

export function startDraftMutationOptions(queryClient: QueryClient) {
  return {
    mutationFn: async (slug: string) =>
      (await unwrap(
        apiClient.POST('/api/programs/{slug}/drafts', { params: { path: { slug } } }),
      )) as RequestDetail,
    onSuccess: (detail: RequestDetail) => storeDetail(queryClient, detail),
  };
}

export function saveStepMutationOptions(queryClient: QueryClient, id: string) {
  return {
    mutationFn: async (body: SaveAnswersBody) =>
      (await unwrap(
        apiClient.PUT('/api/requests/{requestId}/answers', {
          params: { path: { requestId: id } },
          body,
        }),
      )) as RequestDetail,
    onSuccess: (detail: RequestDetail) => storeDetail(queryClient, detail),
  };
}

export function saveBankMutationOptions(queryClient: QueryClient, id: string) {
  return {
    mutationFn: async (body: BankDetailsBody) =>
      (await unwrap(
        apiClient.PUT('/api/requests/{requestId}/bank-account', {
          params: { path: { requestId: id } },
          body,
        }),
      )) as RequestDetail,
    onSuccess: (detail: RequestDetail) => storeDetail(queryClient, detail),
  };
}

export function submitMutationOptions(queryClient: QueryClient, id: string) {
  return {
    mutationFn: async ({
      idempotencyKey,
      language,
    }: {
      idempotencyKey: string;
      language: Language;
    }) =>
      (await unwrap(
        apiClient.POST('/api/requests/{requestId}/submit', {
          params: { path: { requestId: id }, header: { 'idempotency-key': idempotencyKey } },
          body: { declaration: true, language },
        }),
      )) as SubmitResponse,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: intakeKeys.request(id) });
      void queryClient.invalidateQueries({ queryKey: intakeKeys.myRequests });
      void queryClient.invalidateQueries({ queryKey: ['notifications'] });
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
