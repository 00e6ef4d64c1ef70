import { paymentStatusLabels } from '@hms/contracts/labels';
import {
  ImportedTag,
  PracticeTag,
  ScrollableTable,
  formatCents,
  useLabel,
  useLanguage,
  useT,
} from '@hms/ui';
import type { Payment } from '../api/payments.ts';
import { paymentsMessages } from '../messages.ts';

/** Read-only list for the statuses that cannot be batched: where each payment is, and why a returned one came back. */
export function PaymentsStatusTable({ payments }: { payments: Payment[] }) {
  const tr = useT(paymentsMessages);
  const label = useLabel();
  const { language } = useLanguage();
  return (
    <ScrollableTable caption={tr('statusCaption')} captionId="payments-status-caption">
      <thead>
        <tr>
          <th scope="col">{tr('reference')}</th>
          <th scope="col">{tr('program')}</th>
          <th scope="col">{tr('payee')}</th>
          <th scope="col" className="text-right">
            {tr('amount')}
          </th>
          <th scope="col">{tr('status')}</th>
          <th scope="col">{tr('effective')}</th>
          <th scope="col">{tr('returnReason')}</th>
        </tr>
      </thead>
      <tbody>
        {payments.map((p) => (
          <tr key={p.id}>
            <th scope="row">
              {p.reference}
              <PracticeTag practice={p.practice} />
              <ImportedTag imported={p.imported} noun="payment" />
            </th>
            <td>{p.programName[language]}</td>
            <td>
              {p.payeeName} ••••{p.accountLast4}
            </td>
            <td className="text-right text-tabular">{formatCents(p.amountCents, language)}</td>
            <td>{label(paymentStatusLabels[p.status])}</td>
            <td>{p.effectiveDate ?? p.prenoteReadyOn ?? '—'}</td>
            <td>{p.returnCode ? `${p.returnCode}: ${p.returnReason?.[language] ?? ''}` : '—'}</td>
          </tr>
        ))}
      </tbody>
    </ScrollableTable>
  );
}
