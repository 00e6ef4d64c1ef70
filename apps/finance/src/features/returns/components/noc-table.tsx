import { nocStatusLabels } from '@hms/contracts/labels';
import { ScrollableTable, useLabel, useT } from '@hms/ui';
import type { Noc } from '../api/returns.ts';
import { returnsMessages } from '../messages.ts';

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
    <ScrollableTable caption={tr('nocCaption')} captionId="noc-caption" captionHidden>
      <thead>
        <tr>
          <th scope="col">{tr('reference')}</th>
          <th scope="col">{tr('code')}</th>
          <th scope="col">{tr('current')}</th>
          <th scope="col">{tr('corrected')}</th>
          <th scope="col">{tr('status')}</th>
          {canDecide ? <th scope="col">{tr('actions')}</th> : null}
        </tr>
      </thead>
      <tbody>
        {nocs.map((n) => (
          <tr key={n.id}>
            <th scope="row" className="text-no-wrap">
              {n.reference}
              <div className="usa-hint">{n.payeeName}</div>
            </th>
            <td className="text-wrap">
              {n.changeCode} {n.description}
            </td>
            <td className="text-wrap">{describe({ ...n.current, holderName: null })}</td>
            <td className="text-wrap">{describe(n.corrected)}</td>
            <td>{label(nocStatusLabels[n.status])}</td>
            {canDecide ? (
              <td>
                {n.status === 'pending' ? (
                  <ul className="usa-button-group">
                    <li className="usa-button-group__item">
                      <button
                        type="button"
                        className="usa-button"
                        disabled={busy}
                        onClick={() => onDecide(n.id, 'confirm')}
                      >
                        {tr('confirm', { reference: n.reference })}
                      </button>
                    </li>
                    <li className="usa-button-group__item">
                      <button
                        type="button"
                        className="usa-button usa-button--outline"
                        disabled={busy}
                        onClick={() => onDecide(n.id, 'dismiss')}
                      >
                        {tr('dismiss', { reference: n.reference })}
                      </button>
                    </li>
                  </ul>
                ) : null}
              </td>
            ) : null}
          </tr>
        ))}
      </tbody>
    </ScrollableTable>
  );
}
