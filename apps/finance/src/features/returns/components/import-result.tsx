import { Alert, DataTable, formatCents, useFocusWhen, useLanguage, useT } from '@hms/ui';
import type { ImportResult as Result } from '../api/returns.ts';
import { returnsMessages } from '../messages.ts';

/**
 * What an import did. Its heading takes focus when a result arrives (a repeat of the same file too): the import
 * button was off while the file went up, so focus would otherwise fall to the page, and nothing would be heard.
 */
export function ImportResult({ result }: { result: Result }) {
  const tr = useT(returnsMessages);
  const headingRef = useFocusWhen<HTMLHeadingElement>(result);
  const { language } = useLanguage();
  const c = result.counts;
  return (
    <section aria-labelledby="import-result-heading" className="margin-top-4">
      <h2 id="import-result-heading" tabIndex={-1} ref={headingRef}>
        {tr('resultHeading', { file: result.fileName })}
      </h2>
      {result.duplicate ? (
        <Alert tone="info" slim>
          {tr('duplicate')}
        </Alert>
      ) : null}
      <p>
        {tr('counts', {
          applied: c.returnsApplied,
          nocs: c.nocsRecorded,
          already: c.alreadyRecorded,
          unmatched: c.unmatched,
          ignored: c.ignored,
        })}
      </p>
      {result.warnings.length > 0 ? (
        <>
          <h3>{tr('warnings')}</h3>
          <ul>
            {result.warnings.map((w, i) => (
              <li key={i}>
                {tr('warningLine', { line: w.line, record: w.recordType, field: w.field })}{' '}
                {w.message}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <DataTable
        caption={tr('resultCaption')}
        captionId="import-result-caption"
        rows={result.items.map((item, n) => ({ ...item, n }))}
        rowKey={(i) => `${i.originalTraceNumber}-${i.code}-${i.n}`}
        columns={[
          {
            header: tr('trace'),
            rowHeader: true,
            className: 'font-mono-xs',
            cell: (i) => i.originalTraceNumber,
          },
          {
            header: tr('kind'),
            cell: (i) => (i.kind === 'return' ? tr('kindReturn') : tr('kindNoc')),
          },
          {
            header: tr('code'),
            className: 'text-wrap',
            cell: (i) => (
              <>
                <abbr title={i.description}>{i.code}</abbr> {i.description}
              </>
            ),
          },
          { header: tr('reference'), cell: (i) => i.reference ?? '—' },
          {
            header: tr('amount'),
            numeric: true,
            cell: (i) => formatCents(i.amountCents, language),
          },
          {
            header: tr('outcome'),
            className: 'text-wrap',
            cell: (i) => (
              <>
                {tr(`outcome_${i.outcome}`)}
                {i.note ? <div className="usa-hint">{i.note}</div> : null}
              </>
            ),
          },
        ]}
      />
    </section>
  );
}
