import { formatDate } from './format.ts';
import { useLanguage, useT } from './i18n.tsx';
import { uiMessages } from './messages.ts';

/** Where an imported record came from, as every read of a request carries it (null when made in HMS). */
export interface ImportedMark {
  externalId: string;
  sourceFile: string;
  importedAt: string;
  note: string | null;
}

/**
 * Marks a request (or its payment) brought in from the agency's old system, wherever it is listed: the inbox, the
 * finance lists. The word says it, not a colour; the title and the screen-reader text name the old id and the file.
 */
export function ImportedTag({
  imported,
  noun = 'request',
}: {
  imported: ImportedMark | null | undefined;
  /** Spanish agrees with the noun: una solicitud importada, un pago importado. */
  noun?: 'request' | 'payment';
}) {
  const tr = useT(uiMessages);
  if (!imported) return null;
  const from = tr('importedFrom', { id: imported.externalId, file: imported.sourceFile });
  return (
    <span className="usa-tag margin-left-1" data-imported="true" title={from}>
      {tr(noun === 'payment' ? 'importedTagPayment' : 'importedTag')}
      <span className="usa-sr-only"> ({from})</span>
    </span>
  );
}

/**
 * The notice at the top of an imported request's page: it has no answers of its own (the old system's file had
 * none, and none are made up), so the page says where it came from and shows the old system's note instead.
 */
export function ImportedNotice({ imported }: { imported: ImportedMark | null | undefined }) {
  const tr = useT(uiMessages);
  const { language } = useLanguage();
  if (!imported) return null;
  return (
    <div className="usa-alert usa-alert--info usa-alert--slim margin-y-2" data-imported="true">
      <div className="usa-alert__body">
        <p className="usa-alert__text">
          <span className="usa-tag margin-right-1">{tr('importedTag')}</span>
          {tr('importedNotice', {
            file: imported.sourceFile,
            id: imported.externalId,
            date: formatDate(imported.importedAt, language),
          })}
        </p>
        {imported.note ? (
          <p className="usa-alert__text">
            <strong>{tr('importedNote')}</strong> {imported.note}
          </p>
        ) : null}
      </div>
    </div>
  );
}
