import type { FormEvent, ReactNode } from 'react';
import { Link } from 'react-router';
import { commentBodySchema } from '@hms/contracts/review';
import type { ReviewDetail } from '../api/review-api.ts';
import { allQuestions } from '@hms/contracts/question-answers';
import {
  accountTypeLabels,
  auditActionLabels,
  payeeVerificationLabels,
  riskSignalLabels,
} from '@hms/contracts/labels';
import { requestEventLabels } from '@hms/contracts/request-event-labels';
import { isAuditAction } from '@hms/contracts/audit';
import { explainRiskSignal } from '@hms/contracts/risk-explanation';
import {
  answerText,
  CheckedForm,
  formatCents,
  formatDate,
  formatDateTime,
  ImportedTag,
  TextAreaField,
  useFormErrors,
  useLabel,
  useLanguage,
  useT,
  type FormField,
} from '@hms/ui';
import { reviewMessages } from '../messages.ts';
import { RiskBadge, StatusText, useStatusLabel } from '../../../shared/badges.tsx';

const raw = (v: unknown): string => {
  if (v === null || v === undefined || v === '') return '—';
  if (Array.isArray(v)) return v.map(raw).join(', ');
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
};

/** A section of the review page, named by its heading (screen readers list the page by these). */
function ReviewSection({
  id,
  title,
  children,
}: {
  id: string;
  title: ReactNode;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

/** Steps in the order they happened, each line starting with when (the timeline, the audit trail). */
function DatedList<T extends { id: string | number; at: string }>({
  items,
  line,
}: {
  items: readonly T[];
  line: (item: T) => ReactNode;
}) {
  const { language } = useLanguage();
  return (
    <ol className="usa-list">
      {items.map((item) => (
        <li key={item.id}>
          <time dateTime={item.at}>{formatDateTime(item.at, language)}</time>: {line(item)}
        </li>
      ))}
    </ol>
  );
}

/**
 * The applicant's answers under the questions they were asked (the request's program version), in form order, in
 * the reviewer's language and read the way the applicant read them on check-your-answers.
 */
export function AnswersSection({ review }: { review: ReviewDetail }) {
  const tr = useT(reviewMessages);
  const { language } = useLanguage();
  const questions = allQuestions(review.questionSet).filter((q) => q.id in review.answers);
  // An answer with no question in that version would be a data problem; show it rather than hide it.
  const unknown = Object.keys(review.answers).filter((id) => !questions.some((q) => q.id === id));
  const documentName = (id: string) => review.documents.find((d) => d.id === id)?.fileName;
  // An imported request has no answers: say where it came from instead of showing a form's empty fields.
  if (review.imported && Object.keys(review.answers).length === 0)
    return (
      <ReviewSection id="answers-h" title={tr('answers')}>
        <p data-imported-answers="true">
          {tr('answersImported', {
            file: review.imported.sourceFile,
            id: review.imported.externalId,
          })}
        </p>
      </ReviewSection>
    );
  return (
    <ReviewSection id="answers-h" title={tr('answers')}>
      <p className="text-base">{tr('answersVersion', { version: review.program.version })}</p>
      <dl className="hms-answers">
        {questions.map((q) => (
          <div key={q.id} className="margin-bottom-1">
            <dt className="text-bold">{q.label[language]}</dt>
            <dd className="margin-left-0">
              {answerText(q, review.answers[q.id], language, { documentName, yes: tr('yes') }) ??
                '—'}
            </dd>
          </div>
        ))}
        {unknown.map((id) => (
          <div key={id} className="margin-bottom-1">
            <dt className="text-bold">{id}</dt>
            <dd className="margin-left-0">{raw(review.answers[id])}</dd>
          </div>
        ))}
      </dl>
    </ReviewSection>
  );
}

/** Each file once, saying where it came from: the application, or which answer to a request for information. */
export function DocumentsSection({ documents }: { documents: ReviewDetail['documents'] }) {
  const tr = useT(reviewMessages);
  const { language } = useLanguage();
  return (
    <ReviewSection id="docs-h" title={tr('documents')}>
      {documents.length === 0 ? (
        <p>{tr('noDocuments')}</p>
      ) : (
        <ul>
          {documents.map((d) => (
            <li key={d.id}>
              <a className="usa-link" href={d.url} target="_blank" rel="noreferrer">
                {d.fileName}
              </a>{' '}
              <span className="text-base">
                ({d.contentType}),{' '}
                {d.origin === 'info_answer' && d.answeredAt
                  ? tr('origin_info_answer', { date: formatDateTime(d.answeredAt, language) })
                  : tr(
                      d.origin === 'unsent_answer' ? 'origin_unsent_answer' : 'origin_application',
                    )}
              </span>
            </li>
          ))}
        </ul>
      )}
    </ReviewSection>
  );
}

export function BankSection({
  review,
  onReveal,
  revealed,
}: {
  review: ReviewDetail;
  onReveal: () => void;
  revealed: { accountNumber: string } | undefined;
}) {
  const tr = useT(reviewMessages);
  const { language } = useLanguage();
  const label = useLabel();
  const b = review.bankAccount;
  return (
    <ReviewSection id="bank-h" title={tr('bank')}>
      {!b ? (
        <p>{tr('noBank')}</p>
      ) : (
        <dl>
          <dt className="text-bold">{tr('holder')}</dt>
          <dd className="margin-left-0">
            {b.holderName} ({label(accountTypeLabels[b.accountType])})
          </dd>
          <dt className="text-bold">{tr('routing')}</dt>
          <dd className="margin-left-0">{b.routingNumber}</dd>
          <dt className="text-bold">{tr('account')}</dt>
          <dd className="margin-left-0">
            {revealed ? revealed.accountNumber : tr('endingIn', { last4: b.last4 })}{' '}
            {!revealed ? (
              <button type="button" className="usa-button usa-button--unstyled" onClick={onReveal}>
                {tr('reveal')}
              </button>
            ) : null}
          </dd>
          <dt className="text-bold">{tr('verification')}</dt>
          <dd className="margin-left-0">{label(payeeVerificationLabels[b.verificationState])}</dd>
          <dt className="text-bold">{tr('addedOn')}</dt>
          <dd className="margin-left-0">{formatDate(b.createdAt, language)}</dd>
        </dl>
      )}
    </ReviewSection>
  );
}

export function RiskSection({ review }: { review: ReviewDetail }) {
  const tr = useT(reviewMessages);
  const { language } = useLanguage();
  const label = useLabel();
  return (
    <ReviewSection
      id="risk-h"
      title={
        <>
          {tr('risk')} <RiskBadge level={review.riskLevel} />
        </>
      }
    >
      {review.riskSignals.length === 0 ? (
        <p>{tr('noRisk')}</p>
      ) : (
        <ul className="usa-list">
          {review.riskSignals.map((s) => (
            <li key={s.kind}>
              <RiskBadge level={s.level} />{' '}
              <span className="text-bold">{label(riskSignalLabels[s.kind])}.</span>{' '}
              {explainRiskSignal(s, language)}
            </li>
          ))}
        </ul>
      )}
    </ReviewSection>
  );
}

export function OtherRequestsSection({ review }: { review: ReviewDetail }) {
  const tr = useT(reviewMessages);
  const { language } = useLanguage();
  return (
    <ReviewSection id="other-h" title={tr('otherRequests')}>
      {review.otherRequests.length === 0 ? (
        <p>{tr('noOther')}</p>
      ) : (
        <ul className="usa-list">
          {review.otherRequests.map((o) => (
            <li key={o.id}>
              <Link className="usa-link" to={`/approvals/requests/${o.id}`}>
                {o.reference}
              </Link>
              <ImportedTag imported={o.imported} /> {o.programName[language]},{' '}
              {formatCents(o.amountRequestedCents, language)}, <StatusText status={o.status} />
            </li>
          ))}
        </ul>
      )}
    </ReviewSection>
  );
}

export function TimelineSection({ review }: { review: ReviewDetail }) {
  const tr = useT(reviewMessages);
  const label = useLabel();
  const statusLabel = useStatusLabel();
  return (
    <ReviewSection id="timeline-h" title={tr('timeline')}>
      <DatedList
        items={review.timeline}
        line={(e) => (
          <>
            {label(requestEventLabels[e.type].staff)}
            {e.actor ? ` (${e.actor.name})` : ''}
            {e.toStatus && e.fromStatus !== e.toStatus
              ? `. ${tr('nowStatus', { status: statusLabel(e.toStatus) })}`
              : ''}
            {!e.visibleToApplicant ? (
              <span className="usa-tag margin-left-1 bg-base-lighter text-ink">
                {tr('internal')}
              </span>
            ) : null}
            {typeof e.data.question === 'string' ? (
              <div>
                <span className="text-bold">{tr('timelineQuestion')}</span> “{e.data.question}”
              </div>
            ) : null}
            {e.type === 'info_provided' ? <TimelineAnswer data={e.data} review={review} /> : null}
            {typeof e.data.messageToApplicant === 'string' ? (
              <div>“{e.data.messageToApplicant}”</div>
            ) : null}
            <TimelineReason data={e.data} />
          </>
        )}
      />
    </ReviewSection>
  );
}

/**
 * Why the step happened, as the citizen read it: a decision rule's approval ("Decided by rule N of version V") or
 * the bank's reason for a return. Stored in both languages on the step; the reviewer reads their own.
 */
function TimelineReason({ data }: { data: Record<string, unknown> }) {
  const { language } = useLanguage();
  const reason =
    language === 'es' && typeof data.reasonEs === 'string' ? data.reasonEs : data.reason;
  return typeof reason === 'string' && reason ? <div>{reason}</div> : null;
}

/** The citizen's answer in the history: its text and the files sent with it, labelled as such. */
function TimelineAnswer({ data, review }: { data: Record<string, unknown>; review: ReviewDetail }) {
  const tr = useT(reviewMessages);
  const ids = Array.isArray(data.documentIds) ? data.documentIds : [];
  const files = review.documents.filter((d) => ids.includes(d.id));
  return (
    <>
      <div>
        <span className="text-bold">{tr('timelineAnswer')}</span>{' '}
        {typeof data.message === 'string' && data.message ? `“${data.message}”` : tr('infoNoText')}
      </div>
      {files.length > 0 ? (
        <div>
          <span className="text-bold">{tr('timelineFiles')}</span>{' '}
          {files.map((d, i) => (
            <span key={d.id}>
              {i > 0 ? ', ' : ''}
              <a
                className="usa-link hms-break-anywhere"
                href={d.url}
                target="_blank"
                rel="noreferrer"
              >
                {d.fileName}
              </a>
            </span>
          ))}
        </div>
      ) : null}
    </>
  );
}

/**
 * The latest request for information beside the decision: the question, the citizen's answer and the files sent
 * with it, so the reviewer decides with the answer in view instead of searching the history for it.
 */
export function InfoAnswerPanel({ review }: { review: ReviewDetail }) {
  const tr = useT(reviewMessages);
  const { language } = useLanguage();
  const x = review.infoExchanges.at(-1);
  if (!x) return null;
  const answered = x.answer !== null;
  return (
    <section
      aria-labelledby="info-answer-h"
      className={`usa-summary-box margin-bottom-2${answered ? '' : ' bg-base-lightest'}`}
    >
      <div className="usa-summary-box__body">
        <h2 id="info-answer-h" className="usa-summary-box__heading">
          {tr(answered ? 'infoAnswerTitle' : 'infoWaitingTitle')}
        </h2>
        <h3 className="margin-bottom-05">{tr('infoQuestion')}</h3>
        <p className="margin-top-0">“{x.question}”</p>
        <p className="font-body-3xs">
          {tr('infoQuestionBy', {
            name: x.askedBy?.name ?? '',
            date: formatDateTime(x.askedAt, language),
          })}
        </p>
        {x.answer ? (
          <>
            <h3 className="margin-bottom-05">
              {tr('infoAnswer', { date: formatDateTime(x.answer.at, language) })}
            </h3>
            <p className="margin-top-0">
              {x.answer.message ? `“${x.answer.message}”` : tr('infoNoText')}
            </p>
            <h3 className="margin-bottom-05">{tr('infoFiles')}</h3>
            {x.answer.documents.length === 0 ? (
              <p className="margin-top-0">{tr('infoNoFiles')}</p>
            ) : (
              <ul className="usa-list margin-top-0">
                {x.answer.documents.map((d) => (
                  <li key={d.id}>
                    <a
                      className="usa-link hms-break-anywhere"
                      href={d.url}
                      target="_blank"
                      rel="noreferrer"
                    >
                      {d.fileName}
                    </a>{' '}
                    <span>({d.contentType})</span>
                  </li>
                ))}
              </ul>
            )}
          </>
        ) : null}
      </div>
    </section>
  );
}

const COMMENT_FIELDS: FormField<'body'>[] = [{ name: 'body', id: 'comment' }];

/**
 * Internal comments and the form to add one, with the error-summary pattern: the length rule is the API's own schema,
 * and whatever the server refuses shows on the field (or above the form when it is not about the text).
 */
export function CommentsSection({
  review,
  onAdd,
  pending,
}: {
  review: ReviewDetail;
  onAdd: (text: string, done: () => void, failed: (error: unknown) => void) => void;
  pending: boolean;
}) {
  const tr = useT(reviewMessages);
  const { language } = useLanguage();
  const errors = useFormErrors(COMMENT_FIELDS);
  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const text = String(new FormData(form).get('comment') ?? '');
    const checked = commentBodySchema.shape.body.safeParse(text);
    const tooLong = checked.error?.issues.some((i) => i.code === 'too_big');
    const failed = errors.check({
      body: checked.success ? undefined : tooLong ? tr('commentTooLong') : tr('commentEmpty'),
    });
    if (failed || !checked.success) return;
    onAdd(checked.data, () => form.reset(), errors.fail);
  }
  return (
    <ReviewSection id="comments-h" title={tr('comments')}>
      {review.comments.length === 0 ? <p>{tr('noComments')}</p> : null}
      <ul className="usa-list usa-list--unstyled">
        {review.comments.map((c) => (
          <li key={c.id} className="margin-bottom-1">
            <span className="text-bold">{c.author.name}</span>,{' '}
            <time dateTime={c.at}>{formatDateTime(c.at, language)}</time>
            <p className="margin-top-05">{c.body}</p>
          </li>
        ))}
      </ul>
      <CheckedForm errors={errors} onSubmit={submit} className="usa-form" problemHeadingLevel={3}>
        <TextAreaField
          id="comment"
          name="comment"
          label={tr('comment')}
          error={errors.error('body')}
        />
        <button type="submit" className="usa-button usa-button--outline" disabled={pending}>
          {tr('addComment')}
        </button>
      </CheckedForm>
    </ReviewSection>
  );
}

export function AuditSection({ review }: { review: ReviewDetail }) {
  const tr = useT(reviewMessages);
  const label = useLabel();
  return (
    <ReviewSection id="audit-h" title={tr('audit')}>
      <DatedList
        items={review.auditTrail}
        line={(a) => (
          <>
            {isAuditAction(a.action) ? label(auditActionLabels[a.action]) : tr('auditOther')}{' '}
            {a.actor ? `(${a.actor.name})` : ''}
          </>
        )}
      />
    </ReviewSection>
  );
}
