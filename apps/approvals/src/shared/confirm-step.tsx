import { useFocusWhen } from '@hms/ui';
import { useId, type ReactNode } from 'react';

export interface ConfirmStepProps {
  /** The question in bold, naming what will happen to what; it names the group. */
  question: ReactNode;
  confirmLabel: string;
  cancelLabel: string;
  /** While the action runs the confirm button is off, so a second press does not act twice. */
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
  /**
   * Focus moves to the question when the step opens (it came from a form the person just sent), so a keyboard or
   * screen-reader user reads it before the buttons.
   */
  focusQuestion?: boolean;
  /** Above the question: the refusal of a previous try. */
  before?: ReactNode;
  /** Between the question and the buttons: what the person should know before they confirm. */
  children?: ReactNode;
  className?: string;
}

/**
 * The approvals screens' confirm step (an approval, a bulk approval, a reassignment): a group named by its question,
 * with a primary confirm button and an outline cancel button.
 */
export function ConfirmStep({
  question,
  confirmLabel,
  cancelLabel,
  busy,
  onConfirm,
  onCancel,
  focusQuestion = false,
  before,
  children,
  className,
}: ConfirmStepProps) {
  const questionId = useId();
  const questionRef = useFocusWhen<HTMLParagraphElement>(focusQuestion);
  return (
    <div role="group" aria-labelledby={questionId} className={className}>
      {before}
      <p
        id={questionId}
        className="text-bold"
        tabIndex={focusQuestion ? -1 : undefined}
        ref={questionRef}
      >
        {question}
      </p>
      {children}
      <button type="button" className="usa-button" disabled={busy} onClick={onConfirm}>
        {confirmLabel}
      </button>
      <button type="button" className="usa-button usa-button--outline" onClick={onCancel}>
        {cancelLabel}
      </button>
    </div>
  );
}
