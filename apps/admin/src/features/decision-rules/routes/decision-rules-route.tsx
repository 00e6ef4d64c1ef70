import { decisionRuleKeys } from '@hms/api-client';
import { Alert, LoadingState, PageTitle, ProblemAlert, useLanguage, useT } from '@hms/ui';
import { allQuestions } from '@hms/contracts/question-set';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { createRuleDraftMutationOptions } from '../api/decision-rules.ts';
import { adminProgramQueryOptions, type AdminProgram } from '../../../shared/admin-program.ts';
import {
  ruleVersionsQueryOptions,
  type RuleVersionList,
} from '../../../shared/decision-rule-versions.ts';
import { AutomationPanel } from '../components/automation-panel.tsx';
import { DraftEditor } from '../components/draft-editor.tsx';
import { VersionsTable } from '../components/versions-table.tsx';
import { decisionRulesMessages } from '../messages.ts';

function RulesPage({ program, list }: { program: AdminProgram; list: RuleVersionList }) {
  const tr = useT(decisionRulesMessages);
  const { language } = useLanguage();
  const queryClient = useQueryClient();
  const [published, setPublished] = useState<number | null>(null);
  // The questions of the program's form (the API checks against the live form when publishing).
  const questions = useMemo(
    () => allQuestions(program.draft.questionSet),
    [program.draft.questionSet],
  );
  const name = program.draft.name[language] || program.draft.name.en;
  const draft = list.versions.find((v) => v.status === 'draft');
  const live = list.versions.find((v) => v.status === 'live');
  const source = live ?? list.versions[0];
  const start = useMutation({
    ...createRuleDraftMutationOptions(program.id),
    onSuccess: () => {
      setPublished(null);
      void queryClient.invalidateQueries({ queryKey: decisionRuleKeys.program(program.id) });
    },
  });
  return (
    <>
      <PageTitle>{tr('titleOf', { program: name })}</PageTitle>
      <p className="usa-intro">{tr('lead')}</p>
      {published !== null ? (
        <Alert tone="success" role="status">
          {tr('published', { version: published })}
        </Alert>
      ) : null}
      <AutomationPanel
        programId={program.id}
        programName={name}
        automation={list.automation}
        hasLive={Boolean(live)}
      />
      <section aria-labelledby="versions-heading" className="margin-top-4">
        <h2 id="versions-heading">{tr('versionsHeading')}</h2>
        {list.versions.length === 0 ? (
          <p data-testid="rules-empty">{tr('empty')}</p>
        ) : (
          <VersionsTable versions={list.versions} />
        )}
        {start.isError ? <ProblemAlert error={start.error} headingLevel={3} /> : null}
        {draft ? null : (
          <button
            type="button"
            className="usa-button"
            disabled={start.isPending}
            onClick={() =>
              start.mutate({ rules: source?.rules ?? [], testCases: source?.testCases ?? [] })
            }
          >
            {source ? tr('startFrom', { version: source.version }) : tr('startFirst')}
          </button>
        )}
      </section>
      {draft ? (
        <DraftEditor
          key={draft.id}
          programId={program.id}
          draft={draft}
          questions={questions}
          onPublished={setPublished}
        />
      ) : null}
      <p className="margin-top-4">
        <Link to={`/admin/programs/${program.id}`}>{tr('back')}</Link>
      </p>
    </>
  );
}

/** Admin: one program's decision rules (issue 14) — the automation switch, the versions, and the draft editor. */
export function DecisionRulesRoute() {
  const tr = useT(decisionRulesMessages);
  const { programId = '' } = useParams();
  const program = useQuery(adminProgramQueryOptions(programId));
  const list = useQuery(ruleVersionsQueryOptions(programId));
  if (program.isError || list.isError)
    return (
      <>
        <PageTitle>{tr('title')}</PageTitle>
        <ProblemAlert
          error={program.error ?? list.error}
          onRetry={() => {
            void program.refetch();
            void list.refetch();
          }}
        />
      </>
    );
  if (program.isPending || list.isPending) return <LoadingState label={tr('loading')} />;
  return <RulesPage program={program.data} list={list.data} />;
}
