/**
 * Program budgets for finance (issue 13 item 3): each program's budget against the money committed to it, split into
 * awaiting a decision, obligated (approved, not yet paid) and paid, with the remaining balance and the day it would run
 * out at the last 30 days' rate. "Committed" is the programs module's one rule (the catalog and intake close a program
 * on it), so finance and intake never disagree about how much is left.
 */
import { z } from 'zod';
import { periodQueryFields } from './finance-overview.ts';
import { localizedTextSchema, type LocalizedText } from './language.ts';

/** How far ahead a run-out date is still a projection worth showing (about two years, in days). */
export const RUN_OUT_HORIZON_DAYS = 730;

/** How many agency days (today included) the spending rate is measured over. */
export const RATE_WINDOW_DAYS = 30;

export const budgetFigures = [
  'budget',
  'committed',
  'awaitingDecision',
  'obligated',
  'paid',
  'remaining',
  'committedLast30Days',
  'projectedRunOut',
  'overBudget',
] as const;
export type BudgetFigure = (typeof budgetFigures)[number];

/** What each figure means, shown beside it on the budgets page and repeated in OpenAPI. */
export const budgetDefinitions: Record<BudgetFigure, LocalizedText> = {
  budget: {
    en: 'The money the program may spend, as its administrators set it.',
    es: 'El dinero que el programa puede gastar, según lo fijaron sus administradores.',
  },
  committed: {
    en: 'Money counted against the budget: every request submitted and not rejected or withdrawn, at its approved amount once approved, else the amount asked for. The same rule closes the program to new applications when it reaches the budget.',
    es: 'Dinero que cuenta contra el presupuesto: toda solicitud enviada y no rechazada ni retirada, por su monto aprobado una vez aprobada, si no por el monto pedido. La misma regla cierra el programa a nuevas solicitudes cuando llega al presupuesto.',
  },
  awaitingDecision: {
    en: 'Committed money of requests not decided yet (submitted, in review, waiting for the citizen or for a second approval).',
    es: 'Dinero comprometido de solicitudes aún sin decidir (enviadas, en revisión, esperando a la persona o una segunda aprobación).',
  },
  obligated: {
    en: 'Approved and not yet paid: approved requests whose payment has not settled, and returned payments waiting to be sent again.',
    es: 'Aprobado y aún no pagado: solicitudes aprobadas cuyo pago no se ha liquidado y pagos devueltos que esperan volver a enviarse.',
  },
  paid: {
    en: 'Approved amounts of requests whose payment settled and was not returned.',
    es: 'Montos aprobados de solicitudes cuyo pago se liquidó y no fue devuelto.',
  },
  remaining: {
    en: 'Budget minus committed. Below zero when more is committed than the budget allows.',
    es: 'Presupuesto menos lo comprometido. Menor que cero cuando se comprometió más de lo que permite el presupuesto.',
  },
  committedLast30Days: {
    en: 'Committed money of the requests submitted in the last 30 days (today and the 29 days before, in the agency time zone), as they stand now.',
    es: 'Dinero comprometido de las solicitudes enviadas en los últimos 30 días (hoy y los 29 días anteriores, en la zona horaria de la agencia), tal como están ahora.',
  },
  projectedRunOut: {
    en: 'The day the remaining balance reaches zero if money keeps being committed at the last 30 days’ daily rate (committed in the last 30 days ÷ 30). None when nothing was committed in the last 30 days, when the budget has already run out, or when it would last more than two years.',
    es: 'El día en que el saldo llega a cero si se sigue comprometiendo dinero al ritmo diario de los últimos 30 días (comprometido en los últimos 30 días ÷ 30). Ninguno cuando no se comprometió nada en los últimos 30 días, cuando el presupuesto ya se agotó o cuando duraría más de dos años.',
  },
  overBudget: {
    en: 'More money is committed than the budget: the remaining balance is below zero.',
    es: 'Hay más dinero comprometido que el presupuesto: el saldo es menor que cero.',
  },
};

export const financeBudgetsQuerySchema = z.object({ program: periodQueryFields.program });
export type FinanceBudgetsQuery = z.input<typeof financeBudgetsQuerySchema>;

const cents = (figure: BudgetFigure) => z.number().int().describe(budgetDefinitions[figure].en);

const budgetFigureFields = {
  budgetCents: cents('budget'),
  committedCents: cents('committed'),
  awaitingDecisionCents: cents('awaitingDecision'),
  obligatedCents: cents('obligated'),
  paidCents: cents('paid'),
  remainingCents: cents('remaining'),
  committedLast30DaysCents: cents('committedLast30Days'),
  overBudget: z.boolean().describe(budgetDefinitions.overBudget.en),
};

export const programBudgetSchema = z.object({
  program: z.string().describe('the program slug'),
  name: localizedTextSchema,
  ...budgetFigureFields,
  projectedRunOut: z
    .string()
    .nullable()
    .describe(`YYYY-MM-DD in the agency time zone. ${budgetDefinitions.projectedRunOut.en}`),
});
export type ProgramBudget = z.infer<typeof programBudgetSchema>;

export const financeBudgetsSchema = z.object({
  /** The program slug filtered on, or null for every program (practice programs are never listed). */
  program: z.string().nullable(),
  /** Today in the agency time zone: the day the run-out projection counts from. */
  asOf: z.string(),
  programs: z.array(programBudgetSchema),
  /** The sums over the programs listed (a run-out date is per program only). */
  totals: z.object(budgetFigureFields),
  /** When the figures were computed (they are never cached). */
  computedAt: z.string(),
});
export type FinanceBudgets = z.infer<typeof financeBudgetsSchema>;
