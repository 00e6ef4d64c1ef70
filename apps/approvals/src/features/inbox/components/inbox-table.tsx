import { useEffect, useRef } from 'react';
import { Link } from 'react-router';
import type { InboxItem } from '@hms/contracts/inbox';
import { formatCents, formatDate, useLanguage, useT } from '@hms/ui';
import { inboxMessages } from '../messages.ts';
import { DeadlineBadge, RiskBadge, StatusText } from '../../../shared/badges.tsx';

export interface InboxTableProps {
  items: InboxItem[];
  currentUserId: string | undefined;
  active: number;
  selected: ReadonlySet<string>;
  onToggle: (id: string) => void;
  onClaim: (item: InboxItem) => void;
  onRelease: (item: InboxItem) => void;
  busyId: string | null;
  hrefFor: (id: string) => string;
}

/** The queue as a table. The active row (j/k) gets focus on its reference link, so Enter opens it. */
export function InboxTable({
  items,
  currentUserId,
  active,
  selected,
  onToggle,
  onClaim,
  onRelease,
  busyId,
  hrefFor,
}: InboxTableProps) {
  const tr = useT(inboxMessages);
  const { language } = useLanguage();
  const links = useRef<Array<HTMLAnchorElement | null>>([]);
  const moved = useRef(false);
  useEffect(() => {
    if (!moved.current) {
      moved.current = true;
      return;
    }
    links.current[active]?.focus();
  }, [active]);

  return (
    <table className="usa-table usa-table--borderless usa-table--stacked width-full">
      <caption>{tr('caption')}</caption>
      <thead>
        <tr>
          <th scope="col">
            <span className="usa-sr-only">{tr('select', { reference: '' })}</span>
          </th>
          <th scope="col">{tr('reference')}</th>
          <th scope="col">{tr('applicant')}</th>
          <th scope="col">{tr('amount')}</th>
          <th scope="col">{tr('status')}</th>
          <th scope="col">{tr('deadline')}</th>
          <th scope="col">{tr('risk')}</th>
          <th scope="col">{tr('assignee')}</th>
          <th scope="col">{tr('actions')}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((item, i) => {
          const mine = item.assignee?.id === currentUserId;
          const claimable =
            !item.assignee &&
            (item.status === 'submitted' || item.status === 'awaiting_second_approval');
          return (
            <tr
              key={item.id}
              className={i === active ? 'bg-primary-lighter' : undefined}
              data-active={i === active || undefined}
            >
              <td data-label="">
                <div className="usa-checkbox bg-transparent">
                  <input
                    className="usa-checkbox__input"
                    id={`sel-${item.id}`}
                    type="checkbox"
                    checked={selected.has(item.id)}
                    onChange={() => onToggle(item.id)}
                  />
                  <label className="usa-checkbox__label margin-top-0" htmlFor={`sel-${item.id}`}>
                    <span className="usa-sr-only">
                      {tr('select', { reference: item.reference })}
                    </span>
                  </label>
                </div>
              </td>
              <th scope="row" data-label={tr('reference')}>
                <Link
                  to={hrefFor(item.id)}
                  ref={(el) => {
                    links.current[i] = el;
                  }}
                  className="usa-link"
                >
                  {item.reference}
                </Link>
                <div className="font-body-3xs text-base">{item.programName}</div>
              </th>
              <td data-label={tr('applicant')}>{item.applicantName}</td>
              <td data-label={tr('amount')} className="text-tabular">
                {formatCents(item.amountRequestedCents, language)}
              </td>
              <td data-label={tr('status')}>
                <StatusText status={item.status} />
                {item.submittedAt ? (
                  <div className="font-body-3xs text-base">
                    {formatDate(item.submittedAt, language)}
                  </div>
                ) : null}
              </td>
              <td data-label={tr('deadline')}>
                <DeadlineBadge state={item.deadline} />
              </td>
              <td data-label={tr('risk')}>
                <RiskBadge level={item.riskLevel} />
              </td>
              <td data-label={tr('assignee')}>{item.assignee?.name ?? tr('nobody')}</td>
              <td data-label={tr('actions')}>
                {claimable ? (
                  <button
                    type="button"
                    className="usa-button usa-button--outline"
                    disabled={busyId === item.id}
                    onClick={() => onClaim(item)}
                    aria-label={tr('claimLabel', { reference: item.reference })}
                  >
                    {tr('claim')}
                  </button>
                ) : mine ? (
                  <button
                    type="button"
                    className="usa-button usa-button--unstyled"
                    disabled={busyId === item.id}
                    onClick={() => onRelease(item)}
                    aria-label={tr('releaseLabel', { reference: item.reference })}
                  >
                    {tr('release')}
                  </button>
                ) : null}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
