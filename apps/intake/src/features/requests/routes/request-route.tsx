import {
  Alert,
  formatCents,
  formatDate,
  LoadingState,
  PageTitle,
  QueryState,
  useLanguage,
  useT,
} from '@hms/ui';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { requestQueryOptions } from '../../../shared/requests/request-api.ts';
import { EstimatePanel } from '../components/estimate-panel.tsx';
import { Timeline } from '../components/timeline.tsx';
import { WithdrawPanel } from '../components/withdraw-panel.tsx';
import { StatusTag } from '../../../shared/status/status-tag.tsx';
import { SuccessNotice } from '../../../shared/success-notice.tsx';
import { requestMessages } from '../messages.ts';

// Forms (react-hook-form, zod, the upload field) shown only while a request waits on the citizen: loaded when
// needed, so the status page most people open stays light on a phone.
const InfoResponseForm = lazy(async () => ({
  default: (await import('../components/info-response-form.tsx')).InfoResponseForm,
}));
const NewAccountForm = lazy(async () => ({
  default: (await import('../components/new-account-form.tsx')).NewAccountForm,
}));

/** `/my-requests/:requestId`: status, timeline, the answer to a request for information, and withdraw. */
export function RequestRoute() {
  const { requestId = '' } = useParams();
  const tr = useT(requestMessages);
  const { language } = useLanguage();
  const request = useQuery(requestQueryOptions(requestId));
  const [notice, setNotice] = useState<string | null>(null);
  const noticeRef = useRef<HTMLDivElement>(null);
  const show = (text: string) => {
    setNotice(text);
    setTimeout(() => noticeRef.current?.focus(), 0);
  };
  return (
    <QueryState query={request} loading={tr('loading')}>
      {(d) => (
        <div className="maxw-tablet">
          <p>
            <Link to="/my-requests">{tr('backToList')}</Link>
          </p>
          <PageTitle title={`${d.reference} – ${d.program.name[language]}`}>
            {d.program.name[language]}
          </PageTitle>
          {notice ? <SuccessNotice ref={noticeRef}>{notice}</SuccessNotice> : null}
          <dl className="margin-y-2">
            <dt className="text-bold">{tr('reference')}</dt>
            <dd className="margin-left-0 margin-bottom-1 font-mono-sm">{d.reference}</dd>
            <dt className="text-bold">{tr('status')}</dt>
            <dd className="margin-left-0 margin-bottom-1">
              <StatusTag status={d.status} />
            </dd>
            <dt className="text-bold">{tr('amount')}</dt>
            <dd className="margin-left-0 margin-bottom-1">
              {formatCents(d.amountRequestedCents, language)}
            </dd>
            {d.submittedAt ? (
              <>
                <dt className="text-bold">{tr('submitted')}</dt>
                <dd className="margin-left-0 margin-bottom-1">
                  {formatDate(d.submittedAt, language)}
                </dd>
              </>
            ) : null}
            {d.status === 'needs_info' && d.infoRequest ? (
              <>
                <dt className="text-bold">{tr('infoAskedOn')}</dt>
                <dd className="margin-left-0 margin-bottom-1">
                  {formatDate(d.infoRequest.at, language)}
                </dd>
              </>
            ) : null}
            {/* The review deadline is paused while we wait for the citizen (DOMAIN.md): no "decision due by" then. */}
            {d.dueAt &&
            ['submitted', 'in_review', 'awaiting_second_approval'].includes(d.status) ? (
              <>
                <dt className="text-bold">{tr('decisionBy')}</dt>
                <dd className="margin-left-0 margin-bottom-1">
                  {formatDate(Date.parse(d.dueAt) - 1, language)}
                </dd>
              </>
            ) : null}
            {d.bankAccount ? (
              <>
                <dt className="text-bold">{tr('bank')}</dt>
                <dd className="margin-left-0 margin-bottom-1">
                  {tr('bankValue', {
                    type: tr(d.bankAccount.accountType),
                    last4: d.bankAccount.last4,
                  })}
                </dd>
              </>
            ) : null}
          </dl>
          {d.estimate ? <EstimatePanel estimate={d.estimate} /> : null}
          {d.status === 'draft' ? (
            <div className="usa-summary-box">
              <div className="usa-summary-box__body">
                <h2 className="usa-summary-box__heading">{tr('draftTitle')}</h2>
                <p className="usa-summary-box__text">{tr('draftBody')}</p>
                <Link className="usa-button" to={`/my-requests/${d.id}/apply`}>
                  {tr('continueDraft')}
                </Link>
              </div>
            </div>
          ) : null}
          {d.status === 'needs_info' && d.infoRequest ? (
            <section aria-labelledby="info-title" className="margin-y-4">
              <h2 id="info-title">{tr('infoTitle')}</h2>
              <div className="usa-alert usa-alert--warning margin-bottom-2">
                <div className="usa-alert__body">
                  <p className="usa-alert__text">
                    <strong>{tr('questionLabel')}:</strong> {d.infoRequest.question}
                  </p>
                  <p className="usa-alert__text">
                    {tr('infoPaused', { date: formatDate(d.infoRequest.at, language) })}
                  </p>
                </div>
              </div>
              <Suspense fallback={<LoadingState />}>
                <InfoResponseForm detail={d} onSent={() => show(tr('infoSent'))} />
              </Suspense>
            </section>
          ) : null}
          {d.status === 'payment_returned' ? (
            <Alert tone="warning" className="margin-y-3" heading={tr('returnedTitle')}>
              {tr('returnedBody')}
            </Alert>
          ) : null}
          {d.status === 'payment_returned' ? (
            <Suspense fallback={<LoadingState />}>
              <NewAccountForm
                requestId={d.id}
                onDone={(last4) => show(tr('newAccountDone', { last4 }))}
              />
            </Suspense>
          ) : null}
          {d.timeline.length > 0 ? (
            <section aria-labelledby="timeline-title" className="margin-top-4">
              <h2 id="timeline-title">{tr('timeline')}</h2>
              <Timeline entries={d.timeline} />
            </section>
          ) : null}
          {d.canWithdraw ? <WithdrawPanel detail={d} onDone={() => show(tr('withdrawn'))} /> : null}
        </div>
      )}
    </QueryState>
  );
}
