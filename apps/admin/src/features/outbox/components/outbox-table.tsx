import { DataTable, ToneTag, formatDateTime, useLanguage, useT, type Tone } from '@hms/ui';
import type { OutboxEmail, OutboxStatus } from '../api/outbox.ts';
import { outboxMessages } from '../messages.ts';

/**
 * An address shown to the admin without exposing the whole of it: the first and last letter of the mailbox
 * and the full domain (enough to tell a typo or a bouncing domain apart), e.g. `m•••z@example.gov`.
 */
export function maskEmail(address: string): string {
  const at = address.lastIndexOf('@');
  if (at <= 0) return '•••';
  const local = address.slice(0, at);
  const domain = address.slice(at + 1);
  const masked = local.length <= 2 ? `${local[0]}•••` : `${local[0]}•••${local[local.length - 1]}`;
  return `${masked}@${domain}`;
}

const STATUS_TONE: Record<OutboxStatus, Tone> = {
  queued: 'neutral',
  sent: 'good',
  dead: 'bad',
};

export function OutboxStatusTag({ status }: { status: OutboxStatus }) {
  const tr = useT(outboxMessages);
  return (
    <ToneTag tone={STATUS_TONE[status]} data={{ 'data-status': status }}>
      {tr(`outbox_${status}`)}
    </ToneTag>
  );
}

export function OutboxTable({
  emails,
  onRetry,
  retrying,
}: {
  emails: readonly OutboxEmail[];
  /** Sends a dead email again; without it the table has no actions. */
  onRetry?: (email: OutboxEmail) => void;
  /** The email being retried now (its button is disabled). */
  retrying?: string | null;
}) {
  const tr = useT(outboxMessages);
  const { language } = useLanguage();
  return (
    <DataTable
      caption={tr('outboxCaption')}
      rows={emails}
      columns={[
        {
          header: tr('outboxTo'),
          className: 'font-mono-xs',
          cell: (e) => maskEmail(e.toAddress),
        },
        { header: tr('outboxSubject'), rowHeader: true, cell: (e) => e.subject },
        {
          header: tr('outboxStatus'),
          cell: (e) => <OutboxStatusTag status={e.status} />,
        },
        { header: tr('outboxAttempts'), numeric: true, cell: (e) => e.attempts },
        {
          header: tr('outboxLastError'),
          className: 'text-wrap',
          cell: (e) => e.lastError ?? tr('outboxNone'),
        },
        {
          header: tr('outboxCreated'),
          cell: (e) => formatDateTime(e.createdAt, language),
        },
        {
          header: tr('outboxSent'),
          cell: (e) => (e.sentAt ? formatDateTime(e.sentAt, language) : tr('outboxNone')),
        },
        onRetry && {
          header: tr('outboxActions'),
          headerHidden: true,
          cell: (e) =>
            e.status === 'dead' ? (
              <button
                type="button"
                className="usa-button usa-button--outline"
                disabled={retrying === e.id}
                onClick={() => onRetry(e)}
                aria-label={tr('outboxRetryLabel', { subject: e.subject })}
              >
                {tr('outboxRetry')}
              </button>
            ) : null,
        },
      ]}
    />
  );
}
