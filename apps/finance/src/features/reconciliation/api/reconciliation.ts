import {
  apiClient,
  reconciliationKeys,
  unwrap,
  type QueryParams,
  type ResponseBody,
} from '@hms/api-client';
import { mutationOptions } from '@tanstack/react-query';
import { freshQuery } from '../../../shared/fresh.ts';
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
  return freshQuery(reconciliationKeys.batches(query), async (signal) =>
    jsonPage(
      await unwrap(
        apiClient.GET('/api/finance/reconciliation/batches', { params: { query }, signal }),
      ),
    ),
  );
}

export function returnsQueryOptions(query: ReturnsQuery) {
  return freshQuery(reconciliationKeys.returns(query), async (signal) =>
    jsonPage(
      await unwrap(
        apiClient.GET('/api/finance/reconciliation/returns', { params: { query }, signal }),
      ),
    ),
  );
}

export function exceptionsQueryOptions(query: ExceptionsQuery) {
  return freshQuery(reconciliationKeys.exceptions(query), async (signal) =>
    jsonPage(
      await unwrap(
        apiClient.GET('/api/finance/reconciliation/exceptions', { params: { query }, signal }),
      ),
    ),
  );
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
