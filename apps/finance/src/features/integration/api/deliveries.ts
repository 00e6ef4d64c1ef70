import { apiClient, unwrap, type paths } from '@hms/api-client';
import { mutationOptions, queryOptions } from '@tanstack/react-query';

export type Delivery =
  paths['/api/webhooks/deliveries']['get']['responses'][200]['content']['application/json']['items'][number];
export type DeliveryStatus = Delivery['status'];

export const deliveryKeys = {
  list: (status: DeliveryStatus | 'all') => ['finance', 'webhook-deliveries', status] as const,
};

export function deliveriesQueryOptions(status: DeliveryStatus | 'all') {
  return queryOptions({
    queryKey: deliveryKeys.list(status),
    queryFn: async ({ signal }) =>
      (
        await unwrap(
          apiClient.GET('/api/webhooks/deliveries', {
            params: { query: { limit: 100, ...(status === 'all' ? {} : { status }) } },
            signal,
          }),
        )
      ).items,
    refetchInterval: 10_000,
  });
}

export function redeliverMutationOptions() {
  return mutationOptions({
    mutationFn: (id: string) =>
      unwrap(
        apiClient.POST('/api/webhooks/deliveries/{id}/redeliver', { params: { path: { id } } }),
      ),
  });
}
