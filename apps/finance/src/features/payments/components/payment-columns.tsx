import { ImportedTag, PracticeTag, formatCents, useLanguage, useT, type Column } from '@hms/ui';
import type { Payment } from '../api/payments.ts';
import { paymentsMessages } from '../messages.ts';

/**
 * The columns every payments table shows the same way: the reference naming the row (with its practice and imported
 * marks), the program, and the amount.
 */
export function usePaymentColumns(): Record<'reference' | 'program' | 'amount', Column<Payment>> {
  const tr = useT(paymentsMessages);
  const { language } = useLanguage();
  return {
    reference: {
      header: tr('reference'),
      rowHeader: true,
      cell: (p) => (
        <>
          {p.reference}
          <PracticeTag practice={p.practice} />
          <ImportedTag imported={p.imported} noun="payment" />
        </>
      ),
    },
    program: { header: tr('program'), cell: (p) => p.programName[language] },
    amount: {
      header: tr('amount'),
      numeric: true,
      cell: (p) => formatCents(p.amountCents, language),
    },
  };
}
