import { EmptyState, PageIntro, QueryState, useT } from '@hms/ui';
import { useQuery } from '@tanstack/react-query';
import {
  agreementQueryOptions,
  disagreementsQueryOptions,
  queueQueryOptions,
} from '../api/quality-api.ts';
import { AgreementTable } from '../components/agreement-table.tsx';
import { DisagreementsTable } from '../components/disagreements-table.tsx';
import { QueueTable } from '../components/queue-table.tsx';
import { qualityMessages } from '../messages.ts';

/** The quality checks: what waits for a blind re-check, where re-checks disagreed, and the agreement rates. */
export function QualityRoute() {
  const tr = useT(qualityMessages);
  const queue = useQuery(queueQueryOptions());
  const disagreements = useQuery(disagreementsQueryOptions());
  const agreement = useQuery(agreementQueryOptions());
  return (
    <>
      <PageIntro title={tr('title')} lead={tr('lead')} />
      <section aria-labelledby="quality-queue-h" className="margin-bottom-4">
        <h2 id="quality-queue-h">{tr('queue')}</h2>
        <QueryState
          query={queue}
          loading={tr('loading')}
          headingLevel={3}
          empty={<EmptyState title={tr('queueEmpty')} body={tr('queueEmptyBody')} />}
        >
          {(data) => <QueueTable items={data.items} />}
        </QueryState>
      </section>
      <section aria-labelledby="quality-agreement-h" className="margin-bottom-4">
        <h2 id="quality-agreement-h">{tr('agreement')}</h2>
        <p>{tr('agreementLead')}</p>
        <QueryState
          query={agreement}
          loading={tr('loading')}
          headingLevel={3}
          isEmpty={(d) => d.programs.length === 0}
          empty={<EmptyState title={tr('agreementEmpty')} body={tr('agreementEmptyBody')} />}
        >
          {(data) => <AgreementTable rates={data} />}
        </QueryState>
      </section>
      <section aria-labelledby="quality-disagreements-h">
        <h2 id="quality-disagreements-h">{tr('disagreements')}</h2>
        <QueryState
          query={disagreements}
          loading={tr('loading')}
          headingLevel={3}
          empty={
            <EmptyState title={tr('disagreementsEmpty')} body={tr('disagreementsEmptyBody')} />
          }
        >
          {(data) => <DisagreementsTable items={data.items} />}
        </QueryState>
      </section>
    </>
  );
}
