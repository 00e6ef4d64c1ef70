import { sql, type SelectQueryBuilder } from 'kysely';
import type { PageLinks } from '@hms/contracts/pagination';
import { badRequest } from './errors.ts';

/**
 * Keyset pages over a UUIDv7 id column, newest first (ids are time-ordered, so `order by id` is creation order).
 * A cursor names a row and a direction: `n` (the page after it, older rows) or `p` (the page before it, newer
 * rows). Keyset rather than offset: a page does not shift or repeat rows when new rows arrive meanwhile.
 */
interface Cursor {
  d: 'n' | 'p';
  id: string;
}

/**
 * A timestamptz as UTC text to the microsecond, for a cursor that names a row by its time: a JS Date would round it
 * to the millisecond, and the next page would skip rows.
 */
export const utcText = (column: string) =>
  sql<string>`to_char(${sql.ref(column)} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const encode = (c: Cursor) => Buffer.from(JSON.stringify(c)).toString('base64url');

export function decodePageCursor(raw: string | undefined): Cursor | null {
  if (!raw) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch {
    parsed = null;
  }
  const c = parsed as Partial<Cursor> | null;
  if (!c || (c.d !== 'n' && c.d !== 'p') || typeof c.id !== 'string' || !UUID.test(c.id))
    throw badRequest('validation.cursor_invalid', 'The cursor is not valid.', [
      {
        field: 'query.cursor',
        message:
          'Use nextCursor or prevCursor of the page you are on exactly as returned, with the same filters; leave cursor out for the first page.',
      },
    ]);
  return { d: c.d, id: c.id };
}

/**
 * One page of `query` (already filtered), keyed on `idColumn`. Reads one row more than `limit` to know whether
 * there is a page beyond, in the direction it reads.
 */
export async function keysetPage<DB, TB extends keyof DB, O extends { id: string }>(
  query: SelectQueryBuilder<DB, TB, O>,
  idColumn: string,
  page: { cursor?: string | undefined; limit: number },
): Promise<PageLinks & { rows: O[] }> {
  const cursor = decodePageCursor(page.cursor);
  const id = sql.ref(idColumn);
  const backwards = cursor?.d === 'p';
  let q = query.orderBy(id, backwards ? 'asc' : 'desc').limit(page.limit + 1);
  if (cursor) q = q.where(sql<boolean>`${id} ${sql.raw(backwards ? '>' : '<')} ${cursor.id}`);
  const read = await q.execute();
  const more = read.length > page.limit;
  const rows = read.slice(0, page.limit);
  if (backwards) rows.reverse();
  // On an emptied page (rows removed meanwhile) the way back is through the cursor's own row.
  const first = rows[0]?.id ?? cursor?.id;
  const last = rows[rows.length - 1]?.id ?? cursor?.id;
  const hasNewer = backwards ? more : cursor !== null;
  const hasOlder = backwards ? true : more;
  return {
    rows,
    nextCursor: hasOlder && last ? encode({ d: 'n', id: last }) : null,
    prevCursor: hasNewer && first ? encode({ d: 'p', id: first }) : null,
  };
}

/**
 * What a numbered page of a money list says about itself (contracts' numberedPageMeta): where it is, and the count
 * and sum of the rows over all pages.
 */
export function numberedPageMeta(
  q: { page: number; pageSize: number },
  totals: { count: number; cents: number },
) {
  return { page: q.page, pageSize: q.pageSize, totalCount: totals.count, totalCents: totals.cents };
}

/** The row a keyset walk continues after, in a list sorted by (sort key, id): its sort key as text, and its id. */
export interface SortKeyCursor {
  key: string;
  id: string;
}

/**
 * Every page of a list sorted by (sort key, id), each read strictly after the last row of the one before, until a
 * page comes back short: an export of any length in bounded memory, as cheap per page at its end as at its start.
 * `readPage` answers a page's rows (each with its `sort_key` and `id`) and what to yield for them.
 */
export async function* keysetPages<T>(
  pageSize: number,
  readPage: (after: SortKeyCursor | null) => Promise<{
    rows: ReadonlyArray<{ sort_key: unknown; id: unknown }>;
    items: T[];
  }>,
): AsyncGenerator<T[]> {
  let after: SortKeyCursor | null = null;
  for (;;) {
    const { rows, items } = await readPage(after);
    yield items;
    const last = rows.at(-1);
    if (last === undefined || rows.length < pageSize) return;
    after = { key: String(last.sort_key), id: String(last.id) };
  }
}
