import { visibleQuestions, type Answers } from '@hms/contracts/question-answers';
import type { QuestionSet, Step } from '@hms/contracts/question-set';
import { ErrorSummary, ProblemAlert, useLanguage, useT } from '@hms/ui';
import type { SummaryError } from '@hms/ui';
import { useEffect, useMemo } from 'react';
import { useForm, type Resolver } from 'react-hook-form';
import { intakeFormMessages } from './messages.ts';
import { QuestionField, type RenderDocument } from './question-field.tsx';
import { fieldId, toFormValues } from './form-values.ts';
import { useServerCheckedSubmit } from './server-checked-submit.ts';
import type { Language } from '@hms/contracts/language';

type Values = Record<string, unknown>;

/**
 * The step's resolver: buildAnswersSchema (the schema the API runs) through zodResolver. zod is imported on first
 * use, fetched as soon as the person starts on the form (focus or touch), so it is not on the path to a phone's first
 * paint of the step.
 */
function lazySchemaResolver(
  questionSet: QuestionSet,
  language: Language,
  stepId: string,
): { resolver: Resolver<Values, unknown, Answers>; preload: () => void } {
  let loading: Promise<Resolver<Values, unknown, Answers>> | undefined;
  const load = () =>
    (loading ??= Promise.all([
      import('@hms/contracts/question-set'),
      import('@hookform/resolvers/zod'),
    ])
      .then(([{ buildAnswersSchema }, { zodResolver }]) =>
        zodResolver(buildAnswersSchema(questionSet, { language, step: stepId })),
      )
      .catch((error: unknown) => {
        // A download that failed (a phone losing signal) is tried again on the next Continue, not cached.
        loading = undefined;
        throw error;
      }));
  return {
    resolver: async (values, context, options) => (await load())(values, context, options),
    preload: () => void load().catch(() => undefined),
  };
}

export interface StepFormProps {
  questionSet: QuestionSet;
  step: Step;
  /** Everything saved so far (earlier steps decide which questions of this one are shown). */
  answers: Record<string, unknown>;
  /** The field of a document question (see QuestionField). */
  renderDocument: RenderDocument;
  /** Saves the step on the server; rejects with an ApiProblem whose field errors are mapped onto the inputs. */
  onSave: (answers: Answers) => Promise<void>;
  onBack?: (() => void) | undefined;
  backLabel?: string;
}

/**
 * One step of an application: react-hook-form validated by the same schema the API runs (buildAnswersSchema with
 * the step), an error summary that takes focus and links to each field, and server field errors mapped back.
 */
export function StepForm({
  questionSet,
  step,
  answers,
  renderDocument,
  onSave,
  onBack,
  backLabel,
}: StepFormProps) {
  const tr = useT(intakeFormMessages);
  const { language } = useLanguage();
  const { resolver, preload } = useMemo(
    () => lazySchemaResolver(questionSet, language, step.id),
    [questionSet, language, step.id],
  );
  const form = useForm<Values, unknown, Answers>({
    resolver,
    defaultValues: toFormValues(questionSet, answers),
    shouldFocusError: false,
  });
  // A Change link from the check-your-answers page lands on #q-<id>: put the cursor in that answer.
  useEffect(() => {
    const target = globalThis.location?.hash.slice(1);
    if (target?.startsWith('q-')) document.getElementById(target)?.focus();
  }, []);
  const values = form.watch();
  const shown = visibleQuestions(questionSet, { ...answers, ...values }).filter((q) =>
    step.questions.some((s) => s.id === q.id),
  );
  const errors = form.formState.errors;
  const summary: SummaryError[] = shown.flatMap((q) => {
    const message = errors[q.id]?.message;
    return typeof message === 'string' ? [{ fieldId: fieldId(q.id), message }] : [];
  });

  // Only the answers of this step are saved; the schema already dropped hidden ones.
  const { submit, problem, setProblem, focusKey } = useServerCheckedSubmit(form, onSave);

  return (
    <form
      noValidate
      // The validator may fail to download: say so (offline) instead of doing nothing.
      onSubmit={(e) => void submit(e).catch(setProblem)}
      onFocus={preload}
      onPointerDown={preload}
      className="maxw-tablet"
    >
      <ErrorSummary errors={summary} focusKey={focusKey} />
      {problem ? <ProblemAlert error={problem} /> : null}
      {step.description ? <p className="usa-intro">{step.description[language]}</p> : null}
      {shown.map((q) => (
        <QuestionField
          key={q.id}
          question={q}
          register={form.register}
          control={form.control}
          error={
            typeof errors[q.id]?.message === 'string'
              ? (errors[q.id]!.message as string)
              : undefined
          }
          renderDocument={renderDocument}
        />
      ))}
      <StepActions
        onBack={onBack}
        backLabel={backLabel ?? tr('back')}
        submit={{
          label: tr('continue'),
          busyLabel: tr('saving'),
          busy: form.formState.isSubmitting,
        }}
      />
    </form>
  );
}

export interface StepActionsProps {
  /** Back to the previous step; no Back button without it. */
  onBack?: (() => void) | undefined;
  backLabel: string;
  /** The form's submit button (Continue, or Submit on the last page); none when the step cannot go on. */
  submit?: { label: string; busyLabel: string; busy: boolean } | undefined;
}

/**
 * The buttons under every page of an application (the question steps, the bank step, check your answers): Back as
 * an outline button before the submit button, wrapping on a narrow phone. While the page saves, the submit button is
 * off and says so.
 */
export function StepActions({ onBack, backLabel, submit }: StepActionsProps) {
  return (
    <div className="margin-top-4 display-flex flex-wrap">
      {onBack ? (
        <button
          type="button"
          className="usa-button usa-button--outline margin-bottom-1"
          onClick={onBack}
        >
          {backLabel}
        </button>
      ) : null}
      {submit ? (
        <button type="submit" className="usa-button margin-bottom-1" disabled={submit.busy}>
          {submit.busy ? submit.busyLabel : submit.label}
        </button>
      ) : null}
    </div>
  );
}
