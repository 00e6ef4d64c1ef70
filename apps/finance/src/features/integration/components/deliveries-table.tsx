import { ScrollableTable, formatDateTime, useLanguage, useT } from '@hms/ui';
import type { Delivery } from '../api/deliveries.ts';
import { integrationMessages } from '../messages.ts';

export interface DeliveriesTableProps {
  deliveries: Delivery[];
  busy: boolean;
  onRedeliver: (d: Delivery) => void;
}

export function DeliveriesTable({ deliveries, busy, onRedeliver }: DeliveriesTableProps) {
  const tr = useT(integrationMessages);
  const { language } = useLanguage();
  return (
    <ScrollableTable caption={tr('caption')} captionId="deliveries-caption">
      <thead>
        <tr>
          <th scope="col">{tr('event')}</th>
          <th scope="col">{tr('endpoint')}</th>
          <th scope="col">{tr('status')}</th>
          <th scope="col" className="text-right">
            {tr('attempts')}
          </th>
          <th scope="col">{tr('last')}</th>
          <th scope="col">{tr('created')}</th>
          <th scope="col">{tr('actions')}</th>
        </tr>
      </thead>
      <tbody>
        {deliveries.map((d) => (
          <tr key={d.id}>
            <th scope="row">
              {d.eventType}
              <div className="usa-hint font-mono-3xs">{d.eventId}</div>
            </th>
            <td className="text-wrap hms-break-anywhere">{d.endpointUrl}</td>
            <td>{tr(`status_${d.status}`)}</td>
            <td className="text-right text-tabular">{d.attempts}</td>
            <td className="text-wrap">
              {d.lastStatusCode ?? ''} {d.lastError ?? ''}
              {d.nextAttemptAt ? (
                <div className="usa-hint">→ {formatDateTime(d.nextAttemptAt, language)}</div>
              ) : null}
            </td>
            <td className="text-wrap">{formatDateTime(d.createdAt, language)}</td>
            <td className="text-wrap">
              <button
                type="button"
                className="usa-button usa-button--outline"
                disabled={busy || d.status === 'pending'}
                onClick={() => onRedeliver(d)}
              >
                {tr('redeliver', { event: d.eventType })}
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </ScrollableTable>
  );
}
