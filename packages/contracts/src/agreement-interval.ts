/**
 * The 95 % confidence interval of an agreement rate (agreed re-checks out of all re-checks), by the Wilson score
 * interval. The plain "rate ± 1.96 × standard error" collapses to a zero-width interval at 0 % and 100 % and leaves
 * [0, 1] on small samples, which are exactly the cases a quality sample starts with; Wilson stays inside [0, 1] and
 * stays honest about how little 3 out of 3 proves.
 */
export const Z_95 = 1.959963984540054;

export interface RateInterval {
  /** agreed / checked; null when nothing was checked. */
  rate: number | null;
  low: number | null;
  high: number | null;
}

export function wilsonInterval(successes: number, trials: number, z = Z_95): RateInterval {
  if (!Number.isInteger(successes) || !Number.isInteger(trials) || successes < 0)
    throw new RangeError('successes and trials must be whole numbers, successes at least 0');
  if (successes > trials) throw new RangeError('successes cannot exceed trials');
  if (trials === 0) return { rate: null, low: null, high: null };
  const p = successes / trials;
  const z2 = z * z;
  const denominator = 1 + z2 / trials;
  const centre = (p + z2 / (2 * trials)) / denominator;
  const half = (z / denominator) * Math.sqrt((p * (1 - p)) / trials + z2 / (4 * trials * trials));
  // At 0 % and 100 % the bound on that side is exactly 0 or 1; floating point would leave 1e-17 or 0.9999999.
  return {
    rate: p,
    low: successes === 0 ? 0 : Math.max(0, centre - half),
    high: successes === trials ? 1 : Math.min(1, centre + half),
  };
}
