import { myRequestsQueryOptions, type ResponseBody } from '@hms/api-client';
import { useInfiniteQuery } from '@tanstack/react-query';

export type MyRequestItem = ResponseBody<'/api/requests/mine'>['items'][number];

/** The citizen's requests as one list, fetched a server page (cursor) at a time. */
export function useMyRequests() {
  const query = useInfiniteQuery(myRequestsQueryOptions());
  const items = query.data?.pages.flatMap((page) => page.items) ?? [];
  return { ...query, items };
}
