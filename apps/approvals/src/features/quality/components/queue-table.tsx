import { DataTable, formatCents, formatDateTime, useLanguage, useT } from '@hms/ui';
import { Link } from 'react-router';
import type { QualityQueue } from '../api/quality-api.ts';
import { qualityMessages } from '../messages.ts';

export const recheckHref = (sampleId: string) => `/approvals/quality/${sampleId}`;

/**
 * The samples waiting for a re-check. A sample the reader may not re-check (quality-rules, as the API decides) says
 * why instead of offering a link the API would refuse.
 */
export function QueueTable({ items }: { items: QualityQueue['items'] }) {
  const tr = useT(qualityMessages);
  const { language } = useLanguage();
  return (
    <DataTable
      caption={tr('queue')}
      captionHidden
      rows={items}
      rowKey={(i) => i.sampleId}
      rowProps={(i) => ({ 'data-sample': i.reference })}
      columns={[
        { header: tr('reference'), cell: (i) => i.reference, rowHeader: true },
        { header: tr('program'), cell: (i) => i.program.name },
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
