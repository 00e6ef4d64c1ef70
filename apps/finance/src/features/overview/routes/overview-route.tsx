import { QueryState, formatCents, formatNumber, useLanguage, useT, PageIntro } from '@hms/ui';
import type { FinanceFigure, PaymentFigure } from '@hms/contracts/finance-overview';
import { useQuery } from '@tanstack/react-query';
import { overviewQueryOptions, type Overview } from '../api/overview.ts';
import { FigureTile } from '../components/figure-tile.tsx';
import { PeriodForm } from '../../../shared/period-form.tsx';
import { RatesAndTimes } from '../components/rates-and-times.tsx';
import { overviewHelp } from '../help.ts';
import { overviewMessages } from '../messages.ts';
import { periodSearch, usePeriod } from '../../../shared/period-params.ts';
import { ComputedAt } from '../../../shared/computed-at.tsx';

const MONEY_FIGURES = [
  'requested',
  'approved',
  'pendingPayment',
  'released',
  'paid',
  'returned',
] as const satisfies readonly FinanceFigure[];

const isPaymentFigure = (f: FinanceFigure): f is PaymentFigure =>
  f === 'pendingPayment' || f === 'released' || f === 'paid' || f === 'returned';

/** Where a figure's rows are listed: the same period and program, and the figure. */
export function figureListPath(
  figure: FinanceFigure,
  period: { from?: string; to?: string; program?: string | null },
) {
  const list = isPaymentFigure(figure) ? 'payments' : 'requests';
  return `/finance/overview/${list}?${periodSearch(
    { from: period.from, to: period.to, program: period.program ?? undefined },
    { figure },
  )}`;
}

export function OverviewRoute() {
  const tr = useT(overviewMessages);
  const { language } = useLanguage();
  const { period, setParams } = usePeriod();
  const overview = useQuery(overviewQueryOptions(period));
  const data = overview.data;
  return (
    <>
      <PageIntro title={tr('title')} lead={tr('lead')} help={overviewHelp} />
      <PeriodForm
        period={period}
        shown={data ? { from: data.from, to: data.to } : undefined}
        onApply={(next) => setParams(periodSearch(next))}
      />
      <QueryState query={overview} loading={tr('loading')}>
        {(o: Overview) => (
          <>
            <ComputedAt computedAt={o.computedAt} query={overview} />
            <section aria-labelledby="money-heading">
              <h2 id="money-heading">{tr('moneyHeading', { from: o.from, to: o.to })}</h2>
              <dl className="grid-row grid-gap">
                {MONEY_FIGURES.map((figure) => (
                  <FigureTile
                    key={figure}
                    figure={figure}
                    value={formatCents(o[`${figure}Cents`], language)}
                    count={tr(isPaymentFigure(figure) ? 'paymentCount' : 'count', {
                      count: formatNumber(o[`${figure}Count`], language),
                    })}
                    to={figureListPath(figure, o)}
                  />
                ))}
                <FigureTile
                  figure="pastReviewDeadline"
                  value={tr('requestsCount', {
                    count: formatNumber(o.pastReviewDeadlineCount, language),
                  })}
                  to={figureListPath('pastReviewDeadline', o)}
                />
              </dl>
            </section>
            <RatesAndTimes overview={o} />
          </>
        )}
      </QueryState>
    </>
  );
}
