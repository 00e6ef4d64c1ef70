import {
  EmptyState,
  Pager,
  QueryState,
  ScrollableTable,
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
            <ScrollableTable caption={tr('caption')} captionId="batches-caption">
              <thead>
                <tr>
                  <th scope="col">{tr('file')}</th>
                  <th scope="col">{tr('status')}</th>
                  <th scope="col">{tr('effective')}</th>
                  <th scope="col" className="text-right">
                    {tr('entries')}
                  </th>
                  <th scope="col" className="text-right">
                    {tr('total')}
                  </th>
                  <th scope="col">{tr('builtBy')}</th>
                  <th scope="col">{tr('releasedBy')}</th>
                </tr>
              </thead>
              <tbody>
                {data.items.map((b) => (
                  <tr key={b.id}>
                    <th scope="row">
                      <Link to={`/finance/batches/${b.id}`}>
                        {b.fileDate} {b.fileIdModifier}
                      </Link>
                    </th>
                    <td>{label(batchStatusLabels[b.status])}</td>
                    <td>
                      {formatDate(`${b.effectiveDate}T12:00:00Z`, language, 'UTC')}
                      {b.sameDay ? ` (${tr('sameDay')})` : ''}
                    </td>
                    <td className="text-right text-tabular">
                      {b.entryCount}
                      {b.prenoteCount ? ` · ${tr('prenotes', { count: b.prenoteCount })}` : ''}
                    </td>
                    <td className="text-right text-tabular">
                      {formatCents(b.totalCents, language)}
                    </td>
                    <td>{b.builtBy.name}</td>
                    <td>{b.releasedBy?.name ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </ScrollableTable>
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
