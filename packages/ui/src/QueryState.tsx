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
  /** Shown instead of the content when the answer has nothing to show. */
  empty?: ReactNode;
  /** When the answer counts as empty; left out, an empty list or a page with no `items` does. */
  isEmpty?: (data: T) => boolean;
  /** The error alert's heading level: 3 where the block sits under a section's h2. */
  headingLevel?: 2 | 3;
  children: (data: T) => ReactNode;
}

// The API answers a list either as an array or as a page `{ items, …cursors }`.
function hasNoItems(data: unknown): boolean {
  if (Array.isArray(data)) return data.length === 0;
  const items =
    typeof data === 'object' && data !== null ? (data as { items?: unknown }).items : null;
  return Array.isArray(items) && items.length === 0;
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
  if (empty !== undefined && (isEmpty ?? hasNoItems)(data)) return <>{empty}</>;
  return <>{children(data)}</>;
}
