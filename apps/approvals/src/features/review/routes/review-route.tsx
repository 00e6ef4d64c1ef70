import { useCallback, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { DecisionKind } from '@hms/contracts/decisions';
import { LoadingState, PageTitle, ProblemAlert, formatCents, useLanguage, useT } from '@hms/ui';
import { claimMutationOptions, releaseMutationOptions } from '../../../shared/assignment-api.ts';
import {
  commentMutationOptions,
  decideMutationOptions,
  revealMutationOptions,
  reviewQueryOptions,
} from '../api/review-api.ts';
import { DecisionPanel } from '../components/decision-panel.tsx';
import {
  AnswersSection,
  AuditSection,
  BankSection,
  CommentsSection,
  DocumentsSection,
  OtherRequestsSection,
  RiskSection,
  TimelineSection,
} from '../components/review-sections.tsx';
import { reviewMessages } from '../messages.ts';
import { DeadlineBadge, StatusText, useStatusLabel } from '../../../shared/badges.tsx';
import { useLiveUpdates } from '../../../shared/live.ts';
import { useShortcuts } from '../../../shared/shortcuts.ts';
import { KeyboardHelp } from '../../../shared/keyboard-help.tsx';

export function ReviewRoute() {
  const { id = '' } = useParams();
  const tr = useT(reviewMessages);
  const statusLabel = useStatusLabel();
  const { language } = useLanguage();
  const client = useQueryClient();
  const review = useQuery(reviewQueryOptions(id));
  useLiveUpdates();
  const decide = useMutation(decideMutationOptions(client, id));
  const comment = useMutation(commentMutationOptions(client, id));
  const reveal = useMutation(revealMutationOptions(client, id));
  const claim = useMutation(claimMutationOptions(client));
  const release = useMutation(releaseMutationOptions(client));
  const [open, setOpen] = useState<DecisionKind | null>(null);
  const [help, setHelp] = useState(false);

  const r = review.data;
  const canDecide =
    !!r && !r.isOwnRequest && (r.status === 'in_review' || r.status === 'awaiting_second_approval');
  const openForm = useCallback(
    (kind: DecisionKind | null) => {
      decide.reset();
      setOpen(kind);
    },
    [decide],
  );
  useShortcuts({
    a: () => canDecide && openForm('approve'),
    r: () => canDecide && openForm('reject'),
    i: () => canDecide && r?.status === 'in_review' && openForm('request_info'),
    '?': () => setHelp((h) => !h),
  });

  if (review.isPending) return <LoadingState label={tr('loading')} />;
  if (review.isError || !r)
    return (
      <>
        <PageTitle>{tr('title', { reference: '' })}</PageTitle>
        <ProblemAlert error={review.error} onRetry={() => void review.refetch()} />
      </>
    );

  return (
    <>
      <Link className="usa-link" to="/approvals">
        {tr('back')}
      </Link>
      <PageTitle>{tr('title', { reference: r.reference })}</PageTitle>
      {help ? <KeyboardHelp onClose={() => setHelp(false)} /> : null}
      {decide.isSuccess ? (
        <div className="usa-alert usa-alert--success" role="status">
          <div className="usa-alert__body">
            <p className="usa-alert__text">
              {tr('decided', { status: statusLabel(decide.data.status) })}
            </p>
          </div>
        </div>
      ) : null}
      {r.isOwnRequest ? (
        <div className="usa-alert usa-alert--warning" role="alert">
          <div className="usa-alert__body">
            <p className="usa-alert__text">{tr('ownRequest')}</p>
          </div>
        </div>
      ) : null}
      {claim.error || release.error ? <ProblemAlert error={claim.error ?? release.error} /> : null}

      <section aria-labelledby="summary-h">
        <h2 id="summary-h">{tr('summary')}</h2>
        <dl className="grid-row grid-gap">
          {(
            [
              [tr('program'), r.program.name],
              [tr('applicant'), `${r.applicant.name} (${r.applicant.email})`],
              [tr('requested'), formatCents(r.amountRequestedCents, language)],
              ...(r.approvedAmountCents !== null
                ? [[tr('approvedSoFar'), formatCents(r.approvedAmountCents, language)]]
                : []),
              [tr('status'), <StatusText key="s" status={r.status} />],
              [tr('deadline'), <DeadlineBadge key="d" state={r.deadline} />],
              [tr('assignee'), r.assignee?.name ?? tr('nobody')],
              ...(r.firstApprover ? [[tr('firstApprover'), r.firstApprover.name]] : []),
              ...(r.payment
                ? [
                    [
                      tr('payment'),
                      tr('paymentLine', {
                        amount: formatCents(r.payment.amountCents, language),
                        status: r.payment.status,
                      }),
                    ],
                  ]
                : []),
            ] as Array<[string, React.ReactNode]>
          ).map(([k, v]) => (
            <div key={k} className="grid-col-12 tablet:grid-col-6 margin-bottom-1">
              <dt className="text-bold">{k}</dt>
              <dd className="margin-left-0">{v}</dd>
            </div>
          ))}
        </dl>
        {!r.isOwnRequest &&
        !r.assignee &&
        (r.status === 'submitted' || r.status === 'awaiting_second_approval') ? (
          <button
            type="button"
            className="usa-button"
            onClick={() => claim.mutate(r.id)}
            disabled={claim.isPending}
          >
            {tr('claim')}
          </button>
        ) : null}
        {r.assignee && r.status === 'in_review' ? (
          <button
            type="button"
            className="usa-button usa-button--outline"
            onClick={() => release.mutate(r.id)}
            disabled={release.isPending}
          >
            {tr('release')}
          </button>
        ) : null}
      </section>

      {canDecide ? (
        <DecisionPanel
          review={r}
          open={open}
          onOpen={openForm}
          onDecide={(body) => decide.mutate(body, { onSuccess: () => setOpen(null) })}
          pending={decide.isPending}
          error={decide.error}
          onReload={() => {
            decide.reset();
            void review.refetch();
          }}
        />
      ) : null}

      <RiskSection review={r} />
      <AnswersSection review={r} />
      <DocumentsSection documents={r.documents} />
      <BankSection review={r} onReveal={() => reveal.mutate()} revealed={reveal.data} />
      <OtherRequestsSection review={r} />
      <CommentsSection
        review={r}
        pending={comment.isPending}
        onAdd={(text, done) => comment.mutate(text, { onSuccess: done })}
      />
      <TimelineSection review={r} />
      <AuditSection review={r} />
    </>
  );
}
