import { LanguageProvider } from '@hms/ui';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeApi } from '@hms/api-client/fake-api';
import { SummaryRoute } from './summary-route.tsx';

function serve(status: number, body: unknown) {
  fakeApi(() => ({ status, body }));
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function renderRoute() {
  render(
    <QueryClientProvider
      client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}
    >
      <LanguageProvider initialLanguage="en">
        <SummaryRoute />
      </LanguageProvider>
    </QueryClientProvider>,
  );
}

describe('Finance summary', () => {
  it('shows totals and one row per program, formatted from integer cents', async () => {
    serve(200, {
      totals: { approvedCents: 1000001, pendingCents: 250, paidCents: 0, returnedCents: 99 },
      byProgram: [
        {
          programId: 'p1',
          programName: { en: 'Rebate', es: 'Reembolso' },
          approvedCents: 1000001,
          pendingCents: 250,
          paidCents: 0,
          returnedCents: 99,
          requestCount: 3,
        },
      ],
    });
    renderRoute();
    const totals = await screen.findByRole('region', { name: 'Totals' });
    expect(within(totals).getByText('$10,000.01')).toBeTruthy();
    const row = screen.getByRole('row', { name: /Rebate/ });
    expect(within(row).getByText('3')).toBeTruthy();
    expect(within(row).getByText('$2.50')).toBeTruthy();
    expect(within(row).getByText('$0.99')).toBeTruthy();
  });

  it('says so when no money has moved', async () => {
    serve(200, {
      totals: { approvedCents: 0, pendingCents: 0, paidCents: 0, returnedCents: 0 },
      byProgram: [],
    });
    renderRoute();
    expect(await screen.findByRole('heading', { name: 'No money has moved yet' })).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('shows a refusal readably', async () => {
    serve(403, {
      type: 'about:blank',
      title: 'Forbidden',
      status: 403,
      detail: 'Your role cannot see finance data.',
      code: 'auth.role_required',
    });
    renderRoute();
    const alert = await screen.findByRole('alert');
    // The reader's message for the code, never the server's English title.
    expect(alert.textContent).toContain('You cannot do this');
    expect(alert.textContent).toContain('Your account does not have permission to do this.');
    expect(alert.textContent).not.toContain('Forbidden');
  });
});
