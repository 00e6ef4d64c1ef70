import { QueryState, formatDateTime, useLanguage, useT } from '@hms/ui';
import { useQuery } from '@tanstack/react-query';
import { auditVerificationQueryOptions } from '../api/audit.ts';
import { auditMessages } from '../messages.ts';

/** Whether the audit hash chain is intact, checked when the page opens (and again on request). */
export function VerificationStatus() {
  const tr = useT(auditMessages);
  const { language } = useLanguage();
  const check = useQuery(auditVerificationQueryOptions());
  return (
    <section aria-labelledby="audit-verification" className="margin-y-3">
      <h2 id="audit-verification">{tr('verification')}</h2>
      <QueryState query={check} loading={tr('verifying')}>
        {(data) => (
          <div
            className={`usa-alert ${data.ok ? 'usa-alert--success' : 'usa-alert--error'} usa-alert--slim`}
            data-testid="audit-verification"
            data-ok={data.ok}
          >
            <div className="usa-alert__body">
              <p className="usa-alert__text">
                <strong>{data.ok ? tr('chainOk') : tr('chainBroken')}</strong>.{' '}
                {data.ok
                  ? tr('chainOkBody', { count: data.count ?? 0 })
                  : tr('chainBrokenBody', { id: data.brokenAtId ?? 0 })}
              </p>
              {data.ok ? null : <p className="usa-alert__text">{data.text}</p>}
              <p className="usa-alert__text">
                {tr('checkedAt', { when: formatDateTime(data.checkedAt, language) })}{' '}
                <button
                  type="button"
                  className="usa-button usa-button--unstyled"
                  disabled={check.isFetching}
                  onClick={() => void check.refetch()}
                >
                  {tr('checkAgain')}
                </button>
              </p>
            </div>
          </div>
        )}
      </QueryState>
    </section>
  );
}
