import { LanguageProvider } from '@hms/ui';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MyRequestsRoute } from './my-requests-route.tsx';

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
  vi.stubGlobal('fetch', async (request: Request) => {
    const url = new URL(request.url);
    requested.push(url.pathname + url.search);
    const body = pages[url.searchParams.get('cursor') ?? 'first'];
    if (!body)
      return new Response(JSON.stringify({ title: 'Server error', status: 500 }), { status: 500 });
    return new Response(JSON.stringify(body), {
      status: 200,
      headers: { 'content-type': 'application/json' },
    });
  });
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  localStorage.clear();
});

function renderRoute(language: 'en' | 'es' = 'en') {
  render(
    <QueryClientProvider
      client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}
    >
      <LanguageProvider initialLanguage={language}>
        <MemoryRouter>
          <MyRequestsRoute />
        </MemoryRouter>
      </LanguageProvider>
    </QueryClientProvider>,
  );
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

  it('speaks Spanish', async () => {
    pages = { first: { items: [item(1, 'paid', '2026-11-02T14:00:00Z')], nextCursor: null } };
    renderRoute('es');
    expect(await screen.findByRole('heading', { level: 1, name: 'Mis solicitudes' })).toBeTruthy();
    expect(await screen.findByText('Pagada')).toBeTruthy();
    expect(screen.getByText('Reembolso de energía')).toBeTruthy();
  });

  it('shows the API problem with a retry when the list cannot be loaded', async () => {
    pages = {};
    renderRoute();
    expect((await screen.findByRole('alert')).textContent).toContain('Something went wrong');
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy();
  });
});
