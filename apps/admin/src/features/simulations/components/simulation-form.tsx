import { isPlainDate } from '@hms/contracts/business-days';
import { parseDollars } from '@hms/contracts/money';
import {
  CheckedForm,
  SelectField,
  TextField,
  useLanguage,
  useT,
  type FormErrors,
  type FormField,
} from '@hms/ui';
import { useState, type FormEvent } from 'react';
import type { SimulationBody } from '../api/simulations.ts';
import { simulationMessages } from '../messages.ts';
import {
  NO_RULE_CHANGES,
  RuleChangesFields,
  type DecisionRulesEditorSlot,
  savedRuleChanges,
  type RuleChanges,
} from './rule-changes.tsx';

export type SimulationField =
  | 'program'
  | 'from'
  | 'to'
  | 'maxAmountCents'
  | 'approvalThresholdCents'
  | 'budgetCents'
  | 'reviewDeadlineDays'
  | 'eligibilityRules'
  | 'decisionRules';

/** The form's fields, named as the API names them (the changes after `body.changes.`, see changesOnFields). */
export const SIMULATION_FIELDS: FormField<SimulationField>[] = [
  { name: 'program', id: 'sim-program' },
  { name: 'from', id: 'sim-from' },
  { name: 'to', id: 'sim-to' },
  { name: 'maxAmountCents', id: 'sim-max' },
  { name: 'approvalThresholdCents', id: 'sim-threshold' },
  { name: 'budgetCents', id: 'sim-budget' },
  { name: 'reviewDeadlineDays', id: 'sim-deadline' },
  { name: 'eligibilityRules', id: 'sim-eligibility' },
  { name: 'decisionRules', id: 'sim-decision-rules' },
];

type Key = keyof (typeof simulationMessages)['en'];
/** The changes written in dollars, what each is called, and what its hint says before the dollars hint. */
const MONEY_FIELDS = [
  { name: 'maxAmountCents', label: 'maxAmount', hint: null },
  { name: 'approvalThresholdCents', label: 'threshold', hint: 'thresholdHint' },
  { name: 'budgetCents', label: 'budget', hint: 'budgetHint' },
] as const;

/** The period a simulation opens with: the six whole months before this one and this month so far. */
export function defaultPeriod(today = new Date()): { from: string; to: string } {
  const to = today.toISOString().slice(0, 10);
  const start = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - 6, 1));
  return { from: start.toISOString().slice(0, 10), to };
}

/**
 * Reads the form into the API's body, or says what is wrong with each field (the error summary lists them). An
 * empty change field is no change; so is a rule list the person did not choose to change.
 */
function readForm(
  data: FormData,
  rules: RuleChanges,
): {
  body: SimulationBody | null;
  problems: Partial<Record<SimulationField, Key>>;
} {
  const text = (name: SimulationField) => String(data.get(name) ?? '').trim();
  const problems: Partial<Record<SimulationField, Key>> = {};
  const program = text('program');
  if (!program) problems.program = 'programRequired';
  const from = text('from');
  const to = text('to');
  if (!from) problems.from = 'fromRequired';
  else if (!isPlainDate(from)) problems.from = 'dateInvalid';
  if (!to) problems.to = 'toRequired';
  else if (!isPlainDate(to)) problems.to = 'dateInvalid';
  else if (isPlainDate(from) && to < from) problems.to = 'toBeforeFrom';
  const changes: SimulationBody['changes'] = {};
  for (const { name } of MONEY_FIELDS) {
    const raw = text(name);
    if (!raw) continue;
    const parsed = parseDollars(raw);
    if (!parsed.ok) problems[name] = 'dollarsInvalid';
    else if (parsed.cents < 1 && name !== 'approvalThresholdCents')
      problems[name] = 'dollarsTooSmall';
    else changes[name] = parsed.cents;
  }
  const days = text('reviewDeadlineDays');
  if (days) {
    const n = Number(days);
    if (!/^\d+$/.test(days) || n < 1 || n > 120) problems.reviewDeadlineDays = 'daysInvalid';
    else changes.reviewDeadlineDays = n;
  }
  if (rules.eligibilityRules !== null) changes.eligibilityRules = rules.eligibilityRules;
  const decision = rules.decisionRules;
  if (decision?.source === 'edited' && !decision.complete)
    problems.decisionRules = 'decisionRulesIncomplete';
  else if (decision !== null) changes.decisionRules = decision.rules;
  if (Object.keys(problems).length > 0) return { body: null, problems };
  return { body: { program, from, to, changes }, problems };
}

/** A saved amount as the form's dollars field takes it (parseDollars reads it back to the same cents). */
const dollars = (cents: number | undefined) =>
  cents === undefined ? undefined : (cents / 100).toFixed(2);

export function SimulationForm({
  programs,
  admin,
  errors,
  pending,
  onRun,
  DecisionRulesEditor,
  initial,
}: {
  programs: ReadonlyArray<{ id: string; slug: string; name: { en: string; es: string } }>;
  /** Administrators may also try the draft decision rules (the draft is theirs to read). */
  admin: boolean;
  errors: FormErrors<SimulationField>;
  pending: boolean;
  onRun: (body: SimulationBody) => void;
  DecisionRulesEditor?: DecisionRulesEditorSlot | undefined;
  /** A saved scenario opened: the form starts from its values (the route re-mounts the form with its key). */
  initial?: SimulationBody | undefined;
}) {
  const tr = useT(simulationMessages);
  const { language } = useLanguage();
  const period = initial ?? defaultPeriod();
  const start = initial?.changes ?? {};
  const only = programs.length === 1 ? programs[0]?.slug : undefined;
  const [slug, setSlug] = useState(initial?.program ?? only ?? '');
  const [rules, setRules] = useState<RuleChanges>(() => savedRuleChanges(initial?.changes));
  const program = programs.find((p) => p.slug === slug);
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const { body, problems } = readForm(new FormData(e.currentTarget), rules);
    const failed = errors.check(
      Object.fromEntries(
        Object.entries(problems).map(([field, key]) => [field, tr(key)]),
      ) as Partial<Record<SimulationField, string>>,
    );
    if (!failed && body) onRun(body);
  };
  return (
    <CheckedForm errors={errors} onSubmit={onSubmit} className="usa-form usa-form--large maxw-none">
      <fieldset className="usa-fieldset">
        <legend className="usa-legend usa-legend--large">{tr('periodHeading')}</legend>
        <SelectField
          {...errors.field('program')}
          label={tr('program')}
          placeholder={only ? undefined : tr('choose')}
          value={slug}
          options={programs.map((p) => ({ value: p.slug, label: p.name[language] }))}
          onChange={(e) => {
            // Another program's rules read other questions: its scenario starts again from its own rules.
            setSlug(e.target.value);
            setRules(NO_RULE_CHANGES);
          }}
        />
        <div className="grid-row grid-gap">
          {(['from', 'to'] as const).map((name) => (
            <div key={name} className="tablet:grid-col-6">
              <TextField
                {...errors.field(name)}
                type="date"
                label={tr(name)}
                hint={tr('dateHint')}
                defaultValue={period[name]}
              />
            </div>
          ))}
        </div>
      </fieldset>
      <fieldset className="usa-fieldset margin-top-3">
        <legend className="usa-legend usa-legend--large">{tr('changesHeading')}</legend>
        <p className="usa-hint">{tr('changesHint')}</p>
        {MONEY_FIELDS.map(({ name, label, hint }) => (
          <TextField
            key={name}
            {...errors.field(name)}
            label={tr(label)}
            defaultValue={dollars(start[name])}
            hint={hint ? `${tr(hint)} ${tr('dollarsHint')}` : tr('dollarsHint')}
            inputMode="decimal"
            autoComplete="off"
            className="usa-input--medium"
          />
        ))}
        <TextField
          {...errors.field('reviewDeadlineDays')}
          label={tr('deadline')}
          defaultValue={start.reviewDeadlineDays}
          hint={tr('deadlineHint')}
          inputMode="numeric"
          autoComplete="off"
          className="usa-input--small"
          maxLength={3}
        />
      </fieldset>
      <RuleChangesFields
        program={program}
        admin={admin}
        value={rules}
        onChange={setRules}
        errors={errors}
        DecisionRulesEditor={DecisionRulesEditor}
      />
      <button type="submit" className="usa-button margin-top-3" disabled={pending}>
        {pending ? tr('running') : tr('run')}
      </button>
    </CheckedForm>
  );
}
