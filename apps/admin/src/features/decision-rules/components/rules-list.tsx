import { SelectField, TextField, useLanguage, useT } from '@hms/ui';
import { ruleOutcomeLabels, ruleOutcomes, type RuleOutcome } from '@hms/contracts/decision-rules';
import type { RuleProblem } from '@hms/contracts/decision-rule-problems';
import type { Question } from '@hms/contracts/question-set';
import { useEffect, useState } from 'react';
import { decisionRulesMessages } from '../messages.ts';
import { ConditionRow } from './condition-row.tsx';
import { newRuleId, nextKey, type RuleForm, type ValueProblem } from './rule-form.ts';

/** The rule's checks (ruleProblems), next to it: errors block publishing, warnings tell what the author may not mean. */
function RuleChecks({ n, problems }: { n: number; problems: RuleProblem[] | null }) {
  const tr = useT(decisionRulesMessages);
  const { language } = useLanguage();
  if (problems === null) return null;
  return (
    <div className="margin-top-2" aria-label={tr('problemsOf', { n })} role="group">
      {problems.length === 0 ? (
        <p className="text-base-dark margin-y-1" data-testid={`rule-${n}-checks`}>
          {tr('noProblems')}
        </p>
      ) : (
        <ul className="usa-list usa-list--unstyled" data-testid={`rule-${n}-checks`}>
          {problems.map((p, i) => (
            <li
              key={i}
              className={`usa-alert usa-alert--slim usa-alert--no-icon margin-y-1 ${
                p.severity === 'error' ? 'usa-alert--error' : 'usa-alert--warning'
              }`}
              data-kind={p.kind}
            >
              <div className="usa-alert__body">
                <p className="usa-alert__text">{p.message[language]}</p>
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/**
 * The ordered rules of the draft: each one's label, conditions and outcome, its checks beside it, and buttons to
 * move it (focus stays on the moved rule's button, so a keyboard user can press it again).
 */
export function RulesList({
  forms,
  questions,
  problems,
  valueProblems,
  unlabelled,
  showErrors,
  onChange,
}: {
  forms: RuleForm[];
  questions: readonly Question[];
  /** Null while some condition is incomplete: the checks need whole rules. */
  problems: RuleProblem[] | null;
  valueProblems: Map<number, ValueProblem>;
  unlabelled: Set<string>;
  showErrors: boolean;
  onChange: (forms: RuleForm[]) => void;
}) {
  const tr = useT(decisionRulesMessages);
  const { language } = useLanguage();
  const [focusId, setFocusId] = useState<string | null>(null);
  useEffect(() => {
    if (!focusId) return;
    const el = document.getElementById(focusId) as HTMLButtonElement | HTMLInputElement | null;
    if (el && !(el as HTMLButtonElement).disabled) el.focus();
    setFocusId(null);
  }, [focusId]);

  const update = (i: number, next: RuleForm) => onChange(forms.map((r, j) => (j === i ? next : r)));
  const move = (i: number, by: -1 | 1) => {
    const to = i + by;
    const next = [...forms];
    [next[i], next[to]] = [next[to]!, next[i]!];
    onChange(next);
    const id = forms[i]!.id;
    // At the top or bottom the pressed button turns off: focus its twin instead.
    const edge = to === 0 || to === forms.length - 1;
    setFocusId(`rule-${id}-${by < 0 !== edge ? 'up' : 'down'}`);
  };
  const add = () => {
    const id = newRuleId();
    onChange([
      ...forms,
      {
        id,
        label: '',
        outcome: 'approve',
        conditions: [{ key: nextKey(), on: 'amount', questionId: '', op: 'lte', value: '' }],
      },
    ]);
    setFocusId(`rule-${id}-label`);
  };

  return (
    <section aria-labelledby="rules-heading" className="margin-top-3">
      <h3 id="rules-heading">{tr('rulesHeading')}</h3>
      <p className="usa-hint">{tr('rulesHint')}</p>
      {forms.length === 0 ? <p>{tr('noRules')}</p> : null}
      <ol className="usa-list usa-list--unstyled">
        {forms.map((rule, i) => {
          const n = i + 1;
          const mine = problems?.filter((p) => p.ruleId === rule.id) ?? null;
          return (
            <li key={rule.id} className="border-1px border-base-light padding-2 margin-bottom-2">
              <fieldset className="usa-fieldset" data-testid={`rule-${n}`}>
                <legend className="usa-legend usa-legend--large">{tr('rule', { n })}</legend>
                <TextField
                  id={`rule-${rule.id}-label`}
                  label={tr('ruleLabel')}
                  hint={tr('ruleLabelHint')}
                  value={rule.label}
                  error={
                    showErrors && unlabelled.has(rule.id) ? tr('labelRequired', { n }) : undefined
                  }
                  onChange={(e) => update(i, { ...rule, label: e.target.value })}
                />
                <h4 className="margin-bottom-0">{tr('conditionsOf')}</h4>
                {rule.conditions.length === 0 ? <p>{tr('noConditions')}</p> : null}
                {rule.conditions.map((c, m) => {
                  const problem = valueProblems.get(c.key);
                  return (
                    <ConditionRow
                      key={c.key}
                      form={c}
                      n={m + 1}
                      ruleN={n}
                      questions={questions}
                      error={showErrors && problem ? tr(problem) : undefined}
                      onChange={(next) =>
                        update(i, {
                          ...rule,
                          conditions: rule.conditions.map((x) => (x.key === c.key ? next : x)),
                        })
                      }
                      onRemove={() => {
                        update(i, {
                          ...rule,
                          conditions: rule.conditions.filter((x) => x.key !== c.key),
                        });
                        setFocusId(`rule-${rule.id}-add-condition`);
                      }}
                    />
                  );
                })}
                <button
                  type="button"
                  id={`rule-${rule.id}-add-condition`}
                  className="usa-button usa-button--outline margin-top-2"
                  onClick={() => {
                    const key = nextKey();
                    update(i, {
                      ...rule,
                      conditions: [
                        ...rule.conditions,
                        { key, on: 'risk_level', questionId: '', op: 'eq', value: '' },
                      ],
                    });
                    setFocusId(`cond-${key}-on`);
                  }}
                >
                  {tr('addCondition', { n })}
                </button>
                <SelectField
                  id={`rule-${rule.id}-outcome`}
                  label={tr('outcome')}
                  value={rule.outcome}
                  options={ruleOutcomes.map((o) => ({
                    value: o,
                    label: ruleOutcomeLabels[o][language],
                  }))}
                  onChange={(e) => update(i, { ...rule, outcome: e.target.value as RuleOutcome })}
                />
                <RuleChecks n={n} problems={mine} />
                <div className="margin-top-2">
                  <button
                    type="button"
                    id={`rule-${rule.id}-up`}
                    className="usa-button usa-button--unstyled margin-right-2"
                    disabled={i === 0}
                    onClick={() => move(i, -1)}
                  >
                    {tr('moveUp', { n })}
                  </button>
                  <button
                    type="button"
                    id={`rule-${rule.id}-down`}
                    className="usa-button usa-button--unstyled margin-right-2"
                    disabled={i === forms.length - 1}
                    onClick={() => move(i, 1)}
                  >
                    {tr('moveDown', { n })}
                  </button>
                  <button
                    type="button"
                    className="usa-button usa-button--unstyled"
                    onClick={() => {
                      onChange(forms.filter((r) => r.id !== rule.id));
                      setFocusId('add-rule');
                    }}
                  >
                    {tr('removeRule', { n })}
                  </button>
                </div>
              </fieldset>
            </li>
          );
        })}
      </ol>
      {problems === null && forms.length > 0 ? (
        <p className="usa-hint" role="status">
          {tr('checksPaused')}
        </p>
      ) : null}
      <button type="button" id="add-rule" className="usa-button usa-button--outline" onClick={add}>
        {tr('addRule')}
      </button>
    </section>
  );
}
