import { formatNumber, useLanguage, useT } from '@hms/ui';
import type { ImportJob } from '../api/imports.ts';
import { importsMessages } from '../messages.ts';

/**
 * A running check or import: a progress bar of the rows done (indeterminate until the rows are counted) and its
 * words in a polite live region, which changes only after each batch of rows, so a screen reader is not flooded.
 */
export function ImportProgress({ job }: { job: ImportJob }) {
  const tr = useT(importsMessages);
  const { language } = useLanguage();
  const n = (value: number) => formatNumber(value, language);
  const total = job.rowsTotal;
  const status =
    job.state === 'queued' || total === null
      ? tr('progressStarting')
      : tr('progressRows', { done: n(job.rowsProcessed), total: n(total) });
  return (
    <section aria-labelledby="imports-progress-heading" className="margin-top-4">
      <h2 id="imports-progress-heading">
        {tr(job.dryRun ? 'progressChecking' : 'progressImporting', { fileName: job.fileName })}
      </h2>
      <label htmlFor="imports-progress" className="usa-label">
        {tr('progressLabel')}
      </label>
      {total === null ? (
        <progress id="imports-progress" className="width-full" />
      ) : (
        <progress
          id="imports-progress"
          className="width-full"
          max={Math.max(total, 1)}
          value={job.rowsProcessed}
        />
      )}
      <p role="status" aria-live="polite">
        {status}
      </p>
      <p className="usa-hint">{tr('progressLeave')}</p>
    </section>
  );
}
