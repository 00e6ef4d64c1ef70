import type { RequestEstimate } from '@hms/contracts/estimates';
import { formatDateTime, formatNumber, formatPlainDate, useLanguage, useT } from '@hms/ui';
import { estimateMessages } from '../estimate-messages.ts';

/**
 * "When will I hear back?": the day a decision is expected, then the day the money is, with the published
 * definition behind the date (the API computes both on every read; see @hms/contracts/estimates).
 */
export function EstimatePanel({ estimate }: { estimate: RequestEstimate }) {
  const tr = useT(estimateMessages);
  const { language } = useLanguage();
  const date = (d: string) => formatPlainDate(d, language);
  const n = (v: number) => formatNumber(v, language);
  const { decision, payment } = estimate;
  return (
    <section aria-labelledby="estimate-title" className="usa-summary-box margin-y-3">
      <div className="usa-summary-box__body">
        <h2 id="estimate-title" className="usa-summary-box__heading">
          {tr('title')}
        </h2>
        <div className="usa-summary-box__text">
          {decision?.source === 'waiting_for_applicant' ? <p>{tr('waiting')}</p> : null}
          {estimate.decisionBy && decision ? (
            <>
              <p className="text-bold">{tr('decisionBy', { date: date(estimate.decisionBy) })}</p>
              {decision.source === 'history' && decision.businessDays !== null ? (
                <p>
                  {tr('decisionBasis', {
                    days: n(decision.businessDays),
                    sample: n(decision.sampleSize),
                  })}
                </p>
              ) : (
                <p>{tr('deadlineBasis', { sample: n(decision.sampleSize) })}</p>
              )}
              <p>{tr('ahead', { ahead: n(decision.ahead) })}</p>
              <p>{tr('estimateNote')}</p>
            </>
          ) : null}
          {payment ? (
            <>
              {estimate.paymentBy ? (
                <p className="text-bold">{tr('paymentBy', { date: date(estimate.paymentBy) })}</p>
              ) : null}
              {payment.source === 'batch' && estimate.paymentBy ? (
                <p>{tr('paymentBatch', { date: date(estimate.paymentBy) })}</p>
              ) : payment.source === 'history' && payment.businessDays !== null ? (
                <p>
                  {tr('paymentBasis', {
                    days: n(payment.businessDays),
                    sample: n(payment.sampleSize),
                  })}
                </p>
              ) : (
                <p>{tr('paymentUnknown')}</p>
              )}
            </>
          ) : null}
          <p className="font-body-2xs">
            {tr('updated', { when: formatDateTime(estimate.computedAt, language) })}
          </p>
        </div>
      </div>
    </section>
  );
}
