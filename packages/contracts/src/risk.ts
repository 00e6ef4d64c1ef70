import { z } from 'zod';
import type { RequestStatus } from './requests.ts';

/** Risk levels, in increasing order; a request's level is the highest of its signals. */
export const riskLevels = ['none', 'low', 'medium', 'high'] as const;
export const riskLevelSchema = z.enum(riskLevels);
export type RiskLevel = z.infer<typeof riskLevelSchema>;

export const riskSignalKinds = [
  'shared_bank_account',
  'amount_outlier',
  'high_velocity',
  'duplicate_request',
  'bank_account_changed',
] as const;
export const riskSignalKindSchema = z.enum(riskSignalKinds);
export type RiskSignalKind = z.infer<typeof riskSignalKindSchema>;

export const riskSignalSchema = z.object({
  kind: riskSignalKindSchema,
  level: riskLevelSchema,
  /** One plain sentence an approver can act on. */
  explanation: z.string(),
  data: z.record(z.string(), z.unknown()),
  computedAt: z.string(),
});
export type RiskSignal = z.infer<typeof riskSignalSchema>;

export function maxRiskLevel(levels: readonly RiskLevel[]): RiskLevel {
  let best = 0;
  for (const l of levels) best = Math.max(best, riskLevels.indexOf(l));
  return riskLevels[best]!;
}

/** Robust z-score threshold (Iglewicz & Hoaglin): |0.6745 (x − median) / MAD| above this is an outlier. */
export const OUTLIER_Z = 3.5;

/** The modified z-score of x against a sample's median and median absolute deviation; null when MAD is 0. */
export function robustZ(x: number, median: number, mad: number): number | null {
  if (mad === 0) return null;
  return (0.6745 * (x - median)) / mad;
}

/**
 * The facts each signal rests on (`risk_signals.data`), in figures a person can read: amounts in cents and the
 * program's typical range rather than a z-score. The explanation sentence is built from these
 * (./risk-explanation.ts), in the reader's language.
 */
export interface RiskSignalData {
  shared_bank_account: { otherApplicants: number; last4: string };
  amount_outlier: {
    amountCents: number;
    direction: 'high' | 'low';
    medianCents: number;
    /** 10th and 90th percentile of the program's recent amounts: 8 in 10 requests fall between them. */
    typicalLowCents: number;
    typicalHighCents: number;
    /** How many recent requests of the program the figures come from. */
    sample: number;
    /** The robust z-score the rule tests (kept for audit; never shown to people). */
    z: number;
  };
  high_velocity:
    | { by: 'bank_account'; count: number; windowDays: number; last4: string }
    | { by: 'address'; count: number; windowDays: number };
  duplicate_request: {
    references: string[];
    requests: Array<{ reference: string; status: RequestStatus }>;
  };
  bank_account_changed: {
    last4: string;
    previousLast4: string;
    /** When this person first gave the new account (ISO date-time). */
    changedAt: string;
  };
}
