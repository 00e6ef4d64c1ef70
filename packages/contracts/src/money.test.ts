import { describe, expect, it } from 'vitest';
import {
  DollarsParseFailure,
  centsToDecimalString,
  formatCents,
  parseDollars,
  parseDollarsToCents,
} from './money.ts';

describe('parseDollarsToCents', () => {
  it.each([
    ['1,234.56', 123_456],
    ['1234.56', 123_456],
    ['$1,234.5', 123_450],
    ['$ 20', 2_000],
    ['  0.07 ', 7],
    ['0', 0],
    ['1,000,000', 100_000_000],
    ['0.10', 10],
    ['90071992547409.91', Number.MAX_SAFE_INTEGER],
  ])('reads %s as %i cents', (input, cents) => {
    expect(parseDollarsToCents(input)).toBe(cents);
    expect(Number.isInteger(parseDollarsToCents(input))).toBe(true);
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['-5', 'negative'],
    ['$-5.00', 'negative'],
    ['(5.00)', 'negative'],
    ['\u22125', 'negative'],
    ['1.234', 'precision'],
    ['0.001', 'precision'],
    ['NaN', 'format'],
    ['abc', 'format'],
    ['1,23', 'format'],
    ['12,3456', 'format'],
    ['1.', 'format'],
    ['.5', 'format'],
    ['1e3', 'format'],
    ['Infinity', 'format'],
    ['1 000', 'format'],
    ['90071992547409.92', 'too_large'],
  ] as const)('refuses %j (%s)', (input, error) => {
    expect(parseDollars(input)).toEqual({ ok: false, error });
    expect(() => parseDollarsToCents(input)).toThrow(DollarsParseFailure);
  });

  it('does not lose cents to floating point', () => {
    // 0.29 * 100 is 28.999999999999996 in floating point.
    expect(parseDollarsToCents('0.29')).toBe(29);
    expect(parseDollarsToCents('1.15')).toBe(115);
  });

  it('tells the reason on failure', () => {
    try {
      parseDollarsToCents('2.505');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(DollarsParseFailure);
      expect((error as DollarsParseFailure).reason).toBe('precision');
    }
  });
});

describe('centsToDecimalString', () => {
  it('writes exact decimals', () => {
    expect(centsToDecimalString(123_456)).toBe('1234.56');
    expect(centsToDecimalString(5)).toBe('0.05');
    expect(centsToDecimalString(-5)).toBe('-0.05');
    expect(centsToDecimalString(0)).toBe('0.00');
  });

  it('round-trips through parseDollarsToCents', () => {
    for (const cents of [0, 1, 99, 100, 101, 123_456_789, Number.MAX_SAFE_INTEGER]) {
      expect(parseDollarsToCents(centsToDecimalString(cents))).toBe(cents);
    }
  });
});

describe('formatCents', () => {
  it('formats US dollars in English and Spanish', () => {
    expect(formatCents(123_456, 'en')).toBe('$1,234.56');
    expect(formatCents(123_456, 'es')).toMatch(/^\$\s?1,234\.56$|^1,234\.56\s?US\$$/);
    expect(formatCents(0, 'en')).toBe('$0.00');
    expect(formatCents(-250, 'en')).toBe('-$2.50');
  });

  it('is exact for amounts too large for cents / 100', () => {
    expect(formatCents(Number.MAX_SAFE_INTEGER, 'en')).toBe('$90,071,992,547,409.91');
  });

  it('refuses fractional cents', () => {
    expect(() => formatCents(1.5, 'en')).toThrow(RangeError);
    expect(() => formatCents(Number.NaN, 'es')).toThrow(RangeError);
  });
});
