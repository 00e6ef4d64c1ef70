import {
  apiClient,
  outboxKeys,
  serviceTokenKeys,
  signInThrottleKeys,
  unwrap,
  webhookEndpointKeys,
  type paths,
} from '@hms/api-client';
import { mutationOptions, queryOptions } from '@tanstack/react-query';

export type ServiceToken =
  paths['/api/service-tokens']['get']['responses'][200]['content']['application/json']['items'][number];
export type CreateTokenBody = NonNullable<
  paths['/api/service-tokens']['post']['requestBody']
>['content']['application/json'];
export type Endpoint =
  paths['/api/webhooks/endpoints']['get']['responses'][200]['content']['application/json']['items'][number];
export type CreateEndpointBody = NonNullable<
  paths['/api/webhooks/endpoints']['post']['requestBody']
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

export type OutboxQuery = NonNullable<paths['/api/admin/outbox']['get']['parameters']['query']>;
export type OutboxPage =
  paths['/api/admin/outbox']['get']['responses'][200]['content']['application/json'];
export type OutboxEmail = OutboxPage['items'][number];
export type OutboxStatus = OutboxEmail['status'];

/** One page of the email outbox (newest first); `cursor` is the previous page's nextCursor. */
export function outboxQueryOptions(q: OutboxQuery) {
  return queryOptions({
    queryKey: outboxKeys.list(q),
    queryFn: ({ signal }) =>
      unwrap(apiClient.GET('/api/admin/outbox', { params: { query: q }, signal })),
  });
}

export type ThrottledAccount =
  paths['/api/admin/sign-in-throttle']['get']['responses'][200]['content']['application/json']['items'][number];

/** Accounts with failed sign-ins counted against them (the guessing sources wait; the owner does not). */
export function throttledAccountsQueryOptions() {
  return queryOptions({
    queryKey: signInThrottleKeys.all,
    queryFn: async ({ signal }) =>
      (await unwrap(apiClient.GET('/api/admin/sign-in-throttle', { signal }))).items,
  });
}

export function clearThrottleMutationOptions() {
  return mutationOptions({
    mutationFn: (email: string) =>
      unwrap(apiClient.POST('/api/admin/sign-in-throttle/clear', { body: { email } })),
  });
}
