import { getQueryOptions, apiClient, paymentKeys, unwrap, type paths } from '@hms/api-client';
import { mutationOptions } from '@tanstack/react-query';

export type PaymentsQuery = NonNullable<paths['/api/payments']['get']['parameters']['query']>;
export type PaymentsPage =
  paths['/api/payments']['get']['responses'][200]['content']['application/json'];
export type Payment = PaymentsPage['items'][number];
export type BuildBatchBody = NonNullable<
  paths['/api/batches']['post']['requestBody']
>['content']['application/json'];

export function paymentsQueryOptions(q: PaymentsQuery) {
  return getQueryOptions(paymentKeys.list(q), '/api/payments', { params: { query: q } });
}

export function buildBatchMutationOptions() {
  return mutationOptions({
    mutationFn: (body: BuildBatchBody) => unwrap(apiClient.POST('/api/batches', { body })),
  });
}
