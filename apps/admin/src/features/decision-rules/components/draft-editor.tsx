import { decisionRuleKeys, isApiProblem } from '@hms/api-client';
import {
  Alert,
  ErrorSummary,
  ProblemAlert,
  problemText,
  useLanguage,
  useT,
  type SummaryError,
} from '@hms/ui';
import { runTestCases, type RuleTestCase } from '@hms/contracts/decision-rules';
import { ruleErrors, ruleProblems } from '@hms/contracts/decision-rule-problems';
import type { Question } from '@hms/contracts/question-set';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState, type FormEvent } from 'react';
import {
  publishRuleDraftMutationOptions,
  saveRuleDraftMutationOptions,
  type RuleVersionRow,
} from '../api/decision-rules.ts';
import { decisionRulesMessages } from '../messages.ts';
import { buildRules, conditionToForm, nextKey, type RuleForm } from './rule-form.ts';
import { RulesList } from './rules-list.tsx';
import { TestCases } from './test-cases.tsx';

const toForms = (draft: RuleVersionRow, questions: readonly Question[]): RuleForm[] =>
  draft.rules.map((r) => ({
    id: r.id,
    label: r.label,
    outcome: r.outcome,
    conditions: r.conditions.map((c) => conditionToForm(c, nextKey(), questions)),
  }));

/** The API's field errors of a refused publish (`testCases.N`, `rules.N.conditions.M`) as summary links. */
function refusalErrors(
  error: unknown,
  tr: (key: 'caseFailingApi' | 'ruleErrorApi', vars: Record<string, string | number>) => string,
): SummaryError[] {
  if (!isApiProblem(error)) return [];
  return error.errors.flatMap((e): SummaryError[] => {
    const testCase = /^testCases\.(\d+)$/.exec(e.field);
    if (testCase)
      return [
        {
          fieldId: `case-row-${testCase[1]}`,
          message: tr('caseFailingApi', { n: Number(testCase[1]) + 1 }),
        },
      ];
    const rule = /^rules\.(\d+)\./.exec(e.field);
    if (rule)
      return [{ message: tr('ruleErrorApi', { n: Number(rule[1]) + 1, message: e.message }) }];
    return [];
  });
}

/**
 * The one draft of a program's rules: the ordered rules with their checks, the test cases with their results, saving,
 * and publishing, which the screen allows only when every case passes (the API checks again and may refuse).
 */
export function DraftEditor({
  programId,
  draft,
  questions,
  onPublished,
}: {
  programId: string;
  draft: RuleVersionRow;
  questions: readonly Question[];
  onPublished: (version: number) => void;
}) {
  const tr = useT(decisionRulesMessages);
  const { language } = useLanguage();
  const queryClient = useQueryClient();
  const [forms, setForms] = useState<RuleForm[]>(() => toForms(draft, questions));
  const [cases, setCases] = useState<RuleTestCase[]>(draft.testCases);
  const [showErrors, setShowErrors] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const [saved, setSaved] = useState(false);
  const built = useMemo(() => buildRules(forms, questions), [forms, questions]);
  const complete = built.problems.size === 0;
  const problems = complete ? ruleProblems(built.rules, questions) : null;
  const results = complete ? runTestCases(built.rules, cases) : null;
  const failing = results?.filter((r) => !r.passed).length ?? 0;
  const readQuestions = questions.filter((q) =>
    built.rules.some((r) => r.conditions.some((c) => c.on === 'answer' && c.questionId === q.id)),
  );
  const refresh = () =>
    queryClient.invalidateQueries({ queryKey: decisionRuleKeys.program(programId) });
  const save = useMutation({
    ...saveRuleDraftMutationOptions(programId, draft.id),
    onSuccess: () => {
      setSaved(true);
      void refresh();
    },
    onError: () => setAttempt((a) => a + 1),
  });
  const publish = useMutation({
    ...publishRuleDraftMutationOptions(programId, draft.id),
    onSuccess: (live) => {
      void refresh();
      onPublished(live.version);
    },
    onError: () => setAttempt((a) => a + 1),
  });

  const ownErrors: SummaryError[] = showErrors
    ? forms.flatMap((rule, i) => [
        ...(built.unlabelled.has(rule.id)
          ? [{ fieldId: `rule-${rule.id}-label`, message: tr('labelRequired', { n: i + 1 }) }]
          : []),
        ...rule.conditions.flatMap((c, m) => {
          const p = built.problems.get(c.key);
          return p
            ? [
                {
                  fieldId: `cond-${c.key}-value`,
                  message: tr('conditionError', { n: i + 1, m: m + 1, message: tr(p) }),
                },
              ]
            : [];
        }),
      ])
    : [];
  const whole = complete && built.unlabelled.size === 0;
  const body = () => ({ rules: built.rules, testCases: cases });
  const check = () => {
    setShowErrors(true);
    setAttempt((a) => a + 1);
    return whole;
  };
  const onSave = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    publish.reset();
    if (check()) save.mutate(body());
  };
  const blocked = [
    !whole ? tr('blockedIncomplete') : null,
    problems && ruleErrors(problems).length > 0 ? tr('blockedErrors') : null,
    cases.length === 0 ? tr('blockedNoCases') : null,
    failing > 0 ? tr('blockedFailing', { failing, total: cases.length }) : null,
  ].filter((x): x is string => x !== null);
  const apiError = save.error ?? publish.error;
  const refused = refusalErrors(publish.error, tr);
  const summary = [...ownErrors, ...refused];

  return (
    <section aria-labelledby="draft-heading" className="margin-top-4">
      <h2 id="draft-heading">{tr('draftHeading', { version: draft.version })}</h2>
      <p>{tr('draftLead')}</p>
      <p className="usa-hint">{tr('questionsNote')}</p>
      <form
        className="usa-form usa-form--large maxw-full"
        noValidate
        onSubmit={onSave}
        onChange={() => setSaved(false)}
      >
        {/* A refusal that names cases or rules is one summary (its words as the title), not two alerts. */}
        <ErrorSummary
          errors={summary}
          focusKey={attempt}
          title={
            refused.length > 0 && isApiProblem(publish.error)
              ? problemText(publish.error, language).message
              : undefined
          }
        />
        {apiError && refused.length === 0 ? (
          <ProblemAlert error={apiError} headingLevel={3} />
        ) : null}
        {saved ? (
          <Alert tone="success" slim role="status">
            {tr('saved')}
          </Alert>
        ) : null}
        <RulesList
          forms={forms}
          questions={questions}
          problems={problems}
          valueProblems={built.problems}
          unlabelled={built.unlabelled}
          showErrors={showErrors}
          onChange={(next) => {
            setSaved(false);
            setForms(next);
          }}
        />
        <TestCases
          cases={cases}
          rules={complete ? built.rules : null}
          questions={questions}
          readQuestions={readQuestions}
          onChange={(next) => {
            setSaved(false);
            setCases(next);
          }}
        />
        <div className="margin-top-4 border-top-1px border-base-lighter padding-top-2">
          <button type="submit" className="usa-button" disabled={save.isPending}>
            {save.isPending ? tr('saving') : tr('saveDraft')}
          </button>
          <button
            type="button"
            className="usa-button usa-button--secondary"
            disabled={blocked.length > 0 || publish.isPending}
            aria-describedby={blocked.length > 0 ? 'publish-blocked' : undefined}
            onClick={() => {
              save.reset();
              if (check()) publish.mutate(body());
            }}
          >
            {publish.isPending ? tr('publishing') : tr('publish', { version: draft.version })}
          </button>
          {blocked.length > 0 ? (
            <div
              id="publish-blocked"
              className="usa-hint margin-top-1"
              data-testid="publish-blocked"
            >
              {tr('publishBlocked')}
              <ul>
                {blocked.map((b) => (
                  <li key={b}>{b}</li>
                ))}
              </ul>
            </div>
          ) : null}
        </div>
      </form>
    </section>
  );
}
