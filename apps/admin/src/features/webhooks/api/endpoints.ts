import { apiClient, getQueryOptions, unwrap, webhookEndpointKeys } from '@hms/api-client';
import type { RequestBody, ResponseBody } from '@hms/api-client';
import { mutationOptions } from '@tanstack/react-query';

export type Endpoint = ResponseBody<'/api/webhooks/endpoints'>['items'][number];
export type CreateEndpointBody = RequestBody<'/api/webhooks/endpoints', 'post'>;

export function endpointsQueryOptions() {
  return getQueryOptions(webhookEndpointKeys.all, '/api/webhooks/endpoints');
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
