import { programsQueryOptions } from '@hms/api-client';
import { EmptyState, LoadingState, PageTitle, ProblemAlert, useT } from '@hms/ui';
import { useQuery } from '@tanstack/react-query';
import { ProgramCard } from '../components/program-card.tsx';
import { catalogMessages } from '../messages.ts';

export function CatalogRoute() {
  const tr = useT(catalogMessages);
  const programs = useQuery(programsQueryOptions());
  return (
    <>
      <PageTitle>{tr('title')}</PageTitle>
      <p className="usa-intro">{tr('lead')}</p>
      {programs.isPending ? (
        <LoadingState label={tr('loading')} />
      ) : programs.isError ? (
        <ProblemAlert error={programs.error} onRetry={() => void programs.refetch()} />
      ) : programs.data.length === 0 ? (
        <EmptyState title={tr('empty')}>
          <p>{tr('emptyBody')}</p>
        </EmptyState>
      ) : (
        <ul className="usa-card-group">
          {programs.data.map((program) => (
            <ProgramCard key={program.id} program={program} />
          ))}
        </ul>
      )}
    </>
  );
}
