import { EmptyState, PageIntro, QueryState, useT } from '@hms/ui';
import { useQuery } from '@tanstack/react-query';
import { agreementQueryOptions, qualitySharesQueryOptions } from '../api/quality-shares.ts';
import { SharesTable } from '../components/shares-table.tsx';
import { qualitySharesMessages } from '../messages.ts';

/** Admin: each program's quality sampling shares. */
export function QualitySharesRoute() {
  const tr = useT(qualitySharesMessages);
  const shares = useQuery(qualitySharesQueryOptions());
  // The rates are extra columns: the shares stay usable if they fail to load.
  const rates = useQuery(agreementQueryOptions());
  return (
    <>
      <PageIntro title={tr('title')} lead={tr('lead')} />
      <QueryState query={shares} loading={tr('loading')} empty={<EmptyState title={tr('empty')} />}>
        {(data) => <SharesTable items={data.items} rates={rates.data} />}
      </QueryState>
    </>
  );
}
