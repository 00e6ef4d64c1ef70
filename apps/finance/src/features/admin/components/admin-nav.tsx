import { useT } from '@hms/ui';
import { NavLink } from 'react-router';
import { adminMessages } from '../messages.ts';

const SECTIONS = [
  { to: '/admin', key: 'navOverview', end: true },
  { to: '/admin/tokens', key: 'navTokens', end: false },
  { to: '/admin/webhooks', key: 'navWebhooks', end: false },
  { to: '/admin/outbox', key: 'navOutbox', end: false },
  { to: '/admin/sign-in-throttle', key: 'navThrottle', end: false },
] as const;

/** The administration area's own section links (the shell's header only links to /admin). */
export function AdminNav() {
  const tr = useT(adminMessages);
  return (
    <nav
      aria-label={tr('sectionsLabel')}
      className="margin-bottom-3 border-bottom-1px border-base-lighter"
    >
      <ul className="usa-button-group margin-bottom-1">
        {SECTIONS.map((s) => (
          <li key={s.to} className="usa-button-group__item">
            <NavLink
              to={s.to}
              end={s.end}
              className={({ isActive }) =>
                `usa-button ${isActive ? '' : 'usa-button--unstyled padding-x-1'}`
              }
            >
              {tr(s.key)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
