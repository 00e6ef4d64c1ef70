import type { MyRequestItem } from '../api/use-my-requests.ts';
import {
  ScrollableTable,
  formatCents,
  formatDate,
  formatPlainDate,
  useLanguage,
  useT,
} from '@hms/ui';
import { Link } from 'react-router';
import { myRequestsMessages } from '../messages.ts';
import { StatusTag } from '../../../shared/status/status-tag.tsx';

/**
 * The citizen's requests. Below 480 px the table stacks (`usa-table--stacked`): each row becomes a card whose cells
 * carry their column name (data-label), so a 320 px phone shows every column without scrolling sideways.
 */
export function RequestsTable({
  items,
  onDelete,
}: {
  items: MyRequestItem[];
  /** Asks to delete a draft; the button passed back is where focus returns if the person changes their mind. */
  onDelete: (item: MyRequestItem, button: HTMLButtonElement) => void;
}) {
  const tr = useT(myRequestsMessages);
  const { language } = useLanguage();
  return (
    <ScrollableTable
      caption={tr('caption')}
      label={tr('caption')}
      captionHidden
      className="usa-table--stacked"
    >
      <thead>
        <tr>
          <th scope="col">{tr('reference')}</th>
          <th scope="col">{tr('service')}</th>
          <th scope="col" className="text-right">
            {tr('amount')}
          </th>
          <th scope="col">{tr('status')}</th>
          <th scope="col">{tr('submitted')}</th>
          <th scope="col">{tr('updated')}</th>
          <th scope="col">{tr('actions')}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((item) => (
          <tr key={item.id}>
            <th scope="row" className="font-mono-xs" data-label={tr('reference')}>
              <Link
                to={
                  item.status === 'draft'
                    ? `/my-requests/${item.id}/apply`
                    : `/my-requests/${item.id}`
                }
              >
                {item.reference}
              </Link>
            </th>
            <td data-label={tr('service')}>{item.programName[language]}</td>
            <td className="text-right text-tabular" data-label={tr('amount')}>
              {item.status === 'draft' && item.amountRequestedCents === 0
                ? tr('notYetGiven')
                : formatCents(item.amountRequestedCents, language)}
            </td>
            <td data-label={tr('status')}>
              <StatusTag status={item.status} />
              {item.estimate?.decisionBy ? (
                <div className="font-body-3xs margin-top-05">
                  {tr('expectedDecision', {
                    date: formatPlainDate(item.estimate.decisionBy, language),
                  })}
                </div>
              ) : item.estimate?.paymentBy ? (
                <div className="font-body-3xs margin-top-05">
                  {tr('expectedPayment', {
                    date: formatPlainDate(item.estimate.paymentBy, language),
                  })}
                </div>
              ) : null}
            </td>
            <td data-label={tr('submitted')}>
              {item.submittedAt ? formatDate(item.submittedAt, language) : tr('notSubmitted')}
            </td>
            <td data-label={tr('updated')}>{formatDate(item.updatedAt, language)}</td>
            <td data-label={tr('actions')}>
              {item.status === 'draft' ? (
                <button
                  type="button"
                  className="usa-button usa-button--unstyled"
                  onClick={(e) => onDelete(item, e.currentTarget)}
                >
                  {tr('deleteDraft')} <span className="usa-sr-only">{item.reference}</span>
                </button>
              ) : (
                <span className="text-base">{tr('noActions')}</span>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </ScrollableTable>
  );
}
