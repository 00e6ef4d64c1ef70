import { useT, PageIntro } from '@hms/ui';
import { Link } from 'react-router';
import { shellMessages } from '../../../app/messages.ts';

/** Shown in place of an area the signed-in user's roles do not allow (the API would refuse it with 403). */
export function ForbiddenRoute() {
  const tr = useT(shellMessages);
  return (
    <>
      <PageIntro title={tr('forbiddenTitle')} lead={tr('forbiddenBody')} />
      <p>
        <Link to="/">{tr('goHome')}</Link>
      </p>
    </>
  );
}
