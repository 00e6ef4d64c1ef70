import { nocStatusLabels } from '@hms/contracts/labels';
import { ButtonGroup, DataTable, useLabel, useT } from '@hms/ui';
import type { Noc } from '../api/returns.ts';
import { returnsMessages } from '../messages.ts';
import { PayeeReference } from '../../../shared/payee-reference.tsx';

export interface NocTableProps {
  nocs: Noc[];
  canDecide: boolean;
  busy: boolean;
  onDecide: (id: string, decision: 'confirm' | 'dismiss') => void;
}

function describe(c: {
  routingNumber: string | null;
  accountLast4: string | null;
  accountType: string | null;
  holderName: string | null;
}) {
  return [
    c.routingNumber ? `routing ${c.routingNumber}` : null,
    c.accountLast4 ? `account ••••${c.accountLast4}` : null,
    c.accountType,
    c.holderName,
  ]
    .filter(Boolean)
    .join(', ');
}

export function NocTable({ nocs, canDecide, busy, onDecide }: NocTableProps) {
  const tr = useT(returnsMessages);
  const label = useLabel();
  return (
    <DataTable
      caption={tr('nocCaption')}
      captionId="noc-caption"
      captionHidden
      rows={nocs}
      columns={[
        {
          header: tr('reference'),
          rowHeader: true,
          className: 'text-no-wrap',
          cell: (n) => <PayeeReference reference={n.reference} payeeName={n.payeeName} />,
        },
        {
          header: tr('code'),
          className: 'text-wrap',
          cell: (n) => (
            <>
              {n.changeCode} {n.description}
            </>
          ),
        },
        {
          header: tr('current'),
          className: 'text-wrap',
          cell: (n) => describe({ ...n.current, holderName: null }),
        },
        { header: tr('corrected'), className: 'text-wrap', cell: (n) => describe(n.corrected) },
        { header: tr('status'), cell: (n) => label(nocStatusLabels[n.status]) },
        canDecide && {
          header: tr('actions'),
          cell: (n) =>
            n.status === 'pending' ? (
              <ButtonGroup>
                <button
                  type="button"
                  className="usa-button"
                  disabled={busy}
                  onClick={() => onDecide(n.id, 'confirm')}
                >
                  {tr('confirm', { reference: n.reference })}
                </button>
                <button
                  type="button"
                  className="usa-button usa-button--outline"
                  disabled={busy}
                  onClick={() => onDecide(n.id, 'dismiss')}
                >
                  {tr('dismiss', { reference: n.reference })}
                </button>
              </ButtonGroup>
            ) : null,
        },
      ]}
    />
  );
}
