import { apiClient, unwrap, webhookEndpointKeys } from '@hms/api-client';
import type { RequestBody, ResponseBody } from '@hms/api-client';
import { mutationOptions, queryOptions } from '@tanstack/react-query';

export type Endpoint = ResponseBody<'/api/webhooks/endpoints'>['items'][number];
export type CreateEndpointBody = RequestBody<'/api/webhooks/endpoints', 'post'>;

export function endpointsQueryOptions() {
  return queryOptions({
    queryKey: webhookEndpointKeys.all,
    queryFn: async ({ signal }) =>
      (await unwrap(apiClient.GET('/api/webhooks/endpoints', { signal }))).items,
  });
}

export function endpointMutationOptions() {
  return mutationOptions({
    mutationFn: (
      a: { kind: 'create'; body: CreateEndpointBody } | { kind: 'disable'; id: string },
    ) =>
      a.kind === 'create'
        ? unwrap(apiClient.POST('/api/webhooks/endpoints', { body: a.body }))
        : unwrap(
            apiClient.POST('/api/webhooks/endpoints/{endpointId}/disable', {
              params: { path: { endpointId: a.id } },
            }),
          ),
  });
}
