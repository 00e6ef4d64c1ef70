import { SelectField, TextField, useLanguage, useT } from '@hms/ui';
import {
  accountPrenoteStateLabels,
  accountPrenoteStates,
  expectedOutcomes,
  ruleOutcomeLabels,
  type RuleTestCase,
} from '@hms/contracts/decision-rules';
import { riskLevelLabels } from '@hms/contracts/labels';
import type { Question } from '@hms/contracts/question-set';
import { riskLevels } from '@hms/contracts/risk';
import { useState } from 'react';
import { decisionRulesMessages } from '../messages.ts';
import {
  caseFromForm,
  caseToForm,
  emptyCase,
  type CaseForm,
  type CaseProblem,
} from './case-form.ts';

const fieldId = (field: string) => `case-${field}`;

/**
 * The form that adds a test case, or changes one (`editing`): the request's facts the rules read and the outcome
 * expected. Errors show at each field and focus moves to the first; nothing is added until the case is whole.
 */
export function CaseEditor({
  questions,
  editing,
  onSubmit,
  onCancel,
}: {
  /** The questions the rules read (a case gives an answer only to those). */
  questions: readonly Question[];
  editing: { index: number; testCase: RuleTestCase } | null;
  onSubmit: (testCase: RuleTestCase) => void;
  onCancel: () => void;
}) {
  const tr = useT(decisionRulesMessages);
  const { language } = useLanguage();
  const [form, setForm] = useState<CaseForm>(() =>
    editing ? caseToForm(editing.testCase, questions) : emptyCase(),
  );
  const [problems, setProblems] = useState<Map<string, CaseProblem>>(new Map());
  const set = (patch: Partial<CaseForm>) => setForm((f) => ({ ...f, ...patch }));
  const error = (field: string) => {
    const p = problems.get(field);
    return p ? tr(p) : undefined;
  };
  const text = (
    field: 'name' | 'amount' | 'approvedRequests' | 'returnedPayments',
    label: string,
  ) => (
    <TextField
      id={fieldId(field)}
      label={label}
      value={form[field]}
      error={error(field)}
      inputMode={field === 'name' ? undefined : 'decimal'}
      onChange={(e) => set({ [field]: e.target.value })}
    />
  );
  const submit = () => {
    const built = caseFromForm(form, questions);
    if (!built.ok) {
      setProblems(new Map(built.problems));
      document.getElementById(fieldId(built.problems[0]![0]))?.focus();
      return;
    }
    setProblems(new Map());
    onSubmit(built.testCase);
    setForm(emptyCase());
  };
  return (
    <fieldset className="usa-fieldset margin-top-3" data-testid="case-editor">
      <legend className="usa-legend usa-legend--large">
        {editing ? tr('editCaseHeading', { n: editing.index + 1 }) : tr('addCaseHeading')}
      </legend>
      {text('name', tr('caseName'))}
      <SelectField
        id={fieldId('expected')}
        label={tr('expected')}
        placeholder={tr('choose')}
        value={form.expected}
        error={error('expected')}
        options={expectedOutcomes.map((o) => ({ value: o, label: ruleOutcomeLabels[o][language] }))}
        onChange={(e) => set({ expected: e.target.value as CaseForm['expected'] })}
      />
      {text('amount', tr('amount'))}
      <SelectField
        id={fieldId('riskLevel')}
        label={tr('riskLevel')}
        value={form.riskLevel}
        options={riskLevels.map((l) => ({ value: l, label: riskLevelLabels[l][language] }))}
        onChange={(e) => set({ riskLevel: e.target.value as CaseForm['riskLevel'] })}
      />
      <SelectField
        id={fieldId('eligible')}
        label={tr('eligible')}
        value={form.eligible}
        options={[
          { value: 'yes', label: language === 'es' ? 'Sí' : 'Yes' },
          { value: 'no', label: 'No' },
        ]}
        onChange={(e) => set({ eligible: e.target.value as CaseForm['eligible'] })}
      />
      {text('approvedRequests', tr('approvedRequests'))}
      {text('returnedPayments', tr('returnedPayments'))}
      <SelectField
        id={fieldId('prenote')}
        label={tr('prenote')}
        value={form.prenote}
        options={accountPrenoteStates.map((s) => ({
          value: s,
          label: accountPrenoteStateLabels[s][language],
        }))}
        onChange={(e) => set({ prenote: e.target.value as CaseForm['prenote'] })}
      />
      {questions.map((q) => (
        <TextField
          key={q.id}
          id={fieldId(`answer-${q.id}`)}
          label={tr('answerTo', { question: q.label[language] || q.label.en || q.id })}
          hint={tr('answerHint')}
          value={form.answers[q.id] ?? ''}
          error={error(`answer-${q.id}`)}
          onChange={(e) => set({ answers: { ...form.answers, [q.id]: e.target.value } })}
        />
      ))}
      <div className="margin-top-2">
        <button type="button" className="usa-button usa-button--outline" onClick={submit}>
          {editing ? tr('saveCase', { n: editing.index + 1 }) : tr('addCase')}
        </button>
        {editing ? (
          <button type="button" className="usa-button usa-button--unstyled" onClick={onCancel}>
            {tr('cancelEdit')}
          </button>
        ) : null}
      </div>
    </fieldset>
  );
}
