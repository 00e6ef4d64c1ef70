import { ScrollableTable, formatDateTime, useLanguage, useT } from '@hms/ui';
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

// Colours pass WCAG AA contrast with their text; the word carries the meaning, not the colour.
const STATUS_CLASS: Record<OutboxStatus, string> = {
  queued: 'bg-base-lighter text-ink',
  sent: 'bg-green text-white',
  dead: 'bg-secondary-dark text-white',
};

export function OutboxStatusTag({ status }: { status: OutboxStatus }) {
  const tr = useT(outboxMessages);
  return (
    <span className={`usa-tag ${STATUS_CLASS[status]}`} data-status={status}>
      {tr(`outbox_${status}`)}
    </span>
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
    <ScrollableTable caption={tr('outboxCaption')} captionId="outbox-caption">
      <thead>
        <tr>
          <th scope="col">{tr('outboxTo')}</th>
          <th scope="col">{tr('outboxSubject')}</th>
          <th scope="col">{tr('outboxStatus')}</th>
          <th scope="col" className="text-right">
            {tr('outboxAttempts')}
          </th>
          <th scope="col">{tr('outboxLastError')}</th>
          <th scope="col">{tr('outboxCreated')}</th>
          <th scope="col">{tr('outboxSent')}</th>
          {onRetry ? (
            <th scope="col">
              <span className="usa-sr-only">{tr('outboxActions')}</span>
            </th>
          ) : null}
        </tr>
      </thead>
      <tbody>
        {emails.map((e) => (
          <tr key={e.id}>
            <td className="font-mono-xs">{maskEmail(e.toAddress)}</td>
            <th scope="row">{e.subject}</th>
            <td>
              <OutboxStatusTag status={e.status} />
            </td>
            <td className="text-right text-tabular">{e.attempts}</td>
            <td className="text-wrap">{e.lastError ?? tr('outboxNone')}</td>
            <td>{formatDateTime(e.createdAt, language)}</td>
            <td>{e.sentAt ? formatDateTime(e.sentAt, language) : tr('outboxNone')}</td>
            {onRetry ? (
              <td>
                {e.status === 'dead' ? (
                  <button
                    type="button"
                    className="usa-button usa-button--outline"
                    disabled={retrying === e.id}
                    onClick={() => onRetry(e)}
                    aria-label={tr('outboxRetryLabel', { subject: e.subject })}
                  >
                    {tr('outboxRetry')}
                  </button>
                ) : null}
              </td>
            ) : null}
          </tr>
        ))}
      </tbody>
    </ScrollableTable>
  );
}
