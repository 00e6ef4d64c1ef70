import { financeSummaryQueryOptions } from '@hms/api-client';
import { HelpPanel, EmptyState, PageTitle, QueryState, useT } from '@hms/ui';
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
      <PageTitle>{tr('title')}</PageTitle>
      <p className="usa-intro">{tr('lead')}</p>
      <HelpPanel content={summaryHelp} />
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
