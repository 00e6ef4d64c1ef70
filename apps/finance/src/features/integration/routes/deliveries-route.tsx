import { LoadingState, PageTitle, ProblemAlert, SelectField, useT } from '@hms/ui';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import {
  deliveriesQueryOptions,
  redeliverMutationOptions,
  type DeliveryStatus,
} from '../api/deliveries.ts';
import { DeliveriesTable } from '../components/deliveries-table.tsx';
import { integrationMessages } from '../messages.ts';

const STATUSES: DeliveryStatus[] = ['pending', 'delivered', 'failed', 'dead'];

export function DeliveriesRoute() {
  const tr = useT(integrationMessages);
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<DeliveryStatus | 'all'>('all');
  const [announce, setAnnounce] = useState('');
  const deliveries = useQuery(deliveriesQueryOptions(status));
  const redeliver = useMutation({
    ...redeliverMutationOptions(),
    onSuccess: (d) => {
      setAnnounce(tr('redelivered', { event: d.eventType }));
      void queryClient.invalidateQueries({ queryKey: ['finance', 'webhook-deliveries'] });
    },
  });
  return (
    <>
      <PageTitle>{tr('title')}</PageTitle>
      <p className="usa-intro">{tr('lead')}</p>
      <div className="maxw-mobile-lg">
        <SelectField
          id="delivery-status"
          label={tr('filter')}
          value={status}
          onChange={(e) => setStatus(e.target.value as DeliveryStatus | 'all')}
          options={[
            { value: 'all', label: tr('all') },
            ...STATUSES.map((s) => ({ value: s, label: tr(`status_${s}`) })),
          ]}
        />
      </div>
      <div role="status" aria-live="polite" className="margin-y-1">
        {announce}
      </div>
      {redeliver.isError ? <ProblemAlert error={redeliver.error} /> : null}
      {deliveries.isPending ? (
        <LoadingState label={tr('loading')} />
      ) : deliveries.isError ? (
        <ProblemAlert error={deliveries.error} onRetry={() => void deliveries.refetch()} />
      ) : deliveries.data.length === 0 ? (
        <p>{tr('empty')}</p>
      ) : (
        <DeliveriesTable
          deliveries={deliveries.data}
          busy={redeliver.isPending}
          onRedeliver={(d) => redeliver.mutate(d.id)}
        />
      )}
    </>
  );
}
