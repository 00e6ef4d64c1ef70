import type { ReactNode } from 'react';
import { problemText, useErrorMessages, type ProblemLike } from './error-messages.ts';
import { useLanguage, useT } from './i18n.tsx';
import { uiMessages } from './messages.ts';

/** A polite live region, so screen readers hear that content is on its way without losing their place. */
export function LoadingState({ label }: { label?: string }) {
  const tr = useT(uiMessages);
  return (
    <div className="hms-loading padding-y-2" role="status" aria-live="polite">
      {label ?? tr('loading')}
    </div>
  );
}

/** A list with nothing in it: the title says so, `body` (a paragraph) or `children` say what to do about it. */
export function EmptyState({
  title,
  body,
  children,
}: {
  title: string;
  body?: string;
  children?: ReactNode;
}) {
  const text = body ? <p>{body}</p> : children;
  return (
    <div className="usa-summary-box margin-y-2" role="region" aria-label={title}>
      <div className="usa-summary-box__body">
        <h2 className="usa-summary-box__heading">{title}</h2>
        {text ? <div className="usa-summary-box__text">{text}</div> : null}
      </div>
    </div>
  );
}

/** The sign-in page, coming back to this page afterwards (the shell's `?next=`). */
function signInHref(): string {
  const here = globalThis.location
    ? globalThis.location.pathname + globalThis.location.search
    : '/';
  return `/sign-in?next=${encodeURIComponent(here)}`;
}

interface AlertProblem extends ProblemLike {
  retryAfterSeconds?: unknown;
}

/**
 * Shows an API error readably, in the reader's language: the catalog message for the problem's code (never the
 * server's English title or detail), or a generic message for its status. Duck-typed on the problem+json fields so
 * the UI package does not depend on the API client; anything else (network failure, bug) gets a plain generic
 * message, never a stack trace.
 */
export function ProblemAlert({
  error,
  onRetry,
  headingLevel = 2,
}: {
  error: unknown;
  onRetry?: () => void;
  headingLevel?: 2 | 3;
}) {
  const tr = useT(uiMessages);
  const { language } = useLanguage();
  useErrorMessages();
  const problem = (typeof error === 'object' && error !== null ? error : {}) as AlertProblem;
  // Status 0 is how the client reports a request that never reached the server.
  const isProblem = typeof problem.status === 'number' && problem.status > 0;
  const offline = error instanceof TypeError || problem.status === 0;
  const { heading: title, message: detail } = isProblem
    ? problemText(problem, language)
    : {
        heading: tr('problemGeneric'),
        message: offline ? tr('problemOffline') : tr('problemGenericDetail'),
      };
  const retryAfter =
    typeof problem.retryAfterSeconds === 'number' ? problem.retryAfterSeconds : undefined;
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  // The session ended (idle or absolute timeout, signed out in another tab): the way on is signing in, back to here.
  const signedOut =
    problem.status === 401 && (problem.code === undefined || problem.code === 'auth.not_signed_in');
  return (
    <div className="usa-alert usa-alert--error margin-y-2" role="alert">
      <div className="usa-alert__body">
        <Heading className="usa-alert__heading">{title}</Heading>
        <p className="usa-alert__text">{detail}</p>
        {retryAfter !== undefined ? (
          <p className="usa-alert__text">{tr('retryAfter', { seconds: retryAfter })}</p>
        ) : null}
        {signedOut ? (
          <p className="usa-alert__text">
            <a className="usa-link" href={signInHref()}>
              {tr('signInAgain')}
            </a>
          </p>
        ) : null}
        {onRetry ? (
          <button
            type="button"
            className="usa-button usa-button--outline margin-top-1"
            onClick={onRetry}
          >
            {tr('tryAgain')}
          </button>
        ) : null}
      </div>
    </div>
  );
}
