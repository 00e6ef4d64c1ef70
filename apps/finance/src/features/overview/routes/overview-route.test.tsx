import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeApi, fakeProgram } from '@hms/api-client/fake-api';
import { renderAt } from '@hms/ui/render-at';
import { axeViolations } from '../../../shared/axe.test-helper.ts';
import { FigureListRoute } from './figure-list-route.tsx';
import { OverviewRoute } from './overview-route.tsx';

const overview = (from: string, to: string, program: string | null) => ({
  from,
  to,
  program,
  requestedCents: 390_00,
  requestedCount: 6,
  approvedCents: 525_00,
  approvedCount: 5,
  pendingPaymentCents: 295_00,
  pendingPaymentCount: 2,
  releasedCents: 30_00,
  releasedCount: 1,
  paidCents: 80_00,
  paidCount: 1,
  returnedCents: 120_00,
  returnedCount: 1,
  pastReviewDeadlineCount: 2,
  returnRate: 0.5,
  daysToDecision: { count: 6, medianDays: 2, p90Days: 3 },
  daysToPayment: { count: 1, medianDays: 7, p90Days: 7 },
  computedAt: '2026-12-01T15:00:00.000Z',
});

const programs = { items: [fakeProgram()] };

describe('OverviewRoute', () => {
  it('shows every figure with its definition and a link to its list for the same period', async () => {
    const calls = fakeApi({
      'GET /api/finance/overview': (req) => {
        const q = new URL(req.url).searchParams;
        return {
          body: overview(
            q.get('from') ?? '2026-12-01',
            q.get('to') ?? '2026-12-01',
            q.get('program'),
          ),
        };
      },
      'GET /api/programs': () => ({ body: programs }),
    });
    const { container } = renderAt('/finance/overview', [
      { path: '/finance/overview', element: <OverviewRoute /> },
    ]);
    const paid = await screen.findByRole('link', { name: /Paid, \$80\.00/ });
    expect(paid.getAttribute('href')).toBe(
      '/finance/overview/payments?from=2026-12-01&to=2026-12-01&figure=paid',
    );
    expect(
      screen.getByRole('link', { name: /Approved, \$525\.00/ }).getAttribute('href'),
    ).toContain('/finance/overview/requests?');
    const tile = container.querySelector('[data-figure="paid"]') as HTMLElement;
    expect(
      within(tile).getByText('Payments settled in the period and not returned since.'),
    ).toBeTruthy();
    expect(screen.getByText('50%')).toBeTruthy();
    expect(screen.getByText(/Computed at/)).toBeTruthy();

    // A reversed period is refused on the page, linked to the "to" field, and never asked of the API.
    fireEvent.change(screen.getByLabelText(/From \(date\)/), { target: { value: '2026-03-31' } });
    fireEvent.change(screen.getByLabelText(/To \(date, included\)/), {
      target: { value: '2026-03-01' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Show' }));
    const summary = await screen.findByRole('alert');
    expect(within(summary).getByRole('link').getAttribute('href')).toBe('#period-to');
    expect(calls.some((c) => c.url.searchParams.get('from') === '2026-03-31')).toBe(false);

    // A good period goes to the URL and the API.
    fireEvent.change(screen.getByLabelText(/To \(date, included\)/), {
      target: { value: '2026-04-30' },
    });
    fireEvent.change(screen.getByLabelText('Program'), { target: { value: 'home-energy-rebate' } });
    fireEvent.click(screen.getByRole('button', { name: 'Show' }));
    await waitFor(() =>
      expect(screen.getByTestId('location').textContent).toBe(
        '/finance/overview?from=2026-03-31&to=2026-04-30&program=home-energy-rebate',
      ),
    );
    await waitFor(() =>
      expect(
        calls.some(
          (c) =>
            c.url.pathname === '/api/finance/overview' &&
            c.url.searchParams.get('to') === '2026-04-30' &&
            c.url.searchParams.get('program') === 'home-energy-rebate',
        ),
      ).toBe(true),
    );
    expect(await axeViolations(container)).toEqual([]);
  });
});

describe('FigureListRoute', () => {
  it('lists the figure’s payments with their total, a CSV link of exactly these filters, and pages', async () => {
    const calls = fakeApi({
      'GET /api/finance/payments': (req) => {
        const q = new URL(req.url).searchParams;
        return {
          body: {
            from: '2026-03-01',
            to: '2026-03-31',
            program: null,
            figure: 'paid',
            page: Number(q.get('page') ?? 1),
            pageSize: 50,
            totalCount: 120,
            totalCents: 1234_56,
            items: [
              {
                id: 'pay-1',
                requestId: 'r1',
                reference: 'HMS-1',
                programSlug: 'home-energy-rebate',
                payeeName: 'Ana Payee',
                amountCents: 80_00,
                status: 'settled',
                statusAt: '2026-03-12T15:00:00.000Z',
                batchId: null,
                traceNumber: null,
                returnCode: null,
              },
            ],
          },
        };
      },
    });
    const { container } = renderAt(
      '/finance/overview/payments?from=2026-03-01&to=2026-03-31&figure=paid',
      [{ path: '/finance/overview/payments', element: <FigureListRoute kind="payments" /> }],
    );
    expect(await screen.findByRole('heading', { level: 1, name: 'Payments: Paid' })).toBeTruthy();
    expect((await screen.findByTestId('list-total')).textContent).toBe(
      '120 rows, $1,234.56 in total.',
    );
    const csv = screen.getByRole('link', { name: 'Download these 120 rows (CSV)' });
    expect(csv.getAttribute('href')).toBe(
      '/api/finance/payments?from=2026-03-01&to=2026-03-31&figure=paid&format=csv',
    );
    expect(screen.getByRole('rowheader', { name: 'HMS-1' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /Next/ }));
    await waitFor(() =>
      expect(calls.some((c) => c.url.searchParams.get('page') === '2')).toBe(true),
    );
    fireEvent.change(screen.getByLabelText('Search'), { target: { value: 'Ana' } });
    fireEvent.change(screen.getByLabelText('Sort by'), { target: { value: 'amount' } });
    fireEvent.click(screen.getByRole('button', { name: 'Apply' }));
    await waitFor(() => {
      const last = calls.at(-1)!.url.searchParams;
      expect([last.get('q'), last.get('sort'), last.get('page')]).toEqual(['Ana', 'amount', '1']);
    });
    expect(screen.getByRole('link', { name: /Download/ }).getAttribute('href')).toBe(
      '/api/finance/payments?from=2026-03-01&to=2026-03-31&figure=paid&q=Ana&sort=amount&order=desc&format=csv',
    );
    expect(await axeViolations(container)).toEqual([]);
  });
});
