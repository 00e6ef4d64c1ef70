/**
 * Finance trends (issue 13 item 4): the overview's approved, paid and returned figures day by day or week by week, and
 * its returned figure by return reason. Each series is the overview figure of the same name split into buckets (same
 * definition, same dates), so over a period the buckets add up to the overview for that period.
 */
import { z } from 'zod';
import {
  amountAndCount,
  answeredPeriodFields,
  figureDefinitions,
  periodQueryFields,
} from './finance-overview.ts';
import { localizedTextSchema, type LocalizedText } from './language.ts';

export const trendIntervals = ['day', 'week'] as const;
export type TrendInterval = (typeof trendIntervals)[number];

/** The longest period a series covers, per interval (a year of days, five years of weeks). */
export const MAX_TREND_DAYS: Record<TrendInterval, number> = { day: 366, week: 1830 };

export const trendFigures = ['approved', 'paid', 'returned'] as const;
export type TrendFigure = (typeof trendFigures)[number];

/** What the trends page shows, in words beside the charts (the three series reuse the overview's definitions). */
export const trendDefinitions: Record<TrendFigure | 'returnsByReason' | 'buckets', LocalizedText> =
  {
    approved: figureDefinitions.approved,
    paid: figureDefinitions.paid,
    returned: figureDefinitions.returned,
    returnsByReason: {
      en: 'The returned figure of the period split by the ACH return code the bank gave.',
      es: 'La cifra de devoluciones del período dividida por el código de devolución ACH que dio el banco.',
    },
    buckets: {
      en: 'Days are the agency’s days (its time zone); weeks start on Monday. The first and last week are cut to the period.',
      es: 'Los días son los de la agencia (su zona horaria); las semanas empiezan el lunes. La primera y la última semana se recortan al período.',
    },
  };

export const financeTrendsQuerySchema = z.object({
  ...periodQueryFields,
  interval: z
    .enum(trendIntervals, { error: 'interval must be day or week.' })
    .default('day')
    .describe(
      `day (a period of at most ${MAX_TREND_DAYS.day} days) or week (at most ${MAX_TREND_DAYS.week} days)`,
    ),
});
export type FinanceTrendsQuery = z.input<typeof financeTrendsQuerySchema>;
export type FinanceTrendsFilters = z.output<typeof financeTrendsQuerySchema>;

const figureFields = {
  ...amountAndCount('approved'),
  ...amountAndCount('paid'),
  ...amountAndCount('returned'),
};

export const trendPointSchema = z.object({
  /** The bucket's first day (YYYY-MM-DD, agency time zone). */
  start: z.string(),
  /** Its last day, inclusive (a week is cut to the period). */
  end: z.string(),
  ...figureFields,
});
export type TrendPoint = z.infer<typeof trendPointSchema>;

export const returnReasonRowSchema = z.object({
  /** The ACH return code, or null for a return recorded without one. */
  code: z.string().nullable(),
  /** Plain-language reason, EN and ES. */
  name: localizedTextSchema,
  /** The NACHA name of the code (English), or null when the code is unknown or missing. */
  nachaDescription: z.string().nullable(),
  cents: z.number().int(),
  count: z.number().int(),
});
export type ReturnReasonRow = z.infer<typeof returnReasonRowSchema>;

export const financeTrendsSchema = z.object({
  ...answeredPeriodFields,
  interval: z.enum(trendIntervals),
  /** Every bucket of the period in order, zero-filled where nothing happened. */
  points: z.array(trendPointSchema),
  /** The sums of the points: the overview's approved, paid and returned figures for the same period and program. */
  totals: z.object(figureFields),
  /** The returned figure by reason, largest amount first; it sums to totals.returned*. */
  returnsByReason: z.array(returnReasonRowSchema),
  /** When the figures were computed (they are never cached). */
  computedAt: z.string(),
});
export type FinanceTrends = z.infer<typeof financeTrendsSchema>;
