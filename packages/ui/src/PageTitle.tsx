import { useEffect, useRef, type ReactNode } from 'react';
import { useT } from './i18n.tsx';
import { uiMessages } from './messages.ts';

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

/** The English site name (the static HTML's title before any script runs); the screens use the localised one. */
export const SITE_NAME = 'HMS — Health & Money Services';

// The page's title and its "Error:" form, both already in the reader's language, and how many error summaries
// show now: the tab title starts with "Error:" while any does (GOV.UK's convention, the same word in Spanish).
let pageTitle = '';
let pageErrorTitle = '';
let errorSummaries = 0;

function applyTitle() {
  if (!pageTitle) return;
  document.title = errorSummaries > 0 ? pageErrorTitle : pageTitle;
}

/**
 * Called by an error summary while it shows errors: the page title starts with "Error:" until the returned function
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

/**
 * Sets document.title, wholly in the reader's language ("<page> | <site name>", prefixed "Error:" while the page
 * shows errors the person must fix), and renders the page's one h1.
 */
export function PageTitle({
  children,
  title,
  className,
  hasErrors = false,
}: {
  children: ReactNode;
  title?: string;
  className?: string;
  /** True while a form on the page shows an error summary: the tab title then starts with "Error:". */
  hasErrors?: boolean;
}) {
  const tr = useT(uiMessages);
  const ref = useRef<HTMLHeadingElement>(null);
  const text = title ?? (typeof children === 'string' ? children : '');
  const siteName = tr('siteTitle');
  const full = text ? tr('pageTitle', { page: text, site: siteName }) : siteName;
  const errorTitle = tr('errorTitlePrefix', { title: full });

  useEffect(() => {
    pageTitle = full;
    pageErrorTitle = errorTitle;
    applyTitle();
  }, [full, errorTitle]);

  useEffect(() => (hasErrors ? markTitleError() : undefined), [hasErrors]);

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
