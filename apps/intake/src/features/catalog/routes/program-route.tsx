import { meQueryOptions } from '@hms/api-client';
import { programClosedMessages } from '@hms/contracts/program-closed';
import {
  Alert,
  formatCents,
  LoadingState,
  PageTitle,
  ProblemAlert,
  QueryState,
  useLanguage,
  useT,
} from '@hms/ui';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router';
import {
  programDraftQueryOptions,
  programQueryOptions,
  startDraftMutationOptions,
} from '../api/catalog-api.ts';
import { catalogMessages } from '../messages.ts';

/** `/services/:slug`: what the service is, who can apply, and "Start application" (or why not). */
export function ProgramRoute() {
  const { slug = '' } = useParams();
  const tr = useT(catalogMessages);
  const { language } = useLanguage();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const program = useQuery(programQueryOptions(slug));
  const me = useQuery(meQueryOptions());
  const start = useMutation(startDraftMutationOptions(queryClient));
  const isCitizen = !!me.data && me.data.roles.includes('citizen');
  const draft = useQuery(programDraftQueryOptions(slug, isCitizen));
  const user = me.data;
  const openDraft = draft.data?.draft ?? null;
  return (
    <QueryState query={program} loading={tr('loadingProgram')}>
      {(p) => (
        <div className="maxw-tablet">
          <p>
            <Link to="/services">{tr('backToServices')}</Link>
          </p>
          <PageTitle>{p.name[language]}</PageTitle>
          <p className="usa-intro">{p.description[language]}</p>
          <h2>{tr('eligibility')}</h2>
          <p>{p.eligibility[language]}</p>
          <dl>
            <dt className="text-bold">{tr('maxAmount')}</dt>
            <dd className="margin-left-0 margin-bottom-1">
              {formatCents(p.maxAmountCents, language)}
            </dd>
            <dt className="text-bold">{tr('deadline')}</dt>
            <dd className="margin-left-0">{tr('deadlineDays', { days: p.reviewDeadlineDays })}</dd>
          </dl>
          <h2>{tr('steps')}</h2>
          <ol className="usa-list">
            {p.questionSet.steps.map((s) => (
              <li key={s.id}>{s.title[language]}</li>
            ))}
            <li>{tr('stepsBank')}</li>
            <li>{tr('stepsCheck')}</li>
          </ol>
          {openDraft ? (
            // A draft already exists: continuing it is the only way forward (one draft per program), even if the program
            // has closed since (the person can still read and delete it).
            <>
              <p>{tr('draftExists', { reference: openDraft.reference })}</p>
              <Link
                className="usa-button usa-button--big"
                to={`/my-requests/${openDraft.id}/apply`}
              >
                {tr('continueDraft')}
              </Link>
            </>
          ) : p.closedReason ? (
            <Alert tone="warning" heading={tr('notAccepting')}>
              {programClosedMessages[p.closedReason][language]}
            </Alert>
          ) : !user ? (
            <Link
              className="usa-button"
              to={`/sign-in?next=${encodeURIComponent(`/services/${p.slug}`)}`}
            >
              {tr('signInToApply')}
            </Link>
          ) : !isCitizen ? (
            <p>{tr('citizensOnly')}</p>
          ) : draft.isPending ? (
            <LoadingState />
          ) : (
            <>
              {start.isError ? <ProblemAlert error={start.error} /> : null}
              <button
                type="button"
                className="usa-button usa-button--big"
                disabled={start.isPending}
                onClick={() =>
                  start.mutate(p.slug, {
                    onSuccess: (draft) => navigate(`/my-requests/${draft.id}/apply`),
                  })
                }
              >
                {start.isPending ? tr('starting') : tr('start')}
              </button>
            </>
          )}
        </div>
      )}
    </QueryState>
  );
}
