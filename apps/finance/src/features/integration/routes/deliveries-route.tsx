import { deliveryKeys } from '@hms/api-client';
import { Pager, QueryState, SelectField, useT, PageIntro } from '@hms/ui';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { deliveriesQueryOptions, redeliverMutationOptions } from '../api/deliveries.ts';
import type { DeliveryStatus } from '../api/deliveries.ts';
import { DeliveriesTable } from '../components/deliveries-table.tsx';
import { integrationMessages } from '../messages.ts';
import { integrationHelp } from '../help.ts';
import { ActionOutcome } from '../../../shared/action-outcome.tsx';

const STATUSES: DeliveryStatus[] = ['pending', 'delivered', 'failed', 'dead'];
const isStatus = (v: string | null): v is DeliveryStatus =>
  (STATUSES as (string | null)[]).includes(v);

export function DeliveriesRoute() {
  const tr = useT(integrationMessages);
  const queryClient = useQueryClient();
  // Filter and page live in the URL (shareable; the back button returns to the page before).
  const [params, setParams] = useSearchParams();
  const rawStatus = params.get('status');
  const status: DeliveryStatus | 'all' = isStatus(rawStatus) ? rawStatus : 'all';
  const cursor = params.get('cursor') ?? undefined;
  const [announce, setAnnounce] = useState('');
  const deliveries = useQuery(deliveriesQueryOptions(status, cursor));
  const redeliver = useMutation({
    ...redeliverMutationOptions(),
    onSuccess: (d) => {
      setAnnounce(tr('redelivered', { event: d.eventType }));
      void queryClient.invalidateQueries({ queryKey: deliveryKeys.all });
    },
  });
  return (
    <>
      <PageIntro title={tr('title')} lead={tr('lead')} help={integrationHelp} />
      <div className="maxw-mobile-lg">
        <SelectField
          id="delivery-status"
          label={tr('filter')}
          value={status}
          onChange={(e) => setParams(isStatus(e.target.value) ? { status: e.target.value } : {})}
          options={[
            { value: 'all', label: tr('all') },
            ...STATUSES.map((s) => ({ value: s, label: tr(`status_${s}`) })),
          ]}
        />
      </div>
      <ActionOutcome status={announce} failures={[redeliver.error]} className="margin-y-1" />
      <QueryState query={deliveries} loading={tr('loading')} empty={<p>{tr('empty')}</p>}>
        {(data) => (
          <>
            <DeliveriesTable
              deliveries={data.items}
              busy={redeliver.isPending}
              onRedeliver={(d) => redeliver.mutate(d.id)}
            />
            <Pager
              label={tr('pages')}
              prevCursor={data.prevCursor}
              nextCursor={data.nextCursor}
              onPage={(c) => setParams({ ...(status === 'all' ? {} : { status }), cursor: c })}
            />
          </>
        )}
      </QueryState>
    </>
  );
}
