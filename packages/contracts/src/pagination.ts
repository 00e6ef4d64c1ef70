import { z } from 'zod';

/**
 * Server-side pages of a list, newest first, with a keyset cursor each way. A cursor is opaque: send back the
 * `nextCursor` or `prevCursor` of the page you are on, exactly as returned, with the same filters.
 */
export function pageQueryFields({
  defaultLimit,
  maxLimit,
}: {
  defaultLimit: number;
  maxLimit: number;
}) {
  const limitMessage = `limit must be a whole number from 1 to ${maxLimit}.`;
  return {
    cursor: z
      .string()
      .max(200, { error: 'cursor must be a nextCursor or prevCursor exactly as returned.' })
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
export const paginationQuerySchema = z.object({
  cursor: z.string().max(200).optional(),
  limit: z.coerce
    .number({ error: 'limit must be a whole number from 1 to 100.' })
    .int({ error: 'limit must be a whole number from 1 to 100.' })
    .min(1, { error: 'limit must be at least 1.' })
    .max(100, { error: 'limit must be 100 or less.' })
    .default(20),
});
export type PaginationQuery = z.input<typeof paginationQuerySchema>;
