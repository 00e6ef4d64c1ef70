/**
 * A sampling share as people type it (a percent, "2.5") and as the API stores it (basis points, 250). One reading
 * for the admin form and its tests, so "0.125" is refused rather than silently rounded.
 */
export function percentToBasisPoints(text: string): number | null {
  const t = text.trim().replace(/\s*%$/, '');
  if (!/^\d{1,3}(\.\d{1,2})?$/.test(t)) return null;
  const bp = Math.round(Number(t) * 100);
  return bp >= 0 && bp <= 10_000 ? bp : null;
}

export const basisPointsToPercent = (bp: number): string =>
  (bp / 100).toFixed(2).replace(/\.?0+$/, '');
