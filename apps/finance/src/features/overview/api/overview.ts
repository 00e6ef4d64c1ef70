import {
  apiClient,
  financeKeys,
  unwrap,
  type QueryParams,
  type ResponseBody,
} from '@hms/api-client';
// keepPreviousData: while another period or page loads, the last answer stays on screen (marked as updating).
import { keepPreviousData, queryOptions } from '@tanstack/react-query';

export type OverviewQuery = QueryParams<'/api/finance/overview'>;
export type Overview = ResponseBody<'/api/finance/overview'>;
export type FigurePaymentsQuery = QueryParams<'/api/finance/payments'>;
export type FigurePaymentsPage = Exclude<ResponseBody<'/api/finance/payments'>, string>;
export type FigureRequestsQuery = QueryParams<'/api/finance/requests'>;
export type FigureRequestsPage = Exclude<ResponseBody<'/api/finance/requests'>, string>;

/** Figures are money: they are refreshed every 30 seconds and on focus, and never served from an old cache. */
const FRESH = { refetchInterval: 30_000, refetchOnWindowFocus: true, staleTime: 0 } as const;

/** The JSON page of a list route that also answers CSV (format=csv); the JSON call never gets a string. */
function jsonPage<T>(body: T | string): T {
  if (typeof body === 'string') throw new Error('Expected a JSON page, got CSV');
  return body;
}

export function overviewQueryOptions(query: OverviewQuery) {
  return queryOptions({
    queryKey: financeKeys.overview(query),
    queryFn: ({ signal }) =>
      unwrap(apiClient.GET('/api/finance/overview', { params: { query }, signal })),
    placeholderData: keepPreviousData,
    ...FRESH,
  });
}

export type FigureListPage = FigurePaymentsPage | FigureRequestsPage;

/** The page of either list behind the overview's figures (payments or requests), with the same freshness. */
export function figureListQueryOptions(
  kind: 'payments' | 'requests',
  // The page reads figure and sort from the URL against the contract's lists, so either list's query fits here.
  query: Record<string, string | number | undefined>,
) {
  return queryOptions<FigureListPage>({
    queryKey:
      kind === 'payments'
        ? financeKeys.figurePayments(query as FigurePaymentsQuery)
        : financeKeys.figureRequests(query as FigureRequestsQuery),
    queryFn: async ({ signal }) =>
      jsonPage<FigureListPage>(
        kind === 'payments'
          ? await unwrap(
              apiClient.GET('/api/finance/payments', {
                params: { query: query as FigurePaymentsQuery },
                signal,
              }),
            )
          : await unwrap(
              apiClient.GET('/api/finance/requests', {
                params: { query: query as FigureRequestsQuery },
                signal,
              }),
            ),
      ),
    placeholderData: keepPreviousData,
    ...FRESH,
  });
}

/** The download link of a list: the same filters with format=csv (a plain GET the browser saves). */
export function csvHref(
  path: '/api/finance/payments' | '/api/finance/requests',
  query: Record<string, string | number | undefined>,
): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v !== undefined && v !== '' && k !== 'page' && k !== 'pageSize') params.set(k, String(v));
  }
  params.set('format', 'csv');
  return `${path}?${params.toString()}`;
}
