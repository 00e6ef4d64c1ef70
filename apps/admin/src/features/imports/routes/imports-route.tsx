import { importKinds, suggestedImportColumn, type ImportKind } from '@hms/contracts/imports';
import {
  ButtonGroup,
  CheckedForm,
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
import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import {
  importJobQueryOptions,
  readImportHeader,
  storeJob,
  storedJob,
  uploadImportMutationOptions,
  type ImportJob,
} from '../api/imports.ts';
import { ColumnMapping } from '../components/column-mapping.tsx';
import { ImportProgress } from '../components/import-progress.tsx';
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

const over = (job: ImportJob) => job.state === 'completed' || job.state === 'failed';

/** The job shown: started from this page (with the file chosen for it), or resumed after a reload (no file). */
interface Active {
  jobId: string;
  kind: ImportKind;
  file: File | null;
  /** The mapping it ran with, as sent (a clean check offers Import only for the same one). */
  mapping: Record<string, string>;
}

function resumed(): Active | null {
  const stored = storedJob();
  return stored ? { ...stored, file: null, mapping: {} } : null;
}

/**
 * Admin: /admin/imports. Check a payees or requests CSV file (dry run), read its problems, then import it (issue 12).
 * Both run as background jobs: the page follows the job's progress, and a reload or a reopened tab resumes it.
 */
export function ImportsRoute() {
  const tr = useT(importsMessages);
  const { language } = useLanguage();
  const errors = useFormErrors(FIELDS);
  const [active, setActive] = useState<Active | null>(resumed);
  const [kind, setKind] = useState<ImportKind>(() => active?.kind ?? 'payees');
  const [file, setFile] = useState<File | null>(null);
  const [columns, setColumns] = useState<string[] | null>(null);
  const [targets, setTargets] = useState<Record<string, string>>({});
  const header = useMutation({ mutationFn: readImportHeader, onError: errors.fail });
  const resultRef = useRef<HTMLHeadingElement>(null);
  const noticeRef = useRef<HTMLDivElement>(null);
  const upload = useMutation({ ...uploadImportMutationOptions(), onError: errors.fail });
  const jobQuery = useQuery({
    ...importJobQueryOptions(active?.jobId ?? ''),
    enabled: active !== null,
  });
  const job = active ? jobQuery.data : undefined;
  const done = job?.state === 'completed' ? job.result : null;
  const checked =
    done?.dryRun && active
      ? { run: done, file: active.file, kind: active.kind, mapping: active.mapping }
      : null;
  // Only the columns named otherwise than their HMS column are sent.
  const mapping = Object.fromEntries(
    Object.entries(targets).filter(([column, t]) => t !== '' && t !== column.trim().toLowerCase()),
  );
  const suggest = (forKind: ImportKind, names: string[]) =>
    setTargets(Object.fromEntries(names.map((c) => [c, suggestedImportColumn(forKind, c) ?? ''])));
  const onFile = (chosen: File | null) => {
    setFile(chosen);
    setColumns(null);
    setTargets({});
    header.reset();
    if (!chosen) return;
    errors.clear();
    header.mutate(
      { kind, file: chosen },
      {
        onSuccess: (h) => {
          setColumns(h.columns.map((c) => c.name));
          setTargets(Object.fromEntries(h.columns.map((c) => [c.name, c.suggested ?? ''])));
        },
      },
    );
  };
  const onKind = (next: ImportKind) => {
    setKind(next);
    if (columns) suggest(next, columns);
  };
  const imported = done && !done.dryRun ? done : null;
  const running = active !== null && (job === undefined ? jobQuery.isPending : !over(job));
  const busy = upload.isPending || running;

  // The result replaces the progress: focus goes to it, so a keyboard or screen reader user reads on from there.
  const shown = checked
    ? `checked:${checked.run.importId}`
    : imported
      ? `imported:${imported.importId}`
      : null;
  useEffect(() => {
    if (shown?.startsWith('checked:')) resultRef.current?.focus();
    if (shown?.startsWith('imported:')) noticeRef.current?.focus();
  }, [shown]);

  // A job the API cannot tell any more is said once (the alert below); reopening the page starts afresh.
  useEffect(() => {
    if (jobQuery.error) storeJob(null);
  }, [jobQuery.error]);

  const follow = (next: Active) => {
    setActive(next);
    storeJob({ jobId: next.jobId, kind: next.kind });
  };
  const start = () => {
    upload.reset();
    setActive(null);
    storeJob(null);
  };
  const onCheck = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (busy) return;
    start();
    if (errors.check({ file: file ? undefined : tr('fileRequired') }) || !file) return;
    const chosen = { file, kind, mapping };
    upload.mutate(
      { ...chosen, dryRun: true },
      { onSuccess: (started) => follow({ jobId: started.jobId, ...chosen }) },
    );
  };
  const canImport =
    checked !== null &&
    checked.file !== null &&
    checked.file === file &&
    checked.kind === kind &&
    JSON.stringify(checked.mapping) === JSON.stringify(mapping) &&
    checked.run.report.rejected === 0 &&
    !busy;
  const onImport = () => {
    if (!checked?.file || !canImport) return;
    const chosen = { file: checked.file, kind: checked.kind, mapping: checked.mapping };
    start();
    errors.clear();
    upload.mutate(
      { ...chosen, dryRun: false },
      { onSuccess: (started) => follow({ jobId: started.jobId, ...chosen }) },
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
  const importing =
    busy && (upload.isPending ? upload.variables.dryRun === false : job?.dryRun === false);
  const checking = busy && !importing;
  const hasWarnings = (checked?.run.report.errors.length ?? 0) > 0;
  const failed = job?.state === 'failed' && job.problem ? { status: 500, ...job.problem } : null;

  return (
    <>
      <PageTitle>{tr('title')}</PageTitle>
      <p className="usa-intro">{tr('lead')}</p>
      <HelpPanel content={importsHelp} />
      <CheckedForm errors={errors} onSubmit={onCheck}>
        <SelectField
          {...errors.field('kind')}
          label={tr('kind')}
          hint={tr('kindHint')}
          value={kind}
          onChange={(e) => onKind(importKinds.find((k) => k === e.target.value) ?? 'payees')}
          options={importKinds.map((k) => ({ value: k, label: tr(KIND_LABEL[k]) }))}
        />
        <TextField
          {...errors.field('file')}
          type="file"
          accept=".csv,text/csv,.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          label={tr('file')}
          hint={tr('fileHint')}
          onChange={(e) => onFile(e.target.files?.[0] ?? null)}
        />
        {header.isPending ? (
          <p className="usa-hint" role="status">
            {tr('readingHeader')}
          </p>
        ) : null}
        {columns && columns.length > 0 ? (
          <ColumnMapping
            kind={kind}
            columns={columns}
            targets={targets}
            onChange={(column, target) => setTargets((t) => ({ ...t, [column]: target }))}
          />
        ) : null}
        <p className="usa-hint" id="imports-import-hint">
          {tr('importHint')}
        </p>
        <ButtonGroup className="margin-top-2">
          <button type="submit" className="usa-button" disabled={busy}>
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
      </CheckedForm>

      {running && job ? <ImportProgress job={job} /> : null}
      {jobQuery.error && active ? <ProblemAlert error={jobQuery.error} /> : null}
      {failed ? <ProblemAlert error={failed} /> : null}

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
          {checked.file === null && checked.run.report.rejected === 0 ? (
            <p>{tr('chooseAgainToImport')}</p>
          ) : null}
          <ImportReport run={checked.run} />
        </section>
      ) : null}
    </>
  );
}
