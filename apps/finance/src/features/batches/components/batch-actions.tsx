import { useT } from '@hms/ui';
import { useEffect, useRef, useState } from 'react';
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

/**
 * The buttons the API allows this user right now (from batch.can); state-changing ones ask for confirmation
 * inline, with focus moved to the question so keyboard and screen-reader users land on it.
 */
export function BatchActions({ batch, busy, onAction, onDownload }: BatchActionsProps) {
  const tr = useT(batchesMessages);
  const [confirming, setConfirming] = useState<BatchAction | null>(null);
  const questionRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (confirming) questionRef.current?.focus();
  }, [confirming]);

  if (confirming) {
    return (
      <div className="usa-alert usa-alert--warning usa-alert--slim margin-y-2">
        <div className="usa-alert__body">
          <p className="usa-alert__text" ref={questionRef} tabIndex={-1}>
            {tr(CONFIRM[confirming])}
          </p>
          <ul className="usa-button-group margin-top-1">
            <li className="usa-button-group__item">
              <button
                type="button"
                className={`usa-button${confirming === 'cancel' ? ' usa-button--secondary' : ''}`}
                disabled={busy}
                onClick={() => {
                  onAction(confirming);
                  setConfirming(null);
                }}
              >
                {busy ? tr('working') : tr(confirming)}
              </button>
            </li>
            <li className="usa-button-group__item">
              <button
                type="button"
                className="usa-button usa-button--unstyled"
                onClick={() => setConfirming(null)}
              >
                {tr('back')}
              </button>
            </li>
          </ul>
        </div>
      </div>
    );
  }

  return (
    <div className="margin-y-2">
      <ul className="usa-button-group">
        {batch.can.release ? (
          <li className="usa-button-group__item">
            <button
              type="button"
              className="usa-button"
              disabled={busy}
              onClick={() => setConfirming('release')}
            >
              {tr('release')}
            </button>
          </li>
        ) : null}
        {batch.can.download ? (
          <li className="usa-button-group__item">
            <button type="button" className="usa-button" disabled={busy} onClick={onDownload}>
              {tr('download')}
            </button>
          </li>
        ) : null}
        {batch.can.settle ? (
          <li className="usa-button-group__item">
            <button
              type="button"
              className="usa-button usa-button--outline"
              disabled={busy}
              onClick={() => setConfirming('settle')}
            >
              {tr('settle')}
            </button>
          </li>
        ) : null}
        {batch.can.cancel ? (
          <li className="usa-button-group__item">
            <button
              type="button"
              className="usa-button usa-button--secondary"
              disabled={busy}
              onClick={() => setConfirming('cancel')}
            >
              {tr('cancel')}
            </button>
          </li>
        ) : null}
      </ul>
      {batch.status === 'built' && batch.releaseBlockedReason ? (
        <p className="usa-hint">{batch.releaseBlockedReason}</p>
      ) : null}
    </div>
  );
}
