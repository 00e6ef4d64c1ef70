import { ProblemAlert } from '@hms/ui';
import type { ReactNode } from 'react';

/**
 * What the page's last action did: a polite live line (on the page before anything is said in it, so a screen reader
 * reads each new message), then the problem of each action that failed (`failures`: the mutations' errors, null when
 * they did not fail).
 */
export function ActionOutcome({
  status,
  failures = [],
  className,
}: {
  status: ReactNode;
  failures?: readonly unknown[];
  /** Spacing utilities of the live line. */
  className?: string;
}) {
  return (
    <>
      <div role="status" aria-live="polite" className={className}>
        {status}
      </div>
      {failures.map((error, i) => (error ? <ProblemAlert key={i} error={error} /> : null))}
    </>
  );
}
