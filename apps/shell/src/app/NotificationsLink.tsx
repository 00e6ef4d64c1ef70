import { unreadNotificationsQueryOptions } from '@hms/api-client';
import { useT } from '@hms/ui';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { shellMessages } from './messages.ts';

/**
 * The citizen's notifications link in the header, with the unread count. The intake remote invalidates
 * `notificationKeys.all` when the person reads or causes a notification, which refreshes this count too.
 */
export function NotificationsLink() {
  const tr = useT(shellMessages);
  const unread = useQuery(unreadNotificationsQueryOptions());
  const count = unread.data ?? 0;
  return (
    <Link
      to="/my-requests/notifications"
      aria-label={count > 0 ? tr('notificationsUnread', { count }) : undefined}
    >
      {tr('notifications')}
      {count > 0 ? (
        <span className="usa-tag bg-secondary-dark margin-left-05" aria-hidden="true">
          {count}
        </span>
      ) : null}
    </Link>
  );
}
