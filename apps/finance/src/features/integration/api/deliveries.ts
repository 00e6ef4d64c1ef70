import { getQueryOptions, apiClient, deliveryKeys, unwrap, type paths } from '@hms/api-client';
import { keepPreviousData, mutationOptions, queryOptions } from '@tanstack/react-query';

export type Delivery =
  paths['/api/webhooks/deliveries']['get']['responses'][200]['content']['application/json']['items'][number];
export type DeliveryStatus = Delivery['status'];

const PAGE_SIZE = 25;

/** One server page of deliveries, newest first; `cursor` is a page's nextCursor or prevCursor. */
export function deliveriesQueryOptions(status: DeliveryStatus | 'all', cursor?: string) {
  return queryOptions({
    ...getQueryOptions(deliveryKeys.list(status, cursor), '/api/webhooks/deliveries', {
      params: {
        query: {
          limit: PAGE_SIZE,
          ...(status === 'all' ? {} : { status }),
          ...(cursor ? { cursor } : {}),
        },
      },
    }),
    refetchInterval: 10_000,
    placeholderData: keepPreviousData,
  });
}

export function redeliverMutationOptions() {
  return mutationOptions({
    mutationFn: (id: string) =>
      unwrap(
        apiClient.POST('/api/webhooks/deliveries/{deliveryId}/redeliver', {
          params: { path: { deliveryId: id } },
        }),
      ),
  });
}
