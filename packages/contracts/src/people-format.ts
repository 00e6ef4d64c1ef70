import type { Language } from './language.ts';
/**
 * Phone numbers and calendar dates as people write them, for the screens and for the messages the API sends. No
 * zod and no Intl data beyond the runtime's: the citizen's first page imports this.
 */

const LOCALES: Record<Language, string> = { en: 'en-US', es: 'es-US' };

/**
 * A stored phone number (E.164, `+12025550147`) as people in the US write it: `(202) 555-0147`. Anything that is not
 * a North American number is shown as stored, so nothing is ever hidden or mangled.
 */
export function formatPhone(value: string): string {
  const m = /^\+1(\d{3})(\d{3})(\d{4})$/.exec(value.trim());
  return m ? `(${m[1]}) ${m[2]}-${m[3]}` : value;
}

/**
 * A calendar date written `YYYY-MM-DD` (an answer, an ACH effective date) in words in the reader's language:
 * "December 1, 2026" / "1 de diciembre de 2026". Read at UTC so the day never shifts with the time zone. A value that
 * is not such a date is returned unchanged.
 */
export function formatPlainDate(value: string, language: Language = 'en'): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  const date = new Date(`${value}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(LOCALES[language], { dateStyle: 'long', timeZone: 'UTC' }).format(
    date,
  );
}
