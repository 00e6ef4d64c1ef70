import { isImportWarning } from '@hms/contracts/imports';
import {
  ScrollableTable,
  fieldErrorText,
  formatNumber,
  useErrorMessages,
  useLanguage,
  useT,
} from '@hms/ui';
import { errorFileUrl, type ImportRowError, type ImportRun } from '../api/imports.ts';
import { importsMessages } from '../messages.ts';

const OUTCOMES = ['created', 'updated', 'unchanged', 'rejected'] as const;

/** One problem in the reader's language: the catalog's words for its code, else the API's English message. */
function useProblemText() {
  const { language } = useLanguage();
  // Loads the reader's catalog and re-renders when it arrives.
  useErrorMessages();
  return (e: ImportRowError) =>
    fieldErrorText({ message: e.message, code: e.code, params: { column: e.field } }, language);
}

/** What a check or an import found: the columns, the counts by outcome, every problem, and the error file. */
export function ImportReport({ run }: { run: ImportRun }) {
  const tr = useT(importsMessages);
  const { language } = useLanguage();
  const problemText = useProblemText();
  const { report } = run;
  const n = (value: number) => formatNumber(value, language);
  const errorFileName = `${run.fileName.replace(/\.(csv|xlsx)$/i, '').replace(/[^A-Za-z0-9._-]+/g, '_')}-errors.csv`;
  return (
    <>
      <p>
        {run.columns.length > 0
          ? tr('columns', { columns: run.columns.join(', ') })
          : tr('noColumns')}
      </p>
      <ScrollableTable
        caption={tr(run.dryRun ? 'countsCaption' : 'countsCaptionDone')}
        captionId="imports-counts-caption"
      >
        <thead>
          <tr>
            <th scope="col">{tr('outcome')}</th>
            <th scope="col" className="text-right">
              {tr('rowCount')}
            </th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">{tr('rows')}</th>
            <td className="text-right text-tabular">{n(report.rows)}</td>
          </tr>
          {OUTCOMES.map((o) => (
            <tr key={o}>
              <th scope="row">{tr(o)}</th>
              <td className="text-right text-tabular">{n(report[o])}</td>
            </tr>
          ))}
        </tbody>
      </ScrollableTable>
      {report.errors.length > 0 ? (
        <ScrollableTable caption={tr('errorsCaption')} captionId="imports-errors-caption">
          <thead>
            <tr>
              <th scope="col" className="text-right">
                {tr('line')}
              </th>
              <th scope="col">{tr('column')}</th>
              <th scope="col">{tr('problem')}</th>
            </tr>
          </thead>
          <tbody>
            {report.errors.map((e, i) => (
              <tr key={`${e.row}-${e.field}-${e.code}-${i}`}>
                <td className="text-right text-tabular">{n(e.row)}</td>
                <td>
                  <code>{e.field}</code>
                </td>
                <td>
                  {isImportWarning(e.code)
                    ? tr('warningText', { message: problemText(e) })
                    : problemText(e)}
                </td>
              </tr>
            ))}
          </tbody>
        </ScrollableTable>
      ) : null}
      {run.errorFile ? (
        <p>
          <a href={errorFileUrl(run.importId)} download={errorFileName} className="usa-link">
            {tr('errorFile', { fileName: errorFileName })}
          </a>
          <br />
          <span className="usa-hint">{tr('errorFileHint')}</span>
        </p>
      ) : null}
    </>
  );
}
