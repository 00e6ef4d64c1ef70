import type { ReactNode } from 'react';
import { LoadingState, ProblemAlert } from './States.tsx';

/**
 * The part of a TanStack Query result this component reads. Structural on purpose: @hms/ui is shared by Module
 * Federation and must not import react-query, so any `useQuery` (or `useInfiniteQuery`) result fits as it is.
 */
export interface QueryLike<T> {
  isPending: boolean;
  isError: boolean;
  error: unknown;
  data: T | undefined;
  refetch: () => unknown;
}

export interface QueryStateProps<T> {
  query: QueryLike<T>;
  /** What the polite status region says while the first answer is on its way (the shared "Loading…" if left out). */
  loading?: string;
  /** Shown instead of the content when `isEmpty` says the answer has nothing to show. */
  empty?: ReactNode;
  isEmpty?: (data: T) => boolean;
  /** The error alert's heading level: 3 where the block sits under a section's h2. */
  headingLevel?: 2 | 3;
  children: (data: T) => ReactNode;
}

/**
 * One query's states, the same on every screen: the loading text in a polite status region, then an error as an
 * alert with a "Try again" that refetches, then the empty state, then the content. A failed refetch shows the alert
 * in place of the content it had, as each screen did before this component.
 */
export function QueryState<T>({
  query,
  loading,
  empty,
  isEmpty,
  headingLevel,
  children,
}: QueryStateProps<T>) {
  if (query.isPending) return <LoadingState label={loading} />;
  if (query.isError)
    return (
      <ProblemAlert
        error={query.error}
        onRetry={() => void query.refetch()}
        headingLevel={headingLevel}
      />
    );
  // Neither pending nor failed: the query has its answer.
  const data = query.data as T;
  if (isEmpty?.(data)) return <>{empty}</>;
  return <>{children(data)}</>;
}
