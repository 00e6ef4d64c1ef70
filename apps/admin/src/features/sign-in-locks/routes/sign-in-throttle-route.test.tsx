import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeApi } from '@hms/api-client/fake-api';
import { renderAt } from '@hms/ui/render-at';
import { SignInThrottleRoute } from './sign-in-throttle-route.tsx';

describe('Sign-in throttle (admin)', () => {
  it('clears an account; its row and button go, and focus goes to the notice, not the page', async () => {
    let items = [
      {
        email: 'senior@example.gov',
        failures: 4,
        sources: 1,
        lastFailureAt: '2026-12-03T09:25:22.055Z',
        waitUntil: null,
      },
    ];
    const calls = fakeApi({
      'GET /api/admin/sign-in-throttle': () => ({ status: 200, body: { items } }),
      'POST /api/admin/sign-in-throttle/clear': () => {
        items = [];
        return { status: 200, body: { email: 'senior@example.gov', cleared: true } };
      },
    });
    renderAt('/t', [{ path: '/t', element: <SignInThrottleRoute /> }]);
    fireEvent.click(await screen.findByRole('button', { name: 'Clear senior@example.gov' }));
    const notice = await screen.findByText(/^Cleared senior@example\.gov/);
    expect(calls.find((c) => c.method === 'POST')!.body).toEqual({ email: 'senior@example.gov' });
    await waitFor(() =>
      expect(screen.queryByRole('button', { name: 'Clear senior@example.gov' })).toBeNull(),
    );
    expect(document.activeElement).toBe(notice.closest('[role=status]'));
  });
});
