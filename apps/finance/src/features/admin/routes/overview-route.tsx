import { PageTitle, useT } from '@hms/ui';
import { Link } from 'react-router';
import { adminMessages } from '../messages.ts';

const SECTIONS = [
  { to: '/admin/tokens', title: 'navTokens', body: 'overviewTokens' },
  { to: '/admin/webhooks', title: 'navWebhooks', body: 'overviewWebhooks' },
  { to: '/admin/outbox', title: 'navOutbox', body: 'overviewOutbox' },
  { to: '/admin/sign-in-throttle', title: 'navThrottle', body: 'overviewThrottle' },
] as const;

/** Admin landing page: what each administration section is for. */
export function AdminOverviewRoute() {
  const tr = useT(adminMessages);
  return (
    <>
      <PageTitle>{tr('overviewTitle')}</PageTitle>
      <p className="usa-intro">{tr('overviewLead')}</p>
      <ul className="usa-list usa-list--unstyled">
        {SECTIONS.map((s) => (
          <li key={s.to} className="margin-bottom-3">
            <h2 className="font-heading-md margin-bottom-05">
              <Link className="usa-link" to={s.to}>
                {tr(s.title)}
              </Link>
            </h2>
            <p className="margin-top-0">{tr(s.body)}</p>
          </li>
        ))}
      </ul>
    </>
  );
}
