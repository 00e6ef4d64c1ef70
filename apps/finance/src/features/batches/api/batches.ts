import { getQueryOptions, apiClient, batchKeys, unwrap, type paths } from '@hms/api-client';
import { keepPreviousData, mutationOptions, queryOptions } from '@tanstack/react-query';

export type BatchDetail =
  paths['/api/batches/{batchId}']['get']['responses'][200]['content']['application/json'];
export type BatchSummary =
  paths['/api/batches']['get']['responses'][200]['content']['application/json']['items'][number];

/**
 * One server page of batches, newest first; `cursor` is a page's nextCursor or prevCursor. `status: 'built'` keeps
 * the batches waiting for release (the list the Today page's figure opens).
 */
export function batchesQueryOptions(cursor?: string, status?: 'built') {
  return queryOptions({
    ...getQueryOptions(batchKeys.list(cursor, status), '/api/batches', {
      params: {
        query: {
          limit: BATCHES_PAGE_SIZE,
          ...(cursor ? { cursor } : {}),
          ...(status ? { status } : {}),
        },
      },
    }),
    // The current page stays on screen while the next one loads, so the pager does not jump.
    placeholderData: keepPreviousData,
  });
}
const BATCHES_PAGE_SIZE = 25;

export function batchQueryOptions(id: string) {
  return getQueryOptions(batchKeys.detail(id), '/api/batches/{batchId}', {
    params: { path: { batchId: id } },
  });
}

export type BatchAction = 'release' | 'cancel' | 'settle';

export function batchActionMutationOptions(id: string) {
  return mutationOptions({
    mutationFn: async (action: BatchAction) => {
      const path = { params: { path: { batchId: id } } };
      if (action === 'release')
        return unwrap(apiClient.POST('/api/batches/{batchId}/release', path));
      if (action === 'cancel') return unwrap(apiClient.POST('/api/batches/{batchId}/cancel', path));
      await unwrap(apiClient.POST('/api/batches/{batchId}/settle', { ...path, body: {} }));
      return null;
    },
  });
}

/** The file exactly as stored (text), with the name the API gives it; the caller saves it. */
export async function downloadBatchFile(id: string): Promise<{ fileName: string; text: string }> {
  const { data, response } = await apiClient.GET('/api/batches/{batchId}/file', {
    params: { path: { batchId: id } },
    parseAs: 'text',
  });
  const name =
    /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ??
    `batch-${id}.ach`;
  return { fileName: name, text: data ?? '' };
}
