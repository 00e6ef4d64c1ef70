import { Alert } from '@hms/ui';
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
          <Alert ref={ref} tabIndex={-1} tone="success" slim className="margin-y-2" role="status">
            {text}
          </Alert>
        ) : null}
      </div>
    );
  },
);
