import type { Answers } from '@hms/contracts/question-answers';
import type { QuestionSet } from '@hms/contracts/question-set';
import type { RenderDocument } from '@hms/intake-form/question-field';
import { StepForm } from '@hms/intake-form/step-form';
import { StepIndicator } from '@hms/intake-form/step-indicator';
import { LanguageScope, t, useT, type Language, FieldGroup, controlAria } from '@hms/ui';
import { Component, useState, type ReactNode } from 'react';
import { programFormMessages } from '../messages.ts';

/**
 * The question set as the preview renders it: a text still blank in the previewed language shows a bracketed note
 * instead (an empty label would be an unlabelled field), so the gap is visible where the citizen would meet it.
 */
export function previewable(set: QuestionSet, language: Language): QuestionSet {
  const note = (key: 'noText' | 'noStepText' | 'noOptionText', n: number) =>
    t(programFormMessages, key, language, { n });
  const filled = (text: { en: string; es: string }, fallback: string) => ({
    ...text,
    [language]: text[language].trim() || fallback,
  });
  let position = 0;
  // Two questions (or options) with one id cannot both be answered: the preview shows the first (the builder reports
  // the duplicate).
  const seen = new Set<string>();
  return {
    steps: set.steps.map((step, s) => ({
      ...step,
      title: filled(step.title, note('noStepText', s + 1)),
      questions: step.questions.flatMap((q) => {
        position += 1;
        if (seen.has(q.id)) return [];
        seen.add(q.id);
        const question = { ...q, label: filled(q.label, note('noText', position)) };
        if (q.hint && !q.hint[language].trim()) delete question.hint;
        if (q.options)
          question.options = q.options
            .map((o, i) => ({ ...o, label: filled(o.label, note('noOptionText', i + 1)) }))
            .filter(
              (o, i, all) => o.value !== '' && all.findIndex((x) => x.value === o.value) === i,
            );
        return [question];
      }),
    })),
  };
}

/** A stand-in for uploads: the preview sends nothing, a chosen file only counts as attached (a random id). */
const previewDocument: RenderDocument = ({ id, label, hint, error, question, value, onChange }) => (
  <PreviewDocumentField
    id={id}
    label={label}
    hint={hint}
    error={error}
    accept={question.accept?.join(',')}
    count={value.length}
    onChoose={(n) =>
      onChange([...value, ...Array.from({ length: n }, () => globalThis.crypto.randomUUID())])
    }
  />
);

function PreviewDocumentField({
  id,
  label,
  hint,
  error,
  accept,
  count,
  onChoose,
}: {
  id: string;
  label: string;
  hint: string | undefined;
  error: string | undefined;
  accept: string | undefined;
  count: number;
  onChoose: (n: number) => void;
}) {
  const tr = useT(programFormMessages);
  const [names, setNames] = useState<string[]>([]);
  return (
    <FieldGroup id={id} label={label} hint={hint} note={tr('previewFile')} error={error}>
      <input
        type="file"
        className="usa-input"
        accept={accept}
        {...controlAria(id, hint, error, true)}
        onChange={(e) => {
          const files = [...(e.target.files ?? [])];
          if (files.length === 0) return;
          setNames((list) => [...list, ...files.map((f) => f.name)]);
          onChoose(files.length);
        }}
      />
      {count > 0 && names.length > 0 ? (
        <p className="margin-y-1">{tr('previewChosen', { names: names.join(', ') })}</p>
      ) : null}
    </FieldGroup>
  );
}

/** Whatever the form data makes the citizen components throw (a pattern that is not a regex…) stays in the preview. */
class PreviewBoundary extends Component<
  { children: ReactNode; fallback: ReactNode; resetKey: string },
  { failed: boolean; key: string }
> {
  override state = { failed: false, key: this.props.resetKey };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  static getDerivedStateFromProps(
    props: { resetKey: string },
    state: { failed: boolean; key: string },
  ) {
    return props.resetKey === state.key ? null : { failed: false, key: props.resetKey };
  }
  override render() {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}

/**
 * The live preview: the real citizen form (@hms/intake-form, the components intake renders) for the question set being
 * edited, in English or Spanish whatever the administrator's own language, one step at a time with the same
 * validation. Answers given here stay in this component.
 */
export function FormPreview({
  questionSet,
  idPrefix,
}: {
  questionSet: QuestionSet;
  idPrefix: string;
}) {
  const tr = useT(programFormMessages);
  const [language, setLanguage] = useState<Language>('en');
  const [stepIndex, setStepIndex] = useState(0);
  const [answers, setAnswers] = useState<Answers>({});
  const shown = previewable(questionSet, language);
  const steps = shown.steps.filter((s) => s.questions.length > 0);
  const atEnd = stepIndex >= steps.length;
  const index = Math.min(stepIndex, steps.length);
  const step = steps[index];
  // Any edit of this step's questions (or of the language) starts its form again from the answers kept so far.
  const formKey = `${language}:${JSON.stringify(step ?? null)}`;

  return (
    // The host page may hold the builder inside its own form (the program editor saves the draft on submit): the
    // preview's submit (Save and continue) belongs to the preview and must not reach it.
    <section
      aria-labelledby={`${idPrefix}-preview-heading`}
      onSubmit={(event) => event.stopPropagation()}
    >
      <h2 id={`${idPrefix}-preview-heading`}>{tr('previewHeading')}</h2>
      <p className="usa-hint">{tr('previewIntro')}</p>
      <div
        className="usa-button-group usa-button-group--segmented margin-bottom-2"
        role="group"
        aria-label={tr('previewLanguage')}
      >
        {(
          [
            ['en', 'English'],
            ['es', 'Español'],
          ] as const
        ).map(([code, name]) => (
          <div key={code} className="usa-button-group__item">
            <button
              type="button"
              lang={code}
              className={`usa-button${language === code ? '' : ' usa-button--outline'}`}
              aria-pressed={language === code}
              onClick={() => setLanguage(code)}
            >
              {name}
            </button>
          </div>
        ))}
      </div>
      <div
        lang={language}
        className="border-1px border-base-lighter padding-2"
        data-testid="form-preview"
      >
        <LanguageScope language={language}>
          {steps.length === 0 ? (
            <p>{tr('previewEmpty')}</p>
          ) : atEnd || !step ? (
            <>
              <h3>{t(programFormMessages, 'previewEnd', language)}</h3>
              <p>{t(programFormMessages, 'previewEndBody', language)}</p>
              <button
                type="button"
                className="usa-button usa-button--outline"
                onClick={() => {
                  setAnswers({});
                  setStepIndex(0);
                }}
              >
                {t(programFormMessages, 'previewRestart', language)}
              </button>
            </>
          ) : (
            <>
              <StepIndicator
                steps={steps.map((s, i) => ({
                  id: s.id,
                  title: s.title[language],
                  complete: i < index,
                }))}
                currentId={step.id}
              />
              <h3>{step.title[language]}</h3>
              <PreviewBoundary
                resetKey={formKey}
                fallback={<p>{t(programFormMessages, 'previewBroken', language)}</p>}
              >
                <StepForm
                  key={formKey}
                  questionSet={shown}
                  step={step}
                  answers={answers}
                  renderDocument={previewDocument}
                  onSave={async (saved) => {
                    setAnswers((all) => ({ ...all, ...saved }));
                    setStepIndex(index + 1);
                  }}
                  onBack={index > 0 ? () => setStepIndex(index - 1) : undefined}
                />
              </PreviewBoundary>
            </>
          )}
        </LanguageScope>
      </div>
    </section>
  );
}
