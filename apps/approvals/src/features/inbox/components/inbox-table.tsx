import { useEffect, useRef } from 'react';
import { Link } from 'react-router';
import type { InboxItem } from '../api/inbox-api.ts';
import { ImportedTag, PracticeTag, formatCents, formatDate, useLanguage, useT } from '@hms/ui';
import { inboxMessages } from '../messages.ts';
import { ExpectedDate } from './expected-date.tsx';
import { AnsweredBadge, DeadlineBadge, RiskBadge, StatusText } from '../../../shared/badges.tsx';
import { reassignMessages } from '../../../shared/reassign-messages.ts';

export interface InboxTableProps {
  items: InboxItem[];
  active: number;
  selected: ReadonlySet<string>;
  onToggle: (id: string) => void;
  onClaim: (item: InboxItem) => void;
  onRelease: (item: InboxItem) => void;
  /** Opens the reassignment form for the row (offered only where the API allows the viewer to reassign). */
  onReassign: (item: InboxItem) => void;
  busyId: string | null;
  hrefFor: (id: string) => string;
}

/**
 * The queue as a table. The active row (j/k) gets focus on its reference link, so Enter opens it. Each row offers
 * only the actions the API lists for it (allowedActions): claim, release, reassign, and the bulk-approve checkbox.
 */
export function InboxTable({
  items,
  active,
  selected,
  onToggle,
  onClaim,
  onRelease,
  onReassign,
  busyId,
  hrefFor,
}: InboxTableProps) {
  const tr = useT(inboxMessages);
  const trr = useT(reassignMessages);
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
          const can = new Set(item.allowedActions);
          return (
            <tr
              key={item.id}
              className={i === active ? 'bg-primary-lighter' : undefined}
              data-active={i === active || undefined}
            >
              <td data-label="">
                {can.has('approve') ? (
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
                ) : null}
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
                <PracticeTag practice={item.practice} />
                <ImportedTag imported={item.imported} />
                <div className="font-body-3xs text-base">{item.programName[language]}</div>
              </th>
              <td data-label={tr('applicant')}>{item.applicantName}</td>
              <td data-label={tr('amount')} className="text-tabular">
                {formatCents(item.amountRequestedCents, language)}
              </td>
              <td data-label={tr('status')}>
                <StatusText status={item.status} />
                <AnsweredBadge at={item.infoAnsweredAt} />
                {item.submittedAt ? (
                  <div className="font-body-3xs text-base">
                    {formatDate(item.submittedAt, language)}
                  </div>
                ) : null}
              </td>
              <td data-label={tr('deadline')}>
                <DeadlineBadge state={item.deadline} />
                {item.estimate ? <ExpectedDate estimate={item.estimate} /> : null}
              </td>
              <td data-label={tr('risk')}>
                <RiskBadge level={item.riskLevel} />
              </td>
              <td data-label={tr('assignee')}>{item.assignee?.name ?? tr('nobody')}</td>
              <td data-label={tr('actions')}>
                {can.has('claim') ? (
                  <button
                    type="button"
                    className="usa-button usa-button--outline"
                    disabled={busyId === item.id}
                    onClick={() => onClaim(item)}
                    aria-label={tr('claimLabel', { reference: item.reference })}
                  >
                    {tr('claim')}
                  </button>
                ) : can.has('release') ? (
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
                {can.has('reassign') ? (
                  <button
                    type="button"
                    className="usa-button usa-button--unstyled margin-left-1"
                    onClick={() => onReassign(item)}
                    data-reassign={item.id}
                    aria-label={trr('openLabel', { reference: item.reference })}
                  >
                    {trr('open')}
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
