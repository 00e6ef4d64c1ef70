import { LanguageProvider } from '@hms/ui';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { QueuesRoute } from './queues-route.tsx';

function serve(status: number, body: unknown) {
  vi.stubGlobal('fetch', async () => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }));
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function renderRoute() {
  render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <LanguageProvider initialLanguage="en">
        <QueuesRoute />
      </LanguageProvider>
    </QueryClientProvider>,
  );
}

describe('Approval queues', () => {
  it('shows each queue with its count', async () => {
    serve(200, { unassigned: 4, assignedToMe: 1, awaitingSecondApproval: 2, waitingForCitizen: 0, overdue: 1234, all: 7 });
    renderRoute();
    expect(await screen.findByRole('heading', { name: 'Unassigned' })).toBeTruthy();
    expect(screen.getByText('4 requests')).toBeTruthy();
    expect(screen.getByText('1 request')).toBeTruthy();
    expect(screen.getByText('1,234 requests')).toBeTruthy();
    expect(screen.queryByText('No requests are waiting')).toBeNull();
  });

  it('says when nothing is waiting', async () => {
    serve(200, { unassigned: 0, assignedToMe: 0, awaitingSecondApproval: 0, waitingForCitizen: 0, overdue: 0, all: 0 });
    renderRoute();
    expect(await screen.findByRole('heading', { name: 'No requests are waiting' })).toBeTruthy();
  });

  it('shows an error with retry', async () => {
    serve(500, { type: 'about:blank', title: 'Internal Server Error', status: 500 });
    renderRoute();
    expect((await screen.findByRole('alert')).textContent).toContain('Internal Server Error');
  });
});
