import type { Language } from './language.ts';
/**
 * Money as integer cents: parsing what a person types and formatting amounts for people.
 *
 * Amounts are never floats: a float cannot hold 0.10 exactly, and a cent lost in a payment file is a
 * reconciliation break. Parsing works on the digits as text and formatting hands Intl an exact decimal string.
 */

export type DollarsParseError =
  /** Nothing but spaces. */
  | 'empty'
  /** Not an amount, e.g. `12abc`, `1,23`, `1.`. */
  | 'format'
  /** A minus sign or accounting parentheses. */
  | 'negative'
  /** More than two digits after the decimal point. */
  | 'precision'
  /** Beyond what a JavaScript number holds exactly (2^53 - 1 cents). */
  | 'too_large';

export type DollarsParseResult =
  { ok: true; cents: number } | { ok: false; error: DollarsParseError };

// Plain digits or correctly grouped thousands (1,234,567), then any number of decimals: the decimals are
// counted afterwards so that "too many decimals" gets its own message rather than "not an amount".
const AMOUNT = /^(?:(\d{1,3}(?:,\d{3})+)|(\d+))(?:\.(\d+))?$/;

/**
 * Reads a dollar amount as typed in a form (`1,234.56`, `$1234.5`, `20`) into integer cents, explaining why
 * when it cannot. es-US writes amounts like en-US (`$1,234.56`), so one syntax serves both languages.
 */
export function parseDollars(input: string): DollarsParseResult {
  let text = input.trim();
  if (text === '') return { ok: false, error: 'empty' };
  if (/^(?:-|\(.*\)$|\$\s*-)/.test(text) || text.startsWith('\u2212'))
    return { ok: false, error: 'negative' };
  if (text.startsWith('$')) text = text.slice(1).trimStart();
  const match = AMOUNT.exec(text);
  if (!match) return { ok: false, error: 'format' };
  const whole = (match[1] ?? match[2] ?? '').replaceAll(',', '');
  const fraction = match[3] ?? '';
  if (fraction.length > 2) return { ok: false, error: 'precision' };
  const cents = BigInt(whole) * 100n + BigInt(fraction.padEnd(2, '0'));
  if (cents > BigInt(Number.MAX_SAFE_INTEGER)) return { ok: false, error: 'too_large' };
  return { ok: true, cents: Number(cents) };
}

export class DollarsParseFailure extends Error {
  constructor(
    readonly reason: DollarsParseError,
    readonly input: string,
  ) {
    super(`Not a dollar amount (${reason}): ${JSON.stringify(input)}`);
    this.name = 'DollarsParseFailure';
  }
}

/** Like `parseDollars` but returns the cents or throws `DollarsParseFailure`; for trusted text such as seeds. */
export function parseDollarsToCents(input: string): number {
  const result = parseDollars(input);
  if (!result.ok) throw new DollarsParseFailure(result.error, input);
  return result.cents;
}

function assertCents(cents: number): void {
  if (!Number.isSafeInteger(cents)) throw new RangeError(`Cents must be a safe integer: ${cents}`);
}

/** `123456` → `"1234.56"`, `-5` → `"-0.05"`: the exact decimal, e.g. to pre-fill a form field. */
export function centsToDecimalString(cents: number): string {
  assertCents(cents);
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

const formatters: Record<Language, Intl.NumberFormat> = {
  en: new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }),
  es: new Intl.NumberFormat('es-US', { style: 'currency', currency: 'USD' }),
};

/** Formats cents as US dollars for people, e.g. `$1,234.56`, in the reader's language. */
export function formatCents(cents: number, locale: Language): string {
  // A decimal string is formatted exactly; `cents / 100` would be a float and can be a cent off when large.
  return formatters[locale].format(centsToDecimalString(cents) as Intl.StringNumericLiteral);
}
