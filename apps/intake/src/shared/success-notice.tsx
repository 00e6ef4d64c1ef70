import { Alert } from '@hms/ui';
import { forwardRef, type ReactNode } from 'react';

/**
 * A short message that something just worked (a draft deleted, an answer sent). It can take focus (the caller moves
 * focus to it when it appears), so a screen reader says what happened; it is also a status region.
 */
export const SuccessNotice = forwardRef<HTMLDivElement, { children: ReactNode }>(
  function SuccessNotice({ children }, ref) {
    return (
      <Alert ref={ref} tone="success" slim role="status" tabIndex={-1}>
        {children}
      </Alert>
    );
  },
);
