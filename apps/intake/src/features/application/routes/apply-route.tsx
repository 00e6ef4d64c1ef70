import { isApiProblem, requestKeys } from '@hms/api-client';
import { programClosedMessages } from '@hms/contracts/program-closed';
import {
  Alert,
  loadErrorMessages,
  LoadingState,
  PageTitle,
  ProblemAlert,
  problemText,
  useFocusWhen,
  useLanguage,
  useT,
} from '@hms/ui';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import { Link, Navigate, useNavigate, useParams, useSearchParams } from 'react-router';
import {
  eligibilityQueryOptions,
  requestProgramQueryOptions,
  saveBankMutationOptions,
  saveStepMutationOptions,
  submitKeyFor,
  submitMutationOptions,
  type ProgramDetail,
} from '../api/application-api.ts';
import { requestQueryOptions, type RequestDetail } from '../../../shared/requests/request-api.ts';
import { StepForm } from '../components/step-form.tsx';
import { StepIndicator, type IndicatorStep } from '@hms/intake-form/step-indicator';
import { applicationMessages } from '../messages.ts';

// The bank and check-your-answers pages are loaded when reached: a phone opening a question step downloads only
// what that step needs.
const BankForm = lazy(async () => ({
  default: (await import('../components/bank-form.tsx')).BankForm,
}));
const CheckAnswers = lazy(async () => ({
  default: (await import('../components/check-answers.tsx')).CheckAnswers,
}));

const BANK = 'bank';
const CHECK = 'check';

/** `/my-requests/:requestId/apply/:stepId`: one step of the application at a time, saved to the server on Continue. */
export function ApplyRoute() {
  const { requestId = '', stepId } = useParams();
  const tr = useT(applicationMessages);
  const request = useQuery(requestQueryOptions(requestId));
  const program = useQuery(requestProgramQueryOptions(requestId));
  if (request.isError)
    return <ProblemAlert error={request.error} onRetry={() => void request.refetch()} />;
  if (program.isError)
    return <ProblemAlert error={program.error} onRetry={() => void program.refetch()} />;
  if (!request.data || !program.data) return <LoadingState label={tr('loading')} />;
  const detail = request.data;
  if (detail.status !== 'draft') {
    return (
      <>
        <PageTitle>{tr('notDraft')}</PageTitle>
        <p>
          <Link to={`/my-requests/${detail.id}`}>{tr('viewStatus')}</Link>
        </p>
      </>
    );
  }
  const questionSteps = program.data.questionSet.steps;
  const ids = [...questionSteps.map((s) => s.id), BANK, CHECK];
  if (!stepId || !ids.includes(stepId)) {
    const next =
      questionSteps.find((s) => !detail.completedSteps.includes(s.id))?.id ??
      (detail.bankAccount ? CHECK : BANK);
    return <Navigate to={`/my-requests/${detail.id}/apply/${next}`} replace />;
  }
  return (
    <ApplyStep key={`${stepId}`} stepId={stepId} ids={ids} detail={detail} program={program.data} />
  );
}

function ApplyStep({
  stepId,
  ids,
  detail,
  program,
}: {
  stepId: string;
  ids: string[];
  detail: RequestDetail;
  program: ProgramDetail;
}) {
  const tr = useT(applicationMessages);
  const { language } = useLanguage();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [search] = useSearchParams();
  const fromCheck = search.get('from') === CHECK;
  const [stale, setStale] = useState<string | null>(null);
  const staleRef = useFocusWhen<HTMLDivElement>(stale);
  const saveStep = useMutation(saveStepMutationOptions(queryClient, detail.id));
  const saveBank = useMutation(saveBankMutationOptions(queryClient, detail.id));
  const submit = useMutation(submitMutationOptions(queryClient, detail.id));
  const eligibility = useQuery({
    ...eligibilityQueryOptions(detail.id, language, detail.version),
    enabled: stepId === CHECK,
  });

  const index = ids.indexOf(stepId);
  const path = (id: string) => `/my-requests/${detail.id}/apply/${id}`;
  const goNext = () => navigate(fromCheck ? path(CHECK) : path(ids[index + 1] ?? CHECK));
  const goBack = () =>
    index === 0 ? navigate(`/services/${program.slug}`) : navigate(path(ids[index - 1]!));

  /**
   * 409 on a save: the draft changed elsewhere (or was submitted). The person stays on the page with what they typed
   * and is offered the latest version; any other error goes back to the form to show.
   */
  async function guard(work: Promise<unknown>, then: () => void): Promise<void> {
    try {
      await work;
    } catch (err) {
      if (isApiProblem(err) && err.status === 409) {
        await loadErrorMessages(language);
        setStale(problemText(err, language).message);
        return;
      }
      throw err;
    }
    then();
  }

  const steps: IndicatorStep[] = [
    ...program.questionSet.steps.map((s) => ({
      id: s.id,
      title: s.title[language],
      complete: detail.completedSteps.includes(s.id),
    })),
    { id: BANK, title: tr('bankStep'), complete: detail.bankAccount !== null },
    { id: CHECK, title: tr('checkStep'), complete: false },
  ];
  const step = program.questionSet.steps.find((s) => s.id === stepId);
  const title = step ? step.title[language] : stepId === BANK ? tr('bankTitle') : tr('checkTitle');

  return (
    <>
      <p className="text-base margin-bottom-1">{program.name[language]}</p>
      <StepIndicator steps={steps} currentId={stepId} />
      {program.closedReason ? (
        <Alert tone="warning" slim className="margin-y-2">
          {programClosedMessages[program.closedReason][language]} {tr('draftKept')}
        </Alert>
      ) : null}
      <PageTitle title={`${title} – ${program.name[language]}`}>{title}</PageTitle>
      {stale ? (
        <Alert
          tone="warning"
          role="alert"
          tabIndex={-1}
          ref={staleRef}
          className="margin-y-2"
          heading={tr('stale')}
          action={
            <button
              type="button"
              className="usa-button usa-button--outline"
              onClick={() => {
                setStale(null);
                void queryClient.invalidateQueries({ queryKey: requestKeys.detail(detail.id) });
              }}
            >
              {tr('reloadLatest')}
            </button>
          }
        >
          {stale}
        </Alert>
      ) : null}
      {step ? (
        <StepForm
          // A newer version (loaded after a conflict) starts the form again from what the server holds.
          key={`${step.id}:${detail.version}`}
          questionSet={program.questionSet}
          step={step}
          requestId={detail.id}
          answers={detail.answers}
          documents={detail.documents}
          onBack={goBack}
          onSave={async (answers) => {
            await guard(
              saveStep.mutateAsync({ version: detail.version, step: step.id, answers, language }),
              goNext,
            );
          }}
        />
      ) : stepId === BANK ? (
        <Suspense fallback={<LoadingState label={tr('loading')} />}>
          <BankForm
            key={detail.version}
            payeeType={program.payeeType}
            saved={detail.bankAccount}
            continueTo={path(CHECK)}
            onBack={goBack}
            onSave={async (bank) => {
              await guard(
                saveBank.mutateAsync({ version: detail.version, language, ...bank }),
                () => navigate(path(CHECK)),
              );
            }}
          />
        </Suspense>
      ) : (
        <Suspense fallback={<LoadingState label={tr('loading')} />}>
          <CheckAnswers
            detail={detail}
            questionSet={program.questionSet}
            eligibility={eligibility.data}
            eligibilityError={eligibility.error}
            stepPath={path}
            onBack={goBack}
            onSubmit={async () => {
              const result = await submit.mutateAsync({
                idempotencyKey: submitKeyFor(detail.id),
                language,
              });
              navigate(`/my-requests/${result.id}/confirmation`, { replace: true });
            }}
          />
        </Suspense>
      )}
    </>
  );
}
