import { useLanguage, useT, PageIntro } from '@hms/ui';
import { Link } from 'react-router';
import { ADMIN_SECTIONS, adminAreaMessages } from '../../../shared/sections.ts';
import { overviewHelp } from '../help.ts';

/** Admin landing page: every administration screen and what it is for. */
export function AdminOverviewRoute() {
  const tr = useT(adminAreaMessages);
  const { language } = useLanguage();
  return (
    <>
      <PageIntro title={tr('overviewTitle')} lead={tr('overviewLead')} help={overviewHelp} />
      <ul className="usa-list usa-list--unstyled">
        {ADMIN_SECTIONS.map((s) => (
          <li key={s.path} className="margin-bottom-3">
            <h2 className="font-heading-md margin-bottom-05">
              <Link className="usa-link" to={`/admin/${s.path}`}>
                {s.text[language].title}
              </Link>
            </h2>
            <p className="margin-top-0">{s.text[language].summary}</p>
          </li>
        ))}
      </ul>
    </>
  );
}
