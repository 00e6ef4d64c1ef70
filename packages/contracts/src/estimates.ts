import { z } from 'zod';
import {
  addBusinessDays,
  businessDaysBetween,
  isBusinessDay,
  nextBusinessDay,
  type PlainDate,
} from './business-days.ts';

/**
 * "When will I hear back?" (issue 14 part 2): the date by which an open request is expected to be decided, and once
 * approved the date its money is expected in the bank. One estimator, used by the API (modules/read-models
 * request-estimates) and by the backtest that measures it (bench/estimates), so what is published is what was measured.
 *
 * Pure: the API reads the figures (the program's decision times of the last six months, the open requests ahead,
 * the decisions of the last weeks, the agency's approval-to-bank times) and passes them in with today's date.
 */

/** The published share: "8 in 10 requests like yours were decided within N business days". */
export const ESTIMATE_SHARE = 0.8;
/** The history an estimate learns from: requests decided in the last six months. */
export const HISTORY_MONTHS = 6;
/** Fewer decided requests than this and the program's review deadline is shown instead (no fake precision). */
export const MIN_HISTORY_SAMPLE = 30;
/** The recent pace of decisions is measured over this many business days. */
export const THROUGHPUT_BUSINESS_DAYS = 20;
/** …and over this many, so a team that just lost a reviewer is not assumed to work at last month's pace. */
export const LAST_WEEK_BUSINESS_DAYS = 5;

/** How many requests took how many business days: `[businessDays, count]` pairs, any order, repeats allowed. */
export type DurationHistogram = ReadonlyArray<readonly [businessDays: number, count: number]>;

export interface ShareWithin {
  /** The least number of business days within which at least `share` of the sample fell. */
  businessDays: number;
  sampleSize: number;
}

/**
 * The `share` percentile of a histogram by nearest rank: the least N such that at least ceil(share × n) of the n
 * durations are ≤ N. Null for an empty histogram.
 */
export function shareWithin(
  histogram: DurationHistogram,
  share = ESTIMATE_SHARE,
): ShareWithin | null {
  const sorted = histogram.filter(([, count]) => count > 0).sort((a, b) => a[0] - b[0]);
  const sampleSize = sorted.reduce((n, [, count]) => n + count, 0);
  if (sampleSize === 0) return null;
  const rank = Math.max(1, Math.ceil(share * sampleSize));
  let seen = 0;
  for (const [businessDays, count] of sorted) {
    seen += count;
    if (seen >= rank) return { businessDays, sampleSize };
  }
  return { businessDays: sorted[sorted.length - 1]![0], sampleSize };
}

export interface QueueState {
  /** Open requests of the program waiting on staff that were submitted before this one. */
  ahead: number;
  /** Requests of the program decided in the last `THROUGHPUT_BUSINESS_DAYS` business days. */
  decidedRecently: number;
  /** Of those, the ones decided in the last `LAST_WEEK_BUSINESS_DAYS` business days. */
  decidedLastWeek: number;
}

/**
 * Business days for the staff to work through the queue up to and including this request at their recent pace;
 * null when nobody decided anything recently (no pace to go by).
 */
export function queueBusinessDays(queue: QueueState): number | null {
  if (queue.decidedRecently <= 0) return null;
  const perDay = Math.min(
    queue.decidedRecently / THROUGHPUT_BUSINESS_DAYS,
    Math.max(queue.decidedLastWeek, 1) / LAST_WEEK_BUSINESS_DAYS,
  );
  return Math.ceil((queue.ahead + 1) / perDay);
}

/** `n` business days from `today`, where 0 is today when it is a business day, else the next one. */
function businessDaysFrom(today: PlainDate, n: number): PlainDate {
  if (n > 0) return addBusinessDays(today, n);
  return isBusinessDay(today) ? today : nextBusinessDay(today);
}

export interface DecisionEstimateInput {
  /** Today in the agency's zone. */
  today: PlainDate;
  /** The day the request was submitted, in the agency's zone. */
  submittedOn: PlainDate;
  /** The review deadline's day (the fallback when history is too thin); null when the clock is paused. */
  dueOn: PlainDate | null;
  /** Business days from submission to decision of the program's requests decided in the last six months. */
  history: DurationHistogram;
  queue: QueueState;
}

export interface DecisionEstimate {
  decisionBy: PlainDate | null;
  /** 'history' when learned from the program's decisions; 'deadline' when too few: the review deadline is shown. */
  source: 'history' | 'deadline';
  /** The published sentence's figures: `share` of `sampleSize` requests were decided within `businessDays`. */
  businessDays: number | null;
  sampleSize: number;
  /** Business days the queue ahead needs at the recent pace (null without a recent pace). */
  queueBusinessDays: number | null;
}

/**
 * How much of the history's spread (the business days between the typical wait and the 8-in-10 wait) is added to
 * the queue's own time: the part of the tail that the queue does not explain (questions to the applicant, second
 * approvals). 0.4 is what brought the backtest (bench/estimates) to 8 in 10 under changing staff and seasonal
 * volume; 0 covered 7 in 10, 1 covered 9 in 10.
 */
export const SPREAD_WEIGHT = 0.4;

/**
 * When an open request is expected to be decided. With a recent pace of decisions: the business days the staff
 * need to reach it (the requests ahead at the slower of last month's and last week's pace), less those already
 * waited, plus a share of the history's spread for the requests that wait longer than their turn. Without a
 * recent pace: the history's 8-in-10 wait counted from the submission. History alone lags a queue that grew or
 * shrank (a season's peak, a reviewer leaving); the queue alone misses the requests that wait on someone else.
 * With fewer than `MIN_HISTORY_SAMPLE` decided requests the review deadline is the expected date and the page
 * says so.
 */
export function estimateDecision(input: DecisionEstimateInput): DecisionEstimate {
  const within = shareWithin(input.history);
  const queueDays = queueBusinessDays(input.queue);
  if (!within || within.sampleSize < MIN_HISTORY_SAMPLE) {
    return {
      decisionBy: input.dueOn,
      source: 'deadline',
      businessDays: null,
      sampleSize: within?.sampleSize ?? 0,
      queueBusinessDays: queueDays,
    };
  }
  const elapsed = Math.max(0, businessDaysBetween(input.submittedOn, input.today));
  const typical = shareWithin(input.history, 0.5)!.businessDays;
  const spread = Math.round((within.businessDays - typical) * SPREAD_WEIGHT);
  const remaining =
    queueDays === null
      ? Math.max(within.businessDays - elapsed, 0)
      : Math.max(queueDays - elapsed, 0) + spread;
  return {
    decisionBy: businessDaysFrom(input.today, remaining),
    source: 'history',
    businessDays: within.businessDays,
    sampleSize: within.sampleSize,
    queueBusinessDays: queueDays,
  };
}

export interface PaymentEstimateInput {
  today: PlainDate;
  /** The day the request was approved, in the agency's zone. */
  approvedOn: PlainDate;
  /** The ACH effective date of the payment's batch once built; the bank posts the money that day. */
  effectiveDate: PlainDate | null;
  /**
   * The earliest effective date a batch released now could carry (the ACH rule: today before the same-day cut-off
   * on a business day, else the next business day), `achEffectiveDate` at this instant.
   */
  earliestEffectiveDate: PlainDate;
  /** Business days from approval to the effective date of the agency's payments approved in the last six months. */
  history: DurationHistogram;
}

export interface PaymentEstimate {
  paymentBy: PlainDate | null;
  /** 'batch' when the payment's batch fixed the date; 'history' when learned; 'unknown' when too few payments. */
  source: 'batch' | 'history' | 'unknown';
  businessDays: number | null;
  sampleSize: number;
}

/**
 * When an approved request's money is expected in the bank: its batch's effective date once a batch holds it;
 * before that the day by which 8 in 10 of the agency's approved payments reached the bank, counted from this
 * approval, and never earlier than a batch released right now could settle.
 */
export function estimatePayment(input: PaymentEstimateInput): PaymentEstimate {
  if (input.effectiveDate)
    return { paymentBy: input.effectiveDate, source: 'batch', businessDays: null, sampleSize: 0 };
  const within = shareWithin(input.history);
  if (!within || within.sampleSize < MIN_HISTORY_SAMPLE)
    return {
      paymentBy: null,
      source: 'unknown',
      businessDays: null,
      sampleSize: within?.sampleSize ?? 0,
    };
  const byHistory = addBusinessDays(input.approvedOn, within.businessDays);
  return {
    paymentBy: byHistory > input.earliestEffectiveDate ? byHistory : input.earliestEffectiveDate,
    source: 'history',
    businessDays: within.businessDays,
    sampleSize: within.sampleSize,
  };
}

const plainDate = z.string().describe('Calendar date YYYY-MM-DD in the agency time zone');

/**
 * The published sentence of an estimate: `share` of the `sampleSize` requests decided in the last six months were
 * decided within `businessDays` business days of being submitted (for the payment date: of the payments approved in
 * the last six months, within `businessDays` of approval).
 */
const publishedSentence = {
  share: z.number(),
  businessDays: z.number().int().nullable(),
  sampleSize: z.number().int(),
};

/** What an open request's page and its inbox row carry; null for a draft and for a closed request. */
export const requestEstimateSchema = z.object({
  /** Expected decision day; null once decided, and while the request waits for the applicant's answer. */
  decisionBy: plainDate.nullable(),
  /** Expected day the money is in the bank; set once approved (null before, or without enough payment history). */
  paymentBy: plainDate.nullable(),
  /** When this estimate was computed: on every read, so it follows the queue as it moves. */
  computedAt: z.string().describe('ISO 8601 date-time in UTC'),
  /** How the decision date was found; null once decided. */
  decision: z
    .object({
      /** history: learned from the program; deadline: too little history, the review deadline is shown. */
      source: z.enum(['history', 'deadline', 'waiting_for_applicant']),
      ...publishedSentence,
      /** Requests of the program waiting for a reviewer that were submitted before this one. */
      ahead: z.number().int(),
    })
    .nullable(),
  /** How the payment date was found; null before approval. */
  payment: z
    .object({
      /** batch: the payment's ACH batch fixed the day; history: learned from the agency's payments. */
      source: z.enum(['batch', 'history', 'unknown']),
      ...publishedSentence,
    })
    .nullable(),
});
export type RequestEstimate = z.infer<typeof requestEstimateSchema>;
