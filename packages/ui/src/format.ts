import { formatCents as formatCentsExact } from '@hms/contracts/money';
import { formatPhone, formatPlainDate } from '@hms/contracts/people-format';
import type { Language } from './i18n.tsx';

const LOCALES: Record<Language, string> = { en: 'en-US', es: 'es-US' };

/** Money is integer cents everywhere; the contracts formatter never goes through a float. */
export function formatCents(cents: number, language: Language = 'en'): string {
  return formatCentsExact(cents, language);
}

function toDate(value: string | number | Date): Date {
  return value instanceof Date ? value : new Date(value);
}

/** A calendar date, shown in the agency's time zone so every user sees the same day for a deadline. */
export function formatDate(
  value: string | number | Date,
  language: Language = 'en',
  timeZone = 'America/New_York',
): string {
  return new Intl.DateTimeFormat(LOCALES[language], { dateStyle: 'long', timeZone }).format(
    toDate(value),
  );
}

export function formatDateTime(
  value: string | number | Date,
  language: Language = 'en',
  timeZone = 'America/New_York',
): string {
  return new Intl.DateTimeFormat(LOCALES[language], {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone,
  }).format(toDate(value));
}

export function formatNumber(value: number, language: Language = 'en'): string {
  return new Intl.NumberFormat(LOCALES[language]).format(value);
}

/** A stored phone number (`+12025550147`) as people write it: `(202) 555-0147`. */
export { formatPhone };

/** A `YYYY-MM-DD` calendar date in words in the reader's language ("1 de diciembre de 2026"). */
export { formatPlainDate };
