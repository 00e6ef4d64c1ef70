import type { RequestDetail } from '../../../shared/requests/request-api.ts';
import { useT } from '@hms/ui';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { ConfirmPanel } from '../../../shared/confirm-panel.tsx';
import { withdrawMutationOptions } from '../api/requests-api.ts';
import { requestMessages } from '../messages.ts';

/** Withdraw, with a confirmation step that takes focus (and gives it back on cancel). */
export function WithdrawPanel({ detail, onDone }: { detail: RequestDetail; onDone: () => void }) {
  const tr = useT(requestMessages);
  const queryClient = useQueryClient();
  const withdraw = useMutation(withdrawMutationOptions(queryClient, detail.id));
  const [confirming, setConfirming] = useState(false);
  const openButton = useRef<HTMLButtonElement>(null);

  return (
    <section aria-labelledby="withdraw-title" className="margin-top-5">
      <h2 id="withdraw-title">{tr('withdrawTitle')}</h2>
      {!confirming ? (
        <>
          <p>{tr('withdrawBody')}</p>
          <button
            ref={openButton}
            type="button"
            className="usa-button usa-button--secondary"
            onClick={() => setConfirming(true)}
          >
            {tr('withdraw')}
          </button>
        </>
      ) : (
        <ConfirmPanel
          title={tr('withdrawConfirmTitle', { reference: detail.reference })}
          headingLevel={3}
          body={tr('withdrawConfirmBody')}
          error={withdraw.isError ? withdraw.error : null}
          confirmLabel={tr('withdrawYes')}
          busy={withdraw.isPending}
          onConfirm={() => withdraw.mutate(undefined, { onSuccess: onDone })}
          cancelLabel={tr('withdrawCancel')}
          onCancel={() => {
            setConfirming(false);
            setTimeout(() => openButton.current?.focus(), 0);
          }}
        />
      )}
    </section>
  );
}
