import { describe, expect, it } from 'vitest';
import { checkDigit, isValidRoutingNumber, routingFromImmediateField } from './routing.ts';

describe('ABA routing numbers', () => {
  it.each([
    ['23138010', 4],
    ['12104288', 2],
    ['02100002', 1],
    ['99999998', 9],
  ])('check digit of %s is %i', (first8, digit) => {
    expect(checkDigit(first8)).toBe(digit);
  });

  it('rejects wrong check digits, wrong lengths and letters', () => {
    expect(isValidRoutingNumber('231380104')).toBe(true);
    expect(isValidRoutingNumber('231380105')).toBe(false);
    expect(isValidRoutingNumber('23138010')).toBe(false);
    expect(isValidRoutingNumber('2313801X4')).toBe(false);
    expect(checkDigit('2313801X')).toBe(-1);
  });

  it('reads the routing number out of a 10-character immediate field', () => {
    expect(routingFromImmediateField(' 231380104')).toBe('231380104');
    expect(routingFromImmediateField('0231380104')).toBe('231380104');
    expect(routingFromImmediateField('1231380104')).toBeNull();
    expect(routingFromImmediateField(' 000TESTER')).toBeNull();
  });
});
