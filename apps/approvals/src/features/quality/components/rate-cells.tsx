import { useLanguage } from '@hms/ui';
import type { AgreementRates } from '../api/quality-api.ts';

type Stat = AgreementRates['programs'][number]['all'];

/** A share as a percent in the reader's language, to one decimal. */
export function usePercent() {
  const { language } = useLanguage();
  const format = new Intl.NumberFormat(language === 'es' ? 'es-US' : 'en-US', {
    style: 'percent',
    maximumFractionDigits: 1,
  });
  return (share: number) => format.format(share);
}

/** The rate and its Wilson interval, or a dash before anything was re-checked. */
export function RateText({ stat, none }: { stat: Stat; none: string }) {
  const pct = usePercent();
  return <>{stat.rate === null ? none : pct(stat.rate)}</>;
}

export function IntervalText({ stat, none }: { stat: Stat; none: string }) {
  const pct = usePercent();
  return (
    <>{stat.low === null || stat.high === null ? none : `${pct(stat.low)} – ${pct(stat.high)}`}</>
  );
}
