import { ProblemAlert, DataTable, SelectField, TextField, useLanguage, useT } from '@hms/ui';
import { describeRule, type ProgramDraft } from '@hms/contracts/program-admin';
import { ELIGIBILITY_OPS, allQuestions } from '@hms/contracts/question-set';
import type { EligibilityOp, EligibilityRule, Question, Scalar } from '@hms/contracts/question-set';
import { useQuery } from '@tanstack/react-query';
import { useState, type ChangeEvent } from 'react';
import { eligibilityPreviewQueryOptions } from '../api/programs.ts';
import { programsMessages } from '../messages.ts';
import { dollarsToCents } from './money.ts';

type Kind = 'compare' | 'percentDrop' | 'withinLast';

function scalarFor(text: string, q: Question | undefined): Scalar | null {
  const v = text.trim();
  if (!v) return null;
  if (q?.type === 'money') return dollarsToCents(v);
  if (q?.type === 'number') return Number.isFinite(Number(v)) ? Number(v) : null;
  if (q?.type === 'checkbox' && !q.options) return /^(true|yes|sí|si)$/i.test(v);
  return v;
}

/**
 * The draft's eligibility rules, each written in words, with how many past requests it would have let through (the
 * API runs the same checks on the stored answers), and a form that adds a rule of one of the readable kinds.
 */
export function RulesEditor({
  programId,
  draft,
  onChange,
}: {
  programId: string;
  draft: ProgramDraft;
  onChange: (rules: EligibilityRule[]) => void;
}) {
  const tr = useT(programsMessages);
  const { language } = useLanguage();
  const rules = draft.eligibilityRules;
  const preview = useQuery(eligibilityPreviewQueryOptions(programId, rules));
  const questions = allQuestions(draft.questionSet);
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
  const set = (patch: Partial<typeof form>) => setForm((f) => ({ ...f, ...patch }));
  /** A text box's or list's value and change handler, bound to one of the form's text answers. */
  const bind = (key: Exclude<keyof typeof form, 'op'>) => ({
    value: form[key],
    onChange: (e: ChangeEvent<HTMLInputElement | HTMLSelectElement>) =>
      set({ [key]: e.target.value }),
  });
  /** A list of the form's questions to pick the one a rule reads. */
  const questionSelect = (
    id: string,
    label: 'beforeQuestion' | 'afterQuestion' | 'question',
    key: 'before' | 'after' | 'questionId',
    qs: Question[],
  ) => (
    <SelectField
      id={id}
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
      document.getElementById('rule-kind')?.focus();
      return;
    }
    setError(undefined);
    onChange([...rules, rule]);
    set({ percent: '', months: '', value: '', reasonEn: '', reasonEs: '' });
  };

  const counts = preview.data;
  return (
    <section aria-labelledby="rules-heading" className="margin-top-4">
      <h2 id="rules-heading">{tr('rulesHeading')}</h2>
      <p>{tr('rulesLead')}</p>
      {preview.isError ? <ProblemAlert error={preview.error} headingLevel={3} /> : null}
      {rules.length === 0 ? (
        <p>{tr('noRules')}</p>
      ) : (
        <DataTable
          caption={tr('rulesCaption')}
          rows={rules.map((rule, i) => ({ id: i, rule, counts: counts?.rules[i] }))}
          columns={[
            {
              header: tr('rule'),
              rowHeader: true,
              cell: (r) => describeRule(r.rule, draft.questionSet, language),
            },
            {
              header: tr('passed'),
              numeric: true,
              cell: ({ id, counts: c }) => (
                <span data-testid={`rule-${id}-passed`}>
                  {c && counts
                    ? tr('ofTotal', { passed: c.passed, total: counts.totalRequests })
                    : '…'}
                </span>
              ),
            },
            {
              header: tr('failed'),
              numeric: true,
              cell: (r) => (r.counts ? r.counts.failed : '…'),
            },
            {
              header: tr('remove', { n: '' }),
              headerHidden: true,
              cell: ({ id }) => (
                <button
                  type="button"
                  className="usa-button usa-button--unstyled"
                  onClick={() => onChange(rules.filter((_, j) => j !== id))}
                >
                  {tr('remove', { n: id + 1 })}
                </button>
              ),
            },
          ]}
        />
      )}
      {counts && rules.length > 0 ? (
        <p>{tr('passedAll', { passed: counts.passedAll, total: counts.totalRequests })}</p>
      ) : null}
      <fieldset className="usa-fieldset margin-top-2">
        <legend className="usa-legend usa-legend--large">{tr('addRule')}</legend>
        {error ? (
          <span className="usa-error-message" id="rule-error" role="alert">
            {error}
          </span>
        ) : null}
        <SelectField
          id="rule-kind"
          label={tr('ruleKind')}
          value={kind}
          aria-describedby={error ? 'rule-error' : undefined}
          options={(['percentDrop', 'withinLast', 'compare'] as const).map((k) => ({
            value: k,
            label: tr(`kind_${k}`),
          }))}
          onChange={(e) => setKind(e.target.value as Kind)}
        />
        {kind === 'percentDrop' ? (
          <>
            {questionSelect('rule-before', 'beforeQuestion', 'before', numeric)}
            {questionSelect('rule-after', 'afterQuestion', 'after', numeric)}
            <TextField
              id="rule-percent"
              label={tr('percent')}
              inputMode="decimal"
              {...bind('percent')}
            />
          </>
        ) : kind === 'withinLast' ? (
          <>
            {questionSelect('rule-question', 'question', 'questionId', dates)}
            <TextField
              id="rule-months"
              label={tr('months')}
              inputMode="numeric"
              {...bind('months')}
            />
          </>
        ) : (
          <>
            {questionSelect(
              'rule-question',
              'question',
              'questionId',
              questions.filter((q) => q.type !== 'document'),
            )}
            <SelectField
              id="rule-op"
              label={tr('op')}
              value={form.op}
              options={ELIGIBILITY_OPS.map((op) => ({ value: op, label: tr(`op_${op}`) }))}
              onChange={(e) => set({ op: e.target.value as EligibilityOp })}
            />
            <TextField id="rule-value" label={tr('value')} {...bind('value')} />
          </>
        )}
        <TextField id="rule-reason-en" label={tr('reasonEn')} {...bind('reasonEn')} />
        <TextField id="rule-reason-es" label={tr('reasonEs')} {...bind('reasonEs')} />
        <button type="button" className="usa-button usa-button--outline margin-top-2" onClick={add}>
          {tr('addRule')}
        </button>
      </fieldset>
    </section>
  );
}
