import { formatDate, LoadingState, PageTitle, ProblemAlert, useLanguage, useT } from '@hms/ui';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { requestQueryOptions } from '../../../shared/requests/request-api.ts';
import { applicationMessages } from '../messages.ts';

/** After submit: the reference number and what happens next, with the review deadline. */
export function ConfirmationRoute() {
  const { requestId = '' } = useParams();
  const tr = useT(applicationMessages);
  const { language } = useLanguage();
  const request = useQuery(requestQueryOptions(requestId));
  if (request.isError)
    return <ProblemAlert error={request.error} onRetry={() => void request.refetch()} />;
  if (!request.data) return <LoadingState label={tr('loading')} />;
  const d = request.data;
  return (
    <div className="maxw-tablet">
      <div className="usa-alert usa-alert--success margin-top-2">
        <div className="usa-alert__body">
          <PageTitle className="usa-alert__heading">{tr('confirmationTitle')}</PageTitle>
          <p className="usa-alert__text">
            {tr('yourReference')}: <strong className="font-mono-lg">{d.reference}</strong>
          </p>
          <p className="usa-alert__text">{tr('referenceHint')}</p>
        </div>
      </div>
      <h2>{tr('whatNext')}</h2>
      <ol className="usa-process-list">
        <li className="usa-process-list__item">
          <p>{tr('whatNext1')}</p>
        </li>
        {/* The program's decision rules may approve it at submission: then no reviewer looks at it. */}
        {d.status === 'approved' ? (
          <li className="usa-process-list__item">
            <p>{tr('whatNextApproved')}</p>
          </li>
        ) : (
          <>
            <li className="usa-process-list__item">
              <p>
                {tr('whatNext2', {
                  days: d.program.reviewDeadlineDays,
                  // due_at is the end of the deadline day (midnight after it), so show the instant just before.
                  date: d.dueAt ? formatDate(Date.parse(d.dueAt) - 1, language) : '',
                })}
              </p>
            </li>
            <li className="usa-process-list__item">
              <p>{tr('whatNext3')}</p>
            </li>
          </>
        )}
        <li className="usa-process-list__item">
          <p>{tr('whatNext4')}</p>
        </li>
      </ol>
      <p>
        <Link className="usa-button" to={`/my-requests/${d.id}`}>
          {tr('viewRequest')}
        </Link>
        <Link className="usa-button usa-button--outline" to="/my-requests">
          {tr('myRequests')}
        </Link>
      </p>
    </div>
  );
}
