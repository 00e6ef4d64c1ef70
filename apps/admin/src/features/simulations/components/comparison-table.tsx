import {
  DataTable,
  ToneTag,
  formatCents,
  formatNumber,
  formatPlainDate,
  useLanguage,
  useT,
  type Language,
} from '@hms/ui';
import type { SimulationFigures } from '../api/simulations.ts';
import { simulationMessages } from '../messages.ts';

type Key = keyof (typeof simulationMessages)['en'];

/** One line of the comparison: how to read its value from a column's figures, and how to show it. */
interface Line {
  id: string;
  label: Key;
  value: (f: SimulationFigures) => number | string | null;
  show: (value: number | string | null, language: Language) => string;
  /** The amount beside a count, when the line has one. */
  cents?: (f: SimulationFigures) => number;
  /** How a difference is written: money, a plain count, or not at all (a date). */
  kind: 'count' | 'cents' | 'number' | 'date';
}

const num = (v: number | string | null, language: Language) =>
  v === null ? '' : formatNumber(Number(v), language);

const LINES: readonly Line[] = [
  {
    id: 'requested',
    label: 'requested',
    kind: 'count',
    value: (f) => f.requestedCount,
    cents: (f) => f.requestedCents,
    show: num,
  },
  {
    id: 'eligible',
    label: 'eligible',
    kind: 'count',
    value: (f) => f.eligibleCount,
    cents: (f) => f.eligibleCents,
    show: num,
  },
  {
    id: 'overBudget',
    label: 'overBudget',
    kind: 'count',
    value: (f) => f.overBudgetCount,
    cents: (f) => f.overBudgetCents,
    show: num,
  },
  {
    id: 'approved',
    label: 'approved',
    kind: 'count',
    value: (f) => f.approvedCount,
    cents: (f) => f.approvedCents,
    show: num,
  },
  {
    id: 'paid',
    label: 'paid',
    kind: 'count',
    value: (f) => f.paidCount,
    cents: (f) => f.paidCents,
    show: num,
  },
  {
    id: 'budget',
    label: 'budgetFigure',
    kind: 'cents',
    value: (f) => f.budgetCents,
    show: (v, l) => formatCents(Number(v), l),
  },
  {
    id: 'runOut',
    label: 'runOut',
    kind: 'date',
    value: (f) => f.budgetRunOutDate,
    show: (v, l) => (v === null ? '' : formatPlainDate(String(v), l)),
  },
  {
    id: 'automated',
    label: 'automated',
    kind: 'count',
    value: (f) => f.automatedApprovalCount,
    show: num,
  },
  { id: 'reviews', label: 'reviews', kind: 'count', value: (f) => f.humanReviewCount, show: num },
  {
    id: 'seconds',
    label: 'seconds',
    kind: 'count',
    value: (f) => f.secondApprovalCount,
    show: num,
  },
  { id: 'hours', label: 'hours', kind: 'number', value: (f) => f.reviewerHours, show: num },
  { id: 'late', label: 'late', kind: 'count', value: (f) => f.decidedLateCount, show: num },
  {
    id: 'wait',
    label: 'wait',
    kind: 'number',
    value: (f) => f.daysToDecision.medianDays,
    show: num,
  },
  {
    id: 'waitP90',
    label: 'waitP90',
    kind: 'number',
    value: (f) => f.daysToDecision.p90Days,
    show: num,
  },
];

function signed(n: number, text: string) {
  return n > 0 ? `+${text}` : n < 0 ? `−${text.replace(/^-/, '')}` : text;
}

/**
 * What happened and the scenario side by side, one line per figure: a line whose value (or amount) differs is
 * marked "Changed" in words, not by colour alone, with the difference written out.
 */
export function ComparisonTable({
  baseline,
  scenario,
}: {
  baseline: SimulationFigures;
  scenario: SimulationFigures;
}) {
  const tr = useT(simulationMessages);
  const { language } = useLanguage();
  const cell = (line: Line, f: SimulationFigures) => {
    const value = line.value(f);
    if (value === null) return tr('none');
    const shown = line.show(value, language);
    return line.cents
      ? tr('countAndAmount', { count: shown, amount: formatCents(line.cents(f), language) })
      : shown;
  };
  const changed = (line: Line) =>
    line.value(baseline) !== line.value(scenario) ||
    (line.cents !== undefined && line.cents(baseline) !== line.cents(scenario));
  const difference = (line: Line) => {
    if (!changed(line)) return tr('noChange');
    const a = line.value(baseline);
    const b = line.value(scenario);
    if (line.kind === 'date' || a === null || b === null) return cell(line, scenario);
    const d = Number(b) - Number(a);
    const text =
      line.kind === 'cents'
        ? formatCents(Math.abs(d), language)
        : formatNumber(Math.round(Math.abs(d) * 10) / 10, language);
    const main = signed(d, text);
    if (!line.cents) return main;
    const dc = line.cents(scenario) - line.cents(baseline);
    return tr('countAndAmount', {
      count: main,
      amount: signed(dc, formatCents(Math.abs(dc), language)),
    });
  };
  return (
    <DataTable
      caption={tr('comparisonCaption')}
      rows={LINES}
      rowProps={(line) => ({ 'data-changed': changed(line) })}
      columns={[
        { header: tr('figure'), rowHeader: true, cell: (line) => tr(line.label) },
        { header: tr('baseline'), numeric: true, cell: (line) => cell(line, baseline) },
        { header: tr('scenario'), numeric: true, cell: (line) => cell(line, scenario) },
        {
          header: tr('difference'),
          numeric: true,
          cell: (line) =>
            changed(line) ? (
              <>
                <ToneTag tone="caution" data={{ 'data-difference': line.id }}>
                  {tr('changed')}
                </ToneTag>{' '}
                <strong>{difference(line)}</strong>
              </>
            ) : (
              difference(line)
            ),
        },
      ]}
    />
  );
}
