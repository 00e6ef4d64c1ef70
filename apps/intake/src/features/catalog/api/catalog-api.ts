import { apiClient, unwrap } from '@hms/api-client';
import type { ProgramDraftResponse, RequestDetail } from '@hms/contracts/applications';
import type { ProgramDetail } from '@hms/contracts/intake';
import { queryOptions, type QueryClient } from '@tanstack/react-query';

export function programQueryOptions(slug: string) {
  return queryOptions({
    queryKey: ['intake', 'program', slug] as const,
    queryFn: async ({ signal }) =>
      (await unwrap(
        apiClient.GET('/api/programs/{slug}', { params: { path: { slug } }, signal }),
      )) as ProgramDetail,
  });
}

/** The citizen's open draft for this program (or null): the page offers to continue it rather than start again. */
export function programDraftQueryOptions(slug: string, enabled: boolean) {
  return queryOptions({
    queryKey: ['intake', 'program-draft', slug] as const,
    enabled,
    queryFn: async ({ signal }) =>
      (await unwrap(
        apiClient.GET('/api/programs/{slug}/draft', { params: { path: { slug } }, signal }),
      )) as ProgramDraftResponse,
  });
}

/** Starts an application, or returns the open draft for this program (the API keeps one per program). */
export function startApplicationMutationOptions(queryClient: QueryClient) {
  return {
    mutationFn: async (slug: string) =>
      (await unwrap(
        apiClient.POST('/api/programs/{slug}/drafts', { params: { path: { slug } } }),
      )) as RequestDetail,
    onSuccess: (detail: RequestDetail) => {
      queryClient.setQueryData(['intake', 'request', detail.id], detail);
      void queryClient.invalidateQueries({ queryKey: ['requests', 'mine'] });
      void queryClient.invalidateQueries({ queryKey: ['intake', 'program-draft'] });
    },
  };
}
