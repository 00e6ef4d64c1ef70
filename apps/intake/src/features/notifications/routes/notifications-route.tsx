import {
  EmptyState,
  QueryState,
  formatDateTime,
  useFocusWhen,
  useLanguage,
  useT,
  PageIntro,
} from '@hms/ui';
import { useState } from 'react';
import { SuccessNotice } from '../../../shared/success-notice.tsx';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import {
  markAllReadMutationOptions,
  markReadMutationOptions,
  notificationsQueryOptions,
} from '../api/notifications-api.ts';
import { notificationMessages } from '../messages.ts';

/** `/my-requests/notifications`: every message about the person's requests, newest first, unread marked. */
export function NotificationsRoute() {
  const tr = useT(notificationMessages);
  const { language } = useLanguage();
  const queryClient = useQueryClient();
  const list = useInfiniteQuery(notificationsQueryOptions(language));
  const markRead = useMutation(markReadMutationOptions(queryClient));
  const markAll = useMutation(markAllReadMutationOptions(queryClient));
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const anyUnread = items.some((n) => n.readAt === null);
  // A mark-as-read button goes away once used: what it did is said in a notice that takes the focus, which would
  // otherwise fall to the top of the page.
  const [notice, setNotice] = useState<{ text: string } | null>(null);
  const noticeRef = useFocusWhen<HTMLDivElement>(notice);
  return (
    <div className="maxw-tablet">
      <PageIntro title={tr('title')} lead={tr('lead')} />
      <QueryState
        query={list}
        loading={tr('loading')}
        empty={<EmptyState title={tr('empty')} body={tr('emptyBody')} />}
        isEmpty={() => items.length === 0}
      >
        {() => (
          <>
            {notice ? <SuccessNotice ref={noticeRef}>{notice.text}</SuccessNotice> : null}
            {anyUnread ? (
              <button
                type="button"
                className="usa-button usa-button--outline"
                onClick={() =>
                  markAll.mutate(undefined, {
                    onSuccess: () => setNotice({ text: tr('allMarked') }),
                  })
                }
                disabled={markAll.isPending}
              >
                {tr('markAll')}
              </button>
            ) : null}
            <ul className="usa-list usa-list--unstyled margin-top-2">
              {items.map((n) => (
                <li
                  key={n.id}
                  className={`padding-2 margin-bottom-1 border-1px ${n.readAt ? 'border-base-lighter' : 'border-primary bg-primary-lighter'}`}
                >
                  <h2 className="font-sans-md margin-0">
                    {n.readAt ? null : (
                      <span className="usa-tag margin-right-1">{tr('unread')}</span>
                    )}
                    {n.title}
                  </h2>
                  <p className="margin-y-1 text-base-dark">
                    <time dateTime={n.createdAt}>{formatDateTime(n.createdAt, language)}</time>
                  </p>
                  <p className="margin-y-1">{n.body}</p>
                  <p className="margin-0">
                    {n.requestId ? (
                      <Link
                        to={`/my-requests/${n.requestId}`}
                        className="margin-right-2"
                        onClick={() => (n.readAt ? undefined : markRead.mutate(n.id))}
                      >
                        {tr('viewRequest')}
                      </Link>
                    ) : null}
                    {n.readAt ? null : (
                      <button
                        type="button"
                        className="usa-button usa-button--unstyled"
                        onClick={() =>
                          markRead.mutate(n.id, {
                            onSuccess: () => setNotice({ text: tr('marked', { title: n.title }) }),
                          })
                        }
                      >
                        {tr('markRead')}
                        <span className="usa-sr-only">: {n.title}</span>
                      </button>
                    )}
                  </p>
                </li>
              ))}
            </ul>
            {list.hasNextPage ? (
              <button
                type="button"
                className="usa-button usa-button--outline"
                onClick={() => void list.fetchNextPage()}
              >
                {tr('loadMore')}
              </button>
            ) : null}
          </>
        )}
      </QueryState>
    </div>
  );
}
