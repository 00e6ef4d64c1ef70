import { meQueryOptions, programsQueryOptions } from '@hms/api-client';
import {
  EmptyState,
  LoadingState,
  PageIntro,
  QueryState,
  formatPlainDate,
  useFormErrors,
  useLanguage,
  useT,
} from '@hms/ui';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { changesOnFields, runSimulationMutationOptions } from '../api/simulations.ts';
import { ComparisonTable } from '../components/comparison-table.tsx';
import { QualificationTables } from '../components/qualification-tables.tsx';
import type { DecisionRulesEditorSlot } from '../components/rule-changes.tsx';
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
  const resultRef = useRef<HTMLHeadingElement>(null);
  // A new result replaces the page below the form: the reader is taken to it.
  useEffect(() => {
    if (run.data) resultRef.current?.focus();
  }, [run.data]);
  const admin = me.data?.roles.includes('admin') ?? false;
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
        <div className="usa-alert usa-alert--info usa-alert--slim" role="note">
          <div className="usa-alert__body">
            <p className="usa-alert__text">{tr('readOnly')}</p>
          </div>
        </div>
      ) : null}
      <QueryState
        query={programs}
        loading={tr('loadingPrograms')}
        empty={<EmptyState title={tr('noProgramsTitle')} body={tr('noProgramsBody')} />}
      >
        {(data) => (
          <SimulationForm
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
    </>
  );
}
