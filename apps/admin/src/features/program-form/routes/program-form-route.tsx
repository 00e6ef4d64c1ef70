import { isApiProblem } from '@hms/api-client';
import type { QuestionSet } from '@hms/contracts/question-set';
import {
  ErrorSummary,
  fieldErrorText,
  HelpPanel,
  LoadingState,
  PageTitle,
  ProblemAlert,
  useErrorMessages,
  useLanguage,
  useT,
  type SummaryError,
} from '@hms/ui';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import {
  adminProgramKey,
  adminProgramQueryOptions,
  saveDraftMutationOptions,
} from '../api/program-form.ts';
import { problemFieldId, QuestionBuilder } from '../components/question-builder.tsx';
import { programFormHelp } from '../help.ts';
import { programFormMessages } from '../messages.ts';

const PREFIX = 'body.draft.questionSet.';

/** A server field (`body.draft.questionSet.steps.0.questions.2.showIf`) as a path into the question set. */
function questionSetPath(field: string): (string | number)[] | null {
  if (!field.startsWith(PREFIX)) return null;
  return field
    .slice(PREFIX.length)
    .split('.')
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/**
 * Admin: a program's application form. The builder edits the draft's question set; saving sends the whole draft back
 * (the rest as it was loaded). Citizens see the form once the program is published.
 */
export function ProgramFormRoute() {
  const { programId = '' } = useParams();
  const tr = useT(programFormMessages);
  const { language } = useLanguage();
  useErrorMessages();
  const queryClient = useQueryClient();
  const program = useQuery(adminProgramQueryOptions(programId));
  const [edited, setEdited] = useState<QuestionSet | null>(null);
  const [saved, setSaved] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const save = useMutation({
    ...saveDraftMutationOptions(programId),
    onSuccess: (result) => {
      queryClient.setQueryData(adminProgramKey(programId), result);
      setEdited(null);
      setSaved(true);
    },
    onError: () => setAttempt((n) => n + 1),
  });

  if (program.isPending) return <LoadingState />;
  if (program.isError) return <ProblemAlert error={program.error} />;
  const draft = program.data.draft;
  const value = edited ?? (draft.questionSet as QuestionSet);
  const name = draft.name[language].trim() || draft.name.en;

  const refused = isApiProblem(save.error) && save.error.status === 400 ? save.error.errors : [];
  const summary: SummaryError[] = refused.map((e) => {
    const path = questionSetPath(e.field);
    return {
      fieldId: path ? problemFieldId({ path }, value, 'qb') : undefined,
      message: fieldErrorText(e, language),
    };
  });

  return (
    <>
      <PageTitle hasErrors={summary.length > 0}>{tr('formTitle', { name })}</PageTitle>
      <p>
        <Link to={`/admin/programs/${programId}`}>{tr('backToProgram', { name })}</Link>
      </p>
      <HelpPanel content={programFormHelp} />
      <ErrorSummary errors={summary} focusKey={attempt} />
      {save.error && summary.length === 0 ? <ProblemAlert error={save.error} /> : null}
      <QuestionBuilder
        value={value}
        onChange={(next) => {
          setEdited(next);
          setSaved(false);
        }}
      />
      <div className="margin-top-4 display-flex flex-wrap">
        <button
          type="button"
          className="usa-button margin-bottom-1"
          disabled={save.isPending}
          onClick={() => save.mutate({ ...draft, questionSet: value })}
        >
          {save.isPending ? tr('saving') : tr('save')}
        </button>
        <p className="margin-y-1" role="status" data-testid="save-status">
          {edited ? tr('unsaved') : saved ? tr('saved') : ''}
        </p>
      </div>
    </>
  );
}
