import { adminProgramKeys } from '@hms/api-client';
import {
  Alert,
  ErrorSummary,
  HelpPanel,
  LoadingState,
  PageTitle,
  ProblemAlert,
  useLanguage,
  useT,
  type SummaryError,
} from '@hms/ui';
import type { ProgramDraft } from '@hms/contracts/program-admin';
import type { QuestionSet } from '@hms/contracts/question-set';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type ComponentType, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { programActionMutationOptions, type ProgramAction } from '../api/programs.ts';
import { adminProgramQueryOptions, type AdminProgram } from '../../../shared/admin-program.ts';
import { DETAIL_IDS, DetailsFields, type DetailsText } from '../components/details-fields.tsx';
import { centsToDollars, dollarsToCents } from '../components/money.ts';
import { PublishPanel, type ProgramOutcome } from '../components/publish-panel.tsx';
import { RulesEditor } from '../components/rules-editor.tsx';
import { VersionsPanel } from '../components/versions-panel.tsx';
import { programsHelp } from '../help.ts';
import { programsMessages } from '../messages.ts';

function textOf(draft: ProgramDraft): DetailsText {
  return {
    maxAmount: centsToDollars(draft.maxAmountCents),
    budget: centsToDollars(draft.budgetCents),
    threshold: centsToDollars(draft.approvalThresholdCents),
    reviewDays: String(draft.reviewDeadlineDays),
  };
}

interface FieldError {
  path: string;
  message: string;
}

/** The server's field errors (`body.draft.<path>`) as paths of the draft. */
function draftErrors(error: unknown): FieldError[] {
  const list = (error as { errors?: Array<{ field?: string; message?: string }> } | null)?.errors;
  if (!Array.isArray(list)) return [];
  return list.map((e) => ({
    path: String(e.field ?? '').replace(/^body\.(draft\.)?/, ''),
    message: String(e.message ?? ''),
  }));
}

/**
 * The question builder and its live preview (the program-form feature), given by the admin remote's routes so the two
 * features stay apart: it edits the draft's question set.
 */
export type FormBuilderSlot = ComponentType<{
  value: QuestionSet;
  onChange: (value: QuestionSet) => void;
}>;

function ProgramEditor({
  program,
  FormBuilder,
}: {
  program: AdminProgram;
  FormBuilder: FormBuilderSlot;
}) {
  const tr = useT(programsMessages);
  const { language } = useLanguage();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<ProgramDraft>(program.draft);
  const [text, setText] = useState<DetailsText>(() => textOf(program.draft));
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [focusKey, setFocusKey] = useState(0);
  const [saved, setSaved] = useState(false);
  const [done, setDone] = useState<ProgramOutcome | null>(null);
  const action = useMutation({
    ...programActionMutationOptions(program.id),
    onSuccess: (next, a) => {
      setDone({ kind: a.kind, program: next });
      queryClient.setQueryData(adminProgramKeys.detail(program.id), next);
      void queryClient.invalidateQueries({ queryKey: adminProgramKeys.list() });
      void queryClient.invalidateQueries({ queryKey: adminProgramKeys.versions(program.id) });
      // A revert brings an earlier definition back as the draft: edit from what the server now holds.
      setDraft(next.draft);
      setText(textOf(next.draft));
    },
  });
  const save = useMutation({
    ...programActionMutationOptions(program.id),
    onSuccess: (next) => {
      queryClient.setQueryData(adminProgramKeys.detail(program.id), next);
      void queryClient.invalidateQueries({ queryKey: adminProgramKeys.list() });
      setErrors([]);
      setSaved(true);
    },
    onError: (error) => {
      const found = draftErrors(error);
      setErrors(found);
      setSaved(false);
      setFocusKey((k) => k + 1);
    },
  });
  const run = (a: ProgramAction) => {
    setDone(null);
    action.mutate(a);
  };
  const errorFor = (path: string) =>
    errors
      .filter((e) => e.path === path)
      .map((e) => e.message)
      .join(' ') || undefined;

  const onSave = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const own: FieldError[] = [];
    const money = (path: string, value: string, optional: boolean) => {
      if (optional && !value.trim()) return null;
      const cents = dollarsToCents(value);
      if (cents === null) own.push({ path, message: tr('moneyInvalid') });
      return cents;
    };
    const maxAmountCents = money('maxAmountCents', text.maxAmount, false);
    const budgetCents = money('budgetCents', text.budget, true);
    const approvalThresholdCents = money('approvalThresholdCents', text.threshold, true);
    const reviewDeadlineDays = Number(text.reviewDays);
    if (!Number.isInteger(reviewDeadlineDays) || reviewDeadlineDays < 1)
      own.push({ path: 'reviewDeadlineDays', message: tr('numberInvalid') });
    for (const key of ['opensAt', 'closesAt'] as const)
      if (draft[key] !== null && !/^\d{4}-\d{2}-\d{2}$/.test(draft[key]))
        own.push({ path: key, message: tr('dateInvalid') });
    if (own.length) {
      setErrors(own);
      setSaved(false);
      setFocusKey((k) => k + 1);
      return;
    }
    save.mutate({
      kind: 'save',
      draft: {
        ...draft,
        maxAmountCents: maxAmountCents!,
        budgetCents,
        approvalThresholdCents,
        reviewDeadlineDays,
      },
    });
  };

  const summary: SummaryError[] = errors.map((e) => ({
    fieldId: DETAIL_IDS[e.path],
    message: DETAIL_IDS[e.path] ? e.message : `${e.path}: ${e.message}`,
  }));
  const name = program.draft.name[language] || program.draft.name.en;
  return (
    <>
      <PageTitle>{name}</PageTitle>
      <p className="usa-intro">{tr('programLead')}</p>
      <p>
        {tr(`status_${program.status}`)}
        {program.liveVersion ? ` · ${tr('version')}: ${program.liveVersion}` : null}
      </p>
      <HelpPanel content={programsHelp} />
      <p>
        <Link to={`/admin/programs/${program.id}/decision-rules`}>{tr('decisionRulesLink')}</Link>
      </p>
      <form className="usa-form usa-form--large maxw-full" onSubmit={onSave} noValidate>
        <ErrorSummary errors={summary} focusKey={focusKey} />
        {save.isError && errors.length === 0 ? <ProblemAlert error={save.error} /> : null}
        {saved ? (
          <Alert tone="success" slim role="status">
            {tr('saved')}
          </Alert>
        ) : null}
        <h2>{tr('detailsHeading')}</h2>
        <DetailsFields
          draft={draft}
          text={text}
          live={program.status !== 'draft'}
          errorFor={errorFor}
          onDraft={(patch) => {
            setSaved(false);
            setDraft((d) => ({ ...d, ...patch }));
          }}
          onText={(patch) => {
            setSaved(false);
            setText((t) => ({ ...t, ...patch }));
          }}
        />
        {/* ── Question builder (program-form feature): the form's questions and its live preview. ── */}
        <section aria-label={tr('builderRegion')} className="margin-top-4">
          <h2>{tr('formHeading')}</h2>
          <FormBuilder
            value={draft.questionSet}
            onChange={(questionSet) => {
              setSaved(false);
              setDraft((d) => ({ ...d, questionSet }));
            }}
          />
        </section>
        {/* ── End of the question builder region. ── */}
        <RulesEditor
          programId={program.id}
          draft={draft}
          onChange={(eligibilityRules) => {
            setSaved(false);
            setDraft((d) => ({ ...d, eligibilityRules }));
          }}
        />
        <button type="submit" className="usa-button margin-top-3" disabled={save.isPending}>
          {tr('saveDraft')}
        </button>
      </form>
      <PublishPanel
        program={program}
        pending={action.isPending}
        error={action.isError ? action.error : null}
        done={done}
        run={run}
      />
      <VersionsPanel programId={program.id} pending={action.isPending} run={run} />
      <p className="margin-top-4">
        <Link to="/admin/programs">{tr('back')}</Link>
      </p>
    </>
  );
}

/** Admin: one program — details in both languages, form, rules with counts, checklist, publishing, versions. */
export function ProgramRoute({ FormBuilder }: { FormBuilder: FormBuilderSlot }) {
  const tr = useT(programsMessages);
  const { programId = '' } = useParams();
  const program = useQuery(adminProgramQueryOptions(programId));
  if (program.isPending) return <LoadingState label={tr('loading')} />;
  if (program.isError)
    return (
      <>
        <PageTitle>{tr('listTitle')}</PageTitle>
        <ProblemAlert error={program.error} onRetry={() => void program.refetch()} />
      </>
    );
  return <ProgramEditor key={program.data.id} program={program.data} FormBuilder={FormBuilder} />;
}
