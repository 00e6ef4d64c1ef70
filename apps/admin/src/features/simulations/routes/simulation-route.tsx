import { meQueryOptions, programsQueryOptions } from '@hms/api-client';
import {
  Alert,
  EmptyState,
  LoadingState,
  PageIntro,
  QueryState,
  formatPlainDate,
  useFocusWhen,
  useFormErrors,
  useLanguage,
  useT,
} from '@hms/ui';
import { mayChangeScenarios } from '@hms/contracts/simulation-scenarios';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { SavedScenario } from '../api/scenarios.ts';
import { changesOnFields, runSimulationMutationOptions } from '../api/simulations.ts';
import { ComparisonTable } from '../components/comparison-table.tsx';
import { QualificationTables } from '../components/qualification-tables.tsx';
import type { DecisionRulesEditorSlot } from '../components/rule-changes.tsx';
import { SaveScenarioForm } from '../components/save-scenario-form.tsx';
import { SavedScenarios } from '../components/saved-scenarios.tsx';
import { SIMULATION_FIELDS, SimulationForm } from '../components/simulation-form.tsx';
import { simulationMessages } from '../messages.ts';

/**
 * Policy simulation (issue 14 part 3): /admin/simulations for administrators, /simulations for finance staff (the
 * shell mounts this screen for them on its own, read-only). Pick a program and a period, change parameters, run,
 * and read what happened beside the scenario.
 */
export function SimulationRoute({
  DecisionRulesEditor,
}: {
  /** The decision-rules feature's rule rows, handed in by the app's routes (see DecisionRulesEditorSlot). */
  DecisionRulesEditor?: DecisionRulesEditorSlot;
} = {}) {
  const tr = useT(simulationMessages);
  const { language } = useLanguage();
  const me = useQuery(meQueryOptions());
  const programs = useQuery(programsQueryOptions());
  const errors = useFormErrors(SIMULATION_FIELDS);
  const run = useMutation({
    ...runSimulationMutationOptions(),
    onError: (e) =>
      errors.fail(
        changesOnFields(e, (list, n, message) =>
          tr(list === 'eligibilityRules' ? 'eligibilityRuleError' : 'decisionRuleError', {
            n,
            message,
          }),
        ),
      ),
  });
  // A new result replaces the page below the form: the reader is taken to it.
  const resultRef = useFocusWhen<HTMLHeadingElement>(run.data);
  const admin = me.data?.roles.includes('admin') ?? false;
  // Saving, deleting and drafting follow the contracts' one rule, the one the API guards those routes with.
  const mayChange = me.data ? mayChangeScenarios(me.data.roles) : false;
  const [opened, setOpened] = useState<SavedScenario | null>(null);
  const result = run.data;
  const programName = (slug: string) =>
    programs.data?.find((p) => p.slug === slug)?.name[language] ?? slug;

  return (
    <>
      <PageIntro
        title={tr('title')}
        lead={tr('lead')}
        hasErrors={errors.summary.errors.length > 0}
      />
      {me.data && !admin ? (
        <Alert tone="info" slim role="note">
          {tr('readOnly')}
        </Alert>
      ) : null}
      <QueryState
        query={programs}
        loading={tr('loadingPrograms')}
        empty={<EmptyState title={tr('noProgramsTitle')} body={tr('noProgramsBody')} />}
      >
        {(data) => (
          <SimulationForm
            key={opened?.id ?? 'new'}
            initial={opened ?? undefined}
            programs={data}
            admin={admin}
            errors={errors}
            pending={run.isPending}
            DecisionRulesEditor={DecisionRulesEditor}
            onRun={(body) => {
              errors.clear();
              run.mutate(body);
            }}
          />
        )}
      </QueryState>
      {run.isPending ? <LoadingState label={tr('running')} /> : null}
      {result && !run.isPending ? (
        <section
          aria-labelledby="sim-result-heading"
          className="margin-top-4"
          data-simulation-result
        >
          <h2 id="sim-result-heading" ref={resultRef} tabIndex={-1}>
            {tr('resultHeading')}
          </h2>
          <p>
            {tr('resultLead', {
              program: programName(result.program),
              from: formatPlainDate(result.from, language),
              to: formatPlainDate(result.to, language),
            })}
          </p>
          {Object.keys(result.changes).length === 0 ? <p>{tr('noChangesRun')}</p> : null}
          <ComparisonTable baseline={result.baseline} scenario={result.scenario} />
          <QualificationTables
            noLonger={result.scenario.noLongerQualifying}
            newly={result.scenario.newlyQualifying}
          />
        </section>
      ) : null}
      {mayChange && result && !run.isPending ? (
        <SaveScenarioForm
          key={result.computedAt}
          body={{
            program: result.program,
            from: result.from,
            to: result.to,
            changes: result.changes,
          }}
        />
      ) : null}
      {/* Program names come with the programs: the list waits for them. */}
      {programs.data ? (
        <SavedScenarios
          mayChange={mayChange}
          programName={programName}
          draftPath={(id) => `/admin/simulations/scenarios/${id}/program-draft`}
          onOpen={(s) => {
            // The form takes the scenario's values and runs them: the figures are today's, not the ones of its saving.
            setOpened(s);
            errors.clear();
            run.mutate({ program: s.program, from: s.from, to: s.to, changes: s.changes });
          }}
        />
      ) : null}
    </>
  );
}
