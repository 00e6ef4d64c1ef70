import { getQueryOptions, apiClient, nocKeys, unwrap, type paths } from '@hms/api-client';
import { keepPreviousData, mutationOptions, queryOptions } from '@tanstack/react-query';

export type ImportResult =
  paths['/api/returns/imports']['post']['responses'][200]['content']['application/json'];
export type Noc =
  paths['/api/nocs']['get']['responses'][200]['content']['application/json']['items'][number];

export function importReturnsMutationOptions() {
  return mutationOptions({
    mutationFn: (body: { fileName: string; content: string }) =>
      unwrap(apiClient.POST('/api/returns/imports', { body })),
  });
}

/** One server page of notifications of change, newest first; `cursor` is a page's nextCursor or prevCursor. */
export function nocsQueryOptions(cursor?: string) {
  return queryOptions({
    ...getQueryOptions(nocKeys.list(cursor), '/api/nocs', {
      params: { query: { limit: 25, ...(cursor ? { cursor } : {}) } },
    }),
    placeholderData: keepPreviousData,
  });
}

export function decideNocMutationOptions() {
  return mutationOptions({
    mutationFn: ({ id, decision }: { id: string; decision: 'confirm' | 'dismiss' }) =>
      decision === 'confirm'
        ? unwrap(apiClient.POST('/api/nocs/{nocId}/confirm', { params: { path: { nocId: id } } }))
        : unwrap(apiClient.POST('/api/nocs/{nocId}/dismiss', { params: { path: { nocId: id } } })),
  });
}
