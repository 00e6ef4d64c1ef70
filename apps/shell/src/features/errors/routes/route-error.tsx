import { useT, PageIntro } from '@hms/ui';
import { Link } from 'react-router';
import { shellMessages } from '../../../app/messages.ts';

/** Last-resort error page for a failure in the shell's own routes (remotes have their own boundary). */
export function RouteError() {
  const tr = useT(shellMessages);
  return (
    <div className="grid-container">
      <PageIntro title={tr('errorTitle')} lead={tr('errorBody')} />
      <p>
        <Link to="/">{tr('goHome')}</Link>
      </p>
    </div>
  );
}
