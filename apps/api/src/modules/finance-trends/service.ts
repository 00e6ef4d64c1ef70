import type { Kysely } from 'kysely';
import { RETURN_CODES } from '@hms/ach/codes/return-codes';
import { startOfZonedDay, toZonedDate } from '@hms/contracts/business-days';
import {
  MAX_TREND_DAYS,
  type FinanceTrends,
  type FinanceTrendsFilters,
  type TrendInterval,
} from '@hms/contracts/finance-trends';
import type { LocalizedText } from '@hms/contracts/language';
import { returnReason } from '@hms/contracts/returns';
import type { Database } from '../../platform/db/schema.ts';
import { badRequest } from '../../platform/errors.ts';
import * as finance from '../finance/service.ts';

type Db = Kysely<Database>;

/**
 * The trends read model (issue 13 item 4). It has no SQL of its own: the series are the overview's figures split into
 * buckets by modules/finance (the one place each figure is defined), so they add up to the overview by construction;
 * this module lays out the calendar, fills the empty buckets and names the return reasons.
 */

const dayOfWeek = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();

/** The calendar days of the period, first to last, in the agency's time zone. */
function daysOf(from: string, to: string, timeZone: string): string[] {
  const days: string[] = [];
  for (
    let i = 0, d = from;
    d <= to;
    i++, d = toZonedDate(startOfZonedDay(from, timeZone, i), timeZone)
  )
    days.push(d);
  return days;
}

/**
 * The buckets of the period: each day, or each week from Monday to Sunday cut to the period, as their first and
 * last day.
 */
export function buckets(from: string, to: string, interval: TrendInterval, timeZone: string) {
  const days = daysOf(from, to, timeZone);
  const starts = days.filter((d, i) => i === 0 || interval === 'day' || dayOfWeek(d) === 1);
  const spans = starts.map((start, i) => {
    const next = starts[i + 1];
    const end = next === undefined ? to : days[days.indexOf(next) - 1]!;
    return { start, end };
  });
  return spans;
}

const NO_CODE: LocalizedText = {
  en: 'Returned without a reason code',
  es: 'Devuelto sin código de motivo',
};

function spanInDays(from: string, to: string) {
  return (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000 + 1;
}

export async function trends(
  db: Db,
  timeZone: string,
  q: FinanceTrendsFilters,
): Promise<FinanceTrends> {
  const period = await finance.resolvePeriod(db, timeZone, q);
  if (spanInDays(period.from, period.to) > MAX_TREND_DAYS[q.interval]) {
    throw badRequest('validation.failed', 'The period is too long for this interval.', [
      {
        field: 'query.interval',
        message:
          q.interval === 'day'
            ? `A daily series covers at most ${MAX_TREND_DAYS.day} days: choose interval=week or a shorter period.`
            : `A weekly series covers at most ${MAX_TREND_DAYS.week} days: choose a shorter period.`,
      },
    ]);
  }
  const spans = buckets(period.from, period.to, q.interval, timeZone);
  const [series, reasons] = await Promise.all([
    finance.figureSeries(db, period),
    finance.returnsByCode(db, period),
  ]);
  const points = spans.map((s) => ({
    ...s,
    approvedCents: 0,
    approvedCount: 0,
    paidCents: 0,
    paidCount: 0,
    returnedCents: 0,
    returnedCount: 0,
  }));
  for (const figure of ['approved', 'paid', 'returned'] as const) {
    for (const p of series[figure]) {
      // Spans are in order and cover the period, whose days are all the series holds.
      const point = points.findLast((s) => s.start <= p.day);
      if (!point || p.day > point.end)
        throw new Error(`figure ${figure} fell outside the period (${p.day})`);
      point[`${figure}Cents`] += p.cents;
      point[`${figure}Count`] += p.count;
    }
  }
  const sum = (k: keyof FinanceTrends['totals']) => points.reduce((acc, p) => acc + p[k], 0);
  return {
    from: period.from,
    to: period.to,
    program: period.program,
    interval: q.interval,
    points,
    totals: {
      approvedCents: sum('approvedCents'),
      approvedCount: sum('approvedCount'),
      paidCents: sum('paidCents'),
      paidCount: sum('paidCount'),
      returnedCents: sum('returnedCents'),
      returnedCount: sum('returnedCount'),
    },
    returnsByReason: reasons.map((r) => ({
      code: r.code,
      name: r.code === null ? NO_CODE : returnReason(r.code),
      nachaDescription: r.code === null ? null : (RETURN_CODES.get(r.code) ?? null),
      cents: r.cents,
      count: r.count,
    })),
    computedAt: new Date().toISOString(),
  };
}
