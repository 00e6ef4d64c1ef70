import { apiClient, programKeys, requestKeys, unwrap } from '@hms/api-client';
import type { QueryClient } from '@tanstack/react-query';

/** Deletes one of the citizen's drafts; the list, the program page's "continue" offer and the cached draft follow. */
export function deleteDraftMutationOptions(queryClient: QueryClient) {
  return {
    mutationFn: async (id: string) => {
      await unwrap(
        apiClient.DELETE('/api/requests/{requestId}', { params: { path: { requestId: id } } }),
      );
      return id;
    },
    onSuccess: (id: string) => {
      queryClient.removeQueries({ queryKey: requestKeys.detail(id) });
      void queryClient.invalidateQueries({ queryKey: requestKeys.mine() });
      void queryClient.invalidateQueries({ queryKey: programKeys.drafts() });
    },
  };
}
