import {
  ApiProblem,
  adminProgramKeys,
  decisionRuleKeys,
  programsQueryOptions,
} from '@hms/api-client';
import {
  Checkbox,
  DataTable,
  PageIntro,
  ProblemAlert,
  QueryState,
  formatCents,
  formatPlainDate,
  useLanguage,
  useT,
} from '@hms/ui';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import {
  scenarioDraftMutationOptions,
  scenarioQueryOptions,
  type SavedScenario,
} from '../api/scenarios.ts';
import { scenarioMessages } from '../scenario-messages.ts';

type Key = keyof (typeof scenarioMessages)['en'];
/** The refusals that mean "there is work in a draft already": the page then asks before replacing it. */
const DRAFT_EXISTS = new Set(['program.draft_has_changes', 'decision_rules.draft_exists']);

/** One line per parameter the scenario changes, with its value in the scenario. */
function useChangeLines(changes: SavedScenario['changes']) {
  const tr = useT(scenarioMessages);
  const { language } = useLanguage();
  const money = (c: number) => formatCents(c, language);
  const days = (d: number) => tr('daysValue', { days: d });
  const rules = (r: readonly unknown[]) => tr('rulesValue', { count: r.length });
  /** The parameter's line when the scenario changes it. */
  const line = <V,>(id: string, label: Key, value: V | undefined, write: (v: V) => string) =>
    value === undefined ? [] : [{ id, label, value: write(value) }];
  return [
    ...line('max', 'maxAmountCents', changes.maxAmountCents, money),
    ...line('threshold', 'approvalThresholdCents', changes.approvalThresholdCents, money),
    ...line('budget', 'budgetCents', changes.budgetCents, money),
    ...line('deadline', 'reviewDeadlineDays', changes.reviewDeadlineDays, days),
    ...line('eligibility', 'eligibilityRules', changes.eligibilityRules, rules),
    ...line('decision', 'decisionRules', changes.decisionRules, rules),
  ];
}

function DraftPage({ scenario }: { scenario: SavedScenario }) {
  const tr = useT(scenarioMessages);
  const { language } = useLanguage();
  const queryClient = useQueryClient();
  const programs = useQuery(programsQueryOptions());
  const programName =
    programs.data?.find((p) => p.slug === scenario.program)?.name[language] ?? scenario.program;
  const lines = useChangeLines(scenario.changes);
  const [replace, setReplace] = useState(false);
  const create = useMutation({
    ...scenarioDraftMutationOptions(scenario.id),
    onSuccess: (r) => {
      void queryClient.invalidateQueries({ queryKey: adminProgramKeys.detail(r.programId) });
      void queryClient.invalidateQueries({ queryKey: adminProgramKeys.list() });
      void queryClient.invalidateQueries({ queryKey: decisionRuleKeys.program(r.programId) });
    },
  });
  const asksToReplace =
    create.error instanceof ApiProblem && DRAFT_EXISTS.has(create.error.code ?? '');
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    create.mutate(replace);
  };

  if (create.data) {
    const done = create.data;
    return (
      <>
        <PageIntro title={tr('doneTitle')} />
        <div className="usa-alert usa-alert--success" role="status" data-draft-created>
          <div className="usa-alert__body">
            <p className="usa-alert__text">
              {tr('doneBody', { name: scenario.name, program: programName })}
            </p>
            {done.decisionRulesDraft ? (
              <p className="usa-alert__text">
                {tr('doneRules', { version: done.decisionRulesDraft.version })}
              </p>
            ) : null}
          </div>
        </div>
        <ul className="usa-list margin-top-3">
          <li>
            <Link className="usa-link" to={`/admin/programs/${done.programId}`}>
              {tr('toProgram')}
            </Link>
          </li>
          {done.decisionRulesDraft ? (
            <li>
              <Link className="usa-link" to={`/admin/programs/${done.programId}/decision-rules`}>
                {tr('toRules')}
              </Link>
            </li>
          ) : null}
          <li>
            <Link className="usa-link" to="/admin/simulations">
              {tr('cancel')}
            </Link>
          </li>
        </ul>
      </>
    );
  }

  return (
    <>
      <PageIntro title={tr('draftTitle')} lead={tr('draftLead')} />
      <dl className="margin-bottom-2">
        <dt className="text-bold">{tr('scenarioName')}</dt>
        <dd className="margin-left-0 margin-bottom-1">{scenario.name}</dd>
        <dt className="text-bold">{tr('program')}</dt>
        <dd className="margin-left-0 margin-bottom-1">{programName}</dd>
        <dt className="text-bold">{tr('period')}</dt>
        <dd className="margin-left-0 margin-bottom-1">
          {tr('periodValue', {
            from: formatPlainDate(scenario.from, language),
            to: formatPlainDate(scenario.to, language),
          })}
        </dd>
      </dl>
      <DataTable
        caption={tr('summaryCaption')}
        rows={lines}
        columns={[
          { header: tr('parameter'), rowHeader: true, cell: (l) => tr(l.label) },
          { header: tr('value'), cell: (l) => l.value },
        ]}
      />
      <form className="usa-form usa-form--large" onSubmit={onSubmit} noValidate>
        {create.error ? <ProblemAlert error={create.error} /> : null}
        {asksToReplace ? (
          <Checkbox
            id="replace-drafts"
            className="margin-top-2"
            label={
              <>
                {tr('replace')}
                <span className="usa-checkbox__label-description" id="replace-drafts-hint">
                  {tr('replaceHint')}
                </span>
              </>
            }
            checked={replace}
            aria-describedby="replace-drafts-hint"
            onChange={(e) => setReplace(e.target.checked)}
          />
        ) : null}
        <button type="submit" className="usa-button margin-top-3" disabled={create.isPending}>
          {create.isPending ? tr('creating') : tr('create')}
        </button>
        <Link
          className="usa-button usa-button--unstyled margin-top-3 margin-left-2"
          to="/admin/simulations"
        >
          {tr('cancel')}
        </Link>
      </form>
    </>
  );
}

/**
 * /admin/simulations/scenarios/:scenarioId/program-draft: what a saved scenario would change, then "Create draft
 * program version" (administrators only; the shell mounts the admin area for them alone). When the program or its
 * decision rules already have a draft someone is working on, the page says so and asks before replacing it. The
 * confirmation links to the program's page, where the draft goes through the checklist and dual-control publishing.
 */
export function ScenarioDraftRoute() {
  const tr = useT(scenarioMessages);
  const { scenarioId = '' } = useParams();
  const scenario = useQuery(scenarioQueryOptions(scenarioId));
  return (
    <QueryState query={scenario} loading={tr('loadingScenario')}>
      {(s) => <DraftPage scenario={s} />}
    </QueryState>
  );
}
