import type { DecisionRule } from '@hms/contracts/decision-rules';
import { allQuestions, type EligibilityRule, type Question } from '@hms/contracts/question-set';
import {
  CheckboxGroup,
  LoadingState,
  ProblemAlert,
  QueryState,
  Radio,
  useT,
  type FormErrors,
} from '@hms/ui';
import { useQuery } from '@tanstack/react-query';
import { useState, type ComponentType } from 'react';
import { EligibilityRulesEditor } from '../../../shared/eligibility-rules-editor.tsx';
import { ruleVersionsQueryOptions } from '../../../shared/decision-rule-versions.ts';
import { simulationStartQueryOptions, type SimulationStart } from '../api/simulations.ts';
import { simulationMessages } from '../messages.ts';
import type { SimulationField } from './simulation-form.tsx';

/**
 * A scenario's rule changes as the form holds them, plain data so a scenario can be kept as it was sent: each null
 * keeps what happened. `decisionRules` says where its rules came from, for the screen; the API is sent the rules.
 */
export interface RuleChanges {
  eligibilityRules: EligibilityRule[] | null;
  /**
   * `version` is the live or draft version taken as it is; an edited table has none, and is `complete` once every
   * row is a rule (only then can it be sent).
   */
  decisionRules:
    | { source: 'live' | 'draft'; version: number; rules: DecisionRule[] }
    | { source: 'edited'; rules: DecisionRule[]; complete: boolean }
    | null;
}

export const NO_RULE_CHANGES: RuleChanges = { eligibilityRules: null, decisionRules: null };

/**
 * The rule changes of a saved scenario opened in the form: what it was saved with, its decision rules as an edited
 * table (they are the scenario's own, not a version), kept until changed here.
 */
export function savedRuleChanges(
  changes: { eligibilityRules?: EligibilityRule[]; decisionRules?: DecisionRule[] } | undefined,
): RuleChanges {
  return {
    eligibilityRules: changes?.eligibilityRules ?? null,
    decisionRules: changes?.decisionRules
      ? { source: 'edited', rules: changes.decisionRules, complete: true }
      : null,
  };
}

type DecisionChoice = 'keep' | 'live' | 'draft' | 'edited';

/**
 * The decision-rules editor's rows, for a table edited in the scenario: the admin app's routes hand the
 * decision-rules feature's editor in (a feature never imports another), so the screen reuses it rather than a copy.
 */
export type DecisionRulesEditorSlot = ComponentType<{
  questions: readonly Question[];
  initial: readonly DecisionRule[];
  showErrors: boolean;
  onChange: (next: { rules: DecisionRule[]; complete: boolean }) => void;
}>;

/**
 * The eligibility rules and decision rules of a scenario, started from the program's live ones. Decision rules come
 * as a whole version, the live one or the draft being written (administrators only: the draft is theirs).
 */
export function RuleChangesFields({
  program,
  admin,
  value,
  onChange,
  errors,
  DecisionRulesEditor,
}: {
  /** The program chosen in the form, or undefined before one is. */
  program: { id: string; slug: string } | undefined;
  admin: boolean;
  value: RuleChanges;
  onChange: (next: RuleChanges) => void;
  errors: FormErrors<SimulationField>;
  /** Without it, a scenario takes a whole version (live or draft) and no table is edited. */
  DecisionRulesEditor?: DecisionRulesEditorSlot | undefined;
}) {
  const tr = useT(simulationMessages);
  const start = useQuery({
    ...simulationStartQueryOptions(program?.slug ?? ''),
    enabled: program !== undefined,
  });
  if (!program)
    return (
      <fieldset className="usa-fieldset margin-top-3">
        <legend className="usa-legend usa-legend--large">{tr('rulesHeading')}</legend>
        <p className="usa-hint" data-testid="rules-choose-program">
          {tr('rulesChooseProgram')}
        </p>
      </fieldset>
    );
  return (
    <QueryState query={start} loading={tr('loadingRules')} headingLevel={2}>
      {(data) => (
        <>
          <EligibilityChanges start={data} value={value} onChange={onChange} errors={errors} />
          <DecisionRuleChanges
            programId={program.id}
            start={data}
            admin={admin}
            value={value}
            onChange={onChange}
            errors={errors}
            Editor={DecisionRulesEditor}
          />
        </>
      )}
    </QueryState>
  );
}

function EligibilityChanges({
  start,
  value,
  onChange,
  errors,
}: {
  start: SimulationStart;
  value: RuleChanges;
  onChange: (next: RuleChanges) => void;
  errors: FormErrors<SimulationField>;
}) {
  const tr = useT(simulationMessages);
  const rules = value.eligibilityRules;
  return (
    <fieldset className="usa-fieldset margin-top-3">
      <legend className="usa-legend usa-legend--large">{tr('eligibilityHeading')}</legend>
      <p className="usa-hint">
        {tr('eligibilityLead', { version: start.version, count: start.eligibilityRules.length })}
      </p>
      <CheckboxGroup
        {...errors.field('eligibilityRules')}
        label={tr('changeEligibility')}
        checked={rules !== null}
        onChange={(e) =>
          onChange({
            ...value,
            eligibilityRules: e.currentTarget.checked ? [...start.eligibilityRules] : null,
          })
        }
      />
      {rules !== null ? (
        <EligibilityRulesEditor
          questionSet={start.questionSet}
          rules={rules}
          idPrefix="sim-rule"
          caption={tr('eligibilityCaption')}
          onChange={(next) => onChange({ ...value, eligibilityRules: next })}
        />
      ) : null}
    </fieldset>
  );
}

function DecisionRuleChanges({
  programId,
  start,
  admin,
  value,
  onChange,
  errors,
  Editor,
}: {
  programId: string;
  start: SimulationStart;
  admin: boolean;
  value: RuleChanges;
  onChange: (next: RuleChanges) => void;
  errors: FormErrors<SimulationField>;
  Editor: DecisionRulesEditorSlot | undefined;
}) {
  const tr = useT(simulationMessages);
  const versions = useQuery({ ...ruleVersionsQueryOptions(programId), enabled: admin });
  const draft = versions.data?.versions.find((v) => v.status === 'draft');
  const live = start.decisionRules;
  const choice: DecisionChoice = value.decisionRules?.source ?? 'keep';
  const field = errors.field('decisionRules');
  // Each edit starts again from the live rules (none: an empty table), so the editor mounts afresh.
  const [editing, setEditing] = useState(0);
  const choose = (next: DecisionChoice) => {
    if (next === 'edited') setEditing((n) => n + 1);
    onChange({
      ...value,
      decisionRules:
        next === 'live' && live
          ? { source: 'live', version: live.version, rules: live.rules }
          : next === 'draft' && draft
            ? { source: 'draft', version: draft.version, rules: draft.rules }
            : next === 'edited'
              ? { source: 'edited', rules: live?.rules ?? [], complete: true }
              : null,
    });
  };
  const options: Array<{ value: DecisionChoice; label: string }> = [
    { value: 'keep', label: tr('decisionKeep') },
    ...(live
      ? [
          {
            value: 'live' as const,
            label: tr('decisionLive', { version: live.version, count: live.rules.length }),
          },
        ]
      : []),
    ...(draft
      ? [
          {
            value: 'draft' as const,
            label: tr('decisionDraft', { version: draft.version, count: draft.rules.length }),
          },
        ]
      : []),
    ...(Editor ? [{ value: 'edited' as const, label: tr('decisionEdit') }] : []),
  ];
  const notes = [
    live ? null : tr('noLiveRules'),
    !admin ? tr('draftForAdmins') : versions.isSuccess && !draft ? tr('noDraftRules') : null,
  ].filter((n): n is string => n !== null);
  const describedBy = [`${field.id}-hint`, field.error ? `${field.id}-error` : null]
    .filter(Boolean)
    .join(' ');
  return (
    <div className={`usa-form-group${field.error ? ' usa-form-group--error' : ''}`}>
      <fieldset className="usa-fieldset margin-top-3" aria-describedby={describedBy}>
        <legend className={`usa-legend usa-legend--large${field.error ? ' usa-label--error' : ''}`}>
          {tr('decisionHeading')}
        </legend>
        <div className="usa-hint" id={`${field.id}-hint`}>
          <p>{tr('decisionLead')}</p>
          {notes.map((n) => (
            <p key={n}>{n}</p>
          ))}
        </div>
        {field.error ? (
          <span className="usa-error-message" id={`${field.id}-error`}>
            {field.error}
          </span>
        ) : null}
        {admin && versions.isPending ? <LoadingState label={tr('loadingDraftRules')} /> : null}
        {admin && versions.isError ? (
          <ProblemAlert
            error={versions.error}
            onRetry={() => void versions.refetch()}
            headingLevel={2}
          />
        ) : null}
        {options.map((o, i) => {
          const id = i === 0 ? field.id : `${field.id}-${o.value}`;
          return (
            <Radio
              key={o.value}
              id={id}
              label={o.label}
              name="decisionRulesSource"
              value={o.value}
              checked={choice === o.value}
              aria-invalid={field.error ? true : undefined}
              onChange={() => choose(o.value)}
            />
          );
        })}
        {Editor && value.decisionRules?.source === 'edited' ? (
          <Editor
            key={editing}
            questions={allQuestions(start.questionSet)}
            initial={
              // An opened scenario's own table first; each new edit starts again from the live rules.
              editing === 0 && value.decisionRules?.source === 'edited'
                ? value.decisionRules.rules
                : (live?.rules ?? [])
            }
            showErrors={field.error !== undefined}
            onChange={(next) =>
              onChange({ ...value, decisionRules: { source: 'edited', ...next } })
            }
          />
        ) : null}
      </fieldset>
    </div>
  );
}
