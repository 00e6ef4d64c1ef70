import type { RequestDetail } from '../../../shared/requests/request-api.ts';
import { ProblemAlert, useT } from '@hms/ui';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { withdrawMutationOptions } from '../api/requests-api.ts';
import { requestMessages } from '../messages.ts';

/** Withdraw, with a confirmation step that takes focus (and gives it back on cancel). */
export function WithdrawPanel({ detail, onDone }: { detail: RequestDetail; onDone: () => void }) {
  const tr = useT(requestMessages);
  const queryClient = useQueryClient();
  const withdraw = useMutation(withdrawMutationOptions(queryClient, detail.id));
  const [confirming, setConfirming] = useState(false);
  const confirmHeading = useRef<HTMLHeadingElement>(null);
  const openButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (confirming) confirmHeading.current?.focus();
  }, [confirming]);

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
        <div className="usa-alert usa-alert--warning">
          <div className="usa-alert__body">
            <h3 className="usa-alert__heading" tabIndex={-1} ref={confirmHeading}>
              {tr('withdrawConfirmTitle', { reference: detail.reference })}
            </h3>
            <p className="usa-alert__text">{tr('withdrawConfirmBody')}</p>
            {withdraw.isError ? <ProblemAlert error={withdraw.error} headingLevel={3} /> : null}
            <div className="margin-top-2">
              <button
                type="button"
                className="usa-button usa-button--secondary"
                disabled={withdraw.isPending}
                onClick={() => withdraw.mutate(undefined, { onSuccess: onDone })}
              >
                {tr('withdrawYes')}
              </button>
              <button
                type="button"
                className="usa-button usa-button--outline"
                onClick={() => {
                  setConfirming(false);
                  setTimeout(() => openButton.current?.focus(), 0);
                }}
              >
                {tr('withdrawCancel')}
              </button>
            </div>
          </div>
        </div>
      )}
    </section>
  );
}
