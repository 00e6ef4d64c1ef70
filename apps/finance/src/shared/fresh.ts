import { keepPreviousData } from '@tanstack/react-query';

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
