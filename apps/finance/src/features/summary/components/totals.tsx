import type { FinanceSummaryResponse } from '@hms/contracts/finance-summary';
import { formatCents, useLanguage, useT } from '@hms/ui';
import { summaryMessages } from '../messages.ts';

const TOTALS = [
  ['approved', 'approvedCents'],
  ['pending', 'pendingCents'],
  ['paid', 'paidCents'],
  ['returned', 'returnedCents'],
] as const;

export function Totals({ totals }: { totals: FinanceSummaryResponse['totals'] }) {
  const tr = useT(summaryMessages);
  const { language } = useLanguage();
  return (
    <section aria-labelledby="totals-heading">
      <h2 id="totals-heading">{tr('totalsHeading')}</h2>
      {/* A description list keeps each amount tied to its label for screen readers. */}
      <dl className="grid-row grid-gap">
        {TOTALS.map(([label, field]) => (
          <div key={field} className="tablet:grid-col-3 margin-bottom-2">
            <dt className="text-bold">{tr(label)}</dt>
            <dd className="margin-left-0 font-sans-xl text-tabular">
              {formatCents(totals[field], language)}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
