import { ProblemAlert } from '@hms/ui';
import { useEffect, useRef, type ReactNode } from 'react';

/**
 * The citizen's "are you sure?" before a step that cannot be undone (deleting a draft, withdrawing a request): a
 * warning headed by the question, which takes focus when the panel opens (and again when `focusKey` changes), what
 * the step does, the refusal of a try, then the step (off while it runs) and the way back. The caller acts, and
 * hands focus back on cancel.
 */
export function ConfirmPanel({
  title,
  headingLevel,
  regionId,
  className,
  focusKey,
  body,
  error,
  confirmLabel,
  busy,
  onConfirm,
  cancelLabel,
  onCancel,
}: {
  title: ReactNode;
  headingLevel: 2 | 3;
  /** The heading's id, when the panel is a region of the page named by it. */
  regionId?: string;
  /** Spacing utilities around the panel. */
  className?: string;
  focusKey?: string;
  body: ReactNode;
  /** The last try's failure, shown above the buttons; null when there is none. */
  error: unknown;
  confirmLabel: string;
  busy: boolean;
  onConfirm: () => void;
  cancelLabel: string;
  onCancel: () => void;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [focusKey]);
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <div
      className={`usa-alert usa-alert--warning${className ? ` ${className}` : ''}`}
      {...(regionId ? { role: 'region', 'aria-labelledby': regionId } : {})}
    >
      <div className="usa-alert__body">
        <Heading className="usa-alert__heading" id={regionId} tabIndex={-1} ref={heading}>
          {title}
        </Heading>
        <p className="usa-alert__text">{body}</p>
        {error ? <ProblemAlert error={error} headingLevel={3} /> : null}
        <div className="margin-top-2">
          <button
            type="button"
            className="usa-button usa-button--secondary"
            disabled={busy}
            onClick={onConfirm}
          >
            {confirmLabel}
          </button>
          <button type="button" className="usa-button usa-button--outline" onClick={onCancel}>
            {cancelLabel}
          </button>
        </div>
      </div>
    </div>
  );
}
