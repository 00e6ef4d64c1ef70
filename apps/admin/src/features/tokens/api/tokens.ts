import { apiClient, getQueryOptions, serviceTokenKeys, unwrap } from '@hms/api-client';
import type { RequestBody, ResponseBody } from '@hms/api-client';
import { mutationOptions } from '@tanstack/react-query';

export type ServiceToken = ResponseBody<'/api/service-tokens'>['items'][number];
export type CreateTokenBody = RequestBody<'/api/service-tokens', 'post'>;
export function tokensQueryOptions() {
  return getQueryOptions(serviceTokenKeys.all, '/api/service-tokens');
}

export function tokenMutationOptions() {
  return mutationOptions({
    mutationFn: async (
      a:
        | { kind: 'create'; body: CreateTokenBody }
        | { kind: 'rotate'; id: string }
        | { kind: 'revoke'; id: string },
    ) => {
      if (a.kind === 'create')
        return unwrap(apiClient.POST('/api/service-tokens', { body: a.body }));
      const path = { params: { path: { tokenId: a.id } } };
      if (a.kind === 'rotate')
        return unwrap(apiClient.POST('/api/service-tokens/{tokenId}/rotate', path));
      return unwrap(apiClient.POST('/api/service-tokens/{tokenId}/revoke', path));
    },
  });
}
