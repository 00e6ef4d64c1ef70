import { describe, expect, it } from 'vitest';
import {
  accountNumberSchema,
  accountNumberSchemaIn,
  isValidRoutingNumber,
  last4,
  routingNumberSchema,
  routingNumberSchemaIn,
} from './routing-number.ts';

// Real published routing numbers (Federal Reserve Bank of Boston, JPMorgan Chase NY, Bank of America CA,
// Wells Fargo MN, an electronic-only 6x prefix).
const REAL = ['011000015', '021000021', '121000358', '091000019', '322271627', '211370545'];

function messages(result: {
  success: boolean;
  error?: { issues: Array<{ message: string }> };
}): string[] {
  return result.error?.issues.map((issue) => issue.message) ?? [];
}

describe('isValidRoutingNumber', () => {
  it.each(REAL)('accepts %s', (routing) => {
    expect(isValidRoutingNumber(routing)).toBe(true);
  });

  it('catches every single-digit change of a real routing number', () => {
    for (const routing of REAL) {
      for (let position = 0; position < 9; position += 1) {
        for (let digit = 0; digit <= 9; digit += 1) {
          if (String(digit) === routing[position]) continue;
          const changed = routing.slice(0, position) + digit + routing.slice(position + 1);
          expect(isValidRoutingNumber(changed), changed).toBe(false);
        }
      }
    }
  });

  it('refuses wrong lengths, non-digits and prefixes that never receive ACH', () => {
    expect(isValidRoutingNumber('02100002')).toBe(false);
    expect(isValidRoutingNumber('0210000210')).toBe(false);
    expect(isValidRoutingNumber('02100002a')).toBe(false);
    expect(isValidRoutingNumber('000000000')).toBe(false); // passes the checksum, prefix 00
    expect(isValidRoutingNumber('800000003')).toBe(false); // checksum ok, traveller's cheques prefix
    expect(isValidRoutingNumber('500000005')).toBe(false); // checksum ok, unassigned prefix
  });
});

describe('routingNumberSchema', () => {
  it('outputs the 9 digits, tolerating spaces and dashes', () => {
    expect(routingNumberSchema.parse(' 021 000 021 ')).toBe('021000021');
    expect(routingNumberSchema.parse('021-000-021')).toBe('021000021');
  });

  it.each([
    ['', 'Enter a routing number'],
    [undefined, 'Enter a routing number'],
    ['12345', 'Routing number must be 9 digits'],
    ['021000022', 'Enter a valid routing number, as shown on a check or in your online banking'],
  ])('refuses %j with one clear English message', (value, message) => {
    expect(messages(routingNumberSchema.safeParse(value))).toEqual([message]);
  });

  it('speaks Spanish when asked', () => {
    expect(messages(routingNumberSchemaIn('es').safeParse('12345'))).toEqual([
      'El número de ruta bancaria debe tener 9 dígitos',
    ]);
  });
});

describe('accountNumberSchema', () => {
  it('accepts 4 to 17 digits', () => {
    expect(accountNumberSchema.parse('1234')).toBe('1234');
    expect(accountNumberSchema.parse('1234 5678 9012 3456 7')).toBe('12345678901234567');
  });

  it.each([
    ['', 'Enter an account number'],
    ['123', 'Account number must be between 4 and 17 digits'],
    ['123456789012345678', 'Account number must be between 4 and 17 digits'],
    ['12AB34', 'Account number must only include numbers 0 to 9'],
  ])('refuses %j with one clear English message', (value, message) => {
    expect(messages(accountNumberSchema.safeParse(value))).toEqual([message]);
  });

  it('speaks Spanish when asked', () => {
    expect(messages(accountNumberSchemaIn('es').safeParse('123'))).toEqual([
      'El número de cuenta debe tener entre 4 y 17 dígitos',
    ]);
  });
});

describe('last4', () => {
  it('returns the last four digits', () => {
    expect(last4('000123456789')).toBe('6789');
    expect(last4('1234')).toBe('1234');
    expect(last4('1234-5678')).toBe('5678');
  });

  it('refuses something that is not an account number', () => {
    expect(() => last4('123')).toThrow(RangeError);
    expect(() => last4('abcd')).toThrow(RangeError);
  });
});
