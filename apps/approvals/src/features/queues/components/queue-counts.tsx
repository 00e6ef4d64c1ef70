import { formatNumber, useLanguage, useT } from '@hms/ui';
import type { InboxCountsResponse } from '@hms/contracts/landing';
import { queueMessages } from '../messages.ts';

type QueueKey = keyof InboxCountsResponse;

// Order follows an approver's working day: pick up new work, finish own work, then watch what is stuck.
const QUEUES: QueueKey[] = ['unassigned', 'assignedToMe', 'awaitingSecondApproval', 'waitingForCitizen', 'overdue', 'all'];

export function QueueCounts({ counts }: { counts: InboxCountsResponse }) {
  const tr = useT(queueMessages);
  const { language } = useLanguage();
  return (
    <ul className="usa-card-group" aria-label={tr('queuesHeading')}>
      {QUEUES.map((queue) => (
        <li key={queue} className="usa-card tablet:grid-col-4">
          <div className={`usa-card__container${queue === 'overdue' && counts.overdue > 0 ? ' border-secondary-dark' : ''}`}>
            <div className="usa-card__header">
              <h2 className="usa-card__heading">{tr(queue)}</h2>
            </div>
            <div className="usa-card__body">
              <p className="font-sans-2xl text-bold margin-y-0" aria-hidden="true">
                {formatNumber(counts[queue], language)}
              </p>
              <p className="usa-sr-only">
                {counts[queue] === 1 ? tr('request') : tr('requests', { count: formatNumber(counts[queue], language) })}
              </p>
            </div>
          </div>
        </li>
      ))}
    </ul>
  );
}
