import {
  EmptyState,
  PageIntro,
  QueryState,
  ScrollableTable,
  formatCents,
  formatPlainDate,
  useLabel,
  useLanguage,
  useT,
} from '@hms/ui';
import { budgetDefinitions } from '@hms/contracts/finance-budgets';
import { useQuery } from '@tanstack/react-query';
import { lazy } from 'react';
import { PeriodForm } from '../../../shared/period-form.tsx';
import { periodSearch, usePeriod } from '../../../shared/period-params.ts';
import { budgetsQueryOptions, type Budgets, type ProgramBudget } from '../api/budgets.ts';
import { budgetsHelp, budgetsMessages } from '../messages.ts';
import { ComputedAt } from '../../../shared/computed-at.tsx';
import { ChartFigure } from '../../../shared/chart-figure.tsx';

// The chart library is loaded only when a chart is drawn: its own chunk of the finance remote.
const BudgetChart = lazy(() => import('../components/budget-chart.tsx'));

const COLUMNS = [
  'budget',
  'paid',
  'obligated',
  'awaitingDecision',
  'committed',
  'remaining',
  'committedLast30Days',
] as const;

type Row = Pick<ProgramBudget, `${(typeof COLUMNS)[number]}Cents` | 'overBudget'>;

export function BudgetsRoute() {
  const tr = useT(budgetsMessages);
  const label = useLabel();
  const { language } = useLanguage();
  const { period, setParams } = usePeriod();
  const query = { program: period.program };
  const budgets = useQuery(budgetsQueryOptions(query));
  const money = (cents: number) => formatCents(cents, language);
  const status = (r: Row) =>
    r.overBudget ? (
      <strong className="text-secondary-dark">
        {tr('overBudget', { amount: money(-r.remainingCents) })}
      </strong>
    ) : (
      tr('withinBudget')
    );
  const cells = (r: Row) =>
    COLUMNS.map((c) => (
      <td key={c} className="text-right text-tabular" data-column={c}>
        {money(r[`${c}Cents`])}
      </td>
    ));
  return (
    <>
      <PageIntro title={tr('title')} lead={tr('lead')} help={budgetsHelp} />
      <PeriodForm
        dates={false}
        period={{ program: period.program }}
        onApply={(next) => setParams(periodSearch({ program: next.program }))}
      />
      <QueryState
        query={budgets}
        loading={tr('loading')}
        isEmpty={(b: Budgets) => b.programs.length === 0}
        empty={<EmptyState title={tr('empty')}>{tr('emptyBody')}</EmptyState>}
      >
        {(b: Budgets) => (
          <>
            <ComputedAt computedAt={b.computedAt} asOf={b.asOf} query={budgets} />
            <section aria-labelledby="budgets-chart-heading">
              <h2 id="budgets-chart-heading">{tr('chartHeading')}</h2>
              <ChartFigure id="budgets-chart-description" description={tr('chartDescription')}>
                <BudgetChart programs={b.programs} />
              </ChartFigure>
            </section>
            <section aria-labelledby="budgets-table-heading">
              <h2 id="budgets-table-heading">{tr('tableHeading')}</h2>
              <ScrollableTable
                caption={tr('tableCaption', { date: formatPlainDate(b.asOf, language) })}
              >
                <thead>
                  <tr>
                    <th scope="col">{tr('program')}</th>
                    {COLUMNS.map((c) => (
                      <th key={c} scope="col" className="text-right">
                        {tr(c)}
                      </th>
                    ))}
                    <th scope="col">{tr('projectedRunOut')}</th>
                    <th scope="col">{tr('status')}</th>
                  </tr>
                </thead>
                <tbody>
                  {b.programs.map((p) => (
                    <tr key={p.program} data-program={p.program}>
                      <th scope="row">{p.name[language]}</th>
                      {cells(p)}
                      <td data-column="projectedRunOut">
                        {p.projectedRunOut
                          ? formatPlainDate(p.projectedRunOut, language)
                          : tr('noRunOut')}
                      </td>
                      <td data-column="status">{status(p)}</td>
                    </tr>
                  ))}
                  {b.programs.length > 1 ? (
                    <tr data-program="total">
                      <th scope="row">{tr('total')}</th>
                      {cells(b.totals)}
                      <td />
                      <td data-column="status">{status(b.totals)}</td>
                    </tr>
                  ) : null}
                </tbody>
              </ScrollableTable>
              <details className="margin-top-2">
                <summary>{tr('definitions')}</summary>
                <dl>
                  {(
                    [
                      'committed',
                      ...COLUMNS.filter((c) => c !== 'committed'),
                      'projectedRunOut',
                      'overBudget',
                    ] as const
                  ).map((f) => (
                    <div key={f} className="margin-bottom-1">
                      <dt className="text-bold">
                        {f === 'overBudget' ? tr('overBudget', { amount: '…' }) : tr(f)}
                      </dt>
                      <dd className="margin-left-0">{label(budgetDefinitions[f])}</dd>
                    </div>
                  ))}
                </dl>
              </details>
            </section>
          </>
        )}
      </QueryState>
    </>
  );
}
