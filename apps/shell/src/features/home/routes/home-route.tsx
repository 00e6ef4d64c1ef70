import { isApiProblem, programsQueryOptions } from '@hms/api-client';
import {
  formatCents,
  LoadingState,
  PageTitle,
  ProblemAlert,
  useLanguage,
  useT,
  PageIntro,
} from '@hms/ui';
import { useQuery } from '@tanstack/react-query';
import { Link, Navigate } from 'react-router';
import { shellMessages } from '../../../app/messages.ts';
import { homePathFor } from '../../../app/navigation.ts';
import { useSession } from '../../../app/session.ts';

const TEASER_COUNT = 3;

/** Signed-out visitors get a welcome with a few services; the catalog itself lives in the intake remote. */
function ProgramTeaser() {
  const tr = useT(shellMessages);
  const { language } = useLanguage();
  const programs = useQuery(programsQueryOptions());
  if (programs.isPending) return <LoadingState />;
  if (programs.isError) {
    // A catalog that needs sign-in is not an error for a welcome page: simply show no teaser.
    if (isApiProblem(programs.error) && programs.error.status === 401) return null;
    return <ProblemAlert error={programs.error} onRetry={() => void programs.refetch()} />;
  }
  const items = programs.data.slice(0, TEASER_COUNT);
  return (
    <section aria-labelledby="services-teaser" className="margin-top-5">
      <h2 id="services-teaser">{tr('welcomeServicesTitle')}</h2>
      {items.length === 0 ? (
        <p>{tr('noPrograms')}</p>
      ) : (
        <ul className="usa-card-group">
          {items.map((program) => (
            <li key={program.id} className="usa-card tablet:grid-col-4">
              <div className="usa-card__container">
                <div className="usa-card__header">
                  <h3 className="usa-card__heading">
                    <Link to={`/services/${program.slug}`}>{program.name[language]}</Link>
                  </h3>
                </div>
                <div className="usa-card__body">
                  <p>{program.description[language]}</p>
                  <p>
                    <span className={`usa-tag${program.acceptingApplications ? ' bg-green' : ''}`}>
                      {program.acceptingApplications ? tr('programOpen') : tr('programClosed')}
                    </span>{' '}
                    {tr('programUpTo', { amount: formatCents(program.maxAmountCents, language) })}
                  </p>
                </div>
              </div>
            </li>
          ))}
        </ul>
      )}
      <p>
        <Link to="/services">{tr('welcomeAllServices')}</Link>
      </p>
    </section>
  );
}

export function HomeRoute() {
  const tr = useT(shellMessages);
  const { user, isPending, error, refetch } = useSession();
  if (isPending) return <LoadingState />;
  if (error) return <ProblemAlert error={error} onRetry={() => void refetch()} />;
  if (user) {
    const home = homePathFor(user);
    if (home) return <Navigate to={home} replace />;
    return (
      <>
        <PageTitle>{tr('signedInHomeTitle', { name: user.displayName })}</PageTitle>
        <p className="usa-intro">{tr('signedInHomeBody')}</p>
      </>
    );
  }
  return (
    <>
      <PageIntro title={tr('welcomeTitle')} lead={tr('welcomeLead')} />
      <p>
        <Link className="usa-button" to="/register">
          {tr('welcomeCreate')}
        </Link>
        <Link className="usa-button usa-button--outline" to="/sign-in">
          {tr('signIn')}
        </Link>
      </p>
      <ProgramTeaser />
    </>
  );
}
