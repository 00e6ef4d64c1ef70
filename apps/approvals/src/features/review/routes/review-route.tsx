import { useCallback, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { DecisionKind } from '@hms/contracts/decisions';
import type { RequestStatus } from '@hms/contracts/requests';
import {
  Alert,
  HelpPanel,
  ImportedNotice,
  PracticeNotice,
  LoadingState,
  PageTitle,
  ProblemAlert,
  formatCents,
  useLanguage,
  useT,
} from '@hms/ui';
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
  InfoAnswerPanel,
  OtherRequestsSection,
  RiskSection,
  TimelineSection,
} from '../components/review-sections.tsx';
import { ReassignForm, reassignTarget } from '../../../shared/reassign-form.tsx';
import { reassignMessages } from '../../../shared/reassign-messages.ts';
import { reviewMessages } from '../messages.ts';
import {
  AnsweredBadge,
  DeadlineBadge,
  StatusText,
  useStatusLabel,
} from '../../../shared/badges.tsx';
import { useLiveUpdates } from '../../../shared/live.ts';
import { useShortcuts } from '../../../shared/shortcuts.ts';
import { KeyboardHelp } from '../../../shared/keyboard-help.tsx';
import { reviewHelp } from '../help.ts';

/** The statuses of a request whose approval is final: its approved amount is the one paid, not a first approval's. */
const APPROVED_STATUSES = new Set<RequestStatus>(['approved', 'payment_returned', 'paid']);

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
  const [reassigning, setReassigning] = useState(false);
  const trr = useT(reassignMessages);

  const r = review.data;
  // Only what the API would let this person do (computed by the API from the shared request-rules).
  const allowed = new Set(r?.allowedActions ?? []);
  const canDecide = allowed.has('approve') || allowed.has('reject') || allowed.has('request_info');
  const openForm = useCallback(
    (kind: DecisionKind | null) => {
      decide.reset();
      setOpen(kind);
    },
    [decide],
  );
  useShortcuts({
    a: () => allowed.has('approve') && openForm('approve'),
    r: () => allowed.has('reject') && openForm('reject'),
    i: () => allowed.has('request_info') && openForm('request_info'),
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
      <PracticeNotice practice={r.practice} />
      <ImportedNotice imported={r.imported} />
      <HelpPanel content={reviewHelp} />
      {/* The decision follows the evidence in reading order: one link takes a keyboard user straight to it. */}
      <p>
        <a className="usa-link" href="#actions-h">
          {tr('jumpToDecision')}
        </a>
      </p>
      {help ? <KeyboardHelp onClose={() => setHelp(false)} /> : null}
      {decide.isSuccess ? (
        <Alert tone="success" role="status">
          {tr('decided', { status: statusLabel(decide.data.status) })}
        </Alert>
      ) : null}
      {r.isOwnRequest ? (
        <Alert tone="warning" role="alert">
          {tr('ownRequest')}
        </Alert>
      ) : null}
      <div className="grid-row grid-gap">
        <div className="grid-col-12 desktop:grid-col-8">
          <section aria-labelledby="summary-h">
            <h2 id="summary-h">{tr('summary')}</h2>
            <dl className="grid-row grid-gap">
              {(
                [
                  [tr('program'), r.program.name[language]],
                  [tr('applicant'), `${r.applicant.name} (${r.applicant.email})`],
                  [tr('requested'), formatCents(r.amountRequestedCents, language)],
                  // The amount of a first approval until the request is approved; then the amount approved.
                  ...(r.approvedAmountCents !== null
                    ? [
                        [
                          tr(APPROVED_STATUSES.has(r.status) ? 'approvedAmount' : 'approvedSoFar'),
                          formatCents(r.approvedAmountCents, language),
                        ],
                      ]
                    : []),
                  [
                    tr('status'),
                    <span key="s">
                      <StatusText status={r.status} />
                      <AnsweredBadge at={r.infoAnsweredAt} />
                    </span>,
                  ],
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
          </section>
          <RiskSection review={r} />
          <AnswersSection review={r} />
          <DocumentsSection documents={r.documents} />
          <BankSection review={r} onReveal={() => reveal.mutate()} revealed={reveal.data} />
          <OtherRequestsSection review={r} />
          <CommentsSection
            review={r}
            pending={comment.isPending}
            onAdd={(text, done, failed) =>
              comment.mutate(text, { onSuccess: done, onError: failed })
            }
          />
          <TimelineSection review={r} />
          <AuditSection review={r} />
        </div>
        {/* After the evidence in reading and keyboard order; beside it, and kept in view, on wide screens. */}
        <aside className="grid-col-12 desktop:grid-col-4" aria-labelledby="actions-h">
          <div className="hms-side-panel">
            <InfoAnswerPanel review={r} />
            <section aria-labelledby="actions-h" className="margin-bottom-2">
              <h2 id="actions-h" tabIndex={-1}>
                {tr('actions')}
              </h2>
              {claim.error || release.error ? (
                <ProblemAlert error={claim.error ?? release.error} headingLevel={3} />
              ) : null}
              {allowed.size === 0 || (allowed.size === 1 && allowed.has('comment')) ? (
                <p>{tr('noActions')}</p>
              ) : null}
              <div className="usa-button-group flex-wrap">
                {allowed.has('claim') ? (
                  <button
                    type="button"
                    className="usa-button"
                    onClick={() => claim.mutate(r.id)}
                    disabled={claim.isPending}
                  >
                    {tr('claim')}
                  </button>
                ) : null}
                {allowed.has('release') ? (
                  <button
                    type="button"
                    className="usa-button usa-button--outline"
                    onClick={() => release.mutate(r.id)}
                    disabled={release.isPending}
                  >
                    {tr('release')}
                  </button>
                ) : null}
                {allowed.has('reassign') ? (
                  <button
                    type="button"
                    className="usa-button usa-button--outline"
                    aria-expanded={reassigning}
                    onClick={() => setReassigning((v) => !v)}
                  >
                    {trr('open')}
                  </button>
                ) : null}
              </div>
              {reassigning && allowed.has('reassign') ? (
                <ReassignForm
                  headingLevel={3}
                  request={reassignTarget(r, {
                    applicantId: r.applicant.id,
                    firstApproverId: r.firstApprover?.id ?? null,
                  })}
                  onClose={() => setReassigning(false)}
                />
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
          </div>
        </aside>
      </div>
    </>
  );
}
