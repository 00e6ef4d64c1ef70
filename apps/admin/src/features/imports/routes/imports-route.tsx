import { importKinds, type ImportKind } from '@hms/contracts/imports';
import {
  ButtonGroup,
  ErrorSummary,
  HelpPanel,
  PageTitle,
  ProblemAlert,
  SelectField,
  TextField,
  formatNumber,
  useFormErrors,
  useLanguage,
  useT,
  type FormField,
} from '@hms/ui';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { uploadImportMutationOptions, type ImportRun } from '../api/imports.ts';
import { ImportReport } from '../components/import-report.tsx';
import { ResultNotice } from '../../../shared/result-notice.tsx';
import { importsHelp } from '../help.ts';
import { importsMessages } from '../messages.ts';

type Field = 'kind' | 'file';
const FIELDS: FormField<Field>[] = [
  { name: 'kind', id: 'imports-kind' },
  { name: 'file', id: 'imports-file' },
];
const KIND_LABEL = { payees: 'kindPayees', requests: 'kindRequests' } as const;

/** The last check: what it found, for which file and kind (Import is offered only for the same ones). */
interface Checked {
  run: ImportRun;
  file: File;
  kind: ImportKind;
}

/** Admin: /admin/imports. Check a payees or requests CSV file (dry run), read its problems, then import it (issue 12). */
export function ImportsRoute() {
  const tr = useT(importsMessages);
  const { language } = useLanguage();
  const errors = useFormErrors(FIELDS);
  const [kind, setKind] = useState<ImportKind>('payees');
  const [file, setFile] = useState<File | null>(null);
  const [checked, setChecked] = useState<Checked | null>(null);
  const [imported, setImported] = useState<ImportRun | null>(null);
  const resultRef = useRef<HTMLHeadingElement>(null);
  const noticeRef = useRef<HTMLDivElement>(null);
  const upload = useMutation({ ...uploadImportMutationOptions(), onError: errors.fail });

  // The result replaces the buttons' work: focus goes to it, so a keyboard or screen reader user reads on from there.
  useEffect(() => {
    if (checked) resultRef.current?.focus();
  }, [checked]);
  useEffect(() => {
    if (imported) noticeRef.current?.focus();
  }, [imported]);

  const start = () => {
    upload.reset();
    setImported(null);
  };
  const onCheck = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    start();
    setChecked(null);
    if (errors.check({ file: file ? undefined : tr('fileRequired') }) || !file) return;
    const chosen = { file, kind };
    upload.mutate(
      { ...chosen, dryRun: true },
      { onSuccess: (run) => setChecked({ run, ...chosen }) },
    );
  };
  const canImport =
    checked !== null &&
    checked.file === file &&
    checked.kind === kind &&
    checked.run.report.rejected === 0 &&
    !upload.isPending;
  const onImport = () => {
    if (!checked || !canImport) return;
    start();
    errors.clear();
    upload.mutate(
      { file: checked.file, kind: checked.kind, dryRun: false },
      {
        onSuccess: (run) => {
          setChecked(null);
          setImported(run);
        },
      },
    );
  };

  const n = (value: number) => formatNumber(value, language);
  const importedText = imported
    ? tr(imported.report.rejected > 0 ? 'importRefused' : 'imported', {
        fileName: imported.fileName,
        rows: n(imported.report.rows),
        created: n(imported.report.created),
        updated: n(imported.report.updated),
        unchanged: n(imported.report.unchanged),
        rejected: n(imported.report.rejected),
      })
    : null;
  const importing = upload.isPending && upload.variables.dryRun === false;
  const checking = upload.isPending && upload.variables.dryRun;
  const hasWarnings = (checked?.run.report.errors.length ?? 0) > 0;

  return (
    <>
      <PageTitle>{tr('title')}</PageTitle>
      <p className="usa-intro">{tr('lead')}</p>
      <HelpPanel content={importsHelp} />
      <form className="usa-form usa-form--large" onSubmit={onCheck} noValidate>
        <ErrorSummary {...errors.summary} />
        {errors.problem ? <ProblemAlert error={errors.problem} /> : null}
        <SelectField
          id="imports-kind"
          name="kind"
          label={tr('kind')}
          hint={tr('kindHint')}
          error={errors.error('kind')}
          value={kind}
          onChange={(e) => setKind(importKinds.find((k) => k === e.target.value) ?? 'payees')}
          options={importKinds.map((k) => ({ value: k, label: tr(KIND_LABEL[k]) }))}
        />
        <TextField
          id="imports-file"
          name="file"
          type="file"
          accept=".csv,text/csv"
          label={tr('file')}
          hint={tr('fileHint')}
          error={errors.error('file')}
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
        />
        <p className="usa-hint" id="imports-import-hint">
          {tr('importHint')}
        </p>
        <ButtonGroup className="margin-top-2">
          <button type="submit" className="usa-button" disabled={upload.isPending}>
            {checking ? tr('checking') : tr('check')}
          </button>
          <button
            type="button"
            className="usa-button usa-button--outline"
            disabled={!canImport}
            aria-describedby="imports-import-hint"
            onClick={onImport}
          >
            {importing ? tr('importing') : tr('import')}
          </button>
        </ButtonGroup>
      </form>

      <ResultNotice ref={noticeRef} text={importedText} />
      {imported && imported.report.errors.length > 0 ? <ImportReport run={imported} /> : null}

      {checked ? (
        <section aria-labelledby="imports-result-heading" className="margin-top-4">
          <h2 id="imports-result-heading" ref={resultRef} tabIndex={-1}>
            {tr('resultHeading', { fileName: checked.run.fileName })}
          </h2>
          <p role="status">
            {checked.run.report.rejected > 0
              ? tr('notClean', {
                  rejected: n(checked.run.report.rejected),
                  rows: n(checked.run.report.rows),
                })
              : tr(hasWarnings ? 'cleanWithWarnings' : 'clean')}
          </p>
          <ImportReport run={checked.run} />
        </section>
      ) : null}
    </>
  );
}
