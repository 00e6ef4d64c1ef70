import { z } from 'zod';

/** One field-level error inside a problem document: `field` is a dotted path into the request (e.g. `body.email`). */
export const problemFieldErrorSchema = z.object({
  field: z.string(),
  message: z.string(),
});
export type ProblemFieldError = z.infer<typeof problemFieldErrorSchema>;

/**
 * RFC 9457 problem details, the body of every error the API returns (`application/problem+json`).
 * `errors` is an extension member carrying per-field validation messages so forms can map them back onto inputs.
 */
export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    instance: z.string(),
    requestId: z.string().optional(),
    errors: z.array(problemFieldErrorSchema).optional(),
  })
  .meta({ id: 'Problem' });
export type Problem = z.infer<typeof problemSchema>;

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';
