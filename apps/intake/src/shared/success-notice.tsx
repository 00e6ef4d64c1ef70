import { forwardRef, type ReactNode } from 'react';

/**
 * A short message that something just worked (a draft deleted, an answer sent). It can take focus (the caller moves
 * focus to it when it appears), so a screen reader says what happened; it is also a status region.
 */
export const SuccessNotice = forwardRef<HTMLDivElement, { children: ReactNode }>(
  function SuccessNotice({ children }, ref) {
    return (
      <div
        className="usa-alert usa-alert--success usa-alert--slim"
        role="status"
        tabIndex={-1}
        ref={ref}
      >
        <div className="usa-alert__body">
          <p className="usa-alert__text">{children}</p>
        </div>
      </div>
    );
  },
);
