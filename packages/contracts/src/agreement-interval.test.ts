import { describe, expect, it } from 'vitest';
import { wilsonInterval } from './agreement-interval.ts';

describe('wilsonInterval', () => {
  it('has no rate and no interval before anything is checked', () => {
    expect(wilsonInterval(0, 0)).toEqual({ rate: null, low: null, high: null });
  });

  it('matches the published Wilson bounds (Newcombe 1998, table I)', () => {
    // 81 of 263: 0.2553 to 0.3662.
    const a = wilsonInterval(81, 263);
    expect(a.rate).toBeCloseTo(0.308, 3);
    expect(a.low).toBeCloseTo(0.2553, 4);
    expect(a.high).toBeCloseTo(0.3662, 4);
    // 15 of 148: 0.0624 to 0.1605.
    const b = wilsonInterval(15, 148);
    expect(b.low).toBeCloseTo(0.0624, 4);
    expect(b.high).toBeCloseTo(0.1605, 4);
  });

  it('keeps 100 % honest on a small sample: 3 of 3 is 43.9 % to 100 %', () => {
    const r = wilsonInterval(3, 3);
    expect(r.rate).toBe(1);
    expect(r.high).toBe(1);
    expect(r.low).toBeCloseTo(0.4385, 4);
  });

  it('keeps 0 % inside [0, 1]: 0 of 10 is 0 % to 27.8 %', () => {
    const r = wilsonInterval(0, 10);
    expect(r.rate).toBe(0);
    expect(r.low).toBe(0);
    expect(r.high).toBeCloseTo(0.2775, 4);
  });

  it('is wide for one check and narrows as checks grow, always around the rate', () => {
    const one = wilsonInterval(1, 1);
    expect(one.low).toBeCloseTo(0.2065, 4);
    let width = 1;
    for (const n of [10, 100, 1000, 10000]) {
      const r = wilsonInterval(Math.round(n * 0.9), n);
      expect(r.low!).toBeLessThanOrEqual(r.rate!);
      expect(r.high!).toBeGreaterThanOrEqual(r.rate!);
      expect(r.high! - r.low!).toBeLessThan(width);
      width = r.high! - r.low!;
    }
    expect(width).toBeLessThan(0.013);
  });

  it('refuses impossible counts', () => {
    expect(() => wilsonInterval(4, 3)).toThrow(RangeError);
    expect(() => wilsonInterval(-1, 3)).toThrow(RangeError);
    expect(() => wilsonInterval(1.5, 3)).toThrow(RangeError);
  });
});
