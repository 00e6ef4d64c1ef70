import { EmptyState, LoadingState, PageTitle, ProblemAlert, useFocusWhen, useT } from '@hms/ui';
import { useRef, useState } from 'react';
import { Link } from 'react-router';
import { useMyRequests, type MyRequestItem } from '../api/use-my-requests.ts';
import { DeleteDraftConfirm } from '../components/delete-draft-confirm.tsx';
import { RequestsTable } from '../components/requests-table.tsx';
import { myRequestsMessages } from '../messages.ts';
import { SuccessNotice } from '../../../shared/success-notice.tsx';

export function MyRequestsRoute() {
  const tr = useT(myRequestsMessages);
  const requests = useMyRequests();
  const [deleting, setDeleting] = useState<MyRequestItem | null>(null);
  const [deleted, setDeleted] = useState<string | null>(null);
  const returnFocus = useRef<HTMLButtonElement | null>(null);
  const notice = useFocusWhen<HTMLDivElement>(deleted);
  return (
    <>
      <PageTitle>{tr('title')}</PageTitle>
      <p className="usa-intro">{tr('lead')}</p>
      {deleted ? (
        <SuccessNotice ref={notice}>{tr('deleted', { reference: deleted })}</SuccessNotice>
      ) : null}
      {deleting ? (
        <DeleteDraftConfirm
          item={deleting}
          onCancel={() => {
            setDeleting(null);
            setTimeout(() => returnFocus.current?.focus(), 0);
          }}
          onDeleted={() => {
            setDeleting(null);
            setDeleted(deleting.reference);
          }}
        />
      ) : null}
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
          <RequestsTable
            items={requests.items}
            onDelete={(item, button) => {
              returnFocus.current = button;
              setDeleted(null);
              setDeleting(item);
            }}
          />
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
