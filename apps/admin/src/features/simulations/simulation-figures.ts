import type { LocalizedText } from '@hms/contracts/language';
import { formatCents, formatNumber, formatPlainDate, type Language } from '@hms/ui';
import type { SimulationFigures } from './api/simulations.ts';

// The figures a simulation reports, in the order they are compared. One list serves every table that sets two sets
// of figures side by side (what happened against a scenario, one saved scenario against another), so a new figure
// is added once and shows everywhere.

/** How a figure is written, and so how a difference is: a count, money, a decimal number, or a date (no difference). */
export type FigureFormat = 'count' | 'cents' | 'number' | 'date';

export interface SimulationFigure {
  /** Stable name of the figure; the comparison marks a changed row's difference with it. */
  id: string;
  label: LocalizedText;
  format: FigureFormat;
  value: (f: SimulationFigures) => number | string | null;
  /** The amount beside a count, when the figure has one. */
  cents?: (f: SimulationFigures) => number;
}

export const SIMULATION_FIGURES: readonly SimulationFigure[] = [
  {
    id: 'requested',
    label: { en: 'Requests submitted', es: 'Solicitudes enviadas' },
    format: 'count',
    value: (f) => f.requestedCount,
    cents: (f) => f.requestedCents,
  },
  {
    id: 'eligible',
    label: { en: 'Eligible requests', es: 'Solicitudes elegibles' },
    format: 'count',
    value: (f) => f.eligibleCount,
    cents: (f) => f.eligibleCents,
  },
  {
    id: 'overBudget',
    label: { en: 'Refused: budget ran out', es: 'Rechazadas: se agotó el presupuesto' },
    format: 'count',
    value: (f) => f.overBudgetCount,
    cents: (f) => f.overBudgetCents,
  },
  {
    id: 'approved',
    label: { en: 'Requests approved', es: 'Solicitudes aprobadas' },
    format: 'count',
    value: (f) => f.approvedCount,
    cents: (f) => f.approvedCents,
  },
  {
    id: 'paid',
    label: { en: 'Payments settled', es: 'Pagos liquidados' },
    format: 'count',
    value: (f) => f.paidCount,
    cents: (f) => f.paidCents,
  },
  {
    id: 'budget',
    label: { en: 'Budget', es: 'Presupuesto' },
    format: 'cents',
    value: (f) => f.budgetCents,
  },
  {
    id: 'runOut',
    label: { en: 'Budget runs out on', es: 'El presupuesto se agota el' },
    format: 'date',
    value: (f) => f.budgetRunOutDate,
  },
  {
    id: 'automated',
    label: { en: 'Approved by a decision rule', es: 'Aprobadas por una regla de decisión' },
    format: 'count',
    value: (f) => f.automatedApprovalCount,
  },
  {
    id: 'reviews',
    label: { en: 'Human reviews', es: 'Revisiones de personas' },
    format: 'count',
    value: (f) => f.humanReviewCount,
  },
  {
    id: 'seconds',
    label: { en: 'Senior second approvals', es: 'Segundas aprobaciones superiores' },
    format: 'count',
    value: (f) => f.secondApprovalCount,
  },
  {
    id: 'hours',
    label: { en: 'Reviewer hours (measured)', es: 'Horas de revisión (medidas)' },
    format: 'number',
    value: (f) => f.reviewerHours,
  },
  {
    id: 'late',
    label: {
      en: 'Decided after the review deadline',
      es: 'Decididas después del plazo de revisión',
    },
    format: 'count',
    value: (f) => f.decidedLateCount,
  },
  {
    id: 'wait',
    label: { en: 'Days to a decision (median)', es: 'Días hasta una decisión (mediana)' },
    format: 'number',
    value: (f) => f.daysToDecision.medianDays,
  },
  {
    id: 'waitP90',
    label: {
      en: 'Days to a decision (9 in 10 within)',
      es: 'Días hasta una decisión (9 de cada 10 dentro de)',
    },
    format: 'number',
    value: (f) => f.daysToDecision.p90Days,
  },
];

/** A figure's value written in its format; null (no date to show) is the caller's to word. */
export function formatFigureValue(
  figure: SimulationFigure,
  value: number | string,
  language: Language,
): string {
  if (figure.format === 'cents') return formatCents(Number(value), language);
  if (figure.format === 'date') return formatPlainDate(String(value), language);
  return formatNumber(Number(value), language);
}

/** Whether the figure differs between two sets of figures, in its value or in the amount beside it. */
export function figureChanged(
  figure: SimulationFigure,
  a: SimulationFigures,
  b: SimulationFigures,
): boolean {
  return (
    figure.value(a) !== figure.value(b) ||
    (figure.cents !== undefined && figure.cents(a) !== figure.cents(b))
  );
}
