import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useT } from './i18n.tsx';
import { uiMessages } from './messages.ts';
import { markTitleError } from './PageTitle.tsx';

export interface SummaryError {
  /** The id of the input the message is about; the link moves focus there. Without it, the message is plain text. */
  fieldId?: string | undefined;
  message: string;
}

export interface ErrorSummaryProps {
  errors: SummaryError[];
  title?: string;
  /**
   * Changes on every failed submit (e.g. react-hook-form's submitCount) so focus returns to the summary
   * each time, not only the first time it appears.
   */
  focusKey?: unknown;
}

/** A link to a form field that moves focus to it (the error summary's, and any list of problems with fields). */
export function FieldLink({ fieldId, children }: { fieldId: string; children: ReactNode }) {
  return (
    <a
      href={`#${fieldId}`}
      onClick={(event) => {
        const field = document.getElementById(fieldId);
        if (!field) return;
        // Following the bare fragment would scroll but not always focus the input (and would change the URL).
        event.preventDefault();
        field.focus();
        field.scrollIntoView?.({ block: 'center' });
      }}
    >
      {children}
    </a>
  );
}

/**
 * The GOV.UK error summary pattern: shown at the top of a form after a failed submit, it takes focus so
 * screen reader and keyboard users learn at once that something is wrong, and each link jumps to its field. While it
 * shows, the page title starts with "Error: " (the first thing a screen reader reads of a page).
 */
export function ErrorSummary({ errors, title, focusKey }: ErrorSummaryProps) {
  const tr = useT(uiMessages);
  const ref = useRef<HTMLDivElement>(null);
  // A page may hold several forms (a review page: comment, reassign, decision), each with its summary.
  const titleId = useId();
  const hasErrors = errors.length > 0;

  useEffect(() => {
    if (hasErrors) ref.current?.focus();
  }, [hasErrors, focusKey]);

  useEffect(() => (hasErrors ? markTitleError() : undefined), [hasErrors]);

  if (!hasErrors) return null;

  const heading = title ?? tr('errorSummaryTitle');
  return (
    <div
      ref={ref}
      className="usa-alert usa-alert--error margin-bottom-3"
      role="alert"
      tabIndex={-1}
      aria-labelledby={titleId}
    >
      <div className="usa-alert__body">
        <h2 className="usa-alert__heading" id={titleId}>
          {heading}
        </h2>
        <ul className="usa-list usa-list--unstyled">
          {errors.map(({ fieldId, message }, index) => (
            <li key={`${index}:${fieldId ?? ''}:${message}`}>
              {fieldId ? <FieldLink fieldId={fieldId}>{message}</FieldLink> : message}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
