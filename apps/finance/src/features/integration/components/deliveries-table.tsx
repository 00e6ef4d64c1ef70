import { DataTable, formatDateTime, useLanguage, useT } from '@hms/ui';
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
    <DataTable
      caption={tr('caption')}
      captionId="deliveries-caption"
      rows={deliveries}
      columns={[
        {
          header: tr('event'),
          rowHeader: true,
          cell: (d) => (
            <>
              {d.eventType}
              <div className="usa-hint font-mono-3xs">{d.eventId}</div>
            </>
          ),
        },
        {
          header: tr('endpoint'),
          className: 'text-wrap hms-break-anywhere',
          cell: (d) => d.endpointUrl,
        },
        { header: tr('status'), cell: (d) => tr(`status_${d.status}`) },
        { header: tr('attempts'), numeric: true, cell: (d) => d.attempts },
        {
          header: tr('last'),
          className: 'text-wrap',
          cell: (d) => (
            <>
              {d.lastStatusCode ?? ''} {d.lastError ?? ''}
              {d.nextAttemptAt ? (
                <div className="usa-hint">→ {formatDateTime(d.nextAttemptAt, language)}</div>
              ) : null}
            </>
          ),
        },
        {
          header: tr('created'),
          className: 'text-wrap',
          cell: (d) => formatDateTime(d.createdAt, language),
        },
        {
          header: tr('actions'),
          className: 'text-wrap',
          cell: (d) => (
            <button
              type="button"
              className="usa-button usa-button--outline"
              disabled={busy || d.status === 'pending'}
              onClick={() => onRedeliver(d)}
            >
              {tr('redeliver', { event: d.eventType })}
            </button>
          ),
        },
      ]}
    />
  );
}
