import { Pager, useSearchFilters, type FilterSpec, type SearchFilters } from '@hms/ui';

/**
 * A list the API pages with cursors, its filters and page in the URL (shareable; the back button works): the
 * filters, and the query of the page shown (the filters set, the page size, and the cursor after the first page).
 */
export function usePagedSearch<S extends FilterSpec>(spec: S, limit: number) {
  const filters = useSearchFilters(spec);
  const { cursor } = filters;
  return { filters, query: { limit, ...filters.values, ...(cursor ? { cursor } : {}) } };
}

/** The pages of such a list, under it: turning one keeps the URL's filters. */
export function ListPager({
  label,
  page,
  filters,
}: {
  label: string;
  /** The page the API answered, with the cursors either side. */
  page: { prevCursor: string | null; nextCursor: string | null };
  filters: Pick<SearchFilters<FilterSpec>, 'toPage'>;
}) {
  return (
    <Pager
      label={label}
      prevCursor={page.prevCursor}
      nextCursor={page.nextCursor}
      onPage={filters.toPage}
    />
  );
}
