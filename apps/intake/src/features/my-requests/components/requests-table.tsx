import type { MyRequestItem } from '@hms/contracts/landing';
import { ScrollableTable, formatCents, formatDate, useLanguage, useT } from '@hms/ui';
import { Link } from 'react-router';
import { myRequestsMessages } from '../messages.ts';
import { StatusTag } from '../../../shared/status/status-tag.tsx';

export function RequestsTable({ items }: { items: MyRequestItem[] }) {
  const tr = useT(myRequestsMessages);
  const { language } = useLanguage();
  return (
    <ScrollableTable caption={tr('caption')} label={tr('caption')} captionHidden>
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
        </tr>
      </thead>
      <tbody>
        {items.map((item) => (
          <tr key={item.id}>
            <th scope="row" className="font-mono-xs">
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
            <td>{item.programName[language]}</td>
            <td className="text-right text-tabular">
              {formatCents(item.amountRequestedCents, language)}
            </td>
            <td>
              <StatusTag status={item.status} />
            </td>
            <td>
              {item.submittedAt ? formatDate(item.submittedAt, language) : tr('notSubmitted')}
            </td>
            <td>{formatDate(item.updatedAt, language)}</td>
          </tr>
        ))}
      </tbody>
    </ScrollableTable>
  );
}
