import { formatNumber, formatPlainDate, useLanguage, useT } from '@hms/ui';
import type { InboxItem } from '../api/inbox-api.ts';
import { inboxMessages } from '../messages.ts';

/** The estimate the citizen sees on their request (expected decision, then money), under the row's deadline. */
export function ExpectedDate({ estimate }: { estimate: NonNullable<InboxItem['estimate']> }) {
  const tr = useT(inboxMessages);
  const { language } = useLanguage();
  const { decision } = estimate;
  if (estimate.decisionBy && decision)
    return (
      <div className="font-body-3xs text-base">
        {tr('expectedDecision', { date: formatPlainDate(estimate.decisionBy, language) })}
        <div>
          {decision.source === 'history' && decision.businessDays !== null
            ? tr('expectedBasis', {
                days: formatNumber(decision.businessDays, language),
                ahead: formatNumber(decision.ahead, language),
              })
            : tr('expectedDeadline')}
        </div>
      </div>
    );
  if (estimate.paymentBy)
    return (
      <div className="font-body-3xs text-base">
        {tr('expectedPayment', { date: formatPlainDate(estimate.paymentBy, language) })}
      </div>
    );
  return null;
}
