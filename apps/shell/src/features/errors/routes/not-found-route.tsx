import { useT, PageIntro } from '@hms/ui';
import { Link } from 'react-router';
import { shellMessages } from '../../../app/messages.ts';

export function NotFoundRoute() {
  const tr = useT(shellMessages);
  return (
    <>
      <PageIntro title={tr('notFoundTitle')} lead={tr('notFoundBody')} />
      <p>
        <Link to="/">{tr('goHome')}</Link>
      </p>
    </>
  );
}
