import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { axeViolations } from './shared/axe.test-helper.ts';
import { fakeApi } from '@hms/api-client/fake-api';
import { renderAt } from '@hms/ui/render-at';
import { AdminArea } from './routes.tsx';

describe('AdminArea (mounted by the shell at /admin/*)', () => {
  it('opens on the overview with its own section nav', async () => {
    fakeApi({});
    const { container } = renderAt('/admin', [{ path: '/admin/*', element: <AdminArea /> }]);
    expect(screen.getByRole('heading', { level: 1, name: 'Administration' })).toBeTruthy();
    const nav = screen.getByRole('navigation', { name: 'Administration sections' });
    expect(
      within(nav)
        .getAllByRole('link')
        .map((l) => [l.textContent, l.getAttribute('href')]),
    ).toEqual([
      ['Overview', '/admin'],
      ['Programs', '/admin/programs'],
      ['Policy simulation', '/admin/simulations'],
      ['Practice space', '/admin/practice'],
      ['Staff', '/admin/users'],
      ['Imports', '/admin/imports'],
      ['Export', '/admin/exports'],
      ['Service tokens', '/admin/tokens'],
      ['Webhook endpoints', '/admin/webhooks'],
      ['Email outbox', '/admin/outbox'],
      ['Sign-in throttle', '/admin/sign-in-throttle'],
      ['Quality sampling', '/admin/quality'],
      ['Settings', '/admin/settings'],
      ['Audit log', '/admin/audit'],
    ]);
    expect(within(nav).getByRole('link', { name: 'Overview' }).getAttribute('aria-current')).toBe(
      'page',
    );
    expect(await axeViolations(container)).toEqual([]);
  });

  it('sends an unknown admin path back to the overview', async () => {
    fakeApi({});
    renderAt('/admin/nope', [{ path: '/admin/*', element: <AdminArea /> }]);
    expect(await screen.findByRole('heading', { level: 1, name: 'Administration' })).toBeTruthy();
    expect(screen.getByTestId('location').textContent).toBe('/admin');
  });
});
