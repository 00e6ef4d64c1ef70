import { keepPreviousData, queryOptions, type QueryKey } from '@tanstack/react-query';

/**
 * Finance figures are money: they are refreshed every 30 seconds while the page is open and on focus, and never
 * served from an old cache (the API answers no-store too). While another period or page loads, the last answer
 * stays on screen (marked as updating) instead of a blank.
 */
export const FRESH = {
  refetchInterval: 30_000,
  refetchOnWindowFocus: true,
  staleTime: 0,
  placeholderData: keepPreviousData,
} as const;

/** The query options of one finance figure or list: its key and its fetch, kept FRESH. */
export function freshQuery<T, K extends QueryKey>(
  queryKey: K,
  fetch: (signal: AbortSignal) => Promise<T>,
) {
  return queryOptions({ queryKey, queryFn: ({ signal }) => fetch(signal), ...FRESH });
}
