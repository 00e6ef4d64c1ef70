import { useLanguage, useT } from '@hms/ui';
import { NavLink } from 'react-router';
import { ADMIN_SECTIONS, adminAreaMessages } from './sections.ts';

const linkClass = ({ isActive }: { isActive: boolean }) => (isActive ? 'usa-current' : '');

/** The administration area's side nav (USWDS sidenav): the overview, then every section in ADMIN_SECTIONS. */
export function AdminNav() {
  const tr = useT(adminAreaMessages);
  const { language } = useLanguage();
  return (
    <nav aria-label={tr('sectionsLabel')}>
      <ul className="usa-sidenav">
        <li className="usa-sidenav__item">
          <NavLink to="/admin" end className={linkClass}>
            {tr('navOverview')}
          </NavLink>
        </li>
        {ADMIN_SECTIONS.map((s) => (
          <li key={s.path} className="usa-sidenav__item">
            <NavLink to={`/admin/${s.path}`} className={linkClass}>
              {s.text[language].title}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
