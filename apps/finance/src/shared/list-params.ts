import type { ListControlsValue } from './list-controls.tsx';

/** The search, sort, order and page of a figure list, read from the URL; anything malformed is left out. */
export function readListParams<S extends string>(
  params: URLSearchParams,
  sorts: readonly S[],
): ListControlsValue & { sort?: S; page: number } {
  const q = (params.get('q') ?? '').trim().slice(0, 100);
  const sort = params.get('sort') ?? '';
  const order = params.get('order');
  const page = Number(params.get('page') ?? '1');
  return {
    ...(q ? { q } : {}),
    ...((sorts as readonly string[]).includes(sort) ? { sort: sort as S } : {}),
    ...(order === 'asc' || order === 'desc' ? { order } : {}),
    page: Number.isInteger(page) && page >= 1 && page <= 100_000 ? page : 1,
  };
}

/** The URL after changing some list parameters; any change but the page goes back to page 1. */
export function withListParams(
  params: URLSearchParams,
  change: Record<string, string | number | undefined>,
): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const [k, v] of Object.entries(change)) {
    if (v === undefined || v === '') next.delete(k);
    else next.set(k, String(v));
  }
  if (!('page' in change)) next.delete('page');
  return next;
}
