import { meQueryOptions } from '@hms/api-client';
import { useQuery } from '@tanstack/react-query';

/** The session as every shell component sees it: one cached GET /api/me. */
export function useSession() {
  const query = useQuery(meQueryOptions());
  return {
    user: query.data ?? null,
    isPending: query.isPending,
    error: query.error,
    refetch: query.refetch,
  };
}
