import { SelectField, TextField, useLanguage, useT } from '@hms/ui';
import {
  conditionSubjectLabels,
  conditionSubjects,
  ruleOpLabels,
  type ConditionSubject,
  type RuleOp,
} from '@hms/contracts/decision-rules';
import type { Question } from '@hms/contracts/question-set';
import { decisionRulesMessages } from '../messages.ts';
import { choicesFor, isListOp, opsFor, type ConditionForm } from './rule-form.ts';

/** One condition of a rule: what it reads, the comparison and the value, each labelled within its group. */
export function ConditionRow({
  form,
  n,
  ruleN,
  questions,
  error,
  onChange,
  onRemove,
}: {
  form: ConditionForm;
  n: number;
  ruleN: number;
  questions: readonly Question[];
  error: string | undefined;
  onChange: (next: ConditionForm) => void;
  onRemove: () => void;
}) {
  const tr = useT(decisionRulesMessages);
  const { language } = useLanguage();
  const id = `cond-${form.key}`;
  const question = questions.find((q) => q.id === form.questionId);
  const choices = choicesFor(form.on, question);
  const list = isListOp(form.op);
  const ops = opsFor(form.on);
  const readable = questions.filter((q) => q.type !== 'document');
  const hint =
    form.on === 'amount' || question?.type === 'money'
      ? tr('valueHintAmount')
      : form.on === 'approved_requests' || form.on === 'returned_payments'
        ? tr('valueHintCount')
        : undefined;
  const choiceHint = choices
    ? tr('valueHintChoices', { choices: choices.map((c) => c.value).join(', ') })
    : undefined;
  return (
    <fieldset className="usa-fieldset border-1px border-base-lighter padding-2 margin-top-2">
      <legend className="usa-legend text-bold">{tr('condition', { n })}</legend>
      <div className="grid-row grid-gap-2">
        <div className="tablet:grid-col-4">
          <SelectField
            id={`${id}-on`}
            label={tr('reads')}
            value={form.on}
            options={conditionSubjects.map((s) => ({
              value: s,
              label: conditionSubjectLabels[s][language],
            }))}
            onChange={(e) => {
              const on = e.target.value as ConditionSubject;
              const op = opsFor(on).includes(form.op) ? form.op : 'eq';
              onChange({ ...form, on, op, value: '' });
            }}
          />
        </div>
        {form.on === 'answer' ? (
          <div className="tablet:grid-col-4">
            <SelectField
              id={`${id}-question`}
              label={tr('question')}
              placeholder={tr('choose')}
              value={form.questionId}
              options={readable.map((q) => ({
                value: q.id,
                label: q.label[language] || q.label.en || q.id,
              }))}
              onChange={(e) => onChange({ ...form, questionId: e.target.value, value: '' })}
            />
          </div>
        ) : null}
        <div className="tablet:grid-col-4">
          <SelectField
            id={`${id}-op`}
            label={tr('op')}
            value={form.op}
            options={ops.map((op) => ({ value: op, label: ruleOpLabels[op][language] }))}
            onChange={(e) => onChange({ ...form, op: e.target.value as RuleOp })}
          />
        </div>
        <div className="tablet:grid-col-4">
          {choices && !list ? (
            <SelectField
              id={`${id}-value`}
              label={tr('value')}
              placeholder={tr('choose')}
              value={form.value}
              error={error}
              options={choices.map((c) => ({ value: c.value, label: c.label[language] }))}
              onChange={(e) => onChange({ ...form, value: e.target.value })}
            />
          ) : (
            <TextField
              id={`${id}-value`}
              label={tr('value')}
              hint={[hint, list ? tr('valueHintList') : null, list ? choiceHint : null]
                .filter(Boolean)
                .join(' ')}
              value={form.value}
              error={error}
              inputMode={hint && !list ? 'decimal' : undefined}
              onChange={(e) => onChange({ ...form, value: e.target.value })}
            />
          )}
        </div>
      </div>
      <button
        type="button"
        className="usa-button usa-button--unstyled margin-top-1"
        onClick={onRemove}
      >
        {tr('removeCondition', { m: n, n: ruleN })}
      </button>
    </fieldset>
  );
}
