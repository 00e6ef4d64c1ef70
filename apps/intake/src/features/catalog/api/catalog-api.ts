import { getQueryOptions, apiClient, programKeys, unwrap } from '@hms/api-client';
import { queryOptions, type QueryClient } from '@tanstack/react-query';
import { storeRequestDetail, type RequestDetail } from '../../../shared/requests/request-api.ts';

export function programQueryOptions(slug: string) {
  return getQueryOptions(programKeys.detail(slug), '/api/programs/{slug}', {
    params: { path: { slug } },
  });
}

/** The citizen's open draft for this program (or null): the page offers to continue it rather than start again. */
export function programDraftQueryOptions(slug: string, enabled: boolean) {
  return queryOptions({
    queryKey: programKeys.draft(slug),
    enabled,
    queryFn: ({ signal }) =>
      unwrap(apiClient.GET('/api/programs/{slug}/draft', { params: { path: { slug } }, signal })),
  });
}

/** Starts an application, or returns the open draft for this program (the API keeps one per program). */
export function startDraftMutationOptions(queryClient: QueryClient) {
  return {
    mutationFn: (slug: string) =>
      unwrap(apiClient.POST('/api/programs/{slug}/drafts', { params: { path: { slug } } })),
    onSuccess: (detail: RequestDetail) => {
      storeRequestDetail(queryClient, detail);
      void queryClient.invalidateQueries({ queryKey: programKeys.drafts() });
    },
  };
}
