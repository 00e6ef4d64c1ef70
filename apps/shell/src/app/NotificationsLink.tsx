import { apiClient, unwrap } from '@hms/api-client';
import { useT } from '@hms/ui';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { shellMessages } from './messages.ts';

/** Shared with the intake remote, which invalidates ['notifications'] when the person reads or causes one. */
export const unreadCountQueryKey = ['notifications', 'unread'] as const;

/** The citizen's notifications link in the header, with the unread count (re-checked every minute). */
export function NotificationsLink() {
  const tr = useT(shellMessages);
  const unread = useQuery({
    queryKey: unreadCountQueryKey,
    queryFn: async ({ signal }) =>
      (await unwrap(apiClient.GET('/api/notifications/unread-count', { signal }))).unread,
    refetchInterval: 60_000,
    staleTime: 30_000,
  });
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
