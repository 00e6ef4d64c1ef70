import { z } from 'zod';

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
  const limitMessage = `limit must be a whole number from 1 to ${maxLimit}.`;
  return {
    cursor: z
      .string()

      .max(maxCursor, { error: 'cursor must be a nextCursor or prevCursor exactly as returned.' })
      .optional()
      .describe('nextCursor or prevCursor of the page you are on; leave out for the first page'),
    limit: z.coerce
      .number({ error: limitMessage })
      .int({ error: limitMessage })
      .min(1, { error: limitMessage })
      .max(maxLimit, { error: limitMessage })
      .default(defaultLimit),
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

/** A forward-only page (my requests, notifications): the nextCursor of the page you are on, and a size. */
export const paginationQuerySchema = z.object(pageQueryFields({ defaultLimit: 20, maxLimit: 100 }));
export type PaginationQuery = z.input<typeof paginationQuerySchema>;
