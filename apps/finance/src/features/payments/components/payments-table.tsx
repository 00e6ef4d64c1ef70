import { DataTable, TableCheckbox, useT } from '@hms/ui';
import { useEffect, useRef } from 'react';
import type { Payment } from '../api/payments.ts';
import { paymentsMessages } from '../messages.ts';
import { usePaymentColumns } from './payment-columns.tsx';

export interface PaymentsTableProps {
  payments: Payment[];
  selected: ReadonlySet<string>;
  onToggle: (id: string) => void;
  onToggleAll: (ids: string[], select: boolean) => void;
}

/** Pending payments with a checkbox per row and a tri-state "select all" in the header. */
export function PaymentsTable({ payments, selected, onToggle, onToggleAll }: PaymentsTableProps) {
  const tr = useT(paymentsMessages);
  const { reference, program, amount } = usePaymentColumns();
  const ids = payments.map((p) => p.id);
  const count = ids.filter((id) => selected.has(id)).length;
  const all = count > 0 && count === ids.length;
  const allRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (allRef.current) allRef.current.indeterminate = count > 0 && !all;
  }, [count, all]);
  return (
    <DataTable
      caption={tr('caption')}
      captionId="payments-caption"
      rows={payments}
      columns={[
        {
          header: (
            <TableCheckbox
              ref={allRef}
              id="select-all-payments"
              label={tr('selectAll')}
              checked={all}
              onChange={() => onToggleAll(ids, !all)}
            />
          ),
          cell: (p) => (
            <TableCheckbox
              id={`pay-${p.id}`}
              label={tr('select', { reference: p.reference })}
              checked={selected.has(p.id)}
              onChange={() => onToggle(p.id)}
            />
          ),
        },
        reference,
        program,
        { header: tr('payee'), cell: (p) => p.payeeName },
        { header: tr('account'), cell: (p) => `${p.accountType} ••••${p.accountLast4}` },
        amount,
        {
          header: tr('note'),
          cell: (p) => (p.needsPrenote ? <span className="usa-tag">{tr('prenote')}</span> : null),
        },
      ]}
    />
  );
}
