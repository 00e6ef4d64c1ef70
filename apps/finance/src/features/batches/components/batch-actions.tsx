import { ButtonGroup, ConfirmAction, useT } from '@hms/ui';
import { useEffect, useRef, useState } from 'react';
import type { BatchAction, BatchDetail } from '../api/batches.ts';
import { batchesMessages } from '../messages.ts';

export interface BatchActionsProps {
  batch: Pick<BatchDetail, 'can' | 'releaseBlockedCode' | 'status'>;
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
 * inline, with focus moved to the question so keyboard and screen-reader users land on it. When the question
 * closes (answered or not) focus comes back to the buttons once the action is done: to the one that asked if it is
 * still there, else to the first (after a release, the download), else to the place the buttons were.
 */
export function BatchActions({ batch, busy, onAction, onDownload }: BatchActionsProps) {
  const tr = useT(batchesMessages);
  const [confirming, setConfirming] = useState<BatchAction | null>(null);
  const [returnTo, setReturnTo] = useState<{ action: BatchAction; acted: boolean } | null>(null);
  const actionsRef = useRef<HTMLDivElement>(null);
  // An action confirmed has run only once `busy` was seen and ended: the buttons are the batch's new ones then.
  const sawBusy = useRef(false);
  useEffect(() => {
    if (!returnTo || confirming) return;
    if (busy) {
      sawBusy.current = true;
      return;
    }
    if (returnTo.acted && !sawBusy.current) return;
    const place = actionsRef.current;
    const target =
      place?.querySelector<HTMLButtonElement>(`button[data-action="${returnTo.action}"]`) ??
      place?.querySelector<HTMLButtonElement>('button') ??
      place;
    target?.focus();
    sawBusy.current = false;
    setReturnTo(null);
  }, [returnTo, busy, confirming]);
  const close = (action: BatchAction, acted: boolean) => {
    sawBusy.current = false;
    setReturnTo({ action, acted });
    setConfirming(null);
  };

  if (confirming) {
    return (
      <ConfirmAction
        question={tr(CONFIRM[confirming])}
        confirmLabel={tr(confirming)}
        cancelLabel={tr('no')}
        busy={busy}
        busyLabel={tr('working')}
        tone={confirming === 'cancel' ? 'danger' : 'primary'}
        focus="question"
        slim
        onConfirm={() => {
          onAction(confirming);
          close(confirming, true);
        }}
        onCancel={() => close(confirming, false)}
      />
    );
  }

  return (
    <div className="margin-y-2" ref={actionsRef} tabIndex={-1}>
      <ButtonGroup>
        {BUTTONS.filter((b) => batch.can[b.action]).map(({ action, className }) => (
          <button
            key={action}
            data-action={action}
            type="button"
            className={className}
            disabled={busy}
            onClick={action === 'download' ? onDownload : () => setConfirming(action)}
          >
            {tr(action)}
          </button>
        ))}
      </ButtonGroup>
      {batch.status === 'built' && batch.releaseBlockedCode ? (
        <p className="usa-hint">{tr(`block_${batch.releaseBlockedCode}`)}</p>
      ) : null}
    </div>
  );
}
