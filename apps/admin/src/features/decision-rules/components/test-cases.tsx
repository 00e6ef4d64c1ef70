import { DataTable, ToneTag, formatCents, useLanguage, useT } from '@hms/ui';
import {
  ruleOutcomeLabels,
  runTestCases,
  type DecisionRule,
  type RuleTestCase,
} from '@hms/contracts/decision-rules';
import { riskLevelLabels } from '@hms/contracts/labels';
import type { Question } from '@hms/contracts/question-set';
import { useEffect, useState } from 'react';
import { decisionRulesMessages } from '../messages.ts';
import { CaseEditor } from './case-editor.tsx';
import { CsvImport } from './csv-import.tsx';

/**
 * The draft's test cases with each one's result against the rules as they are on screen (the contract's
 * runTestCases, the same the API runs before publishing), changing and removing them, and adding more by hand or
 * from a CSV file.
 */
export function TestCases({
  cases,
  rules,
  questions,
  readQuestions,
  onChange,
}: {
  cases: RuleTestCase[];
  /** Null while a rule is incomplete: no result is shown then. */
  rules: DecisionRule[] | null;
  questions: readonly Question[];
  /** The questions the rules read, which a test case can answer. */
  readQuestions: readonly Question[];
  onChange: (cases: RuleTestCase[]) => void;
}) {
  const tr = useT(decisionRulesMessages);
  const { language } = useLanguage();
  const [editing, setEditing] = useState<number | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [focusId, setFocusId] = useState<string | null>(null);
  useEffect(() => {
    if (focusId) document.getElementById(focusId)?.focus();
    setFocusId(null);
  }, [focusId]);
  const results = rules ? runTestCases(rules, cases) : null;
  const rows = cases.map((c, i) => ({ id: i, c, r: results?.[i] ?? null }));
  return (
    <section aria-labelledby="cases-heading" className="margin-top-4">
      <h3 id="cases-heading">{tr('casesHeading')}</h3>
      <p className="usa-hint">{tr('casesHint')}</p>
      {notice ? (
        <div className="usa-alert usa-alert--success usa-alert--slim" role="status">
          <div className="usa-alert__body">
            <p className="usa-alert__text">{notice}</p>
          </div>
        </div>
      ) : null}
      {cases.length === 0 ? (
        <p>{tr('noCases')}</p>
      ) : (
        <DataTable
          caption={tr('casesCaption')}
          rows={rows}
          rowProps={(row) => ({ 'data-result': row.r ? (row.r.passed ? 'pass' : 'fail') : 'none' })}
          columns={[
            {
              header: tr('caseName'),
              rowHeader: true,
              cell: ({ id, c }) => (
                <span id={`case-row-${id}`} tabIndex={-1}>
                  {id + 1}. {c.name}
                </span>
              ),
            },
            {
              header: tr('inputs'),
              cell: ({ c }) => (
                <>
                  {tr('factsText', {
                    amount: formatCents(c.inputs.amountCents, language),
                    risk: riskLevelLabels[c.inputs.riskLevel][language],
                    eligible: c.inputs.eligible ? tr('factsEligible') : tr('factsNotEligible'),
                  })}
                  {Object.entries(c.inputs.answers).map(([q, v]) => (
                    <div key={q}>
                      {q}: {Array.isArray(v) ? v.join('; ') : String(v)}
                    </div>
                  ))}
                </>
              ),
            },
            { header: tr('expected'), cell: ({ c }) => ruleOutcomeLabels[c.expected][language] },
            {
              header: tr('result'),
              cell: ({ r }) =>
                r ? (
                  <>
                    <ToneTag
                      tone={r.passed ? 'good' : 'bad'}
                      data={{ 'data-passed': String(r.passed) }}
                    >
                      {r.passed ? tr('pass') : tr('fail')}
                    </ToneTag>{' '}
                    {r.position !== null
                      ? tr('firedRule', {
                          n: r.position,
                          label: rules?.[r.position - 1]?.label ?? '',
                          outcome: ruleOutcomeLabels[r.actual][language],
                        })
                      : tr('noRuleFired', { outcome: ruleOutcomeLabels[r.actual][language] })}
                  </>
                ) : (
                  tr('pendingResult')
                ),
            },
            {
              header: tr('actions'),
              headerHidden: true,
              cell: ({ id }) => (
                <>
                  <button
                    type="button"
                    className="usa-button usa-button--unstyled margin-right-2"
                    onClick={() => {
                      setEditing(id);
                      setFocusId('case-name');
                    }}
                  >
                    {tr('editCase', { n: id + 1 })}
                  </button>
                  <button
                    type="button"
                    className="usa-button usa-button--unstyled"
                    onClick={() => {
                      onChange(cases.filter((_, j) => j !== id));
                      setEditing(null);
                      setNotice(null);
                      setFocusId('cases-heading-focus');
                    }}
                  >
                    {tr('removeCase', { n: id + 1 })}
                  </button>
                </>
              ),
            },
          ]}
        />
      )}
      <span id="cases-heading-focus" tabIndex={-1} className="usa-sr-only">
        {tr('casesHeading')}
      </span>
      <CaseEditor
        key={editing ?? 'new'}
        questions={readQuestions}
        editing={editing === null ? null : { index: editing, testCase: cases[editing]! }}
        onCancel={() => setEditing(null)}
        onSubmit={(testCase) => {
          if (editing === null) {
            onChange([...cases, testCase]);
            setNotice(tr('caseAdded'));
          } else {
            onChange(cases.map((c, j) => (j === editing ? testCase : c)));
            setFocusId(`case-row-${editing}`);
            setEditing(null);
            setNotice(null);
          }
        }}
      />
      <CsvImport
        questions={questions}
        onImport={(imported, file) => {
          onChange([...cases, ...imported]);
          setNotice(tr('imported', { count: imported.length, file }));
        }}
      />
    </section>
  );
}
