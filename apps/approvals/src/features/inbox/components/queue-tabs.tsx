import { formatNumber, useLanguage, useT } from '@hms/ui';
import type { InboxQueue } from '@hms/contracts/inbox';
import type { ResponseBody } from '@hms/api-client';
import { inboxMessages } from '../messages.ts';

type InboxCounts = ResponseBody<'/api/inbox/counts'>;

const QUEUES: Array<[InboxQueue, keyof InboxCounts]> = [
  ['unassigned', 'unassigned'],
  ['mine', 'assignedToMe'],
  ['awaiting_second_approval', 'awaitingSecondApproval'],
  ['waiting_for_citizen', 'waitingForCitizen'],
  ['overdue', 'overdue'],
  ['all', 'all'],
];

/** Queue switcher with live counts. Links (not ARIA tabs) because each queue is its own bookmarkable URL. */
export function QueueTabs({
  current,
  counts,
  hrefFor,
  onSelect,
}: {
  current: InboxQueue;
  counts: InboxCounts | undefined;
  hrefFor: (queue: InboxQueue) => string;
  onSelect: (queue: InboxQueue) => void;
}) {
  const tr = useT(inboxMessages);
  const { language } = useLanguage();
  return (
    <nav aria-label={tr('queues')} className="margin-y-2">
      <ul className="usa-button-group">
        {QUEUES.map(([queue, key]) => (
          <li key={queue} className="usa-button-group__item">
            <a
              href={hrefFor(queue)}
              className={`usa-button${queue === current ? '' : ' usa-button--outline'}`}
              aria-current={queue === current ? 'page' : undefined}
              onClick={(e) => {
                e.preventDefault();
                onSelect(queue);
              }}
            >
              {tr(queue)}
              {counts ? (
                <span className="margin-left-05"> ({formatNumber(counts[key], language)})</span>
              ) : null}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
