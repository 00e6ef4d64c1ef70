import { z } from 'zod';

/**
 * A choice among `values` for the field `name`; anything else is refused with a message that names them all
 * ("sort must be one of date, amount, reference."), so a caller reads the fix in the error itself.
 */
export function oneOf<const T extends readonly [string, ...string[]]>(name: string, values: T) {
  return z.enum(values, { error: `${name} must be one of ${values.join(', ')}.` });
}
