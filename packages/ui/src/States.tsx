import type { ReactNode } from 'react';
import { useT } from './i18n.tsx';
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

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="usa-summary-box margin-y-2" role="region" aria-label={title}>
      <div className="usa-summary-box__body">
        <h2 className="usa-summary-box__heading">{title}</h2>
        {children ? <div className="usa-summary-box__text">{children}</div> : null}
      </div>
    </div>
  );
}

interface ProblemLike {
  title?: unknown;
  detail?: unknown;
  status?: unknown;
  retryAfterSeconds?: unknown;
}

type HeadingKey =
  | 'problemGeneric'
  | 'problemInput'
  | 'problemSignIn'
  | 'problemForbidden'
  | 'problemNotFound'
  | 'problemConflict'
  | 'problemTooMany';

/** A heading written for the reader, chosen by the kind of failure; never the server's own title. */
function headingKeyFor(status: unknown): HeadingKey {
  switch (status) {
    case 400:
    case 422:
      return 'problemInput';
    case 401:
      return 'problemSignIn';
    case 403:
      return 'problemForbidden';
    case 404:
      return 'problemNotFound';
    case 409:
      return 'problemConflict';
    case 429:
      return 'problemTooMany';
    default:
      return 'problemGeneric';
  }
}

/**
 * Shows an API error readably. Duck-typed on the problem+json fields so the UI package does not depend on
 * the API client; anything else (network failure, bug) gets a plain generic message, never a stack trace.
 * The heading is always one of our own reader-language headings: a server title ("Conflict") is a label for
 * machines and logs, not something to put in front of a person.
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
  const problem = (typeof error === 'object' && error !== null ? error : {}) as ProblemLike;
  const isProblem = typeof problem.title === 'string' && typeof problem.status === 'number';
  const title = tr(isProblem ? headingKeyFor(problem.status) : 'problemGeneric');
  const detail = isProblem
    ? typeof problem.detail === 'string'
      ? problem.detail
      : tr('problemGenericDetail')
    : error instanceof TypeError
      ? tr('problemOffline')
      : tr('problemGenericDetail');
  const retryAfter =
    typeof problem.retryAfterSeconds === 'number' ? problem.retryAfterSeconds : undefined;
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <div className="usa-alert usa-alert--error margin-y-2" role="alert">
      <div className="usa-alert__body">
        <Heading className="usa-alert__heading">{title}</Heading>
        <p className="usa-alert__text">{detail}</p>
        {retryAfter !== undefined ? (
          <p className="usa-alert__text">{tr('retryAfter', { seconds: retryAfter })}</p>
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
