import {
  ButtonGroup,
  EmptyState,
  PageIntro,
  QueryState,
  ScrollableTable,
  formatCents,
  formatNumber,
  formatPlainDate,
  useLabel,
  useLanguage,
  useT,
} from '@hms/ui';
import { trendDefinitions } from '@hms/contracts/finance-trends';
import { useQuery } from '@tanstack/react-query';
import { lazy } from 'react';
import { PeriodForm } from '../../../shared/period-form.tsx';
import { periodSearch, readPeriod, usePeriod } from '../../../shared/period-params.ts';
import { trendsQueryOptions, type Trends } from '../api/trends.ts';
import { trendsHelp, trendsMessages } from '../messages.ts';
import { ComputedAt } from '../../../shared/computed-at.tsx';
import { ChartFigure } from '../../../shared/chart-figure.tsx';

// The chart library is loaded only when a chart is drawn: its own chunk of the finance remote.
const TrendChart = lazy(() => import('../components/trend-chart.tsx'));
const ReasonsChart = lazy(() => import('../components/reasons-chart.tsx'));

const FIGURES = ['approved', 'paid', 'returned'] as const;

export function TrendsRoute() {
  const tr = useT(trendsMessages);
  const label = useLabel();
  const { language } = useLanguage();
  const { period, params, setParams } = usePeriod();
  const interval = params.get('interval') === 'week' ? 'week' : 'day';
  const trends = useQuery(trendsQueryOptions({ ...period, interval }));
  const money = (cents: number) => formatCents(cents, language);
  const count = (n: number) => formatNumber(n, language);
  const day = (d: string) => formatPlainDate(d, language);
  // From the URL as it is now (not as this render saw it), so a period applied a moment ago is kept.
  const setInterval = (next: 'day' | 'week') =>
    setParams((current) =>
      periodSearch(readPeriod(current), { interval: next === 'week' ? 'week' : undefined }),
    );
  return (
    <>
      <PageIntro title={tr('title')} lead={tr('lead')} help={trendsHelp} />
      <PeriodForm
        period={period}
        shown={trends.data ? { from: trends.data.from, to: trends.data.to } : undefined}
        onApply={(next) =>
          setParams(periodSearch(next, { interval: interval === 'week' ? 'week' : undefined }))
        }
      />
      <div role="group" aria-labelledby="trends-interval-label" className="margin-bottom-3">
        <p id="trends-interval-label" className="margin-bottom-1 text-bold">
          {tr('intervalLabel')}
        </p>
        <ButtonGroup>
          {(['day', 'week'] as const).map((i) => (
            <button
              key={i}
              type="button"
              className={`usa-button ${interval === i ? '' : 'usa-button--outline'}`}
              aria-pressed={interval === i}
              onClick={() => setInterval(i)}
            >
              {tr(i)}
            </button>
          ))}
        </ButtonGroup>
      </div>
      <QueryState query={trends} loading={tr('loading')}>
        {(t: Trends) => {
          const unit = tr(t.interval === 'week' ? 'byweek' : 'byday');
          const range = { from: day(t.from), to: day(t.to) };
          const nothing =
            t.totals.approvedCount + t.totals.paidCount + t.totals.returnedCount === 0;
          return (
            <>
              <ComputedAt computedAt={t.computedAt} query={trends} />
              <section aria-labelledby="trends-series-heading">
                <h2 id="trends-series-heading">
                  {tr('seriesHeading', { ...range, interval: unit })}
                </h2>
                {nothing ? (
                  <EmptyState title={tr('emptySeries')}>{tr('emptySeriesBody')}</EmptyState>
                ) : (
                  <>
                    <ChartFigure
                      id="trends-series-description"
                      description={tr('seriesDescription', { interval: unit })}
                    >
                      <TrendChart points={t.points} />
                    </ChartFigure>
                  </>
                )}
                <details className="margin-top-2">
                  <summary>{tr('showTable')}</summary>
                  <ScrollableTable caption={tr('seriesCaption', { ...range, interval: unit })}>
                    <thead>
                      <tr>
                        <th scope="col">{tr('period')}</th>
                        {FIGURES.flatMap((f) => [
                          <th key={`${f}-amount`} scope="col" className="text-right">
                            {tr('amount', { figure: tr(f) })}
                          </th>,
                          <th key={`${f}-count`} scope="col" className="text-right">
                            {tr('count', { figure: tr(f) })}
                          </th>,
                        ])}
                      </tr>
                    </thead>
                    <tbody>
                      {[...t.points, { ...t.totals, start: '', end: '' }].map((p) => (
                        <tr key={p.start || 'total'} data-bucket={p.start || 'total'}>
                          <th scope="row">
                            {p.start === ''
                              ? tr('total')
                              : p.start === p.end
                                ? day(p.start)
                                : `${day(p.start)} – ${day(p.end)}`}
                          </th>
                          {FIGURES.flatMap((f) => [
                            <td
                              key={`${f}-amount`}
                              className="text-right text-tabular"
                              data-column={`${f}Cents`}
                            >
                              {money(p[`${f}Cents`])}
                            </td>,
                            <td
                              key={`${f}-count`}
                              className="text-right text-tabular"
                              data-column={`${f}Count`}
                            >
                              {count(p[`${f}Count`])}
                            </td>,
                          ])}
                        </tr>
                      ))}
                    </tbody>
                  </ScrollableTable>
                </details>
              </section>
              <section aria-labelledby="trends-reasons-heading">
                <h2 id="trends-reasons-heading">{tr('reasonsHeading')}</h2>
                {t.returnsByReason.length === 0 ? (
                  <p>{tr('noReturns')}</p>
                ) : (
                  <>
                    <ChartFigure
                      id="trends-reasons-description"
                      description={tr('reasonsDescription')}
                    >
                      <ReasonsChart reasons={t.returnsByReason} />
                    </ChartFigure>
                    <ScrollableTable caption={tr('reasonsCaption', range)}>
                      <thead>
                        <tr>
                          <th scope="col">{tr('code')}</th>
                          <th scope="col">{tr('reason')}</th>
                          <th scope="col">{tr('nacha')}</th>
                          <th scope="col" className="text-right">
                            {tr('amount', { figure: tr('returned') })}
                          </th>
                          <th scope="col" className="text-right">
                            {tr('count', { figure: tr('returned') })}
                          </th>
                        </tr>
                      </thead>
                      <tbody>
                        {t.returnsByReason.map((r) => (
                          <tr key={r.code ?? 'none'} data-code={r.code ?? 'none'}>
                            <th scope="row">{r.code ?? tr('noCode')}</th>
                            <td>{r.name[language]}</td>
                            <td lang="en">{r.nachaDescription ?? '—'}</td>
                            <td className="text-right text-tabular">{money(r.cents)}</td>
                            <td className="text-right text-tabular">{count(r.count)}</td>
                          </tr>
                        ))}
                      </tbody>
                    </ScrollableTable>
                  </>
                )}
              </section>
              <details className="margin-top-3">
                <summary>{tr('definitions')}</summary>
                <dl>
                  {([...FIGURES, 'returnsByReason', 'buckets'] as const).map((f) => (
                    <div key={f} className="margin-bottom-1">
                      <dt className="text-bold">{tr(f)}</dt>
                      <dd className="margin-left-0">{label(trendDefinitions[f])}</dd>
                    </div>
                  ))}
                </dl>
              </details>
            </>
          );
        }}
      </QueryState>
    </>
  );
}
