import { apiClient, notificationKeys, unwrap } from '@hms/api-client';
import type { Language } from '@hms/ui';
import { infiniteQueryOptions, type QueryClient } from '@tanstack/react-query';

/**
 * The API writes each notification in the language the page shows (sent as Accept-Language), so the language is
 * part of the key: switching language fetches them again, in the new language.
 */
export function notificationsQueryOptions(language: Language) {
  return infiniteQueryOptions({
    queryKey: notificationKeys.list(language),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      unwrap(
        apiClient.GET('/api/notifications', {
          params: { query: { limit: 20, ...(pageParam ? { cursor: pageParam } : {}) } },
        }),
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

// Reading a notification changes the list and the header's unread badge: both sit under notificationKeys.all.
export function markReadMutationOptions(queryClient: QueryClient) {
  return {
    mutationFn: async (id: string) => {
      await apiClient.POST('/api/notifications/{notificationId}/read', {
        params: { path: { notificationId: id } },
      });
    },
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
  };
}

export function markAllReadMutationOptions(queryClient: QueryClient) {
  return {
    mutationFn: async () => {
      await apiClient.POST('/api/notifications/read-all');
    },
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
  };
}
