import { apiClient, financeKeys, unwrap } from '@hms/api-client';
import type { QueryParams, ResponseBody } from '@hms/api-client';
import { freshQuery } from '../../../shared/fresh.ts';

export type TrendsQuery = QueryParams<'/api/finance/trends'>;
export type Trends = ResponseBody<'/api/finance/trends'>;
export type TrendPoint = Trends['points'][number];
export type ReturnReasonRow = Trends['returnsByReason'][number];

export function trendsQueryOptions(query: TrendsQuery) {
  return freshQuery(financeKeys.trends(query), (signal) =>
    unwrap(apiClient.GET('/api/finance/trends', { params: { query }, signal })),
  );
}
