import { DataTable, PageIntro, QueryState, formatPlainDate, useT, useLanguage } from '@hms/ui';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { adminProgramsQueryOptions } from '../api/programs.ts';
import { programsHelp } from '../help.ts';
import { programsMessages } from '../messages.ts';

/** Admin: every program with its status, live version and dates. */
export function ProgramsListRoute() {
  const tr = useT(programsMessages);
  const { language } = useLanguage();
  const programs = useQuery(adminProgramsQueryOptions());
  const date = (d: string | null) => (d ? formatPlainDate(d, language) : tr('none'));
  return (
    <>
      <PageIntro title={tr('listTitle')} lead={tr('listLead')} help={programsHelp} />
      <p>
        <Link className="usa-button" to="/admin/programs/new">
          {tr('create')}
        </Link>
      </p>
      <QueryState query={programs} loading={tr('loading')} empty={<p>{tr('empty')}</p>}>
        {(data) => (
          <DataTable
            caption={tr('caption')}
            rows={data.items}
            columns={[
              {
                header: tr('name'),
                rowHeader: true,
                cell: (p) => (
                  <>
                    <Link to={`/admin/programs/${p.id}`}>{p.name[language] || p.name.en}</Link>
                    <div className="font-mono-3xs text-base">{p.slug}</div>
                  </>
                ),
              },
              {
                header: tr('status'),
                cell: (p) => (
                  <>
                    {tr(`status_${p.status}`)}
                    {p.status === 'live' && p.window ? ` (${tr(`window_${p.window}`)})` : null}
                  </>
                ),
              },
              {
                header: tr('version'),
                numeric: true,
                cell: (p) => p.liveVersion ?? tr('none'),
              },
              { header: tr('opens'), cell: (p) => date(p.opensAt) },
              { header: tr('closes'), cell: (p) => date(p.closesAt) },
              {
                header: tr('changes'),
                cell: (p) =>
                  [
                    p.hasUnpublishedChanges ? tr('unpublished') : null,
                    p.pendingPublishRequest ? tr('pending') : null,
                  ]
                    .filter(Boolean)
                    .join('; ') || tr('none'),
              },
            ]}
          />
        )}
      </QueryState>
    </>
  );
}
