import { DataTable, SelectField, TextField, useLanguage, useT, type Column } from '@hms/ui';
import { describeRule } from '@hms/contracts/program-admin';
import { parseDollars } from '@hms/contracts/money';
import { ELIGIBILITY_OPS, allQuestions } from '@hms/contracts/question-set';
import type {
  EligibilityOp,
  EligibilityRule,
  Question,
  QuestionSet,
  Scalar,
} from '@hms/contracts/question-set';
import { useState, type ChangeEvent, type ReactNode } from 'react';
import { eligibilityRulesMessages } from './eligibility-rules-messages.ts';

type Kind = 'compare' | 'percentDrop' | 'withinLast';

function scalarFor(text: string, q: Question | undefined): Scalar | null {
  const v = text.trim();
  if (!v) return null;
  if (q?.type === 'money') {
    const parsed = parseDollars(v);
    return parsed.ok ? parsed.cents : null;
  }
  if (q?.type === 'number') return Number.isFinite(Number(v)) ? Number(v) : null;
  if (q?.type === 'checkbox' && !q.options) return /^(true|yes|sí|si)$/i.test(v);
  return v;
}

/** How many past requests each rule lets through, when the screen has counted them (the program editor does). */
export interface RuleCounts {
  totalRequests: number;
  rules: ReadonlyArray<{ passed: number; failed: number } | undefined>;
}

/**
 * A list of eligibility rules, each written in words with a button that removes it, and a form that adds a rule of
 * one of the readable kinds. Shared by the program editor (the draft's rules, with counts) and the policy
 * simulation (a scenario's rules): both edit the same contract type against a program's questions.
 */
export function EligibilityRulesEditor({
  questionSet,
  rules,
  onChange,
  caption,
  idPrefix = 'rule',
  counts,
  showCounts = false,
}: {
  questionSet: QuestionSet;
  rules: readonly EligibilityRule[];
  onChange: (rules: EligibilityRule[]) => void;
  caption: string;
  /** Prefix of every input's id, so two editors (or another screen's fields) never share one. */
  idPrefix?: string;
  /** Per-rule counts; `showCounts` keeps their columns (with "…") while they load. */
  counts?: RuleCounts | undefined;
  showCounts?: boolean;
}) {
  const tr = useT(eligibilityRulesMessages);
  const { language } = useLanguage();
  const questions = allQuestions(questionSet);
  const numeric = questions.filter((q) => q.type === 'money' || q.type === 'number');
  const dates = questions.filter((q) => q.type === 'date');
  const [kind, setKind] = useState<Kind>('percentDrop');
  const [form, setForm] = useState({
    questionId: '',
    before: '',
    after: '',
    op: 'gte' as EligibilityOp,
    value: '',
    percent: '',
    months: '',
    reasonEn: '',
    reasonEs: '',
  });
  const [error, setError] = useState<string | undefined>();
  const id = (name: string) => `${idPrefix}-${name}`;
  const set = (patch: Partial<typeof form>) => setForm((f) => ({ ...f, ...patch }));
  /** A text box's or list's value and change handler, bound to one of the form's text answers. */
  const bind = (key: Exclude<keyof typeof form, 'op'>) => ({
    value: form[key],
    onChange: (e: ChangeEvent<HTMLInputElement | HTMLSelectElement>) =>
      set({ [key]: e.target.value }),
  });
  /** A list of the form's questions to pick the one a rule reads. */
  const questionSelect = (
    name: string,
    label: 'beforeQuestion' | 'afterQuestion' | 'question',
    key: 'before' | 'after' | 'questionId',
    qs: Question[],
  ) => (
    <SelectField
      id={id(name)}
      label={tr(label)}
      placeholder="-"
      options={qs.map((q) => ({ value: q.id, label: q.label[language] || q.label.en || q.id }))}
      {...bind(key)}
    />
  );

  const add = () => {
    const reason = { en: form.reasonEn.trim(), es: form.reasonEs.trim() };
    let rule: EligibilityRule | null = null;
    if (reason.en && reason.es) {
      if (kind === 'percentDrop' && form.before && form.after && Number(form.percent) > 0)
        rule = {
          kind,
          beforeQuestionId: form.before,
          afterQuestionId: form.after,
          atLeastPercent: Number(form.percent),
          reason,
        };
      else if (
        kind === 'withinLast' &&
        form.questionId &&
        Number.isInteger(Number(form.months)) &&
        Number(form.months) > 0
      )
        rule = { kind, questionId: form.questionId, months: Number(form.months), reason };
      else if (kind === 'compare' && form.questionId) {
        const q = questions.find((x) => x.id === form.questionId);
        const list = form.op === 'in' || form.op === 'notIn';
        const values = (list ? form.value.split(',') : [form.value]).map((v) => scalarFor(v, q));
        if (values.length && values.every((v) => v !== null))
          rule = {
            questionId: form.questionId,
            op: form.op,
            value: list ? (values as Scalar[]) : values[0]!,
            reason,
          };
      }
    }
    if (!rule) {
      setError(tr('ruleRequired'));
      document.getElementById(id('kind'))?.focus();
      return;
    }
    setError(undefined);
    onChange([...rules, rule]);
    set({ percent: '', months: '', value: '', reasonEn: '', reasonEs: '' });
  };

  type Row = { id: number; rule: EligibilityRule; counts: RuleCounts['rules'][number] };
  const countColumns: Column<Row>[] = showCounts
    ? [
        {
          header: tr('passed'),
          numeric: true,
          cell: ({ id: n, counts: c }) => (
            <span data-testid={`rule-${n}-passed`}>
              {c && counts ? tr('ofTotal', { passed: c.passed, total: counts.totalRequests }) : '…'}
            </span>
          ),
        },
        {
          header: tr('failed'),
          numeric: true,
          cell: (r) => (r.counts ? r.counts.failed : '…'),
        },
      ]
    : [];
  const rows: Row[] = rules.map((rule, i) => ({ id: i, rule, counts: counts?.rules[i] }));
  let table: ReactNode = <p>{tr('noRules')}</p>;
  if (rules.length > 0)
    table = (
      <DataTable
        caption={caption}
        rows={rows}
        columns={[
          {
            header: tr('rule'),
            rowHeader: true,
            cell: (r) => describeRule(r.rule, questionSet, language),
          },
          ...countColumns,
          {
            header: tr('remove', { n: '' }),
            headerHidden: true,
            cell: ({ id: n }) => (
              <button
                type="button"
                className="usa-button usa-button--unstyled"
                onClick={() => onChange(rules.filter((_, j) => j !== n))}
              >
                {tr('remove', { n: n + 1 })}
              </button>
            ),
          },
        ]}
      />
    );
  return (
    <>
      {table}
      <fieldset className="usa-fieldset margin-top-2">
        <legend className="usa-legend usa-legend--large">{tr('addRule')}</legend>
        {error ? (
          <span className="usa-error-message" id={id('error')} role="alert">
            {error}
          </span>
        ) : null}
        <SelectField
          id={id('kind')}
          label={tr('ruleKind')}
          value={kind}
          aria-describedby={error ? id('error') : undefined}
          options={(['percentDrop', 'withinLast', 'compare'] as const).map((k) => ({
            value: k,
            label: tr(`kind_${k}`),
          }))}
          onChange={(e) => setKind(e.target.value as Kind)}
        />
        {kind === 'percentDrop' ? (
          <>
            {questionSelect('before', 'beforeQuestion', 'before', numeric)}
            {questionSelect('after', 'afterQuestion', 'after', numeric)}
            <TextField
              id={id('percent')}
              label={tr('percent')}
              inputMode="decimal"
              {...bind('percent')}
            />
          </>
        ) : kind === 'withinLast' ? (
          <>
            {questionSelect('question', 'question', 'questionId', dates)}
            <TextField
              id={id('months')}
              label={tr('months')}
              inputMode="numeric"
              {...bind('months')}
            />
          </>
        ) : (
          <>
            {questionSelect(
              'question',
              'question',
              'questionId',
              questions.filter((q) => q.type !== 'document'),
            )}
            <SelectField
              id={id('op')}
              label={tr('op')}
              value={form.op}
              options={ELIGIBILITY_OPS.map((op) => ({ value: op, label: tr(`op_${op}`) }))}
              onChange={(e) => set({ op: e.target.value as EligibilityOp })}
            />
            <TextField id={id('value')} label={tr('value')} {...bind('value')} />
          </>
        )}
        <TextField id={id('reason-en')} label={tr('reasonEn')} {...bind('reasonEn')} />
        <TextField id={id('reason-es')} label={tr('reasonEs')} {...bind('reasonEs')} />
        <button type="button" className="usa-button usa-button--outline margin-top-2" onClick={add}>
          {tr('addRule')}
        </button>
      </fieldset>
    </>
  );
}
