import { isApiProblem } from '@hms/api-client';
import { DECLARATION_TEXT } from '@hms/contracts/applications';
import { visibleQuestions } from '@hms/contracts/question-answers';
import type { QuestionSet } from '@hms/contracts/question-set';
import {
  Alert,
  answerText,
  Checkbox,
  ErrorMessage,
  ErrorSummary,
  fieldErrorText,
  LoadingState,
  ProblemAlert,
  useErrorMessages,
  useLanguage,
  useT,
} from '@hms/ui';
import type { RequestDetail } from '../../../shared/requests/request-api.ts';
import type { EligibilityResponse } from '../api/application-api.ts';
import { useState, type FormEvent, type ReactNode } from 'react';
import { Link } from 'react-router';
import { applicationMessages } from '../messages.ts';
import { fieldNameOf } from '@hms/intake-form/form-values';
import { StepActions } from '@hms/intake-form/step-form';

export interface CheckAnswersProps {
  detail: RequestDetail;
  questionSet: QuestionSet;
  eligibility: EligibilityResponse | undefined;
  eligibilityError: unknown;
  stepPath: (stepId: string) => string;
  onSubmit: () => Promise<void>;
  onBack: () => void;
}

/** Every answer with a Change link, the eligibility verdict from the server, the declaration, and submit. */
export function CheckAnswers({
  detail,
  questionSet,
  eligibility,
  eligibilityError,
  stepPath,
  onSubmit,
  onBack,
}: CheckAnswersProps) {
  const tr = useT(applicationMessages);
  const { language } = useLanguage();
  useErrorMessages();
  const [agreed, setAgreed] = useState(false);
  const [declarationError, setDeclarationError] = useState<string | undefined>();
  const [attempt, setAttempt] = useState(0);
  const [problem, setProblem] = useState<unknown>(null);
  const [submitting, setSubmitting] = useState(false);
  const shown = new Set(visibleQuestions(questionSet, detail.answers).map((q) => q.id));
  const questionStep = new Map(
    questionSet.steps.flatMap((s) => s.questions.map((q) => [q.id, s.id] as const)),
  );
  const canSubmit = eligibility?.eligible === true && detail.bankAccount !== null;
  // One row per bank detail, labelled as on the bank step; only the last 4 digits of the account ever reach here.
  const bank = detail.bankAccount;
  const bankRows: ReadonlyArray<readonly [string, ReactNode]> = bank
    ? [
        [tr('holderName'), bank.holderName],
        [tr('accountType'), tr(bank.accountType)],
        [tr('routingNumber'), <span className="font-mono-sm">{bank.routingNumber}</span>],
        [
          tr('accountNumber'),
          <>
            <span aria-hidden="true" className="font-mono-sm">
              ••••{bank.last4}
            </span>
            <span className="usa-sr-only">{tr('accountEnding', { last4: bank.last4 })}</span>
          </>,
        ],
      ]
    : [[tr('bankStep'), tr('bankMissing')]];

  async function submit(event: FormEvent) {
    event.preventDefault();
    setProblem(null);
    if (!agreed) {
      setDeclarationError(tr('declarationRequired'));
      setAttempt((n) => n + 1);
      return;
    }
    setDeclarationError(undefined);
    setSubmitting(true);
    try {
      await onSubmit();
    } catch (err) {
      setProblem(err);
      setAttempt((n) => n + 1);
    } finally {
      setSubmitting(false);
    }
  }

  const serverFieldErrors = isApiProblem(problem) ? problem.errors : [];
  return (
    <div className="maxw-tablet">
      <ErrorSummary
        errors={declarationError ? [{ fieldId: 'declaration', message: declarationError }] : []}
        focusKey={attempt}
      />
      {problem ? (
        <div className="margin-bottom-2">
          <ProblemAlert error={problem} />
          {serverFieldErrors.length > 0 ? (
            <ul className="usa-list">
              {serverFieldErrors.map((e) => {
                const step = questionStep.get(fieldNameOf(e.field));
                return (
                  <li key={e.field + e.message}>
                    {step ? (
                      <Link to={stepPath(step)}>{fieldErrorText(e, language)}</Link>
                    ) : (
                      fieldErrorText(e, language)
                    )}
                  </li>
                );
              })}
            </ul>
          ) : null}
        </div>
      ) : null}
      {questionSet.steps.map((step) => (
        <section key={step.id} aria-labelledby={`check-${step.id}`}>
          <h2 id={`check-${step.id}`}>{step.title[language]}</h2>
          <dl className="hms-check-answers">
            {step.questions
              .filter((q) => shown.has(q.id))
              .map((q) => (
                <div
                  key={q.id}
                  className="border-bottom border-base-lighter padding-y-1 grid-row grid-gap"
                >
                  <dt className="tablet:grid-col-5 text-bold">{q.label[language]}</dt>
                  <dd className="tablet:grid-col-5 margin-left-0">
                    {answerText(q, detail.answers[q.id], language, {
                      yes: tr('yes'),
                      documentName: (id) => detail.documents.find((d) => d.id === id)?.filename,
                    }) ?? tr('notAnswered')}
                  </dd>
                  <dd className="tablet:grid-col-2 margin-left-0">
                    <Link to={`${stepPath(step.id)}?from=check#q-${q.id}`}>
                      {tr('change')}
                      <span className="usa-sr-only"> {q.label[language]}</span>
                    </Link>
                  </dd>
                </div>
              ))}
          </dl>
        </section>
      ))}
      <section aria-labelledby="check-bank">
        <h2 id="check-bank">{tr('bankStep')}</h2>
        <dl>
          {bankRows.map(([label, value]) => (
            <div
              key={label}
              className="border-bottom border-base-lighter padding-y-1 grid-row grid-gap"
            >
              <dt className="tablet:grid-col-5 text-bold">{label}</dt>
              <dd className="tablet:grid-col-5 margin-left-0">{value}</dd>
              <dd className="tablet:grid-col-2 margin-left-0">
                <Link to={`${stepPath('bank')}?from=check`}>
                  {tr('change')}
                  <span className="usa-sr-only"> {label}</span>
                </Link>
              </dd>
            </div>
          ))}
        </dl>
      </section>

      <div aria-live="polite">
        {eligibilityError ? (
          <ProblemAlert error={eligibilityError} />
        ) : !eligibility ? (
          <LoadingState label={tr('eligibilityChecking')} />
        ) : eligibility.incomplete.length > 0 ? (
          <div className="usa-alert usa-alert--warning margin-y-3">
            <div className="usa-alert__body">
              <h2 className="usa-alert__heading">{tr('incompleteTitle')}</h2>
              <ul className="usa-list">
                {eligibility.incomplete.map((e) => {
                  const step = questionStep.get(fieldNameOf(e.field));
                  return (
                    <li key={e.field}>
                      {step ? (
                        <Link to={`${stepPath(step)}?from=check`}>{e.message}</Link>
                      ) : (
                        e.message
                      )}
                    </li>
                  );
                })}
              </ul>
            </div>
          </div>
        ) : !eligibility.eligible ? (
          <div className="usa-alert usa-alert--warning margin-y-3">
            <div className="usa-alert__body">
              <h2 className="usa-alert__heading">{tr('notEligibleTitle')}</h2>
              <ul className="usa-list">
                {eligibility.reasons.map((r) => (
                  <li key={r}>{r}</li>
                ))}
              </ul>
              <p className="usa-alert__text">{tr('notEligibleBody')}</p>
            </div>
          </div>
        ) : (
          <Alert tone="success" slim className="margin-y-3">
            {tr('eligibleTitle')}
          </Alert>
        )}
      </div>

      <form noValidate onSubmit={(e) => void submit(e)}>
        {canSubmit ? (
          <div className={`usa-form-group${declarationError ? ' usa-form-group--error' : ''}`}>
            <fieldset
              className="usa-fieldset"
              aria-describedby={`declaration-text${declarationError ? ' declaration-error' : ''}`}
            >
              <legend className="usa-legend usa-legend--large">{tr('declarationTitle')}</legend>
              <p id="declaration-text">{DECLARATION_TEXT[language]}</p>
              <ErrorMessage id="declaration-error">{declarationError}</ErrorMessage>
              <Checkbox
                id="declaration"
                label={tr('declarationAgree')}
                checked={agreed}
                onChange={(e) => setAgreed(e.target.checked)}
              />
            </fieldset>
          </div>
        ) : null}
        <StepActions
          onBack={onBack}
          backLabel={tr('back')}
          submit={
            canSubmit
              ? { label: tr('submit'), busyLabel: tr('submitting'), busy: submitting }
              : undefined
          }
        />
      </form>
    </div>
  );
}
