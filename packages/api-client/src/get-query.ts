import { queryOptions, type QueryKey } from '@tanstack/react-query';
import type { ParamsOption } from 'openapi-fetch';
import { apiClient, unwrap } from './client.ts';
import type { ResponseBody } from './http-types.ts';
import type { paths } from './schema';

/** The API's paths that answer a GET. */
export type GetPath = {
  [P in keyof paths]: paths[P] extends { get: { responses: unknown } } ? P : never;
}[keyof paths];

/** The parameters of GET `path`, as openapi-fetch takes them (`{ params: { path, query } }`): required when it has required ones. */
type GetInit<P extends GetPath> = ParamsOption<paths[P]['get']>;
type GetInitArg<P extends GetPath> =
  object extends GetInit<P> ? [init?: GetInit<P>] : [init: GetInit<P>];

/**
 * The query options of one GET of the API: its key (from the resource's key factory), its path and parameters; the
 * data is the response body, and the query's abort signal is passed on. Anything more a query needs (a refresh
 * interval, a `select`) is spread over it.
 */
export function getQueryOptions<P extends GetPath, K extends QueryKey>(
  queryKey: K,
  path: P,
  ...[init]: GetInitArg<P>
) {
  // The generic path is beyond openapi-fetch's overloads; the parameters were checked against the path above.
  const get = apiClient.GET as unknown as (
    path: P,
    init: { params?: unknown; signal: AbortSignal },
  ) => Promise<{ data?: ResponseBody<P>; error?: unknown; response: Response }>;
  return queryOptions({
    queryKey,
    queryFn: ({ signal }) => unwrap(get(path, { ...init, signal })),
  });
}
