import { z } from 'zod';

/**
 * A text a person must give, trimmed: refused with `required` when it is missing or blank, and with `tooLong` past
 * `max` characters.
 */
export function requiredText(max: number, required: string, tooLong: string) {
  return z
    .string({ error: required })
    .trim()
    .min(1, { error: required })
    .max(max, { error: tooLong });
}
