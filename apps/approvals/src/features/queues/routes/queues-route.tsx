import { inboxCountsQueryOptions } from '@hms/api-client';
import { EmptyState, LoadingState, PageTitle, ProblemAlert, useT } from '@hms/ui';
import { useQuery } from '@tanstack/react-query';
import { QueueCounts } from '../components/queue-counts.tsx';
import { queueMessages } from '../messages.ts';

export function QueuesRoute() {
  const tr = useT(queueMessages);
  const counts = useQuery(inboxCountsQueryOptions());
  return (
    <>
      <PageTitle>{tr('title')}</PageTitle>
      <p className="usa-intro">{tr('lead')}</p>
      {counts.isPending ? (
        <LoadingState label={tr('loading')} />
      ) : counts.isError ? (
        <ProblemAlert error={counts.error} onRetry={() => void counts.refetch()} />
      ) : (
        <>
          {counts.data.all === 0 ? (
            <EmptyState title={tr('emptyTitle')}>
              <p>{tr('emptyBody')}</p>
            </EmptyState>
          ) : null}
          <QueueCounts counts={counts.data} />
        </>
      )}
    </>
  );
}
