import { renderAt } from '@hms/ui/render-at';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeApi } from '@hms/api-client/fake-api';
import { MyRequestsRoute } from './my-requests-route.tsx';
import type { Language } from '@hms/contracts/language';

const item = (n: number, status: string, submittedAt: string | null) => ({
  id: `id-${n}`,
  reference: `HMS-2026-00000${n}`,
  programId: 'p1',
  programName: { en: 'Home Energy Rebate', es: 'Reembolso de energía' },
  status,
  amountRequestedCents: 123456,
  submittedAt,
  updatedAt: '2026-11-20T15:00:00Z',
});

let pages: Record<string, unknown>;
const requested: string[] = [];

beforeEach(() => {
  requested.length = 0;
  // Only the network edge is faked; the API client, query options and components are real.
  fakeApi((request) => {
    const url = new URL(request.url);
    if (request.method === 'DELETE') {
      requested.push(`DELETE ${url.pathname}`);
      const first = pages.first as { items: Array<{ id: string }> };
      pages = {
        ...pages,
        first: { ...first, items: first.items.filter((i) => !url.pathname.endsWith(i.id)) },
      };
      return new Response(null, { status: 204 });
    }
    requested.push(url.pathname + url.search);
    const body = pages[url.searchParams.get('cursor') ?? 'first'];
    if (!body) return { status: 500, body: { title: 'Server error', status: 500 } };
    return { body };
  });
});
afterEach(() => {
  // Unmounted before the rest is reset (the shared set-up's clean-up runs after this one).
  cleanup();
  localStorage.clear();
});

function renderRoute(language: Language = 'en') {
  renderAt('/my-requests', [{ path: '/my-requests', element: <MyRequestsRoute /> }], { language });
}

describe('My requests', () => {
  it('shows the empty state with a link to the catalog', async () => {
    pages = { first: { items: [], nextCursor: null } };
    renderRoute();
    expect(await screen.findByRole('heading', { name: 'You have no requests yet' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'list of services' }).getAttribute('href')).toBe(
      '/services',
    );
  });

  it('lists requests with status, money from cents and drafts as not submitted, then loads the next page', async () => {
    pages = {
      first: {
        items: [item(1, 'draft', null), item(2, 'needs_info', '2026-11-02T14:00:00Z')],
        nextCursor: 'c2',
      },
      c2: {
        items: [item(3, 'awaiting_second_approval', '2026-10-01T14:00:00Z')],
        nextCursor: null,
      },
    };
    renderRoute();
    const first = await screen.findByRole('row', { name: /HMS-2026-000001/ });
    expect(within(first).getByText('Draft')).toBeTruthy();
    expect(within(first).getByText('Not submitted')).toBeTruthy();
    expect(within(first).getByText('$1,234.56')).toBeTruthy();
    expect(
      within(screen.getByRole('row', { name: /HMS-2026-000002/ })).getByText('Information needed'),
    ).toBeTruthy();

    await userEvent.click(screen.getByRole('button', { name: 'Show more requests' }));
    const third = await screen.findByRole('row', { name: /HMS-2026-000003/ });
    // An internal step is shown to the citizen as plain "In review".
    expect(within(third).getByText('In review')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Show more requests' })).toBeNull();
    expect(requested).toEqual([
      '/api/requests/mine?limit=20',
      '/api/requests/mine?limit=20&cursor=c2',
    ]);
  });

  it('labels every cell with its column, so the stacked table at 320 px still says what each value is', async () => {
    pages = { first: { items: [item(2, 'needs_info', '2026-11-02T14:00:00Z')], nextCursor: null } };
    renderRoute();
    const row = await screen.findByRole('row', { name: /HMS-2026-000002/ });
    expect(row.closest('table')!.className).toContain('usa-table--stacked');
    const labels = [...row.querySelectorAll('th, td')].map((c) => c.getAttribute('data-label'));
    const headers = screen.getAllByRole('columnheader').map((h) => h.textContent);
    expect(labels).toEqual(headers);
  });

  it('deletes a draft only after confirming; "keep it" gives focus back to the button', async () => {
    const user = userEvent.setup();
    pages = {
      first: {
        items: [item(1, 'draft', null), item(2, 'submitted', '2026-11-02T14:00:00Z')],
        nextCursor: null,
      },
    };
    renderRoute();
    const row = await screen.findByRole('row', { name: /HMS-2026-000001/ });
    // Only drafts can be deleted.
    expect(
      within(screen.getByRole('row', { name: /HMS-2026-000002/ })).queryByRole('button'),
    ).toBeNull();
    const button = within(row).getByRole('button', { name: 'Delete draft HMS-2026-000001' });
    await user.click(button);
    expect(document.activeElement?.textContent).toBe(
      'Delete your draft HMS-2026-000001 (Home Energy Rebate)?',
    );
    await user.click(screen.getByRole('button', { name: 'No, keep it' }));
    await waitFor(() => expect(document.activeElement).toBe(button));
    expect(requested.filter((r) => r.startsWith('DELETE'))).toEqual([]);

    await user.click(button);
    await user.click(screen.getByRole('button', { name: 'Yes, delete the draft' }));
    expect((await screen.findByRole('status')).textContent).toContain(
      'Draft HMS-2026-000001 was deleted.',
    );
    expect(requested).toContain('DELETE /api/requests/id-1');
    await waitFor(() => expect(screen.queryByRole('row', { name: /HMS-2026-000001/ })).toBeNull());
    expect(screen.getByRole('row', { name: /HMS-2026-000002/ })).toBeTruthy();
  });

  it('speaks Spanish', async () => {
    pages = { first: { items: [item(1, 'paid', '2026-11-02T14:00:00Z')], nextCursor: null } };
    renderRoute('es');
    expect(await screen.findByRole('heading', { level: 1, name: 'Mis solicitudes' })).toBeTruthy();
    expect(await screen.findByText('Pagada')).toBeTruthy();
    expect(screen.getByText('Reembolso de energía')).toBeTruthy();
    // Dates in words, in Spanish; never ISO.
    const row = screen.getByRole('row', { name: /HMS-2026-000001/ });
    expect(within(row).getByText('2 de noviembre de 2026')).toBeTruthy();
    expect(within(row).getByText('20 de noviembre de 2026')).toBeTruthy();
    expect(row.textContent).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });

  it('shows the API problem with a retry when the list cannot be loaded', async () => {
    pages = {};
    renderRoute();
    // Our own heading, never the server's title.
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByRole('heading').textContent).toBe('Something went wrong');
    expect(alert.textContent).not.toContain('Server error');
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy();
  });
});
