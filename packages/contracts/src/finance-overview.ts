/**
 * The finance overview (issue 13): money requested, approved, waiting, released, paid and returned in a period,
 * each figure defined once here. The API computes every figure with the same filter its drill-down list applies
 * (apps/api/src/modules/finance), and the screens show these definitions beside the figures, so a figure and the
 * list behind it can never disagree.
 */
import { z } from 'zod';
import { oneOf } from './one-of.ts';
import { moneyListQuerySchema, numberedPageMeta } from './pagination.ts';
import { paymentStatusSchema, plainDateSchema, type PaymentStatus } from './payments.ts';
import { programRefSchema } from './program-ref.ts';
import { requestStatusSchema, type RequestStatus } from './requests.ts';
import type { LocalizedText } from './language.ts';

/** The figures that count payments. Each payment is counted in one at most: the one its current status names. */
export const paymentFigures = ['pendingPayment', 'released', 'paid', 'returned'] as const;
export type PaymentFigure = (typeof paymentFigures)[number];

/** The figures that count requests. */
export const requestFigures = ['requested', 'approved', 'pastReviewDeadline'] as const;
export type RequestFigure = (typeof requestFigures)[number];

export type FinanceFigure = PaymentFigure | RequestFigure;

/**
 * The statuses behind the figures, said once: the finance read model filters rows with them and the policy
 * simulation replays requests with them, so a simulation's baseline is the overview by construction.
 */
export const paymentFigureStatuses = {
  pendingPayment: ['pending', 'prenote_sent', 'batched'],
  released: ['released'],
  paid: ['settled'],
  returned: ['returned'],
} as const satisfies Record<PaymentFigure, readonly PaymentStatus[]>;
/** A request counts as approved (by its decision day) in these statuses, whatever happened to its payment since. */
export const approvedRequestStatuses = [
  'approved',
  'paid',
  'payment_returned',
] as const satisfies readonly RequestStatus[];
/** The requests the time to a decision is measured over: approved as above, or rejected. */
export const decidedRequestStatuses = [
  ...approvedRequestStatuses,
  'rejected',
] as const satisfies readonly RequestStatus[];
/** The overview's durations are measured to the nearest tenth of a day. */
export const tenthsOfDay = (ms: number): number => Math.round(ms / 8_640_000);

/** What each figure counts, in words a finance officer reads beside it (and the API repeats in OpenAPI). */
export const figureDefinitions: Record<FinanceFigure, LocalizedText> = {
  requested: {
    en: 'Requests submitted in the period, at the amount the citizen asked for.',
    es: 'Solicitudes enviadas en el período, por el monto que pidió la persona.',
  },
  approved: {
    en: 'Requests given their final approval in the period, at the approved amount, whatever happened to the payment since.',
    es: 'Solicitudes con su aprobación final en el período, por el monto aprobado, pase lo que pase después con el pago.',
  },
  pendingPayment: {
    en: 'Payments created in the period that have not left yet: waiting to be batched, waiting for a prenote, or in a batch not yet released.',
    es: 'Pagos creados en el período que aún no salieron: esperando lote, esperando una prenotificación o en un lote no liberado.',
  },
  released: {
    en: 'Payments whose batch was released in the period and that the bank has not yet settled or returned.',
    es: 'Pagos cuyo lote se liberó en el período y que el banco aún no ha liquidado ni devuelto.',
  },
  paid: {
    en: 'Payments settled in the period and not returned since.',
    es: 'Pagos liquidados en el período y no devueltos después.',
  },
  returned: {
    en: 'Payments the bank returned in the period (a replacement payment to a new account is counted on its own).',
    es: 'Pagos que el banco devolvió en el período (un pago de reemplazo a otra cuenta se cuenta aparte).',
  },
  pastReviewDeadline: {
    en: 'Requests open now (submitted, in review or awaiting a second approval) whose review deadline has passed, whatever the period.',
    es: 'Solicitudes abiertas ahora (enviadas, en revisión o esperando segunda aprobación) cuyo plazo de revisión ya pasó, sea cual sea el período.',
  },
};

/** The period and program every finance read takes (overview, lists, trends; budgets take the program only). */
export const periodQueryFields = {
  from: plainDateSchema
    .optional()
    .describe('first day of the period, in the agency time zone; default: the first of this month'),
  to: plainDateSchema
    .optional()
    .describe('last day of the period, inclusive, in the agency time zone; default: today'),
  program: programRefSchema.optional().describe('a program slug; leave out for every program'),
};

const period = periodQueryFields;

export const financeOverviewQuerySchema = z.object(period);
export type FinanceOverviewQuery = z.input<typeof financeOverviewQuerySchema>;

/** One overview figure as the money it sums (described with its definition) and the number of items it counts. */
export const amountAndCount = <K extends FinanceFigure>(k: K) =>
  ({
    [`${k}Cents`]: z.number().int().describe(figureDefinitions[k].en),
    [`${k}Count`]: z.number().int(),
  }) as Record<`${K}Cents` | `${K}Count`, z.ZodNumber>;

/** Durations in calendar days, to the nearest tenth: the overview's daysToDecision and daysToPayment. */
export const durationStats = z.object({
  /** How many requests the figures are over. */
  count: z.number().int(),
  medianDays: z.number().nullable(),
  p90Days: z.number().nullable(),
});

/** The period and program a finance read answers for (periodQueryFields with their defaults filled in). */
export const answeredPeriodFields = {
  from: z.string(),
  to: z.string(),
  /** The program slug filtered on, or null for every program. */
  program: z.string().nullable(),
};

export const financeOverviewSchema = z.object({
  ...answeredPeriodFields,
  ...amountAndCount('requested'),
  ...amountAndCount('approved'),
  ...amountAndCount('pendingPayment'),
  ...amountAndCount('released'),
  ...amountAndCount('paid'),
  ...amountAndCount('returned'),
  pastReviewDeadlineCount: z.number().int().describe(figureDefinitions.pastReviewDeadline.en),
  /** returned ÷ (paid + returned), by count, in the period; null when neither happened. */
  returnRate: z.number().nullable(),
  /**
   * Calendar days from submission to the decision (approve or reject), over requests decided in the period, each
   * measured to the nearest tenth of a day (the percentiles interpolate between those, as percentile_cont).
   */
  daysToDecision: durationStats,
  /** Calendar days from submission to settlement, over payments settled in the period, to the nearest tenth. */
  daysToPayment: durationStats,
  /** When the figures were computed (they are never cached). */
  computedAt: z.string(),
});
export type FinanceOverview = z.infer<typeof financeOverviewSchema>;

// ---- The drill-down lists: the same period and program, a figure, a search, a sort and a page.

export const financePaymentSorts = ['date', 'amount', 'reference', 'payee'] as const;
export const financePaymentsQuerySchema = moneyListQuerySchema(
  {
    ...period,
    figure: oneOf('figure', paymentFigures)
      .optional()
      .describe('only the payments one overview figure counts'),
  },
  financePaymentSorts,
  'date',
);
export type FinancePaymentsQuery = z.input<typeof financePaymentsQuerySchema>;
export type FinancePaymentsFilters = z.output<typeof financePaymentsQuerySchema>;

export const financeRequestSorts = ['date', 'amount', 'reference'] as const;
export const financeRequestsQuerySchema = moneyListQuerySchema(
  {
    ...period,
    figure: oneOf('figure', requestFigures)
      .default('requested')
      .describe('which overview figure to list the requests of'),
  },
  financeRequestSorts,
  'date',
);
export type FinanceRequestsQuery = z.input<typeof financeRequestsQuerySchema>;
export type FinanceRequestsFilters = z.output<typeof financeRequestsQuerySchema>;

const listMeta = {
  ...answeredPeriodFields,
  ...numberedPageMeta,
};

export const financePaymentRowSchema = z.object({
  id: z.string(),
  requestId: z.string(),
  reference: z.string(),
  programSlug: z.string(),
  payeeName: z.string(),
  amountCents: z.number().int(),
  status: paymentStatusSchema,
  /** When the payment reached its current status (the date the period filter reads). */
  statusAt: z.string(),
  batchId: z.string().nullable(),
  traceNumber: z.string().nullable(),
  returnCode: z.string().nullable(),
});
export type FinancePaymentRow = z.infer<typeof financePaymentRowSchema>;

export const financePaymentsPageSchema = z.object({
  ...listMeta,
  figure: z.enum(paymentFigures).nullable(),
  items: z.array(financePaymentRowSchema),
});
export type FinancePaymentsPage = z.infer<typeof financePaymentsPageSchema>;

export const financeRequestRowSchema = z.object({
  id: z.string(),
  reference: z.string(),
  programSlug: z.string(),
  status: requestStatusSchema,
  /** The amount the figure sums for this request: the approved amount for `approved`, else the amount asked for. */
  amountCents: z.number().int(),
  amountRequestedCents: z.number().int(),
  approvedAmountCents: z.number().int().nullable(),
  submittedAt: z.string().nullable(),
  decidedAt: z.string().nullable(),
  dueAt: z.string().nullable(),
});
export type FinanceRequestRow = z.infer<typeof financeRequestRowSchema>;

export const financeRequestsPageSchema = z.object({
  ...listMeta,
  figure: z.enum(requestFigures),
  items: z.array(financeRequestRowSchema),
});
export type FinanceRequestsPage = z.infer<typeof financeRequestsPageSchema>;
