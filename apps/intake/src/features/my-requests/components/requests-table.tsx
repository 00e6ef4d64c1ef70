import type { MyRequestItem } from '../api/use-my-requests.ts';
import { DataTable, formatCents, formatDate, formatPlainDate, useLanguage, useT } from '@hms/ui';
import { Link } from 'react-router';
import { myRequestsMessages } from '../messages.ts';
import { StatusTag } from '../../../shared/status/status-tag.tsx';

/**
 * The citizen's requests. Below 480 px the table stacks: each row becomes a card whose cells carry their column name,
 * so a 320 px phone shows every column without scrolling sideways.
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
    <DataTable
      caption={tr('caption')}
      label={tr('caption')}
      captionHidden
      stacked
      rows={items}
      columns={[
        {
          header: tr('reference'),
          rowHeader: true,
          className: 'font-mono-xs',
          cell: (item) => (
            <Link
              to={
                item.status === 'draft'
                  ? `/my-requests/${item.id}/apply`
                  : `/my-requests/${item.id}`
              }
            >
              {item.reference}
            </Link>
          ),
        },
        { header: tr('service'), cell: (item) => item.programName[language] },
        {
          header: tr('amount'),
          numeric: true,
          cell: (item) =>
            item.status === 'draft' && item.amountRequestedCents === 0
              ? tr('notYetGiven')
              : formatCents(item.amountRequestedCents, language),
        },
        {
          header: tr('status'),
          cell: (item) => (
            <>
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
            </>
          ),
        },
        {
          header: tr('submitted'),
          cell: (item) =>
            item.submittedAt ? formatDate(item.submittedAt, language) : tr('notSubmitted'),
        },
        { header: tr('updated'), cell: (item) => formatDate(item.updatedAt, language) },
        {
          header: tr('actions'),
          cell: (item) =>
            item.status === 'draft' ? (
              <button
                type="button"
                className="usa-button usa-button--unstyled"
                onClick={(e) => onDelete(item, e.currentTarget)}
              >
                {tr('deleteDraft')} <span className="usa-sr-only">{item.reference}</span>
              </button>
            ) : (
              <span className="text-base">{tr('noActions')}</span>
            ),
        },
      ]}
    />
  );
}
