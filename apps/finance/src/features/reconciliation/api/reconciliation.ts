import {
  apiClient,
  reconciliationKeys,
  unwrap,
  type QueryParams,
  type ResponseBody,
} from '@hms/api-client';
import { mutationOptions, queryOptions } from '@tanstack/react-query';
import { FRESH } from '../../../shared/fresh.ts';
import { jsonPage } from '../../../shared/list-api.ts';

export type BatchesQuery = QueryParams<'/api/finance/reconciliation/batches'>;
export type BatchesPage = Exclude<ResponseBody<'/api/finance/reconciliation/batches'>, string>;
export type ReturnsQuery = QueryParams<'/api/finance/reconciliation/returns'>;
export type ReturnsPage = Exclude<ResponseBody<'/api/finance/reconciliation/returns'>, string>;
export type ExceptionsQuery = QueryParams<'/api/finance/reconciliation/exceptions'>;
export type ExceptionsPage = Exclude<
  ResponseBody<'/api/finance/reconciliation/exceptions'>,
  string
>;

export function batchesQueryOptions(query: BatchesQuery) {
  return queryOptions({
    queryKey: reconciliationKeys.batches(query),
    queryFn: async ({ signal }) =>
      jsonPage(
        await unwrap(
          apiClient.GET('/api/finance/reconciliation/batches', { params: { query }, signal }),
        ),
      ),
    ...FRESH,
  });
}

export function returnsQueryOptions(query: ReturnsQuery) {
  return queryOptions({
    queryKey: reconciliationKeys.returns(query),
    queryFn: async ({ signal }) =>
      jsonPage(
        await unwrap(
          apiClient.GET('/api/finance/reconciliation/returns', { params: { query }, signal }),
        ),
      ),
    ...FRESH,
  });
}

export function exceptionsQueryOptions(query: ExceptionsQuery) {
  return queryOptions({
    queryKey: reconciliationKeys.exceptions(query),
    queryFn: async ({ signal }) =>
      jsonPage(
        await unwrap(
          apiClient.GET('/api/finance/reconciliation/exceptions', { params: { query }, signal }),
        ),
      ),
    ...FRESH,
  });
}

export function resolveExceptionMutationOptions() {
  return mutationOptions({
    mutationFn: (body: {
      exceptionId: string;
      resolution: 'written_off' | 'confirmed_with_bank';
      note: string;
    }) => unwrap(apiClient.POST('/api/finance/reconciliation/exceptions/resolve', { body })),
  });
}
