import { useEffect, useRef, useState, type FormEvent } from 'react';
import { parseDollars } from '@hms/contracts/money';
import { rejectReasonCodes, rejectReasonLabels } from '@hms/contracts/decisions';
import type { DecisionBody, DecisionKind } from '@hms/contracts/decisions';
import type { ReviewDetail } from '../api/review-api.ts';
import { approvalAmountProblem, maxApprovableCents } from '@hms/contracts/request-rules';
import type { AmountProblem } from '@hms/contracts/request-rules';
import {
  Alert,
  ErrorSummary,
  formatCents,
  ProblemAlert,
  problemFieldErrors,
  problemText,
  SelectField,
  TextAreaField,
  TextField,
  useErrorMessages,
  useFocusWhen,
  useFormErrors,
  useLanguage,
  useT,
  type FormField,
} from '@hms/ui';
import { ConfirmStep } from '../../../shared/confirm-step.tsx';
import { SubmitOrLeave } from '../../../shared/submit-or-leave.tsx';
import { reviewMessages } from '../messages.ts';

type DecisionField = 'approvedAmountCents' | 'reasonCode' | 'messageToApplicant' | 'question';

/** Named as the API names them (`body.approvedAmountCents` lands on the amount input). */
const FIELDS: FormField<DecisionField>[] = [
  {
    name: 'approvedAmountCents',
    id: 'decision-amount',
    refusals: [
      'decision.amount_above_requested',
      'decision.amount_above_first_approval',
      'decision.amount_above_program_max',
      'decision.amount_above_budget',
    ],
  },
  { name: 'reasonCode', id: 'decision-reasonCode' },
  { name: 'messageToApplicant', id: 'decision-message' },
  { name: 'question', id: 'decision-question' },
];

/** Whether the server refused what was typed in the form (field errors), rather than the decision itself. */
function isAboutFields(error: unknown): boolean {
  const { byField, other } = problemFieldErrors(error, FIELDS);
  return Object.keys(byField).length > 0 || other.length > 0;
}

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
 * the same amount rules as the API before the confirmation step. Mistakes follow the error-summary pattern (summary
 * at the top of the form takes focus and links to each field); a field the server refuses after the confirmation
 * brings the form back with what was typed and the refusal on its field. The version the reviewer saw goes with the
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
  useErrorMessages();
  const [draft, setDraft] = useState<DecisionBody | null>(null);
  // What was typed, so the form comes back filled in after "Cancel" on the confirmation or a server refusal.
  const [typed, setTyped] = useState<Record<string, string>>({});
  const errors = useFormErrors(FIELDS);
  const { clear, fail } = errors;
  const firstField = useRef<HTMLInputElement & HTMLSelectElement & HTMLTextAreaElement>(null);
  const failedWith = useRef<unknown>(null);

  useEffect(() => {
    setDraft(null);
    setTyped({});
    clear();
    if (open) firstField.current?.focus();
  }, [open, clear]);

  // A 409 refuses the decision itself (a stale version, someone else holds it), never what was typed: the
  // confirmation closes, since it restates a decision on a version that is gone, and the alert says what to do.
  const isConflict =
    typeof error === 'object' && error !== null && (error as { status?: unknown }).status === 409;
  const fieldRefusal = error && !isConflict ? isAboutFields(error) : false;
  useEffect(() => {
    if (!(isConflict || fieldRefusal) || failedWith.current === error) return;
    failedWith.current = error;
    setDraft(null);
    if (fieldRefusal) fail(error);
  }, [error, isConflict, fieldRefusal, fail]);
  const conflictAlert = useFocusWhen<HTMLDivElement>(isConflict ? error : null);

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

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const text = (k: string) => String(form.get(k) ?? '').trim();
    setTyped(Object.fromEntries([...form.keys()].map((k) => [k, String(form.get(k) ?? '')])));
    let body: DecisionBody | null = null;
    if (open === 'approve') {
      const parsed = parseDollars(text('amount'));
      const problem = parsed.ok ? approvalAmountProblem(parsed.cents, limits) : null;
      const failed = errors.check({
        approvedAmountCents: !parsed.ok
          ? tr('amountError')
          : problem
            ? amountMessage(problem)
            : undefined,
      });
      if (!failed && parsed.ok)
        body = { kind: 'approve', version: review.version, approvedAmountCents: parsed.cents };
    } else if (open === 'reject') {
      const reasonCode = text('reasonCode');
      const message = text('messageToApplicant');
      const failed = errors.check({
        reasonCode: reasonCode ? undefined : tr('reasonRequired'),
        messageToApplicant: message.length < 10 ? tr('messageTooShort') : undefined,
      });
      if (!failed)
        body = {
          kind: 'reject',
          version: review.version,
          reasonCode: reasonCode as (typeof rejectReasonCodes)[number],
          messageToApplicant: message,
        };
    } else if (open === 'request_info') {
      const question = text('question');
      const failed = errors.check({
        question: question.length < 10 ? tr('questionTooShort') : undefined,
      });
      if (!failed) body = { kind: 'request_info', version: review.version, question };
    }
    if (body) setDraft(body);
  }

  return (
    <section aria-labelledby="decide-heading" className="margin-y-3">
      <h2 id="decide-heading">{tr('decide')}</h2>
      {isConflict ? (
        <Alert
          ref={conflictAlert}
          tabIndex={-1}
          tone="warning"
          role="alert"
          heading={tr('conflict')}
          headingLevel={3}
          action={
            <button
              type="button"
              className="usa-button usa-button--outline"
              onClick={() => {
                onReload();
                // The alert goes with the reload: on to the form, to decide again on the version now loaded.
                firstField.current?.focus();
              }}
            >
              {tr('reload')}
            </button>
          }
        >
          {problemText(error, language).message}
        </Alert>
      ) : error && !fieldRefusal ? (
        <ProblemAlert error={error} headingLevel={3} />
      ) : null}
      <div className="usa-button-group flex-wrap margin-bottom-2">
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
          <ErrorSummary {...errors.summary} />
          {open === 'approve' ? (
            <TextField
              ref={firstField}
              id="decision-amount"
              name="amount"
              label={tr('amount')}
              hint={`${tr('amountHint', {
                max: money(maxCents),
                requested: money(review.amountRequestedCents),
                programMax: money(review.program.maxAmountCents),
                budget: money(review.program.remainingBudgetCents),
              })}${
                review.status === 'in_review'
                  ? ` ${tr('secondHint', { threshold: money(review.program.approvalThresholdCents) })}`
                  : ''
              }`}
              error={errors.error('approvedAmountCents')}
              inputMode="decimal"
              defaultValue={typed.amount ?? (maxCents / 100).toFixed(2)}
            />
          ) : null}
          {open === 'reject' ? (
            <>
              <SelectField
                ref={firstField}
                {...errors.field('reasonCode')}
                label={tr('reason')}
                placeholder={tr('chooseReason')}
                defaultValue={typed.reasonCode ?? ''}
                options={rejectReasonCodes.map((c) => ({
                  value: c,
                  label: rejectReasonLabels[language][c],
                }))}
              />
              <TextAreaField
                {...errors.field('messageToApplicant')}
                label={tr('message')}
                defaultValue={typed.messageToApplicant ?? ''}
              />
            </>
          ) : null}
          {open === 'request_info' ? (
            <TextAreaField
              ref={firstField}
              {...errors.field('question')}
              label={tr('question')}
              defaultValue={typed.question ?? ''}
            />
          ) : null}
          <SubmitOrLeave
            submit={tr('continue')}
            leave={tr('cancel')}
            onLeave={() => onOpen(null)}
          />
        </form>
      ) : null}

      {draft ? (
        <div className="usa-summary-box">
          <ConfirmStep
            className="usa-summary-box__body"
            focusQuestion
            question={
              draft.kind === 'approve'
                ? tr('confirmApprove', {
                    amount: money(draft.approvedAmountCents ?? review.amountRequestedCents),
                    reference: review.reference,
                  })
                : draft.kind === 'reject'
                  ? tr('confirmReject', {
                      reference: review.reference,
                      message: draft.messageToApplicant,
                    })
                  : tr('confirmInfo', { reference: review.reference, question: draft.question })
            }
            confirmLabel={tr('confirm')}
            cancelLabel={tr('cancel')}
            busy={pending}
            onConfirm={() => onDecide(draft)}
            onCancel={() => setDraft(null)}
          />
        </div>
      ) : null}
    </section>
  );
}
