import { PageTitle, useT } from '@hms/ui';
import { Link } from 'react-router';
import { shellMessages } from '../../../app/messages.ts';

export function NotFoundRoute() {
  const tr = useT(shellMessages);
  return (
    <>
      <PageTitle>{tr('notFoundTitle')}</PageTitle>
      <p className="usa-intro">{tr('notFoundBody')}</p>
      <p>
        <Link to="/">{tr('goHome')}</Link>
      </p>
    </>
  );
}
