import { describe, expect, it } from 'vitest';
import {
  MIN_HISTORY_SAMPLE,
  estimateDecision,
  estimatePayment,
  queueBusinessDays,
  shareWithin,
} from './estimates.ts';

describe('shareWithin', () => {
  it('is the nearest-rank percentile: the least N within which at least 8 in 10 fell', () => {
    // 10 requests: 1,1,2,2,3,3,4,5,8,9 business days; the 8th is 5.
    const histogram = [
      [1, 2],
      [2, 2],
      [3, 2],
      [4, 1],
      [5, 1],
      [8, 1],
      [9, 1],
    ] as const;
    expect(shareWithin(histogram)).toEqual({ businessDays: 5, sampleSize: 10 });
    expect(shareWithin(histogram, 0.5)).toEqual({ businessDays: 3, sampleSize: 10 });
  });

  it('takes pairs in any order with repeats, ignores empty bins, and is null for no history', () => {
    expect(
      shareWithin([
        [9, 1],
        [2, 3],
        [2, 4],
        [4, 0],
        [7, 2],
      ]),
    ).toEqual({ businessDays: 7, sampleSize: 10 });
    expect(shareWithin([])).toBeNull();
    expect(shareWithin([[3, 0]])).toBeNull();
  });
});

describe('queueBusinessDays', () => {
  it('is the requests ahead and this one at the recent pace, rounded up', () => {
    // 40 decisions in 20 business days, 10 last week: 2 a day.
    expect(queueBusinessDays({ ahead: 9, decidedRecently: 40, decidedLastWeek: 10 })).toBe(5);
    expect(queueBusinessDays({ ahead: 0, decidedRecently: 40, decidedLastWeek: 10 })).toBe(1);
  });

  it('goes by last week when the staff slowed down, not by last month', () => {
    // 2 a day over the month, 1 a day last week (someone left).
    expect(queueBusinessDays({ ahead: 9, decidedRecently: 40, decidedLastWeek: 5 })).toBe(10);
  });

  it('has no answer without any recent decision', () => {
    expect(queueBusinessDays({ ahead: 9, decidedRecently: 0, decidedLastWeek: 0 })).toBeNull();
  });
});

/** `n` requests decided in `days` business days each. */
const flat = (days: number, n = 100) => [[days, n]] as const;

describe('estimateDecision', () => {
  const queue = { ahead: 0, decidedRecently: 100, decidedLastWeek: 25 };

  it('counts business days over weekends and Federal Reserve holidays', () => {
    // Submitted Wednesday 2026-11-25; Thanksgiving (Thu 26) is a holiday, then the weekend. 10 ahead at 5 a day is
    // 3 business days (ahead and this one: 11 / 5, rounded up): Fri 27, Mon 30, Tue Dec 1.
    const estimate = estimateDecision({
      today: '2026-11-25',
      submittedOn: '2026-11-25',
      dueOn: '2026-12-23',
      history: flat(3),
      queue: { ahead: 10, decidedRecently: 100, decidedLastWeek: 25 },
    });
    expect(estimate).toMatchObject({
      decisionBy: '2026-12-01',
      source: 'history',
      businessDays: 3,
      sampleSize: 100,
      queueBusinessDays: 3,
    });
  });

  it('moves earlier as the queue ahead is decided', () => {
    const at = (ahead: number) =>
      estimateDecision({
        today: '2026-11-02',
        submittedOn: '2026-11-02',
        dueOn: '2026-11-30',
        history: flat(4),
        queue: { ahead, decidedRecently: 100, decidedLastWeek: 25 },
      }).decisionBy;
    expect(at(49)).toBe('2026-11-17'); // 10 business days, Veterans Day (Wed 11) not one of them
    expect(at(4)).toBe('2026-11-03'); // 1
  });

  it('adds part of the history spread for requests that wait on someone else', () => {
    // Half decided in 2 business days, the rest in 12: typical 2, 8 in 10 within 12, spread 10 × 0.4 = 4.
    const estimate = estimateDecision({
      today: '2026-11-02',
      submittedOn: '2026-11-02',
      dueOn: '2026-11-30',
      history: [
        [2, 50],
        [12, 50],
      ],
      queue,
    });
    // 1 business day for the queue, 4 for the spread: Monday Nov 9.
    expect(estimate.decisionBy).toBe('2026-11-09');
    expect(estimate.businessDays).toBe(12);
  });

  it('counts the days already waited, and never expects a day before today', () => {
    const base = {
      submittedOn: '2026-10-01',
      dueOn: '2026-10-29',
      history: flat(10),
      queue: { ahead: 0, decidedRecently: 0, decidedLastWeek: 0 },
    };
    // No recent pace: 8 in 10 within 10 business days of submission (Oct 15; Columbus Day, Oct 12, is a holiday).
    expect(estimateDecision({ ...base, today: '2026-10-01' }).decisionBy).toBe('2026-10-16');
    expect(estimateDecision({ ...base, today: '2026-10-08' }).decisionBy).toBe('2026-10-16');
    // Long past it: today if a business day, else the next one.
    expect(estimateDecision({ ...base, today: '2026-11-04' }).decisionBy).toBe('2026-11-04');
    expect(estimateDecision({ ...base, today: '2026-11-07' }).decisionBy).toBe('2026-11-09');
  });

  it('shows the review deadline, and says so, when the program has too little history', () => {
    const estimate = estimateDecision({
      today: '2026-11-02',
      submittedOn: '2026-11-02',
      dueOn: '2026-11-30',
      history: flat(2, MIN_HISTORY_SAMPLE - 1),
      queue,
    });
    expect(estimate).toMatchObject({
      decisionBy: '2026-11-30',
      source: 'deadline',
      businessDays: null,
      sampleSize: MIN_HISTORY_SAMPLE - 1,
    });
    expect(
      estimateDecision({
        today: '2026-11-02',
        submittedOn: '2026-11-02',
        dueOn: '2026-11-30',
        history: flat(2, MIN_HISTORY_SAMPLE),
        queue,
      }).source,
    ).toBe('history');
  });
});

describe('estimatePayment', () => {
  const base = {
    today: '2026-11-24',
    approvedOn: '2026-11-24',
    effectiveDate: null,
    earliestEffectiveDate: '2026-11-25',
    history: flat(3),
  };

  it("is the batch's effective date once a batch holds the payment", () => {
    expect(estimatePayment({ ...base, effectiveDate: '2026-11-27' })).toMatchObject({
      paymentBy: '2026-11-27',
      source: 'batch',
    });
  });

  it('before a batch: 8 in 10 approvals reached the bank within N business days, over the holiday', () => {
    // Approved Tue Nov 24: 3 business days are Wed 25, Fri 27 (Thanksgiving Thursday), Mon 30.
    expect(estimatePayment(base)).toMatchObject({
      paymentBy: '2026-11-30',
      source: 'history',
      businessDays: 3,
    });
  });

  it('is never earlier than a batch released now could settle', () => {
    expect(
      estimatePayment({ ...base, approvedOn: '2026-11-02', earliestEffectiveDate: '2026-11-25' }),
    ).toMatchObject({ paymentBy: '2026-11-25' });
  });

  it('gives no date without enough payment history', () => {
    expect(estimatePayment({ ...base, history: flat(3, MIN_HISTORY_SAMPLE - 1) })).toMatchObject({
      paymentBy: null,
      source: 'unknown',
    });
  });
});
