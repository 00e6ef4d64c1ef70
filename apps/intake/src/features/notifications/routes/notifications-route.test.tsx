import { renderAt } from '@hms/ui/render-at';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeApi } from '@hms/api-client/fake-api';
import { NotificationsRoute } from './notifications-route.tsx';

const note = (id: string, title: string) => ({
  id,
  requestId: '01900000-0000-7000-8000-000000000001',
  type: 'submitted',
  title,
  body: 'We will tell you when it has been reviewed.',
  createdAt: '2026-12-03T14:00:00Z',
  readAt: null as string | null,
});

let items: Array<ReturnType<typeof note>>;
beforeEach(() => {
  items = [
    note('n1', 'We received your request HMS-1'),
    note('n2', 'We received your request HMS-2'),
  ];
  fakeApi((request) => {
    const url = new URL(request.url);
    if (request.method === 'POST' && url.pathname.endsWith('/read-all')) {
      items = items.map((n) => ({ ...n, readAt: '2026-12-03T15:00:00Z' }));
      return new Response(null, { status: 204 });
    }
    if (request.method === 'POST') {
      items = items.map((n) =>
        url.pathname.includes(n.id) ? { ...n, readAt: '2026-12-03T15:00:00Z' } : n,
      );
      return new Response(null, { status: 204 });
    }
    return { status: 200, body: { items, nextCursor: null } };
  });
});

const renderRoute = () =>
  renderAt('/my-requests/notifications', [
    { path: '/my-requests/notifications', element: <NotificationsRoute /> },
  ]);

describe('Notifications', () => {
  it('after "Mark all as read" (which then goes away), focus is on what happened, not the top of the page', async () => {
    renderRoute();
    await userEvent.click(await screen.findByRole('button', { name: 'Mark all as read' }));
    await waitFor(() =>
      expect(document.activeElement?.textContent).toBe(
        'All your notifications are marked as read.',
      ),
    );
    await waitFor(() =>
      expect(screen.queryByRole('button', { name: 'Mark all as read' })).toBeNull(),
    );
  });

  it('after one "Mark as read", focus is on the notice naming it', async () => {
    renderRoute();
    await userEvent.click(
      await screen.findByRole('button', { name: 'Mark as read: We received your request HMS-2' }),
    );
    await waitFor(() =>
      expect(document.activeElement?.textContent).toBe(
        'Marked as read: We received your request HMS-2',
      ),
    );
  });
});
