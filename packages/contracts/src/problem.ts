import { z } from 'zod';
import { errorCodes, fieldErrorCodes } from './error-codes.ts';

const paramsSchema = z
  .record(z.string(), z.union([z.string(), z.number()]))
  .describe('Safe values the message for the code may show (a reference, a count, cents).');

/** One field-level error inside a problem document: `field` is a dotted path into the request (e.g. `body.email`). */
export const problemFieldErrorSchema = z.object({
  field: z.string(),
  message: z.string(),
  /** For the common failures (required, too long, …), so a form can say it in the reader's language. */
  code: z.enum(fieldErrorCodes).optional(),
  params: paramsSchema.optional(),
});
export type ProblemFieldError = z.infer<typeof problemFieldErrorSchema>;

/**
 * RFC 9457 problem details, the body of every error the API returns (`application/problem+json`).
 * `code` is the stable machine code of the error (see `@hms/contracts/error-codes`); screens show their own
 * message for it in the reader's language. `errors` is an extension member carrying per-field validation messages
 * so forms can map them back onto inputs.
 */
export const problemSchema = z
  .object({
    type: z.string(),
    code: z.enum(errorCodes),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    instance: z.string(),
    requestId: z.string().optional(),
    params: paramsSchema.optional(),
    errors: z.array(problemFieldErrorSchema).optional(),
  })
  .meta({ id: 'Problem' });
export type Problem = z.infer<typeof problemSchema>;

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';
