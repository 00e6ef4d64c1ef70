import { paymentStatusLabels } from '@hms/contracts/labels';
import { DataTable, useLabel, useLanguage, useT } from '@hms/ui';
import type { Payment } from '../api/payments.ts';
import { paymentsMessages } from '../messages.ts';
import { usePaymentColumns } from './payment-columns.tsx';

/** Read-only list for the statuses that cannot be batched: where each payment is, and why a returned one came back. */
export function PaymentsStatusTable({ payments }: { payments: Payment[] }) {
  const tr = useT(paymentsMessages);
  const label = useLabel();
  const { language } = useLanguage();
  const { reference, program, amount } = usePaymentColumns();
  return (
    <DataTable
      caption={tr('statusCaption')}
      captionId="payments-status-caption"
      rows={payments}
      columns={[
        reference,
        program,
        { header: tr('payee'), cell: (p) => `${p.payeeName} ••••${p.accountLast4}` },
        amount,
        { header: tr('status'), cell: (p) => label(paymentStatusLabels[p.status]) },
        { header: tr('effective'), cell: (p) => p.effectiveDate ?? p.prenoteReadyOn ?? '—' },
        {
          header: tr('returnReason'),
          cell: (p) =>
            p.returnCode ? `${p.returnCode}: ${p.returnReason?.[language] ?? ''}` : '—',
        },
      ]}
    />
  );
}
