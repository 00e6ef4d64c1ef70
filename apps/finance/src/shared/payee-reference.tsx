import type { ReactNode } from 'react';

/**
 * How a finance table names a payment's row: its reference, with the payee's name under it (left out when the row
 * has no payee, e.g. a batch-level exception).
 */
export function PayeeReference({
  reference,
  payeeName,
}: {
  reference: ReactNode;
  payeeName: string | null | undefined;
}) {
  return (
    <>
      {reference}
      {payeeName ? <div className="usa-hint">{payeeName}</div> : null}
    </>
  );
}
