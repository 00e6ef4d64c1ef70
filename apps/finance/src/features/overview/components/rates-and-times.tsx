import { formatNumber, useLanguage, useT } from '@hms/ui';
import type { Overview } from '../api/overview.ts';
import { overviewMessages } from '../messages.ts';

/** The return rate and the median and 90th-percentile days to a decision and to payment, each with its definition. */
export function RatesAndTimes({ overview: o }: { overview: Overview }) {
  const tr = useT(overviewMessages);
  const { language } = useLanguage();
  const percent = new Intl.NumberFormat(language === 'es' ? 'es-US' : 'en-US', {
    style: 'percent',
    maximumFractionDigits: 1,
  });
  const days = (d: number | null) =>
    d === null ? tr('none') : tr('days', { days: formatNumber(d, language) });
  const times = [
    ['daysToDecision', o.daysToDecision],
    ['daysToPayment', o.daysToPayment],
  ] as const;
  return (
    <section aria-labelledby="rates-heading">
      <h2 id="rates-heading">{tr('ratesHeading')}</h2>
      <dl className="grid-row grid-gap">
        <div className="tablet:grid-col-4 margin-bottom-3">
          <dt className="text-bold">{tr('returnRate')}</dt>
          <dd className="margin-left-0">
            <span className="font-sans-xl text-tabular">
              {o.returnRate === null ? tr('none') : percent.format(o.returnRate)}
            </span>
            <details className="margin-top-1">
              <summary>{tr('definition')}</summary>
              <p className="margin-y-1">{tr('returnRateDefinition')}</p>
            </details>
          </dd>
        </div>
        {times.map(([key, stats]) => (
          <div key={key} className="tablet:grid-col-4 margin-bottom-3">
            <dt className="text-bold">{tr(key)}</dt>
            <dd className="margin-left-0">
              <span className="font-sans-lg text-tabular">
                {tr('median')}: {days(stats.medianDays)}
              </span>
              <div className="text-tabular">
                {tr('p90')}: {days(stats.p90Days)} (
                {tr('over', { count: formatNumber(stats.count, language) })})
              </div>
              <details className="margin-top-1">
                <summary>{tr('definition')}</summary>
                <p className="margin-y-1">{tr(`${key}Definition`)}</p>
              </details>
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
