import { z } from 'zod';
import { oneOf } from './one-of.ts';

/** A whole number from 1 in a querystring, with one message for every way it can be wrong (`tooLarge` past `max`). */
const wholeNumberFrom1 = (
  max: number,
  defaultValue: number,
  message: string,
  tooLarge: string = message,
) =>
  z.coerce
    .number({ error: message })
    .int({ error: message })
    .min(1, { error: message })
    .max(max, { error: tooLarge })
    .default(defaultValue);

/**
 * Server-side pages of a list, newest first, with a keyset cursor each way. A cursor is opaque: send back the
 * `nextCursor` or `prevCursor` of the page you are on, exactly as returned, with the same filters.
 */
export function pageQueryFields({
  defaultLimit,
  maxLimit,
  maxCursor = 200,
}: {
  defaultLimit: number;
  maxLimit: number;
  /** A cursor that carries a sort key (the inbox's) is longer than one that carries a time and an id. */
  maxCursor?: number;
}) {
  return {
    cursor: z
      .string()

      .max(maxCursor, { error: 'cursor must be a nextCursor or prevCursor exactly as returned.' })
      .optional()
      .describe('nextCursor or prevCursor of the page you are on; leave out for the first page'),
    limit: wholeNumberFrom1(
      maxLimit,
      defaultLimit,
      `limit must be a whole number from 1 to ${maxLimit}.`,
    ),
  };
}

export const pageLinksFields = {
  /** The next (older) page, or null on the last page. */
  nextCursor: z.string().nullable(),
  /** The previous (newer) page, or null on the first page. */
  prevCursor: z.string().nullable(),
};
export interface PageLinks {
  nextCursor: string | null;
  prevCursor: string | null;
}

/** A forward-only page of rows (my requests, notifications, the inbox) and the cursor of the next one (null: the last). */
export function forwardPageSchema<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

/** A forward-only page (my requests, notifications): the nextCursor of the page you are on, and a size. */
export const paginationQuerySchema = z.object(pageQueryFields({ defaultLimit: 20, maxLimit: 100 }));
export type PaginationQuery = z.input<typeof paginationQuerySchema>;

/**
 * Numbered pages of a money list (the finance lists): a page of 1 to 200 rows, the order, and CSV of every matching
 * row instead of a page. Numbered because finance staff reconcile "page 3 of 12" against a total; the CSV export
 * reads all of it by keyset on the server.
 */
export const numberedPageFields = {
  page: wholeNumberFrom1(
    100_000,
    1,
    'page must be a whole number from 1.',
    'page must be at most 100000.',
  ),
  pageSize: wholeNumberFrom1(200, 50, 'pageSize must be a whole number from 1 to 200.'),
  order: z.enum(['asc', 'desc'], { error: 'order must be asc or desc.' }).default('desc'),
  format: z
    .enum(['json', 'csv'], { error: 'format must be json or csv.' })
    .default('json')
    .describe('csv: every matching row (no paging), amounts in dollars and cents'),
};

/** What a numbered page of a money list says about itself: where it is, and the count and sum over all pages. */
export const numberedPageMeta = {
  page: z.number().int(),
  pageSize: z.number().int(),
  /** Rows matching the filters, over all pages. */
  totalCount: z.number().int(),
  /** Sum of the rows' amounts over all pages (for a finance list, what its overview figure shows). */
  totalCents: z.number().int(),
};

/** The one search box of the money lists: what it may hold, and what the server tries to read it as. */
export const moneySearchField = z
  .string()
  .trim()
  .min(1, { error: 'q must not be empty.' })
  .max(100, { error: 'q must be at most 100 characters.' })
  .optional()
  .describe('a reference, a payee name (or part), an amount (12.50) or a trace number');

/**
 * The query of a money list: its own filters (the period first), then the one search box, a sort among the list's
 * columns, and a numbered page. Every finance and reconciliation list is asked the same way.
 */
export function moneyListQuerySchema<
  const F extends z.ZodRawShape,
  const S extends readonly [string, ...string[]],
>(filters: F, sorts: S, defaultSort: S[number]) {
  return z.object({
    ...filters,
    q: moneySearchField,
    sort: oneOf('sort', sorts).default(defaultSort),
    ...numberedPageFields,
  });
}
