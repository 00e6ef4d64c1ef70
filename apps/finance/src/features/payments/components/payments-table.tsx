import {
  ImportedTag,
  PracticeTag,
  ScrollableTable,
  TableCheckbox,
  formatCents,
  useLanguage,
  useT,
} from '@hms/ui';
import { useEffect, useRef } from 'react';
import type { Payment } from '../api/payments.ts';
import { paymentsMessages } from '../messages.ts';

export interface PaymentsTableProps {
  payments: Payment[];
  selected: ReadonlySet<string>;
  onToggle: (id: string) => void;
  onToggleAll: (ids: string[], select: boolean) => void;
}

/** Pending payments with a checkbox per row and a tri-state "select all" in the header. */
export function PaymentsTable({ payments, selected, onToggle, onToggleAll }: PaymentsTableProps) {
  const tr = useT(paymentsMessages);
  const { language } = useLanguage();
  const ids = payments.map((p) => p.id);
  const count = ids.filter((id) => selected.has(id)).length;
  const all = count > 0 && count === ids.length;
  const allRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (allRef.current) allRef.current.indeterminate = count > 0 && !all;
  }, [count, all]);
  return (
    <ScrollableTable caption={tr('caption')} captionId="payments-caption">
      <thead>
        <tr>
          <th scope="col">
            <TableCheckbox
              ref={allRef}
              id="select-all-payments"
              label={tr('selectAll')}
              checked={all}
              onChange={() => onToggleAll(ids, !all)}
            />
          </th>
          <th scope="col">{tr('reference')}</th>
          <th scope="col">{tr('program')}</th>
          <th scope="col">{tr('payee')}</th>
          <th scope="col">{tr('account')}</th>
          <th scope="col" className="text-right">
            {tr('amount')}
          </th>
          <th scope="col">{tr('note')}</th>
        </tr>
      </thead>
      <tbody>
        {payments.map((p) => (
          <tr key={p.id}>
            <td>
              <TableCheckbox
                id={`pay-${p.id}`}
                label={tr('select', { reference: p.reference })}
                checked={selected.has(p.id)}
                onChange={() => onToggle(p.id)}
              />
            </td>
            <th scope="row">
              {p.reference}
              <PracticeTag practice={p.practice} />
              <ImportedTag imported={p.imported} noun="payment" />
            </th>
            <td>{p.programName[language]}</td>
            <td>{p.payeeName}</td>
            <td>
              {p.accountType} ••••{p.accountLast4}
            </td>
            <td className="text-right text-tabular">{formatCents(p.amountCents, language)}</td>
            <td>{p.needsPrenote ? <span className="usa-tag">{tr('prenote')}</span> : null}</td>
          </tr>
        ))}
      </tbody>
    </ScrollableTable>
  );
}
