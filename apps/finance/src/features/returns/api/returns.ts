import { apiClient, unwrap, type paths } from '@hms/api-client';
import { mutationOptions, queryOptions } from '@tanstack/react-query';

export type ImportResult =
  paths['/api/returns/imports']['post']['responses'][200]['content']['application/json'];
export type Noc =
  paths['/api/nocs']['get']['responses'][200]['content']['application/json']['items'][number];

export const returnsKeys = {
  imports: ['finance', 'returns', 'imports'] as const,
  nocs: ['finance', 'nocs'] as const,
};

export function importReturnsMutationOptions() {
  return mutationOptions({
    mutationFn: (body: { fileName: string; content: string }) =>
      unwrap(apiClient.POST('/api/returns/imports', { body })),
  });
}

export function importsQueryOptions() {
  return queryOptions({
    queryKey: returnsKeys.imports,
    queryFn: async ({ signal }) =>
      (await unwrap(apiClient.GET('/api/returns/imports', { signal }))).items,
  });
}

export function nocsQueryOptions() {
  return queryOptions({
    queryKey: returnsKeys.nocs,
    queryFn: async ({ signal }) => (await unwrap(apiClient.GET('/api/nocs', { signal }))).items,
  });
}

export function decideNocMutationOptions() {
  return mutationOptions({
    mutationFn: ({ id, decision }: { id: string; decision: 'confirm' | 'dismiss' }) =>
      decision === 'confirm'
        ? unwrap(apiClient.POST('/api/nocs/{id}/confirm', { params: { path: { id } } }))
        : unwrap(apiClient.POST('/api/nocs/{id}/dismiss', { params: { path: { id } } })),
  });
}
