import {
  EmptyState,
  Pager,
  QueryState,
  DataTable,
  formatCents,
  formatDate,
  useLanguage,
  useLabel,
  useT,
  PageIntro,
} from '@hms/ui';
import { batchStatusLabels } from '@hms/contracts/labels';
import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { batchesQueryOptions } from '../api/batches.ts';
import { batchesMessages } from '../messages.ts';
import { batchesHelp } from '../help.ts';
import { BatchLink } from '../../../shared/batch-link.tsx';

export function BatchesRoute() {
  const tr = useT(batchesMessages);
  const label = useLabel();
  const { language } = useLanguage();
  // The page is in the URL (shareable, and the back button returns to the page before).
  const [params, setParams] = useSearchParams();
  const cursor = params.get('cursor') ?? undefined;
  // status=built: only the batches waiting for release (what the Today page counts).
  const status = params.get('status') === 'built' ? 'built' : undefined;
  const batches = useQuery(batchesQueryOptions(cursor, status));
  return (
    <>
      <PageIntro title={tr('title')} lead={tr('lead')} help={batchesHelp} />
      {status ? (
        <p>
          {tr('onlyBuilt')} <Link to="/finance/batches">{tr('showAll')}</Link>
        </p>
      ) : null}
      <QueryState
        query={batches}
        loading={tr('loading')}
        empty={
          <EmptyState title={tr('emptyTitle')}>
            <p>
              <Link to="/finance/payments">{tr('emptyBody')}</Link>
            </p>
          </EmptyState>
        }
      >
        {(data) => (
          <>
            <DataTable
              caption={tr('caption')}
              captionId="batches-caption"
              rows={data.items}
              columns={[
                {
                  header: tr('file'),
                  rowHeader: true,
                  cell: (b) => <BatchLink batch={b} />,
                },
                { header: tr('status'), cell: (b) => label(batchStatusLabels[b.status]) },
                {
                  header: tr('effective'),
                  cell: (b) => (
                    <>
                      {formatDate(`${b.effectiveDate}T12:00:00Z`, language, 'UTC')}
                      {b.sameDay ? ` (${tr('sameDay')})` : ''}
                    </>
                  ),
                },
                {
                  header: tr('entries'),
                  numeric: true,
                  cell: (b) => (
                    <>
                      {b.entryCount}
                      {b.prenoteCount ? ` · ${tr('prenotes', { count: b.prenoteCount })}` : ''}
                    </>
                  ),
                },
                {
                  header: tr('total'),
                  numeric: true,
                  cell: (b) => formatCents(b.totalCents, language),
                },
                { header: tr('builtBy'), cell: (b) => b.builtBy.name },
                { header: tr('releasedBy'), cell: (b) => b.releasedBy?.name ?? '—' },
              ]}
            />
            <Pager
              label={tr('pages')}
              prevCursor={data.prevCursor}
              nextCursor={data.nextCursor}
              onPage={(c) => setParams({ ...(status ? { status } : {}), cursor: c })}
            />
          </>
        )}
      </QueryState>
    </>
  );
}
