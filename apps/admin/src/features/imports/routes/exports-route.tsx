import { importKinds, type ImportKind } from '@hms/contracts/imports';
import { ButtonGroup, Checkbox, PageTitle, SelectField, useFocusWhen, useT } from '@hms/ui';
import { useRef, useState } from 'react';
import { exportUrl } from '../api/exports.ts';
import { exportMessages } from '../export-messages.ts';

const KIND_LABEL = { payees: 'kindPayees', requests: 'kindRequests' } as const;

/**
 * Admin: /admin/exports (issue 12 item 7): a plain link the browser downloads, so the API streams the file
 * straight to disk whatever its size. Full account numbers are off by default and need a second, explicit step.
 */
export function ExportsRoute() {
  const tr = useT(exportMessages);
  const [kind, setKind] = useState<ImportKind>('payees');
  const [full, setFull] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const confirmRef = useFocusWhen<HTMLHeadingElement>(confirming);
  const fullRef = useRef<HTMLInputElement>(null);
  const fullApplies = kind === 'payees';

  // Back to masked numbers, focus on the choice: a second full-number file needs the same two steps again.
  const cancel = () => {
    setConfirming(false);
    setFull(false);
    fullRef.current?.focus();
  };

  return (
    <>
      <PageTitle>{tr('heading')}</PageTitle>
      <p className="usa-intro">{tr('lead')}</p>
      <div className="usa-form usa-form--large">
        <SelectField
          id="export-kind"
          name="exportKind"
          label={tr('kind')}
          value={kind}
          onChange={(e) => {
            setKind(importKinds.find((k) => k === e.target.value) ?? 'payees');
            setConfirming(false);
          }}
          options={importKinds.map((k) => ({ value: k, label: tr(KIND_LABEL[k]) }))}
        />
        <Checkbox
          id="export-full"
          ref={fullRef}
          className="margin-top-2"
          label={
            <>
              {tr('full')}
              <span className="usa-checkbox__label-description" id="export-full-hint">
                {fullApplies ? tr('fullHint') : tr('fullRequestsHint')}
              </span>
            </>
          }
          checked={full && fullApplies}
          disabled={!fullApplies}
          aria-describedby="export-full-hint"
          onChange={(e) => {
            setFull(e.target.checked);
            setConfirming(false);
          }}
        />
        {fullApplies && !full ? <p className="usa-hint">{tr('maskedNote')}</p> : null}
        {full && fullApplies ? (
          confirming ? (
            <div
              className="usa-alert usa-alert--warning margin-top-2"
              role="alertdialog"
              aria-labelledby="export-confirm-heading"
              aria-describedby="export-confirm-text"
            >
              <div className="usa-alert__body">
                <h2
                  className="usa-alert__heading"
                  id="export-confirm-heading"
                  ref={confirmRef}
                  tabIndex={-1}
                >
                  {tr('confirmHeading')}
                </h2>
                <p className="usa-alert__text" id="export-confirm-text">
                  {tr('confirmText')}
                </p>
                <ButtonGroup className="margin-top-2">
                  <a
                    className="usa-button usa-button--secondary"
                    href={exportUrl('payees', true)}
                    download
                    // After the click: the link must still be in the page when the browser follows it.
                    onClick={() => setTimeout(cancel, 0)}
                  >
                    {tr('confirm')}
                  </a>
                  <button
                    type="button"
                    className="usa-button usa-button--unstyled"
                    onClick={cancel}
                  >
                    {tr('cancel')}
                  </button>
                </ButtonGroup>
              </div>
            </div>
          ) : (
            <ButtonGroup className="margin-top-2">
              <button
                type="button"
                className="usa-button usa-button--secondary"
                onClick={() => setConfirming(true)}
              >
                {tr('downloadFull')}
              </button>
            </ButtonGroup>
          )
        ) : (
          <ButtonGroup className="margin-top-2">
            <a className="usa-button" href={exportUrl(kind, false)} download>
              {tr('download')}
            </a>
          </ButtonGroup>
        )}
      </div>
    </>
  );
}
