import { useEffect, useId, useRef, type ReactNode } from 'react';
import { ButtonGroup } from './ButtonGroup.tsx';

export interface ConfirmActionProps {
  /** The question, naming what the action does to what, e.g. "Revoke the token “Ledger”?". It names the dialog. */
  question: ReactNode;
  /** The confirm button, e.g. "Yes, revoke". */
  confirmLabel: string;
  /** The button that goes back without acting, e.g. "No, go back". */
  cancelLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  /** While the action runs the confirm button is off; it reads busyLabel instead when one is given. */
  busy?: boolean;
  busyLabel?: string;
  /** The confirm button's look: `danger` (USWDS secondary, red; the default) for a destructive action. */
  tone?: 'danger' | 'primary';
  /**
   * Where focus lands when the question opens: on the confirm button (the default), or on the question itself,
   * so that a stray Enter does not act at once.
   */
  focus?: 'confirm' | 'question';
  /** The slim USWDS alert (less padding, no icon), for a question shown in a narrow place. */
  slim?: boolean;
}

/**
 * The inline "are you sure?" step before a dangerous action: a warning alert with the question and two buttons,
 * shown in place of the button that opened it. It is an `alertdialog` named by its question and takes focus when it
 * opens, so keyboard and screen-reader users land on it; the caller hides it (and acts) in onConfirm / onCancel.
 */
export function ConfirmAction({
  question,
  confirmLabel,
  cancelLabel,
  onConfirm,
  onCancel,
  busy = false,
  busyLabel,
  tone = 'danger',
  focus = 'confirm',
  slim = false,
}: ConfirmActionProps) {
  const questionId = useId();
  const questionRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (focus === 'question') questionRef.current?.focus();
  }, [focus]);
  return (
    <div
      className={`usa-alert usa-alert--warning${slim ? ' usa-alert--slim' : ''} margin-y-2`}
      role="alertdialog"
      aria-labelledby={questionId}
    >
      <div className="usa-alert__body">
        <p
          className="usa-alert__text"
          id={questionId}
          ref={questionRef}
          tabIndex={focus === 'question' ? -1 : undefined}
        >
          {question}
        </p>
        <ButtonGroup className="margin-top-1">
          <button
            type="button"
            className={tone === 'danger' ? 'usa-button usa-button--secondary' : 'usa-button'}
            autoFocus={focus === 'confirm'}
            disabled={busy}
            onClick={onConfirm}
          >
            {busy && busyLabel ? busyLabel : confirmLabel}
          </button>
          <button type="button" className="usa-button usa-button--unstyled" onClick={onCancel}>
            {cancelLabel}
          </button>
        </ButtonGroup>
      </div>
    </div>
  );
}
