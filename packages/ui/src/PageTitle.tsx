import { useEffect, useRef, type ReactNode } from 'react';

let focusPending = false;

/**
 * Called by the shell when the route changes. The next PageTitle to mount (possibly inside a remote that is
 * still downloading) takes focus, so a screen reader announces the new page as it would on a full page load.
 */
export function requestHeadingFocus(root: ParentNode = document): void {
  // Effects run child-first, so the new page's heading is usually mounted already: focus it now.
  // When it is not (a lazy remote still loading), the flag makes it take focus when it mounts.
  const heading = root.querySelector<HTMLElement>('h1.hms-page-title');
  if (heading) {
    focusPending = false;
    heading.focus();
  } else {
    focusPending = true;
  }
}

export const SITE_NAME = 'HMS — Health & Money Services';

/** GOV.UK's convention (the same word in Spanish): a page whose form has errors says so first in its title. */
export const ERROR_TITLE_PREFIX = 'Error: ';

let pageTitle = '';
let errorSummaries = 0;

function applyTitle() {
  const base = pageTitle ? `${pageTitle} | ${SITE_NAME}` : SITE_NAME;
  document.title = errorSummaries > 0 ? `${ERROR_TITLE_PREFIX}${base}` : base;
}

/**
 * Called by an error summary while it shows errors: the page title starts with "Error: " until the returned function
 * is called (errors fixed, or the summary unmounted). The page title itself may change meanwhile (language).
 */
export function markTitleError(): () => void {
  errorSummaries += 1;
  applyTitle();
  let released = false;
  return () => {
    if (released) return;
    released = true;
    errorSummaries -= 1;
    applyTitle();
  };
}

/** Sets document.title and renders the page's one h1. */
export function PageTitle({
  children,
  title,
  className,
}: {
  children: ReactNode;
  title?: string;
  className?: string;
}) {
  const ref = useRef<HTMLHeadingElement>(null);
  const text = title ?? (typeof children === 'string' ? children : '');

  useEffect(() => {
    pageTitle = text;
    applyTitle();
  }, [text]);

  useEffect(() => {
    if (focusPending && ref.current) {
      focusPending = false;
      ref.current.focus();
    }
  }, []);

  return (
    <h1
      ref={ref}
      tabIndex={-1}
      className={className ? `hms-page-title ${className}` : 'hms-page-title'}
    >
      {children}
    </h1>
  );
}
