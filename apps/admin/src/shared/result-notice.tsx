import { forwardRef } from 'react';

/**
 * The outcome of an action, said once: the live region is always on the page so screen readers announce the text
 * when it arrives. The notice can take focus (tabIndex -1) for actions whose own control goes away when they finish,
 * such as a confirmation step.
 */
export const ResultNotice = forwardRef<HTMLDivElement, { text: string | null }>(
  function ResultNotice({ text }, ref) {
    return (
      <div aria-live="polite">
        {text ? (
          <div
            ref={ref}
            tabIndex={-1}
            className="usa-alert usa-alert--success usa-alert--slim margin-y-2"
            role="status"
          >
            <div className="usa-alert__body">
              <p className="usa-alert__text">{text}</p>
            </div>
          </div>
        ) : null}
      </div>
    );
  },
);
