import { EmptyState, LoadingState, PageTitle, ProblemAlert, useT } from '@hms/ui';
import { Link } from 'react-router';
import { useMyRequests } from '../api/use-my-requests.ts';
import { RequestsTable } from '../components/requests-table.tsx';
import { myRequestsMessages } from '../messages.ts';

export function MyRequestsRoute() {
  const tr = useT(myRequestsMessages);
  const requests = useMyRequests();
  return (
    <>
      <PageTitle>{tr('title')}</PageTitle>
      <p className="usa-intro">{tr('lead')}</p>
      {requests.isPending ? (
        <LoadingState label={tr('loading')} />
      ) : requests.isError && requests.items.length === 0 ? (
        <ProblemAlert error={requests.error} onRetry={() => void requests.refetch()} />
      ) : requests.items.length === 0 ? (
        <EmptyState title={tr('empty')}>
          <p>
            {tr('emptyBody')} <Link to="/services">{tr('catalogLink')}</Link>.
          </p>
        </EmptyState>
      ) : (
        <>
          <RequestsTable items={requests.items} />
          {requests.isFetchNextPageError ? (
            <ProblemAlert error={requests.error} onRetry={() => void requests.fetchNextPage()} />
          ) : null}
          {requests.hasNextPage ? (
            <button
              type="button"
              className="usa-button usa-button--outline"
              onClick={() => void requests.fetchNextPage()}
              disabled={requests.isFetchingNextPage}
            >
              {requests.isFetchingNextPage ? tr('loadingMore') : tr('loadMore')}
            </button>
          ) : null}
        </>
      )}
    </>
  );
}
