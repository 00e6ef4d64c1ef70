import { programsQueryOptions } from '@hms/api-client';
import { EmptyState, QueryState, useT, PageIntro } from '@hms/ui';
import { useQuery } from '@tanstack/react-query';
import { ProgramCard } from '../components/program-card.tsx';
import { catalogMessages } from '../messages.ts';

export function CatalogRoute() {
  const tr = useT(catalogMessages);
  const programs = useQuery(programsQueryOptions());
  return (
    <>
      <PageIntro title={tr('title')} lead={tr('lead')} />
      <QueryState
        query={programs}
        loading={tr('loading')}
        empty={<EmptyState title={tr('empty')} body={tr('emptyBody')} />}
      >
        {(data) => (
          <ul className="usa-card-group">
            {data.map((program) => (
              <ProgramCard key={program.id} program={program} />
            ))}
          </ul>
        )}
      </QueryState>
    </>
  );
}
