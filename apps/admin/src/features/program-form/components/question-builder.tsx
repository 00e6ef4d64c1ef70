import {
  questionSetProblemParams,
  questionSetProblems,
  type QuestionSetProblem,
} from '@hms/contracts/question-set-problems';
import { QUESTION_TYPES } from '@hms/contracts/question-set';
import type { Question, QuestionSet, QuestionType } from '@hms/contracts/question-set';
import {
  fieldErrorText,
  SelectField,
  useErrorMessages,
  useLanguage,
  useT,
  FieldLink,
} from '@hms/ui';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { QUESTION_TYPE_NAMES, programFormMessages } from '../messages.ts';
import { FormPreview } from './form-preview.tsx';
import { QuestionEditor, type ShownProblem } from './question-editor.tsx';
import {
  addQuestion,
  addStep,
  earlierQuestions,
  formPosition,
  moveQuestion,
  newQuestion,
  questionCount,
  removeQuestion,
  removeStep,
  updateQuestion,
  updateStep,
  type QuestionAt,
} from './question-set-edit.ts';
import { TextPair } from './setting-inputs.tsx';

export interface QuestionBuilderProps {
  /** The question set being edited (the program draft's `questionSet`). */
  value: QuestionSet;
  onChange: (value: QuestionSet) => void;
  /** Prefix of every element id, when a page holds more than one builder. */
  idPrefix?: string;
}

/** Where a problem's link goes and its inline message shows: the input it is about, else the card's heading. */
export function problemFieldId(
  problem: Pick<QuestionSetProblem, 'path'>,
  set: QuestionSet,
  prefix: string,
) {
  const [, s, kind, i, ...rest] = problem.path;
  if (typeof s !== 'number') return `${prefix}-add-step`;
  if (kind === 'title') return `${prefix}-step-${s}-title-${i === 'es' ? 'es' : 'en'}`;
  if (kind === 'questions' && typeof i !== 'number') return `${prefix}-step-${s}-add-type`;
  if (kind !== 'questions' || typeof i !== 'number') return `${prefix}-step-${s}-heading`;
  const base = `${prefix}-${s}-${i}`;
  const [key, second, third, fourth] = rest;
  const question = set.steps[s]?.questions[i];
  switch (key) {
    case 'id':
      return `${base}-id`;
    case 'label':
    case 'hint':
      return `${base}-${key}-${second === 'es' ? 'es' : 'en'}`;
    case 'options':
      if (typeof second !== 'number') return `${base}-options-add`;
      return third === 'label'
        ? `${base}-opt-${second}-label-${fourth === 'es' ? 'es' : 'en'}`
        : `${base}-opt-${second}-value`;
    case 'minLength':
    case 'maxLength':
    case 'min':
    case 'max':
    case 'maxFiles':
    case 'integer':
    case 'accept':
      return `${base}-${key}`;
    case 'minDate':
    case 'maxDate': {
      const value = question?.[key];
      return value !== undefined && value !== 'today' ? `${base}-${key}-value` : `${base}-${key}`;
    }
    case 'showIf':
      return second === 'questionId' ? `${base}-showif-question` : `${base}-showif-value`;
    default:
      return `${base}-heading`;
  }
}

/**
 * The application form builder: steps and their questions of every type, with their texts in English and Spanish,
 * limits, options and conditions; what stops the form from working (questionSetProblems, the same check the API runs
 * before it goes live) shown beside each question; and a live preview of the citizen form. Controlled: the page that
 * hosts it holds the question set and saves it.
 */
export function QuestionBuilder({ value, onChange, idPrefix = 'qb' }: QuestionBuilderProps) {
  const tr = useT(programFormMessages);
  const { language } = useLanguage();
  useErrorMessages();
  const [newTypes, setNewTypes] = useState<Record<number, QuestionType>>({});
  const [announcement, setAnnouncement] = useState('');
  const [focusId, setFocusId] = useState<string | null>(null);

  useEffect(() => {
    if (!focusId) return;
    document.getElementById(focusId)?.focus();
    setFocusId(null);
  }, [focusId]);

  const problems = useMemo(() => questionSetProblems(value), [value]);
  const shown = problems.map((p) => ({
    problem: p,
    fieldId: problemFieldId(p, value, idPrefix),
    message: fieldErrorText(
      { message: p.message, code: p.code, params: questionSetProblemParams(p, language) },
      language,
    ),
  }));
  const errors = new Map<string, string>();
  for (const p of shown)
    errors.set(
      p.fieldId,
      errors.has(p.fieldId) ? `${errors.get(p.fieldId)} ${p.message}` : p.message,
    );
  const errorFor = (fieldId: string) => errors.get(fieldId);
  const problemsOf = (s: number, i: number): ShownProblem[] =>
    shown
      .filter(
        (p) =>
          p.problem.path[1] === s && p.problem.path[2] === 'questions' && p.problem.path[3] === i,
      )
      .map(({ fieldId, message }) => ({ fieldId, message }));
  const total = questionCount(value);
  const fieldErrorsOf = (base: string): Record<string, string> =>
    Object.fromEntries([...errors].filter(([id]) => id.startsWith(`${base}-`)));

  // The card callbacks read the latest value and words through refs, so they stay the same from render to render and
  // a card re-renders only when its own question changes (see QuestionEditor's memo).
  const latest = useRef({ value, onChange, tr, language, total });
  latest.current = { value, onChange, tr, language, total };
  const labelOf = useCallback((set: QuestionSet, at: QuestionAt) => {
    const q = set.steps[at.step]?.questions[at.index];
    const lang = latest.current.language;
    return q ? q.label[lang].trim() || q.label.en.trim() || q.id : '';
  }, []);
  const changeQuestion = useCallback((at: QuestionAt, question: Question) => {
    const { value: current, onChange: emit } = latest.current;
    emit(updateQuestion(current, at, question));
  }, []);
  const move = useCallback(
    (at: QuestionAt, direction: -1 | 1) => {
      const { value: current, onChange: emit, tr: say, total: count } = latest.current;
      const moved = moveQuestion(current, at, direction);
      if (!moved) return;
      emit(moved.set);
      const position = formPosition(moved.set, moved.at);
      const base = `${idPrefix}-${moved.at.step}-${moved.at.index}`;
      // Focus stays on the button pressed, in the question's new place (the other one at either end of the form).
      const button =
        direction < 0 ? (position === 1 ? 'down' : 'up') : position === count ? 'up' : 'down';
      setFocusId(`${base}-${button}`);
      setAnnouncement(say('moved', { label: labelOf(current, at), n: position, total: count }));
    },
    [idPrefix, labelOf],
  );
  const remove = useCallback(
    (at: QuestionAt) => {
      const { value: current, onChange: emit, tr: say } = latest.current;
      setAnnouncement(say('removed', { label: labelOf(current, at) }));
      emit(removeQuestion(current, at));
      setFocusId(`${idPrefix}-step-${at.step}-add-type`);
    },
    [idPrefix, labelOf],
  );

  return (
    <div className="grid-row grid-gap">
      <div className="desktop:grid-col-7">
        <section aria-labelledby={`${idPrefix}-heading`}>
          <h2 id={`${idPrefix}-heading`}>{tr('builderHeading')}</h2>
          <p>{tr('builderIntro')}</p>
          <p className="usa-hint">{tr('moveKeys')}</p>
          {shown.length > 0 ? (
            <div
              className="usa-alert usa-alert--warning margin-bottom-3"
              data-testid="form-problems"
            >
              <div className="usa-alert__body">
                <h3 className="usa-alert__heading" id={`${idPrefix}-problems`}>
                  {shown.length === 1
                    ? tr('problemsTitleOne')
                    : tr('problemsTitle', { count: shown.length })}
                </h3>
                <ul className="usa-list" aria-labelledby={`${idPrefix}-problems`}>
                  {shown.map((p) => (
                    <li key={`${p.fieldId}:${p.problem.code}:${p.message}`}>
                      <FieldLink fieldId={p.fieldId}>{p.message}</FieldLink>
                    </li>
                  ))}
                </ul>
              </div>
            </div>
          ) : (
            <p className="text-bold">{tr('noProblems')}</p>
          )}
          {value.steps.map((step, s) => {
            const stepTitle =
              step.title[language].trim() || step.title.en.trim() || tr('untitledStep');
            const newType = newTypes[s] ?? 'text';
            return (
              <section
                key={s}
                aria-labelledby={`${idPrefix}-step-${s}-heading`}
                className="margin-bottom-4"
              >
                <h3 id={`${idPrefix}-step-${s}-heading`} tabIndex={-1}>
                  {tr('stepHeading', { n: s + 1, title: stepTitle })}
                </h3>
                <TextPair
                  id={`${idPrefix}-step-${s}-title`}
                  labels={{ en: tr('stepTitleEn'), es: tr('stepTitleEs') }}
                  value={step.title}
                  errorFor={errorFor}
                  onChange={(title) => onChange(updateStep(value, s, { ...step, title }))}
                />
                {errorFor(`${idPrefix}-step-${s}-heading`) ? (
                  <p className="usa-error-message">{errorFor(`${idPrefix}-step-${s}-heading`)}</p>
                ) : null}
                {step.questions.length === 0 ? (
                  <p>{tr('noQuestions')}</p>
                ) : (
                  <ol className="usa-list usa-list--unstyled margin-top-2">
                    {step.questions.map((question, i) => {
                      const at = { step: s, index: i };
                      const position = formPosition(value, at);
                      const base = `${idPrefix}-${s}-${i}`;
                      return (
                        <QuestionEditor
                          // Cards are keyed by place: moving a question moves its settings into the card at its new
                          // place, and focus is put back on the button pressed (see move).
                          key={i}
                          base={base}
                          at={at}
                          position={position}
                          question={question}
                          earlier={earlierQuestions(value, at)}
                          problems={problemsOf(s, i)}
                          fieldErrors={fieldErrorsOf(base)}
                          canMoveUp={position > 1}
                          canMoveDown={position < total}
                          onChange={changeQuestion}
                          onMove={move}
                          onRemove={remove}
                        />
                      );
                    })}
                  </ol>
                )}
                <div className="display-flex flex-wrap">
                  <SelectField
                    id={`${idPrefix}-step-${s}-add-type`}
                    label={tr('addQuestionType')}
                    value={newType}
                    error={errorFor(`${idPrefix}-step-${s}-add-type`)}
                    options={QUESTION_TYPES.map((type) => ({
                      value: type,
                      label: QUESTION_TYPE_NAMES[type][language],
                    }))}
                    onChange={(e) =>
                      setNewTypes((all) => ({ ...all, [s]: e.target.value as QuestionType }))
                    }
                  />
                </div>
                <button
                  type="button"
                  id={`${idPrefix}-step-${s}-add`}
                  className="usa-button margin-top-1"
                  onClick={() => {
                    const next = addQuestion(value, s, newQuestion(value, newType));
                    onChange(next);
                    const at = { step: s, index: step.questions.length };
                    setAnnouncement(
                      tr('added', {
                        n: formPosition(next, at),
                        type: QUESTION_TYPE_NAMES[newType][language],
                      }),
                    );
                    setFocusId(`${idPrefix}-${s}-${step.questions.length}-label-en`);
                  }}
                >
                  {tr('addQuestion')}
                  <span className="usa-sr-only">: {stepTitle}</span>
                </button>
                {value.steps.length > 1 ? (
                  <button
                    type="button"
                    className="usa-button usa-button--unstyled margin-top-1 margin-left-2"
                    disabled={step.questions.length > 0}
                    aria-describedby={`${idPrefix}-step-${s}-remove-hint`}
                    onClick={() => {
                      onChange(removeStep(value, s));
                      setFocusId(`${idPrefix}-add-step`);
                    }}
                  >
                    {tr('removeStep')}
                    <span className="usa-sr-only">: {stepTitle}</span>
                  </button>
                ) : null}
                {value.steps.length > 1 ? (
                  <p className="usa-hint" id={`${idPrefix}-step-${s}-remove-hint`}>
                    {tr('removeStepHint')}
                  </p>
                ) : null}
              </section>
            );
          })}
          <button
            type="button"
            id={`${idPrefix}-add-step`}
            className="usa-button usa-button--outline"
            onClick={() => {
              onChange(addStep(value));
              setFocusId(`${idPrefix}-step-${value.steps.length}-title-en`);
            }}
          >
            {tr('addStep')}
          </button>
          <div aria-live="polite" className="usa-sr-only" data-testid="builder-status">
            {announcement}
          </div>
        </section>
      </div>
      <div className="desktop:grid-col-5">
        <FormPreview questionSet={value} idPrefix={idPrefix} />
      </div>
    </div>
  );
}
