import type { DecisionRule } from '@hms/contracts/decision-rules';
import { ruleProblems } from '@hms/contracts/decision-rule-problems';
import type { Question } from '@hms/contracts/question-set';
import { useState } from 'react';
import { buildRules, conditionToForm, nextKey, type RuleForm } from './rule-form.ts';
import { RulesList } from './rules-list.tsx';

/** What the scenario editor holds: the rules the rows stand for, and whether every row is one yet. */
export interface ScenarioRules {
  rules: DecisionRule[];
  complete: boolean;
}

/**
 * A rule table to try in a policy simulation: the draft editor's rows (conditions, outcome, order, checks) without
 * test cases, saving or publishing, since a simulation writes nothing. It starts from `initial` and reports the
 * rules after every edit; the policy simulation screen gets it through the admin app's routes.
 */
export function ScenarioRulesEditor({
  questions,
  initial,
  showErrors,
  onChange,
}: {
  questions: readonly Question[];
  initial: readonly DecisionRule[];
  /** Mark the rows that are not rules yet (after a run was refused for them). */
  showErrors: boolean;
  onChange: (next: ScenarioRules) => void;
}) {
  const [forms, setForms] = useState<RuleForm[]>(() =>
    initial.map((r) => ({
      id: r.id,
      label: r.label,
      outcome: r.outcome,
      conditions: r.conditions.map((c) => conditionToForm(c, nextKey(), questions)),
    })),
  );
  const built = buildRules(forms, questions);
  const complete = built.problems.size === 0 && built.unlabelled.size === 0;
  return (
    <RulesList
      forms={forms}
      questions={questions}
      problems={built.problems.size === 0 ? ruleProblems(built.rules, questions) : null}
      valueProblems={built.problems}
      unlabelled={built.unlabelled}
      showErrors={showErrors && !complete}
      onChange={(next) => {
        setForms(next);
        const b = buildRules(next, questions);
        onChange({ rules: b.rules, complete: b.problems.size === 0 && b.unlabelled.size === 0 });
      }}
    />
  );
}
