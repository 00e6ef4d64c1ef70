import { financeSummaryQueryOptions } from '@hms/api-client';
import { EmptyState, QueryState, useT, PageIntro } from '@hms/ui';
import { useQuery } from '@tanstack/react-query';
import { ByProgramChart } from '../components/by-program-chart.tsx';
import { ByProgramTable } from '../components/by-program-table.tsx';
import { Totals } from '../components/totals.tsx';
import { summaryMessages } from '../messages.ts';
import { summaryHelp } from '../help.ts';

export function SummaryRoute() {
  const tr = useT(summaryMessages);
  const summary = useQuery(financeSummaryQueryOptions());
  return (
    <>
      <PageIntro title={tr('title')} lead={tr('lead')} help={summaryHelp} />
      <QueryState query={summary} loading={tr('loading')}>
        {(data) => (
          <>
            <Totals totals={data.totals} />
            {data.byProgram.length === 0 ? (
              <EmptyState title={tr('emptyTitle')}>
                <p>{tr('emptyBody')}</p>
              </EmptyState>
            ) : (
              <>
                <ByProgramChart rows={data.byProgram} />
                <ByProgramTable rows={data.byProgram} />
              </>
            )}
          </>
        )}
      </QueryState>
    </>
  );
}
