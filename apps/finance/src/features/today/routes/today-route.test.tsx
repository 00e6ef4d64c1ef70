import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeApi } from '@hms/api-client/fake-api';
import { renderAt } from '@hms/ui/render-at';
import { axeViolations } from '../../../shared/axe.test-helper.ts';
import { remainingParts } from '../components/cutoff-countdown.tsx';
import { TodayRoute } from './today-route.tsx';

afterEach(() => {
  // Unmounted before the rest is reset (the shared set-up's clean-up runs after this one).
  cleanup();
  vi.useRealTimers();
});

const today = (releasableByYou: number) => ({
  timeZone: 'America/New_York',
  sameDayCutoff: '14:45',
  cutoffs: {
    // Wednesday 4 December 2024: the same-day window closes at 14:45 EST (19:45Z), next day starts at 05:00Z.
    sameDay: { closesAt: '2024-12-04T19:45:00.000Z', effectiveDate: '2024-12-04' },
    nextDay: { closesAt: '2024-12-05T05:00:00.000Z', effectiveDate: '2024-12-05' },
  },
  waitingToBatch: {
    count: 4,
    cents: 195_50,
    oldestCreatedAt: '2019-05-01T03:30:00.000Z',
    oldestCreatedOn: '2019-04-30',
    link: '/finance/payments',
  },
  waitingForRelease: {
    count: 3,
    cents: 65_00,
    releasableByYou,
    link: '/finance/batches?status=built',
  },
  held: {
    prenoteInFlight: { count: 1, cents: 60_00, link: '/finance/payments?status=prenote_sent' },
    accountChanged: { count: 1, cents: 40_00, link: '/finance/returns' },
  },
  returnsToWork: {
    count: 1,
    cents: 70_00,
    link: '/finance/reconciliation/exceptions?reason=return_not_reissued',
  },
  nocsToDecide: { count: 1, link: '/finance/returns' },
  webhooksFailing: { count: 2, link: '/finance/integration?status=failed' },
  webhooksDead: { count: 0, link: '/finance/integration?status=dead' },
  computedAt: '2024-12-04T17:00:00.000Z',
});

const me = (roles: string[]) => ({
  id: 'u1',
  email: 'supervisor@example.gov',
  displayName: 'Sam Supervisor',
  roles,
});

describe('TodayRoute', () => {
  it('counts down to the nearer cut-off in the agency zone and links every figure to its list', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    // 12:32:30 in New York: 2 h 13 min (rounded up) to the 14:45 same-day cut-off.
    vi.setSystemTime(new Date('2024-12-04T17:32:30Z'));
    fakeApi({
      'GET /api/finance/today': () => ({ body: today(1) }),
      'GET /api/me': () => ({ body: me(['finance_supervisor']) }),
    });
    const { container } = renderAt('/finance', [{ path: '/finance', element: <TodayRoute /> }]);
    const countdown = await screen.findByText('Next cut-off: same-day, in 2 h 13 min.');
    expect(countdown.getAttribute('role')).toBe('status');
    expect(countdown.getAttribute('aria-live')).toBe('polite');
    expect(
      screen.getByText(/Wednesday, December 4.*2:45\sPM EST.*settles on December 4, 2024/),
    ).toBeTruthy();
    expect(
      screen
        .getByRole('link', { name: 'Open the list: Approved, waiting to be batched, Payments: 4' })
        .getAttribute('href'),
    ).toBe('/finance/payments');
    const tile = container.querySelector('[data-today="waitingToBatch"]') as HTMLElement;
    expect(within(tile).getByText('$195.50')).toBeTruthy();
    expect(within(tile).getByText('Oldest created April 30, 2019')).toBeTruthy();
    expect(
      screen
        .getByRole('link', { name: /Batches waiting for release, Batches: 3/ })
        .getAttribute('href'),
    ).toBe('/finance/batches?status=built');
    expect(await screen.findByText('1 waiting for you to release')).toBeTruthy();
    expect(
      screen.getByRole('link', { name: /Webhook deliveries failing/ }).getAttribute('href'),
    ).toBe('/finance/integration?status=failed');
    expect(screen.getByText(/Computed at 12:00:00\sPM/)).toBeTruthy();
    expect(await axeViolations(container)).toEqual([]);
  });

  it('tells a finance officer who may not release that a supervisor does, in Spanish too', async () => {
    fakeApi({
      'GET /api/finance/today': () => ({ body: today(0) }),
      'GET /api/me': () => ({ body: me(['finance']) }),
    });
    renderAt('/finance', [{ path: '/finance', element: <TodayRoute /> }], { language: 'es' });
    expect(
      await screen.findByText('Un supervisor de finanzas que no armó el lote lo libera.'),
    ).toBeTruthy();
    expect(screen.queryByText(/esperan que usted los libere/)).toBeNull();
  });

  it('shows the API failure with a retry instead of figures', async () => {
    fakeApi({
      'GET /api/finance/today': () => ({ status: 500, body: { title: 'Server error' } }),
      'GET /api/me': () => ({ body: me(['finance']) }),
    });
    renderAt('/finance', [{ path: '/finance', element: <TodayRoute /> }]);
    expect(await screen.findByRole('button', { name: /try again/i })).toBeTruthy();
  });
});

describe('remainingParts', () => {
  it('rounds up to whole minutes and splits days, hours and minutes', () => {
    const t0 = Date.parse('2024-12-04T17:00:00Z');
    expect(remainingParts(t0 + 59_000, t0)).toEqual({ days: 0, hours: 0, minutes: 1 });
    expect(remainingParts(t0 + 61_000, t0)).toEqual({ days: 0, hours: 0, minutes: 2 });
    expect(remainingParts(t0 + (26 * 60 + 5) * 60_000, t0)).toEqual({
      days: 1,
      hours: 2,
      minutes: 5,
    });
    expect(remainingParts(t0 - 1, t0)).toEqual({ days: 0, hours: 0, minutes: 0 });
  });
});
