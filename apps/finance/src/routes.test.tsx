import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeApi } from '@hms/api-client/fake-api';
import { renderAt } from '@hms/ui/render-at';
import { FinanceArea } from './routes.tsx';

describe('FinanceArea', () => {
  it('no longer lists or serves the admin sections', async () => {
    fakeApi({});
    renderAt('/finance/integration/tokens', [{ path: '/finance/*', element: <FinanceArea /> }]);
    const nav = screen.getByRole('navigation', { name: 'Finance sections' });
    expect(within(nav).queryByRole('link', { name: 'Service tokens' })).toBeNull();
    expect(within(nav).queryByRole('link', { name: 'Webhook endpoints' })).toBeNull();
    expect(screen.getByTestId('location').textContent).toBe('/finance');
  });

  it('opens on Today, with the overview one section over', () => {
    fakeApi({});
    renderAt('/finance', [{ path: '/finance/*', element: <FinanceArea /> }]);
    const links = within(screen.getByRole('navigation', { name: 'Finance sections' })).getAllByRole(
      'link',
    );
    expect(links.slice(0, 2).map((l) => [l.textContent, l.getAttribute('href')])).toEqual([
      ['Today', '/finance'],
      ['Overview', '/finance/overview'],
    ]);
    expect(screen.getByRole('heading', { level: 1, name: 'Today' })).toBeTruthy();
  });
});
