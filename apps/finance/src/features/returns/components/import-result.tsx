import { ScrollableTable, formatCents, useLanguage, useT } from '@hms/ui';
import type { ImportResult as Result } from '../api/returns.ts';
import { returnsMessages } from '../messages.ts';

export function ImportResult({ result }: { result: Result }) {
  const tr = useT(returnsMessages);
  const { language } = useLanguage();
  const c = result.counts;
  return (
    <section aria-labelledby="import-result-heading" className="margin-top-4">
      <h2 id="import-result-heading">{tr('resultHeading', { file: result.fileName })}</h2>
      {result.duplicate ? (
        <div className="usa-alert usa-alert--info usa-alert--slim">
          <div className="usa-alert__body">
            <p className="usa-alert__text">{tr('duplicate')}</p>
          </div>
        </div>
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
      <ScrollableTable caption={tr('resultCaption')} captionId="import-result-caption">
        <thead>
          <tr>
            <th scope="col">{tr('trace')}</th>
            <th scope="col">{tr('kind')}</th>
            <th scope="col">{tr('code')}</th>
            <th scope="col">{tr('reference')}</th>
            <th scope="col" className="text-right">
              {tr('amount')}
            </th>
            <th scope="col">{tr('outcome')}</th>
          </tr>
        </thead>
        <tbody>
          {result.items.map((i, n) => (
            <tr key={`${i.originalTraceNumber}-${i.code}-${n}`}>
              <th scope="row" className="font-mono-xs">
                {i.originalTraceNumber}
              </th>
              <td>{i.kind === 'return' ? tr('kindReturn') : tr('kindNoc')}</td>
              <td className="text-wrap">
                <abbr title={i.description}>{i.code}</abbr> {i.description}
              </td>
              <td>{i.reference ?? '—'}</td>
              <td className="text-right text-tabular">{formatCents(i.amountCents, language)}</td>
              <td className="text-wrap">
                {tr(`outcome_${i.outcome}`)}
                {i.note ? <div className="usa-hint">{i.note}</div> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </ScrollableTable>
    </section>
  );
}
