import { describe, expect, it } from 'vitest';
import { basisPointsToPercent, percentToBasisPoints } from './quality-share-percent.ts';

describe('sampling shares as percents', () => {
  it('reads whole and decimal percents into basis points', () => {
    expect(percentToBasisPoints('100')).toBe(10_000);
    expect(percentToBasisPoints('0')).toBe(0);
    expect(percentToBasisPoints(' 2.5 ')).toBe(250);
    expect(percentToBasisPoints('0.01')).toBe(1);
    expect(percentToBasisPoints('12.34%')).toBe(1234);
  });

  it('refuses what is not a share', () => {
    for (const bad of ['', 'abc', '-1', '100.01', '101', '0.125', '1,5'])
      expect(percentToBasisPoints(bad)).toBeNull();
  });

  it('writes basis points back without trailing zeros', () => {
    expect(basisPointsToPercent(10_000)).toBe('100');
    expect(basisPointsToPercent(250)).toBe('2.5');
    expect(basisPointsToPercent(1)).toBe('0.01');
    expect(basisPointsToPercent(0)).toBe('0');
  });
});
