import {
  formatCents,
  formatNumber,
  formatPlainDate,
  useLanguage,
  useT,
  type Language,
} from '@hms/ui';
import type { SimulationFigures } from './api/simulations.ts';
import { simulationMessages } from './messages.ts';

// The figures a simulation reports, in the order they are compared. One list serves every table that sets two sets
// of figures side by side (what happened against a scenario, one saved scenario against another), so a new figure
// is added once and shows everywhere.

/** How a figure is written, and so how a difference is: a count, money, a decimal number, or a date (no difference). */
export type FigureFormat = 'count' | 'cents' | 'number' | 'date';

type MessageKey = keyof (typeof simulationMessages)['en'];
/** A figure's label is the message `figure_<id>`. */
type FigureId = MessageKey extends infer K ? (K extends `figure_${infer Id}` ? Id : never) : never;

export interface SimulationFigure {
  /** Stable name of the figure: the comparison marks a changed row's difference with it, and it names its label. */
  id: FigureId;
  format: FigureFormat;
  value: (f: SimulationFigures) => number | string | null;
  /** The amount beside a count, when the figure has one. */
  cents?: (f: SimulationFigures) => number;
}

function figure(id: FigureId, format: FigureFormat, value: SimulationFigure['value']) {
  return { id, format, value };
}

/** A count reported with the amount it adds up to, the figures' `<id>Count` and `<id>Cents`. */
function countWithAmount(id: 'requested' | 'eligible' | 'overBudget' | 'approved' | 'paid') {
  return {
    id,
    format: 'count',
    value: (f: SimulationFigures) => f[`${id}Count`],
    cents: (f: SimulationFigures) => f[`${id}Cents`],
  } satisfies SimulationFigure;
}

export const SIMULATION_FIGURES: readonly SimulationFigure[] = [
  countWithAmount('requested'),
  countWithAmount('eligible'),
  countWithAmount('overBudget'),
  countWithAmount('approved'),
  countWithAmount('paid'),
  figure('budget', 'cents', (f) => f.budgetCents),
  figure('runOut', 'date', (f) => f.budgetRunOutDate),
  figure('automated', 'count', (f) => f.automatedApprovalCount),
  figure('reviews', 'count', (f) => f.humanReviewCount),
  figure('seconds', 'count', (f) => f.secondApprovalCount),
  figure('hours', 'number', (f) => f.reviewerHours),
  figure('late', 'count', (f) => f.decidedLateCount),
  figure('wait', 'number', (f) => f.daysToDecision.medianDays),
  figure('waitP90', 'number', (f) => f.daysToDecision.p90Days),
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

/**
 * How the tables that set figures side by side write them: a figure's name, and a figure as a cell shows it (the
 * value in its format, the amount beside a count, "None" where there is no date).
 */
export function useFigureText() {
  const tr = useT(simulationMessages);
  const { language } = useLanguage();
  return {
    name: (figure: SimulationFigure) => tr(`figure_${figure.id}`),
    cell: (figure: SimulationFigure, f: SimulationFigures) => {
      const value = figure.value(f);
      if (value === null) return tr('none');
      const shown = formatFigureValue(figure, value, language);
      return figure.cents
        ? tr('countAndAmount', { count: shown, amount: formatCents(figure.cents(f), language) })
        : shown;
    },
  };
}
