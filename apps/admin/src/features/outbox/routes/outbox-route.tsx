import { Alert, FilterForm, PageIntro, ProblemAlert, QueryState, SelectField, useT } from '@hms/ui';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { outboxKeys } from '@hms/api-client';
import { useState } from 'react';
import { Link } from 'react-router';
import { outboxQueryOptions, retryEmailMutationOptions } from '../api/outbox.ts';
import type { OutboxEmail, OutboxStatus } from '../api/outbox.ts';
import { OutboxTable } from '../components/outbox-table.tsx';
import { ResultNotice } from '../../../shared/result-notice.tsx';
import { usePagedSearch } from '../../../shared/paged-list.tsx';
import { outboxMessages } from '../messages.ts';
import { outboxHelp } from '../help.ts';

const STATUSES = ['queued', 'sent', 'dead'] as const satisfies readonly OutboxStatus[];
const PAGE_SIZE = 50;

/** Same page, other search: `{ search }` alone keeps the current pathname. */
function hrefFor(status: OutboxStatus | undefined, cursor?: string): { search: string } {
  const p = new URLSearchParams();
  if (status) p.set('status', status);
  if (cursor) p.set('cursor', cursor);
  const qs = p.toString();
  return { search: qs ? `?${qs}` : '' };
}

/** Admin: the email outbox. Status filter and page cursor live in the URL (shareable; back button works). */
export function OutboxRoute() {
  const tr = useT(outboxMessages);
  const { filters, query } = usePagedSearch({ status: STATUSES }, PAGE_SIZE);
  const { status } = filters.values;
  const { cursor } = filters;
  const outbox = useQuery(outboxQueryOptions(query));
  const queryClient = useQueryClient();
  const [retried, setRetried] = useState<OutboxEmail | null>(null);
  const retry = useMutation({
    ...retryEmailMutationOptions(),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: outboxKeys.all }),
  });
  const onRetry = (email: OutboxEmail) => {
    setRetried(null);
    retry.mutate(email.id, { onSuccess: () => setRetried(email) });
  };

  return (
    <>
      <PageIntro title={tr('outboxTitle')} lead={tr('outboxLead')} help={outboxHelp} />
      {outbox.data && !outbox.data.smtpConfigured ? (
        <Alert tone="info" slim className="margin-y-2">
          {tr('smtpMissing')}
        </Alert>
      ) : null}
      <FilterForm filters={filters} label={tr('outboxFilters')} submitLabel={tr('outboxApply')}>
        <SelectField
          id="outbox-status"
          name="status"
          label={tr('outboxShow')}
          defaultValue={status ?? ''}
          placeholder={tr('outboxAll')}
          options={STATUSES.map((s) => ({ value: s, label: tr(`outbox_${s}`) }))}
        />
      </FilterForm>

      <QueryState
        query={outbox}
        loading={tr('outboxLoading')}
        empty={<p>{status ? tr('outboxEmptyStatus') : tr('outboxEmpty')}</p>}
        isEmpty={(data) => data.items.length === 0 && !cursor}
      >
        {(data) => (
          <>
            <ResultNotice
              text={retried ? tr('outboxRetried', { subject: retried.subject }) : null}
            />
            {retry.isError ? <ProblemAlert error={retry.error} /> : null}
            <OutboxTable
              emails={data.items}
              onRetry={onRetry}
              retrying={retry.isPending ? (retry.variables ?? null) : null}
            />
            {cursor || data.nextCursor ? (
              <nav aria-label={tr('outboxPages')} className="margin-top-2">
                <ul className="usa-button-group">
                  {cursor ? (
                    <li className="usa-button-group__item">
                      <Link className="usa-button usa-button--outline" to={hrefFor(status)}>
                        {tr('outboxFirst')}
                      </Link>
                    </li>
                  ) : null}
                  {data.nextCursor ? (
                    <li className="usa-button-group__item">
                      <Link className="usa-button" to={hrefFor(status, data.nextCursor)}>
                        {tr('outboxNext')}
                      </Link>
                    </li>
                  ) : null}
                </ul>
              </nav>
            ) : null}
          </>
        )}
      </QueryState>
    </>
  );
}
