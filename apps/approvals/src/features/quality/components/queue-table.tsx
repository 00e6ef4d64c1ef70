import { formatCents, formatDateTime, useLanguage, useT } from '@hms/ui';
import { Link } from 'react-router';
import type { QualityQueue } from '../api/quality-api.ts';
import { qualityMessages } from '../messages.ts';
import { SampleTable } from './sample-table.tsx';

export const recheckHref = (sampleId: string) => `/approvals/quality/${sampleId}`;

/**
 * The samples waiting for a re-check. A sample the reader may not re-check (quality-rules, as the API decides) says
 * why instead of offering a link the API would refuse.
 */
export function QueueTable({ items }: { items: QualityQueue['items'] }) {
  const tr = useT(qualityMessages);
  const { language } = useLanguage();
  return (
    <SampleTable
      kind="queue"
      items={items}
      columns={[
        {
          header: tr('amountRequested'),
          cell: (i) => formatCents(i.amountRequestedCents, language),
          numeric: true,
        },
        { header: tr('drawnAt'), cell: (i) => formatDateTime(i.drawnAt, language) },
        {
          header: tr('action'),
          cell: (i) =>
            i.refusal ? (
              <span className="text-base">{tr(`refusal_${i.refusal}`)}</span>
            ) : (
              <Link className="usa-link" to={recheckHref(i.sampleId)}>
                {tr('recheck', { reference: i.reference })}
              </Link>
            ),
        },
      ]}
    />
  );
}
