import { forwardRef, type ReactNode } from 'react';

// Whole class names, never `usa-alert--${tone}`: the USWDS build check reads class names from the source.
const TONE_CLASS = {
  success: 'usa-alert usa-alert--success',
  info: 'usa-alert usa-alert--info',
  warning: 'usa-alert usa-alert--warning',
  error: 'usa-alert usa-alert--error',
} as const;

export interface AlertProps {
  tone: keyof typeof TONE_CLASS;
  /**
   * How assistive technology hears it: `status` for the outcome of an action (announced politely), `alert` for a
   * problem to fix now (announced at once), `note` for standing information; none for text that is simply there.
   */
  role?: 'status' | 'alert' | 'note';
  /** The one-line USWDS alert with a small icon, for a sentence beside the thing it is about. */
  slim?: boolean;
  /** Spacing utilities around the alert. */
  className?: string;
  /** -1 when the page moves focus to the alert (the control that caused it is gone). */
  tabIndex?: number;
  /** A heading above the sentence (the USWDS alert heading), at `headingLevel` in the page's outline. */
  heading?: ReactNode;
  headingLevel?: 2 | 3;
  /** A control after the sentence, such as the button that reloads what changed meanwhile. */
  action?: ReactNode;
  /** The sentence (inline content: it is written inside the alert's paragraph). */
  children: ReactNode;
}

/** A USWDS alert holding one sentence: what happened, what is wrong, or what to know before going on. */
export const Alert = forwardRef<HTMLDivElement, AlertProps>(function Alert(
  { tone, role, slim = false, className, tabIndex, heading, headingLevel = 2, action, children },
  ref,
) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <div
      ref={ref}
      className={[TONE_CLASS[tone], slim ? 'usa-alert--slim' : '', className ?? '']
        .filter(Boolean)
        .join(' ')}
      role={role}
      tabIndex={tabIndex}
    >
      <div className="usa-alert__body">
        {heading ? <Heading className="usa-alert__heading">{heading}</Heading> : null}
        <p className="usa-alert__text">{children}</p>
        {action}
      </div>
    </div>
  );
});
