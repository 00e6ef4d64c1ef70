import { CHOICE } from '@hms/contracts/question-answers';
import { DOCUMENT_MIME_TYPES, QUESTION_TYPES } from '@hms/contracts/question-set';
import type { Condition, Question, QuestionType, Scalar } from '@hms/contracts/question-set';
import { Checkbox, Radio, SelectField, TextField, useLanguage, useT, FieldLink } from '@hms/ui';
import { memo, type KeyboardEvent, type ReactNode } from 'react';
import { DOCUMENT_TYPE_NAMES, QUESTION_TYPE_NAMES, programFormMessages } from '../messages.ts';
import { withType, type QuestionAt } from './question-set-edit.ts';
import { DateLimit, NumberSetting, TextPair, type ErrorFor } from './setting-inputs.tsx';

/** A problem of this question as the builder shows it: the words, and the field it is about (for the link). */
export interface ShownProblem {
  message: string;
  fieldId: string;
}

export interface QuestionEditorProps {
  /** Prefix of every id in the card, e.g. `qb-0-2`. */
  base: string;
  /** Where the question is (passed back to the callbacks, which can then stay the same from render to render). */
  at: QuestionAt;
  /** Position in the whole form, from 1. */
  position: number;
  question: Question;
  /** The questions before this one: the only ones its condition may use. */
  earlier: Question[];
  problems: ShownProblem[];
  /** The inline error of each field of the card that has one, by field id. */
  fieldErrors: Readonly<Record<string, string>>;
  canMoveUp: boolean;
  canMoveDown: boolean;
  onChange: (at: QuestionAt, question: Question) => void;
  onMove: (at: QuestionAt, direction: -1 | 1) => void;
  onRemove: (at: QuestionAt) => void;
}

const sameList = <T,>(a: readonly T[], b: readonly T[], same: (x: T, y: T) => boolean) =>
  a.length === b.length && a.every((x, i) => same(x, b[i]!));

/** Re-render a card only when something it shows changed: typing in one card leaves the others alone. */
function sameCard(a: QuestionEditorProps, b: QuestionEditorProps): boolean {
  const aErrors = Object.entries(a.fieldErrors);
  return (
    a.base === b.base &&
    a.at.step === b.at.step &&
    a.at.index === b.at.index &&
    a.position === b.position &&
    a.question === b.question &&
    a.canMoveUp === b.canMoveUp &&
    a.canMoveDown === b.canMoveDown &&
    a.onChange === b.onChange &&
    a.onMove === b.onMove &&
    a.onRemove === b.onRemove &&
    sameList(a.earlier, b.earlier, (x, y) => x === y) &&
    sameList(
      a.problems,
      b.problems,
      (x, y) => x.fieldId === y.fieldId && x.message === y.message,
    ) &&
    aErrors.length === Object.keys(b.fieldErrors).length &&
    aErrors.every(([k, v]) => b.fieldErrors[k] === v)
  );
}

/** A list of checkboxes, controlled (`checked` is the ticked values). */
function CheckboxList({
  id,
  legend,
  options,
  checked,
  onChange,
  error,
}: {
  id: string;
  legend: string;
  options: { value: string; label: string }[];
  checked: readonly string[];
  onChange: (checked: string[]) => void;
  error?: string | undefined;
}) {
  return (
    <div className={`usa-form-group${error ? ' usa-form-group--error' : ''}`}>
      <fieldset className="usa-fieldset" aria-describedby={error ? `${id}-error` : undefined}>
        <legend className="usa-legend">{legend}</legend>
        {error ? (
          <span className="usa-error-message" id={`${id}-error`}>
            {error}
          </span>
        ) : null}
        {options.map((option, i) => {
          const boxId = i === 0 ? id : `${id}-${i}`;
          return (
            <Checkbox
              key={`${i}:${option.value}`}
              id={boxId}
              label={option.label}
              checked={checked.includes(option.value)}
              onChange={(e) =>
                onChange(
                  options
                    .map((o) => o.value)
                    .filter((v) => (v === option.value ? e.target.checked : checked.includes(v))),
                )
              }
            />
          );
        })}
      </fieldset>
    </div>
  );
}

/** A controlled radio group. */
function Radios({
  id,
  legend,
  hint,
  large = false,
  options,
  value,
  onChange,
}: {
  id: string;
  legend: string;
  hint?: ReactNode;
  large?: boolean;
  options: { value: string; label: string; disabled?: boolean }[];
  value: string;
  onChange: (value: string) => void;
}) {
  return (
    <div className="usa-form-group">
      <fieldset className="usa-fieldset" aria-describedby={hint ? `${id}-hint` : undefined}>
        <legend className={`usa-legend${large ? ' usa-legend--large' : ''}`}>{legend}</legend>
        {hint ? (
          <div className="usa-hint" id={`${id}-hint`}>
            {hint}
          </div>
        ) : null}
        {options.map((option, i) => {
          const radioId = i === 0 ? id : `${id}-${option.value}`;
          return (
            <Radio
              key={option.value}
              id={radioId}
              label={option.label}
              name={id}
              value={option.value}
              checked={value === option.value}
              disabled={option.disabled}
              onChange={() => onChange(option.value)}
            />
          );
        })}
      </fieldset>
    </div>
  );
}

function conditionValues(condition: Condition): Scalar[] {
  return 'equals' in condition ? [condition.equals] : condition.in;
}

/** `equals` for one value, `in` for several (or none yet: the builder reports it). */
function conditionOf(questionId: string, values: Scalar[]): Condition {
  return values.length === 1 ? { questionId, equals: values[0]! } : { questionId, in: values };
}

/** "Show this question when an earlier answer is …": only earlier questions can be chosen. */
function ConditionEditor({
  base,
  question,
  earlier,
  errorFor,
  onChange,
}: {
  base: string;
  question: Question;
  earlier: Question[];
  errorFor: ErrorFor;
  onChange: (showIf: Condition | undefined) => void;
}) {
  const tr = useT(programFormMessages);
  const { language } = useLanguage();
  const candidates = earlier.filter((q) => q.type !== 'document');
  const showIf = question.showIf;
  const controller = showIf ? candidates.find((q) => q.id === showIf.questionId) : undefined;
  const values = showIf ? conditionValues(showIf) : [];
  const name = (q: Question) => q.label[language].trim() || q.label.en.trim() || q.id;

  let valueEditor: ReactNode = null;
  if (showIf && controller) {
    const valueId = `${base}-showif-value`;
    if (controller.options) {
      valueEditor = (
        <CheckboxList
          id={valueId}
          legend={tr('conditionValues')}
          options={controller.options.map((o, i) => ({
            value: o.value,
            label:
              o.label[language].trim() || o.label.en.trim() || tr('noOptionText', { n: i + 1 }),
          }))}
          checked={values.filter((v): v is string => typeof v === 'string')}
          error={errorFor(valueId)}
          onChange={(checked) => onChange(conditionOf(controller.id, checked))}
        />
      );
    } else if (controller.type === 'checkbox') {
      valueEditor = (
        <Radios
          id={valueId}
          legend={tr('conditionValue')}
          options={[
            { value: 'true', label: tr('conditionYes') },
            { value: 'false', label: tr('conditionNo') },
          ]}
          value={values[0] === true ? 'true' : values[0] === false ? 'false' : ''}
          onChange={(v) => onChange({ questionId: controller.id, equals: v === 'true' })}
        />
      );
    } else if (controller.type === 'number' || controller.type === 'money') {
      valueEditor = (
        <NumberSetting
          key={controller.id}
          id={valueId}
          label={tr('conditionValue')}
          money={controller.type === 'money'}
          value={typeof values[0] === 'number' ? values[0] : undefined}
          errorFor={errorFor}
          onChange={(v) => onChange({ questionId: controller.id, equals: v ?? '' })}
        />
      );
    } else {
      valueEditor = (
        <TextField
          id={valueId}
          label={tr('conditionValue')}
          type={controller.type === 'date' ? 'date' : 'text'}
          value={typeof values[0] === 'string' ? values[0] : ''}
          error={errorFor(valueId)}
          onChange={(e) => onChange({ questionId: controller.id, equals: e.target.value })}
        />
      );
    }
  }

  return (
    <div className="margin-top-2">
      <Radios
        id={`${base}-showif`}
        legend={tr('condition')}
        large
        hint={candidates.length === 0 ? tr('conditionNoEarlier') : undefined}
        options={[
          { value: 'always', label: tr('conditionAlways') },
          {
            value: 'when',
            label: tr('conditionWhen'),
            disabled: candidates.length === 0 && !showIf,
          },
        ]}
        value={showIf ? 'when' : 'always'}
        onChange={(v) => onChange(v === 'always' ? undefined : { questionId: '', equals: '' })}
      />
      {showIf ? (
        <>
          <SelectField
            id={`${base}-showif-question`}
            label={tr('conditionQuestion')}
            value={controller ? controller.id : ''}
            placeholder={tr('conditionChoose')}
            options={candidates.map((q) => ({ value: q.id, label: name(q) }))}
            error={errorFor(`${base}-showif-question`)}
            onChange={(e) => {
              const chosen = candidates.find((q) => q.id === e.target.value);
              if (!chosen) return onChange({ questionId: '', equals: '' });
              const first = chosen.options?.[0]?.value;
              onChange(
                first !== undefined
                  ? { questionId: chosen.id, equals: first }
                  : chosen.type === 'checkbox'
                    ? { questionId: chosen.id, equals: true }
                    : { questionId: chosen.id, equals: '' },
              );
            }}
          />
          {valueEditor}
        </>
      ) : null}
    </div>
  );
}

/** A part of a question's card: the card's id prefix, the question, its errors, and the change to the question. */
interface QuestionPartProps {
  base: string;
  question: Question;
  errorFor: ErrorFor;
  onChange: (question: Question) => void;
}

/** The options of a choice: a stored value and the words in both languages for each. */
function OptionsEditor({ base, question, errorFor, onChange }: QuestionPartProps) {
  const tr = useT(programFormMessages);
  const options = question.options ?? [];
  const setOptions = (next: NonNullable<Question['options']>) =>
    onChange({ ...question, options: next });
  const freshValue = () => {
    const taken = new Set(options.map((o) => o.value));
    for (let n = options.length + 1; ; n += 1) if (!taken.has(`option${n}`)) return `option${n}`;
  };
  return (
    <fieldset className="usa-fieldset margin-top-2">
      <legend className="usa-legend usa-legend--large">{tr('options')}</legend>
      {errorFor(`${base}-options-add`) ? (
        <span className="usa-error-message" id={`${base}-options-error`}>
          {errorFor(`${base}-options-add`)}
        </span>
      ) : null}
      {options.map((option, o) => (
        <fieldset
          key={o}
          className="usa-fieldset border-left-05 border-base-lighter padding-left-2 margin-top-2"
        >
          <legend className="usa-legend">{tr('optionLegend', { n: o + 1 })}</legend>
          <TextField
            id={`${base}-opt-${o}-value`}
            label={tr('optionValue')}
            className="usa-input--medium"
            value={option.value}
            error={errorFor(`${base}-opt-${o}-value`)}
            onChange={(e) =>
              setOptions(options.map((x, i) => (i === o ? { ...x, value: e.target.value } : x)))
            }
          />
          <TextPair
            id={`${base}-opt-${o}-label`}
            labels={{ en: tr('optionLabelEn'), es: tr('optionLabelEs') }}
            value={option.label}
            errorFor={errorFor}
            onChange={(label) => setOptions(options.map((x, i) => (i === o ? { ...x, label } : x)))}
          />
          <button
            type="button"
            className="usa-button usa-button--unstyled margin-top-1"
            onClick={() => setOptions(options.filter((_, i) => i !== o))}
          >
            {tr('removeOption', { n: o + 1 })}
          </button>
        </fieldset>
      ))}
      <button
        type="button"
        id={`${base}-options-add`}
        className="usa-button usa-button--outline margin-top-2"
        aria-describedby={errorFor(`${base}-options-add`) ? `${base}-options-error` : undefined}
        onClick={() => setOptions([...options, { value: freshValue(), label: { en: '', es: '' } }])}
      >
        {tr('addOption')}
      </button>
    </fieldset>
  );
}

/** The settings that depend on the type: limits, file rules, options. */
function TypeSettings({ base, question: q, errorFor, onChange }: QuestionPartProps) {
  const tr = useT(programFormMessages);
  const set = <K extends keyof Question>(key: K, value: Question[K] | undefined) => {
    const next = { ...q };
    if (value === undefined) delete next[key];
    else next[key] = value;
    onChange(next);
  };
  const limits = (children: ReactNode) => (
    <fieldset className="usa-fieldset margin-top-2">
      <legend className="usa-legend usa-legend--large">{tr('limits')}</legend>
      {children}
    </fieldset>
  );
  const number = (
    key: 'minLength' | 'maxLength' | 'min' | 'max' | 'maxFiles',
    label: string,
    money = false,
  ) => (
    <NumberSetting
      id={`${base}-${key}`}
      label={label}
      value={q[key]}
      money={money}
      whole={key !== 'min' && key !== 'max'}
      errorFor={errorFor}
      onChange={(v) => set(key, v)}
    />
  );

  switch (q.type) {
    case 'text':
    case 'textarea':
      return limits(
        <>
          {number('minLength', tr('minLength'))}
          {number('maxLength', tr('maxLength'))}
        </>,
      );
    case 'number':
      return limits(
        <>
          {number('min', tr('minValue'))}
          {number('max', tr('maxValue'))}
          <Checkbox
            id={`${base}-integer`}
            className="margin-top-2"
            label={tr('integer')}
            checked={q.integer === true}
            onChange={(e) => set('integer', e.target.checked ? true : undefined)}
          />
        </>,
      );
    case 'money':
      return limits(
        <>
          {number('min', tr('minMoney'), true)}
          {number('max', tr('maxMoney'), true)}
        </>,
      );
    case 'date':
      return limits(
        <>
          <DateLimit
            id={`${base}-minDate`}
            label={tr('minDate')}
            value={q.minDate}
            errorFor={errorFor}
            onChange={(v) => set('minDate', v)}
          />
          <DateLimit
            id={`${base}-maxDate`}
            label={tr('maxDate')}
            value={q.maxDate}
            errorFor={errorFor}
            onChange={(v) => set('maxDate', v)}
          />
        </>,
      );
    case 'document':
      return limits(
        <>
          {number('maxFiles', tr('maxFiles'))}
          <CheckboxList
            id={`${base}-accept`}
            legend={tr('accept')}
            options={DOCUMENT_MIME_TYPES.map((m) => ({ value: m, label: DOCUMENT_TYPE_NAMES[m] }))}
            checked={q.accept ?? []}
            error={errorFor(`${base}-accept`)}
            onChange={(checked) =>
              set(
                'accept',
                checked.length === 0 && q.accept === undefined
                  ? undefined
                  : (checked as Question['accept']),
              )
            }
          />
        </>,
      );
    case 'checkbox':
      return (
        <>
          <Radios
            id={`${base}-checkbox-kind`}
            legend={tr('checkboxKind')}
            options={[
              { value: 'single', label: tr('checkboxSingle') },
              { value: 'options', label: tr('checkboxOptions') },
            ]}
            value={q.options ? 'options' : 'single'}
            onChange={(v) =>
              set(
                'options',
                v === 'single'
                  ? undefined
                  : [
                      { value: 'option1', label: { en: '', es: '' } },
                      { value: 'option2', label: { en: '', es: '' } },
                    ],
              )
            }
          />
          {q.options ? (
            <OptionsEditor base={base} question={q} errorFor={errorFor} onChange={onChange} />
          ) : null}
        </>
      );
    default:
      return CHOICE.has(q.type) ? (
        <OptionsEditor base={base} question={q} errorFor={errorFor} onChange={onChange} />
      ) : null;
  }
}

/** A button of the card; screen readers hear the question it acts on after its words ("Move up: Your name"). */
function CardButton({
  id,
  title,
  secondary = false,
  disabled,
  onClick,
  children,
}: {
  id: string;
  title: string;
  /** Removing, not moving. */
  secondary?: boolean;
  disabled?: boolean;
  onClick: () => void;
  children: ReactNode;
}) {
  return (
    <button
      type="button"
      id={id}
      className={`usa-button ${secondary ? 'usa-button--secondary' : 'usa-button--outline'} margin-bottom-1`}
      disabled={disabled}
      onClick={onClick}
    >
      {children}
      <span className="usa-sr-only">: {title}</span>
    </button>
  );
}

/** One question of the form, as a card: its settings, its problems, and the buttons that move or remove it. */
export const QuestionEditor = memo(function QuestionEditor({
  base,
  at,
  position,
  question: q,
  earlier,
  problems,
  fieldErrors,
  canMoveUp,
  canMoveDown,
  onChange: change,
  onMove: move,
  onRemove: remove,
}: QuestionEditorProps) {
  const errorFor: ErrorFor = (fieldId) => fieldErrors[fieldId];
  const onChange = (question: Question) => change(at, question);
  const onMove = (direction: -1 | 1) => move(at, direction);
  const onRemove = () => remove(at);
  const tr = useT(programFormMessages);
  const { language } = useLanguage();
  const title = q.label[language].trim() || q.label.en.trim() || tr('untitledQuestion');

  // Alt + ↑ / Alt + ↓ anywhere in the card moves it (not in a drop-down, where Alt + ↓ opens the list).
  function onKeyDown(event: KeyboardEvent<HTMLLIElement>) {
    if (!event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
    if ((event.target as HTMLElement).tagName === 'SELECT') return;
    const direction = event.key === 'ArrowUp' ? -1 : 1;
    if (direction < 0 ? !canMoveUp : !canMoveDown) return;
    event.preventDefault();
    onMove(direction);
  }

  return (
    <li
      className="border-1px border-base-lighter padding-2 margin-bottom-2"
      aria-labelledby={`${base}-heading`}
      onKeyDown={onKeyDown}
    >
      <h4 id={`${base}-heading`} tabIndex={-1} className="margin-top-0">
        {tr('questionHeading', { n: position, label: title })}
      </h4>
      {problems.length > 0 ? (
        <div className="usa-alert usa-alert--error usa-alert--slim usa-alert--no-icon margin-bottom-2">
          <div className="usa-alert__body">
            <h5 className="usa-alert__heading" id={`${base}-problems`}>
              {tr('problemsOfQuestion')}
            </h5>
            <ul className="usa-list margin-0" aria-labelledby={`${base}-problems`}>
              {problems.map((p) => (
                <li key={`${p.fieldId}:${p.message}`}>
                  <FieldLink fieldId={p.fieldId}>{p.message}</FieldLink>
                </li>
              ))}
            </ul>
          </div>
        </div>
      ) : null}
      <SelectField
        id={`${base}-type`}
        label={tr('type')}
        value={q.type}
        options={QUESTION_TYPES.map((t) => ({ value: t, label: QUESTION_TYPE_NAMES[t][language] }))}
        onChange={(e) => onChange(withType(q, e.target.value as QuestionType))}
      />
      <TextField
        id={`${base}-id`}
        label={tr('id')}
        hint={tr('idHint')}
        className="usa-input--medium"
        spellCheck={false}
        autoComplete="off"
        value={q.id}
        error={errorFor(`${base}-id`)}
        onChange={(e) => onChange({ ...q, id: e.target.value })}
      />
      <Checkbox
        id={`${base}-required`}
        className="margin-top-2"
        label={tr('required')}
        checked={q.required}
        onChange={(e) => onChange({ ...q, required: e.target.checked })}
      />
      <TextPair
        id={`${base}-label`}
        labels={{ en: tr('labelEn'), es: tr('labelEs') }}
        value={q.label}
        errorFor={errorFor}
        onChange={(label) => onChange({ ...q, label })}
      />
      <TextPair
        id={`${base}-hint`}
        labels={{ en: tr('hintEn'), es: tr('hintEs') }}
        value={q.hint}
        optional
        errorFor={errorFor}
        onChange={(hint) => {
          const next = { ...q, hint };
          if (!hint) delete next.hint;
          onChange(next);
        }}
      />
      <TypeSettings base={base} question={q} errorFor={errorFor} onChange={onChange} />
      <ConditionEditor
        base={base}
        question={q}
        earlier={earlier}
        errorFor={errorFor}
        onChange={(showIf) => {
          const next = { ...q, showIf };
          if (!showIf) delete next.showIf;
          onChange(next);
        }}
      />
      <div className="display-flex flex-wrap margin-top-3">
        <CardButton
          id={`${base}-up`}
          title={title}
          disabled={!canMoveUp}
          onClick={() => onMove(-1)}
        >
          {tr('moveUp')}
        </CardButton>
        <CardButton
          id={`${base}-down`}
          title={title}
          disabled={!canMoveDown}
          onClick={() => onMove(1)}
        >
          {tr('moveDown')}
        </CardButton>
        <CardButton id={`${base}-remove`} title={title} secondary onClick={onRemove}>
          {tr('remove')}
        </CardButton>
      </div>
    </li>
  );
}, sameCard);
