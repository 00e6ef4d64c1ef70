import { useEffect, useRef, useState, type FormEvent } from 'react';
import { parseDollars } from '@hms/contracts/money';
import {
  rejectReasonCodes,
  rejectReasonLabels,
  type DecisionBody,
  type DecisionKind,
} from '@hms/contracts/decisions';
import type { ReviewDetail } from '../api/review-api.ts';
import {
  approvalAmountProblem,
  maxApprovableCents,
  type AmountProblem,
} from '@hms/contracts/request-rules';
import { formatCents, ProblemAlert, problemText, useLanguage, useT } from '@hms/ui';
import { reviewMessages } from '../messages.ts';

const BUTTON_CLASS: Record<DecisionKind, string> = {
  approve: '',
  reject: ' usa-button--secondary',
  request_info: ' usa-button--outline',
};

export interface DecisionPanelProps {
  review: ReviewDetail;
  /** Which form is open (the a/r/i shortcuts set it). */
  open: DecisionKind | null;
  onOpen: (kind: DecisionKind | null) => void;
  onDecide: (body: DecisionBody) => void;
  pending: boolean;
  error: unknown;
  onReload: () => void;
}

/**
 * The decisions the viewer may take (review.allowedActions, computed by the API from the rules it enforces), each a
 * short form followed by a confirmation step that restates what will happen. An approved amount is checked against
 * the same amount rules as the API before the confirmation step. The version the reviewer saw goes with the
 * decision, so a change made meanwhile by someone else is refused (409) and shown here with who changed what.
 */
export function DecisionPanel({
  review,
  open,
  onOpen,
  onDecide,
  pending,
  error,
  onReload,
}: DecisionPanelProps) {
  const tr = useT(reviewMessages);
  const { language } = useLanguage();
  const [draft, setDraft] = useState<DecisionBody | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const confirmRef = useRef<HTMLParagraphElement>(null);
  const firstField = useRef<HTMLInputElement & HTMLSelectElement & HTMLTextAreaElement>(null);

  useEffect(() => {
    setDraft(null);
    setErrors({});
    if (open) firstField.current?.focus();
  }, [open]);
  useEffect(() => {
    if (draft) confirmRef.current?.focus();
  }, [draft]);

  const limits = {
    requestedCents: review.amountRequestedCents,
    firstApprovalCents:
      review.status === 'awaiting_second_approval' ? review.approvedAmountCents : null,
    programMaxCents: review.program.maxAmountCents,
    remainingBudgetCents: review.program.remainingBudgetCents,
  };
  const maxCents = maxApprovableCents(limits);
  const money = (c: number) => formatCents(c, language);
  const amountMessage = (p: AmountProblem) =>
    p.rule === 'whole_cents' || p.rule === 'positive'
      ? tr('amountPositive')
      : tr(`amount_${p.rule}`, { limit: money(p.limitCents ?? 0) });
  const allowed = new Set(review.allowedActions);
  const kinds = (['approve', 'reject', 'request_info'] as const).filter((k) => allowed.has(k));
  const isConflict =
    typeof error === 'object' && error !== null && (error as { status?: unknown }).status === 409;

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const text = (k: string) => String(form.get(k) ?? '').trim();
    const bad: Record<string, string> = {};
    let body: DecisionBody | null = null;
    if (open === 'approve') {
      const parsed = parseDollars(text('amount'));
      const problem = parsed.ok ? approvalAmountProblem(parsed.cents, limits) : null;
      if (!parsed.ok) bad.amount = tr('amountError');
      else if (problem) bad.amount = amountMessage(problem);
      else body = { kind: 'approve', version: review.version, approvedAmountCents: parsed.cents };
    } else if (open === 'reject') {
      const reasonCode = text('reasonCode');
      const message = text('message');
      if (!reasonCode) bad.reasonCode = tr('fieldRequired');
      if (message.length < 10) bad.message = tr('tooShort');
      if (!bad.reasonCode && !bad.message)
        body = {
          kind: 'reject',
          version: review.version,
          reasonCode: reasonCode as (typeof rejectReasonCodes)[number],
          messageToApplicant: message,
        };
    } else if (open === 'request_info') {
      const question = text('question');
      if (question.length < 10) bad.question = tr('tooShort');
      else body = { kind: 'request_info', version: review.version, question };
    }
    setErrors(bad);
    if (body) setDraft(body);
  }

  const fieldError = (name: string) =>
    errors[name] ? (
      <span className="usa-error-message" id={`decision-${name}-error`}>
        {errors[name]}
      </span>
    ) : null;
  const describedBy = (name: string, hint?: string) =>
    [errors[name] ? `decision-${name}-error` : '', hint ?? ''].filter(Boolean).join(' ') ||
    undefined;

  return (
    <section aria-labelledby="decide-heading" className="margin-y-3">
      <h2 id="decide-heading">{tr('decide')}</h2>
      {isConflict ? (
        <div className="usa-alert usa-alert--warning" role="alert">
          <div className="usa-alert__body">
            <h3 className="usa-alert__heading">{tr('conflict')}</h3>
            <p className="usa-alert__text">{problemText(error, language).message}</p>
            <button type="button" className="usa-button usa-button--outline" onClick={onReload}>
              {tr('reload')}
            </button>
          </div>
        </div>
      ) : error ? (
        <ProblemAlert error={error} headingLevel={3} />
      ) : null}
      <div className="usa-button-group margin-bottom-2">
        {kinds.map((kind) => (
          <button
            key={kind}
            type="button"
            className={`usa-button${BUTTON_CLASS[kind]}`}
            aria-expanded={open === kind}
            onClick={() => onOpen(kind)}
          >
            {tr(kind === 'request_info' ? 'info' : kind)}
          </button>
        ))}
      </div>

      {open && allowed.has(open) && !draft ? (
        <form
          className="usa-form usa-form--large"
          onSubmit={submit}
          noValidate
          aria-label={tr(open === 'approve' ? 'approve' : open === 'reject' ? 'reject' : 'info')}
        >
          {open === 'approve' ? (
            <div className={`usa-form-group${errors.amount ? ' usa-form-group--error' : ''}`}>
              <label className="usa-label" htmlFor="decision-amount">
                {tr('amount')}
              </label>
              <span className="usa-hint" id="decision-amount-hint">
                {tr('amountHint', {
                  max: money(maxCents),
                  requested: money(review.amountRequestedCents),
                  programMax: money(review.program.maxAmountCents),
                  budget: money(review.program.remainingBudgetCents),
                })}{' '}
                {review.status === 'in_review'
                  ? tr('secondHint', { threshold: money(review.program.approvalThresholdCents) })
                  : ''}
              </span>
              {fieldError('amount')}
              <input
                ref={firstField}
                className={`usa-input${errors.amount ? ' usa-input--error' : ''}`}
                id="decision-amount"
                name="amount"
                inputMode="decimal"
                defaultValue={(maxCents / 100).toFixed(2)}
                aria-describedby={describedBy('amount', 'decision-amount-hint')}
                aria-invalid={errors.amount ? true : undefined}
              />
            </div>
          ) : null}
          {open === 'reject' ? (
            <>
              <div className={`usa-form-group${errors.reasonCode ? ' usa-form-group--error' : ''}`}>
                <label className="usa-label" htmlFor="decision-reasonCode">
                  {tr('reason')}
                </label>
                {fieldError('reasonCode')}
                <select
                  ref={firstField}
                  className="usa-select"
                  id="decision-reasonCode"
                  name="reasonCode"
                  defaultValue=""
                  aria-describedby={describedBy('reasonCode')}
                  aria-invalid={errors.reasonCode ? true : undefined}
                >
                  <option value="" disabled>
                    -
                  </option>
                  {rejectReasonCodes.map((c) => (
                    <option key={c} value={c}>
                      {rejectReasonLabels[language][c]}
                    </option>
                  ))}
                </select>
              </div>
              <div className={`usa-form-group${errors.message ? ' usa-form-group--error' : ''}`}>
                <label className="usa-label" htmlFor="decision-message">
                  {tr('message')}
                </label>
                {fieldError('message')}
                <textarea
                  className="usa-textarea"
                  id="decision-message"
                  name="message"
                  aria-describedby={describedBy('message')}
                  aria-invalid={errors.message ? true : undefined}
                />
              </div>
            </>
          ) : null}
          {open === 'request_info' ? (
            <div className={`usa-form-group${errors.question ? ' usa-form-group--error' : ''}`}>
              <label className="usa-label" htmlFor="decision-question">
                {tr('question')}
              </label>
              {fieldError('question')}
              <textarea
                ref={firstField}
                className="usa-textarea"
                id="decision-question"
                name="question"
                aria-describedby={describedBy('question')}
                aria-invalid={errors.question ? true : undefined}
              />
            </div>
          ) : null}
          <button type="submit" className="usa-button margin-top-2">
            {tr('continue')}
          </button>
          <button
            type="button"
            className="usa-button usa-button--unstyled margin-left-2"
            onClick={() => onOpen(null)}
          >
            {tr('cancel')}
          </button>
        </form>
      ) : null}

      {draft ? (
        <div role="group" aria-labelledby="decision-confirm" className="usa-summary-box">
          <div className="usa-summary-box__body">
            <p id="decision-confirm" className="text-bold" tabIndex={-1} ref={confirmRef}>
              {draft.kind === 'approve'
                ? tr('confirmApprove', {
                    amount: money(draft.approvedAmountCents ?? review.amountRequestedCents),
                    reference: review.reference,
                  })
                : draft.kind === 'reject'
                  ? tr('confirmReject', {
                      reference: review.reference,
                      message: draft.messageToApplicant,
                    })
                  : tr('confirmInfo', { reference: review.reference, question: draft.question })}
            </p>
            <button
              type="button"
              className="usa-button"
              disabled={pending}
              onClick={() => onDecide(draft)}
            >
              {tr('confirm')}
            </button>
            <button
              type="button"
              className="usa-button usa-button--outline"
              onClick={() => setDraft(null)}
            >
              {tr('cancel')}
            </button>
          </div>
        </div>
      ) : null}
    </section>
  );
}
