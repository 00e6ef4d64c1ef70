import type { paths } from '@hms/api-client';

/** The JSON page of a list route that also answers CSV (format=csv); the JSON call never gets a string. */
export function jsonPage<T>(body: T | string): T {
  if (typeof body === 'string') throw new Error('Expected a JSON page, got CSV');
  return body;
}

/** The download link of a list: the same filters with format=csv (a plain GET the browser saves). */
export function csvHref(
  path: keyof paths & `/api/finance/${string}`,
  query: Record<string, string | number | undefined>,
): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v !== undefined && v !== '' && k !== 'page' && k !== 'pageSize') params.set(k, String(v));
  }
  params.set('format', 'csv');
  return `${path}?${params.toString()}`;
}
