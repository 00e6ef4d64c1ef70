import { useT } from '@hms/ui';
import { Link } from 'react-router';
import { staffMessages } from '../messages.ts';

/** The way back to the staff list, above a person's page and the invitation form. */
export function BackToList() {
  const tr = useT(staffMessages);
  return (
    <p>
      <Link className="usa-link" to="/admin/users">
        {tr('backToList')}
      </Link>
    </p>
  );
}
