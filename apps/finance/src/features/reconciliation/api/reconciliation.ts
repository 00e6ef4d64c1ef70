import {
  apiClient,
  reconciliationKeys,
  unwrap,
  type QueryParams,
  type ResponseBody,
} from '@hms/api-client';
// keepPreviousData: while another page or filter loads, the last answer stays on screen.
import { keepPreviousData, mutationOptions, queryOptions } from '@tanstack/react-query';

export type BatchesQuery = QueryParams<'/api/finance/reconciliation/batches'>;
export type BatchesPage = Exclude<ResponseBody<'/api/finance/reconciliation/batches'>, string>;
export type ReturnsQuery = QueryParams<'/api/finance/reconciliation/returns'>;
export type ReturnsPage = Exclude<ResponseBody<'/api/finance/reconciliation/returns'>, string>;
export type ExceptionsQuery = QueryParams<'/api/finance/reconciliation/exceptions'>;
export type ExceptionsPage = Exclude<
  ResponseBody<'/api/finance/reconciliation/exceptions'>,
  string
>;

/** Money figures: refreshed every 30 seconds and on focus, never served from an old cache. */
const FRESH = { refetchInterval: 30_000, refetchOnWindowFocus: true, staleTime: 0 } as const;

/** The JSON page of a list route that also answers CSV (format=csv); the JSON call never gets a string. */
function jsonPage<T>(body: T | string): T {
  if (typeof body === 'string') throw new Error('Expected a JSON page, got CSV');
  return body;
}

export function batchesQueryOptions(query: BatchesQuery) {
  return queryOptions({
    queryKey: reconciliationKeys.batches(query),
    queryFn: async ({ signal }) =>
      jsonPage(
        await unwrap(
          apiClient.GET('/api/finance/reconciliation/batches', { params: { query }, signal }),
        ),
      ),
    placeholderData: keepPreviousData,
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
    placeholderData: keepPreviousData,
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
    placeholderData: keepPreviousData,
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

/** The download link of a list: the same filters with format=csv (a plain GET the browser saves). */
export function csvHref(
  path:
    | '/api/finance/reconciliation/batches'
    | '/api/finance/reconciliation/returns'
    | '/api/finance/reconciliation/exceptions',
  query: Record<string, string | number | undefined>,
): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v !== undefined && v !== '' && k !== 'page' && k !== 'pageSize') params.set(k, String(v));
  }
  params.set('format', 'csv');
  return `${path}?${params.toString()}`;
}
