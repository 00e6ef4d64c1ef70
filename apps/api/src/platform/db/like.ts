/** `s` as a LIKE pattern that matches it to the letter: its `\`, `%` and `_` escaped (Postgres' default escape). */
export const escapeLike = (s: string): string => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** A LIKE pattern for text that contains `s` anywhere. */
export const containsLike = (s: string): string => `%${escapeLike(s)}%`;
