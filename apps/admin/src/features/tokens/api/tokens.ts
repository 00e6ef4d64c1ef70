import { apiClient, serviceTokenKeys, unwrap, type paths } from '@hms/api-client';
import { mutationOptions, queryOptions } from '@tanstack/react-query';

export type ServiceToken =
  paths['/api/service-tokens']['get']['responses'][200]['content']['application/json']['items'][number];
export type CreateTokenBody = NonNullable<
  paths['/api/service-tokens']['post']['requestBody']
>['content']['application/json'];
export function tokensQueryOptions() {
  return queryOptions({
    queryKey: serviceTokenKeys.all,
    queryFn: async ({ signal }) =>
      (await unwrap(apiClient.GET('/api/service-tokens', { signal }))).items,
  });
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
