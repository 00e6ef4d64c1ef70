// Names for the parts of the generated OpenAPI types (schema.d.ts) a caller needs, so an app reads its response and
// body types from the API's own document instead of casting to a hand-written type.
import type { paths } from './schema';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

type SuccessBody<R> = R extends { 200: { content: { 'application/json': infer B } } }
  ? B
  : R extends { 201: { content: { 'application/json': infer B } } }
    ? B
    : never;

/** The JSON body of the successful (200 or 201) response of `method` on `path`. */
export type ResponseBody<P extends keyof paths, M extends Method = 'get'> = paths[P] extends {
  [K in M]: { responses: infer R };
}
  ? SuccessBody<R>
  : never;

/** The JSON request body of `method` on `path`. */
export type RequestBody<P extends keyof paths, M extends Method> = paths[P] extends {
  [K in M]: { requestBody?: { content: { 'application/json': infer B } } };
}
  ? B
  : never;

/** The query string parameters of GET `path`. */
export type QueryParams<P extends keyof paths> = paths[P] extends {
  get: { parameters: { query?: infer Q } };
}
  ? NonNullable<Q>
  : never;
