import { getQueryOptions, financeKeys, type ResponseBody } from '@hms/api-client';
import { queryOptions } from '@tanstack/react-query';

export type Today = ResponseBody<'/api/finance/today'>;
export type AchWindow = Today['cutoffs']['sameDay'];

/**
 * The work waiting now. Money and queues change while the page is open (another officer builds or releases a batch,
 * the bank's file comes in): refetched every 30 seconds and on focus, never served from an old cache.
 */
export function todayQueryOptions() {
  return queryOptions({
    ...getQueryOptions(financeKeys.today(), '/api/finance/today'),
    refetchInterval: 30_000,
    refetchOnWindowFocus: true,
    staleTime: 0,
  });
}
