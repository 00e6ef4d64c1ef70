import { ButtonGroup, ConfirmAction, useT } from '@hms/ui';
import { useState } from 'react';
import type { BatchAction, BatchDetail } from '../api/batches.ts';
import { batchesMessages } from '../messages.ts';

export interface BatchActionsProps {
  batch: Pick<BatchDetail, 'can' | 'releaseBlockedReason' | 'status'>;
  busy: boolean;
  onAction: (action: BatchAction) => void;
  onDownload: () => void;
}

const CONFIRM = {
  release: 'confirmRelease',
  cancel: 'confirmCancel',
  settle: 'confirmSettle',
} as const;

/** The buttons in their order, each shown when batch.can allows it; download acts at once, the others confirm. */
const BUTTONS = [
  { action: 'release', className: 'usa-button' },
  { action: 'download', className: 'usa-button' },
  { action: 'settle', className: 'usa-button usa-button--outline' },
  { action: 'cancel', className: 'usa-button usa-button--secondary' },
] as const;

/**
 * The buttons the API allows this user right now (from batch.can); state-changing ones ask for confirmation
 * inline, with focus moved to the question so keyboard and screen-reader users land on it.
 */
export function BatchActions({ batch, busy, onAction, onDownload }: BatchActionsProps) {
  const tr = useT(batchesMessages);
  const [confirming, setConfirming] = useState<BatchAction | null>(null);

  if (confirming) {
    return (
      <ConfirmAction
        question={tr(CONFIRM[confirming])}
        confirmLabel={tr(confirming)}
        cancelLabel={tr('back')}
        busy={busy}
        busyLabel={tr('working')}
        tone={confirming === 'cancel' ? 'danger' : 'primary'}
        focus="question"
        slim
        onConfirm={() => {
          onAction(confirming);
          setConfirming(null);
        }}
        onCancel={() => setConfirming(null)}
      />
    );
  }

  return (
    <div className="margin-y-2">
      <ButtonGroup>
        {BUTTONS.filter((b) => batch.can[b.action]).map(({ action, className }) => (
          <button
            key={action}
            type="button"
            className={className}
            disabled={busy}
            onClick={action === 'download' ? onDownload : () => setConfirming(action)}
          >
            {tr(action)}
          </button>
        ))}
      </ButtonGroup>
      {batch.status === 'built' && batch.releaseBlockedReason ? (
        <p className="usa-hint">{batch.releaseBlockedReason}</p>
      ) : null}
    </div>
  );
}
