import { problemSchema } from '@hms/contracts/problem';

/** The error statuses the API answers with (each an RFC 9457 problem+json body). */
export type ProblemStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 503;

/**
 * Route response schemas for the given error statuses, every one the shared problem+json schema: the one place a
 * route's error responses are declared (`response: { 200: itemSchema, ...problemResponses(400, 401, 403) }`).
 */
export function problemResponses<S extends ProblemStatus>(
  ...statuses: S[]
): Record<S, typeof problemSchema> {
  return Object.fromEntries(statuses.map((status) => [status, problemSchema])) as Record<
    S,
    typeof problemSchema
  >;
}
