import { apiClient, financeKeys, unwrap } from '@hms/api-client';
import type { QueryParams, ResponseBody } from '@hms/api-client';
import { freshQuery } from '../../../shared/fresh.ts';
import { jsonPage } from '../../../shared/list-api.ts';

export type OverviewQuery = QueryParams<'/api/finance/overview'>;
export type Overview = ResponseBody<'/api/finance/overview'>;
export type FigurePaymentsQuery = QueryParams<'/api/finance/payments'>;
export type FigurePaymentsPage = Exclude<ResponseBody<'/api/finance/payments'>, string>;
export type FigureRequestsQuery = QueryParams<'/api/finance/requests'>;
export type FigureRequestsPage = Exclude<ResponseBody<'/api/finance/requests'>, string>;

export function overviewQueryOptions(query: OverviewQuery) {
  return freshQuery(financeKeys.overview(query), (signal) =>
    unwrap(apiClient.GET('/api/finance/overview', { params: { query }, signal })),
  );
}

export type FigureListPage = FigurePaymentsPage | FigureRequestsPage;

/** The page of either list behind the overview's figures (payments or requests), with the same freshness. */
export function figureListQueryOptions(
  kind: 'payments' | 'requests',
  // The page reads figure and sort from the URL against the contract's lists, so either list's query fits here.
  query: Record<string, string | number | undefined>,
) {
  return freshQuery(
    kind === 'payments'
      ? financeKeys.figurePayments(query as FigurePaymentsQuery)
      : financeKeys.figureRequests(query as FigureRequestsQuery),
    async (signal) =>
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
  );
}
