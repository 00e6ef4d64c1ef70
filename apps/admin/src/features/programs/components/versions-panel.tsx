import { DataTable, QueryState, TextField, formatDateTime, useLanguage, useT } from '@hms/ui';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { programVersionsQueryOptions, versionDiffQueryOptions } from '../api/programs.ts';
import type { ProgramAction, ProgramVersion } from '../api/programs.ts';
import { programsMessages } from '../messages.ts';

function VersionDiff({ programId, version }: { programId: string; version: number }) {
  const tr = useT(programsMessages);
  const { language } = useLanguage();
  const diff = useQuery(versionDiffQueryOptions(programId, version));
  return (
    <QueryState
      query={diff}
      headingLevel={3}
      empty={<p>{tr('noChanges')}</p>}
      isEmpty={(data) => data.changes.length === 0}
    >
      {(data) => (
        <dl className="margin-top-1" data-testid={`diff-${version}`}>
          {data.changes.map((c, i) => (
            <div key={i} className="margin-bottom-1">
              <dt className="text-bold">{c.label[language]}</dt>
              <dd className="margin-left-0">
                {c.before !== null ? (
                  <div>
                    {tr('before')}: <del>{c.before}</del>
                  </div>
                ) : null}
                {c.after !== null ? (
                  <div>
                    {tr('after')}: <ins>{c.after}</ins>
                  </div>
                ) : null}
              </dd>
            </div>
          ))}
        </dl>
      )}
    </QueryState>
  );
}

/** Published versions, what each changed, and reverting to an earlier one (through the same approval). */
export function VersionsPanel({
  programId,
  pending,
  run,
}: {
  programId: string;
  pending: boolean;
  run: (action: ProgramAction) => void;
}) {
  const tr = useT(programsMessages);
  const { language } = useLanguage();
  const versions = useQuery(programVersionsQueryOptions(programId));
  const [open, setOpen] = useState<number | null>(null);
  const [reverting, setReverting] = useState<number | null>(null);
  const [why, setWhy] = useState('');
  const [whyError, setWhyError] = useState<string | undefined>();
  const summary = (v: ProgramVersion) => (
    <>
      {v.changeSummary ?? ''}
      <div>
        <button
          type="button"
          className="usa-button usa-button--unstyled"
          aria-expanded={open === v.version}
          onClick={() => setOpen(open === v.version ? null : v.version)}
        >
          {tr(open === v.version ? 'hideChanges' : 'showChanges', {
            version: v.version,
          })}
        </button>
      </div>
      {open === v.version ? <VersionDiff programId={programId} version={v.version} /> : null}
      {v.live ? null : reverting === v.version ? (
        <div className="margin-top-1">
          <TextField
            id={`revert-why-${v.version}`}
            label={tr('revertSummary', { version: v.version })}
            value={why}
            error={whyError}
            autoFocus
            onChange={(e) => setWhy(e.target.value)}
          />
          <button
            type="button"
            className="usa-button usa-button--secondary margin-top-1"
            disabled={pending}
            onClick={() => {
              if (!why.trim()) {
                setWhyError(tr('changeSummaryRequired'));
                return;
              }
              run({ kind: 'revert', version: v.version, changeSummary: why.trim() });
              setReverting(null);
              setWhy('');
              setWhyError(undefined);
            }}
          >
            {tr('confirmRevert')}
          </button>
        </div>
      ) : (
        <div>
          <button
            type="button"
            className="usa-button usa-button--unstyled"
            onClick={() => setReverting(v.version)}
          >
            {tr('revert', { version: v.version })}
          </button>
        </div>
      )}
    </>
  );
  return (
    <section aria-labelledby="versions-heading" className="margin-top-4">
      <h2 id="versions-heading">{tr('versionsHeading')}</h2>
      <QueryState query={versions} headingLevel={3} empty={<p>{tr('noVersions')}</p>}>
        {(data) => (
          <DataTable
            caption={tr('versionsCaption')}
            rows={data.items}
            rowKey={(v) => v.version}
            columns={[
              {
                header: tr('version'),
                rowHeader: true,
                cell: (v) => (
                  <>
                    {v.version} {v.live ? tr('liveMark') : null}
                  </>
                ),
              },
              {
                header: tr('publishedAt'),
                cell: (v) => formatDateTime(v.publishedAt, language),
              },
              {
                header: tr('publishedBy'),
                cell: (v) => v.publishedBy?.name ?? tr('none'),
              },
              {
                header: tr('approvedBy'),
                cell: (v) => v.approvedBy?.name ?? tr('none'),
              },
              { header: tr('summary'), cell: summary },
              {
                header: tr('requests'),
                numeric: true,
                cell: (v) => v.requestCount,
              },
            ]}
          />
        )}
      </QueryState>
    </section>
  );
}
