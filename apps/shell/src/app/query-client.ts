import { isApiProblem } from '@hms/api-client';
import { QueryClient } from '@tanstack/react-query';

/** The one QueryClient of the page; remotes use it through the shared @tanstack/react-query singleton. */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        // Retrying a 4xx cannot succeed (not allowed, not found, invalid); retry network and 5xx failures only.
        retry: (failureCount, error) =>
          failureCount < 2 && !(isApiProblem(error) && error.status < 500),
      },
    },
  });
}
