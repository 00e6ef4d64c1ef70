import {
  HelpPanel,
  PageTitle,
  QueryState,
  ScrollableTable,
  formatPlainDate,
  useT,
  useLanguage,
} from '@hms/ui';
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
      <PageTitle>{tr('listTitle')}</PageTitle>
      <p className="usa-intro">{tr('listLead')}</p>
      <HelpPanel content={programsHelp} />
      <p>
        <Link className="usa-button" to="/admin/programs/new">
          {tr('create')}
        </Link>
      </p>
      <QueryState query={programs} loading={tr('loading')} empty={<p>{tr('empty')}</p>}>
        {(data) => (
          <ScrollableTable caption={tr('caption')} captionId="programs-caption">
            <thead>
              <tr>
                <th scope="col">{tr('name')}</th>
                <th scope="col">{tr('status')}</th>
                <th scope="col" className="text-right">
                  {tr('version')}
                </th>
                <th scope="col">{tr('opens')}</th>
                <th scope="col">{tr('closes')}</th>
                <th scope="col">{tr('changes')}</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((p) => (
                <tr key={p.id}>
                  <th scope="row">
                    <Link to={`/admin/programs/${p.id}`}>{p.name[language] || p.name.en}</Link>
                    <div className="font-mono-3xs text-base">{p.slug}</div>
                  </th>
                  <td>
                    {tr(`status_${p.status}`)}
                    {p.status === 'live' && p.window ? ` (${tr(`window_${p.window}`)})` : null}
                  </td>
                  <td className="text-right text-tabular">{p.liveVersion ?? tr('none')}</td>
                  <td>{date(p.opensAt)}</td>
                  <td>{date(p.closesAt)}</td>
                  <td>
                    {[
                      p.hasUnpublishedChanges ? tr('unpublished') : null,
                      p.pendingPublishRequest ? tr('pending') : null,
                    ]
                      .filter(Boolean)
                      .join('; ') || tr('none')}
                  </td>
                </tr>
              ))}
            </tbody>
          </ScrollableTable>
        )}
      </QueryState>
    </>
  );
}
