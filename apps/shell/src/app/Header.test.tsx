import { meKeys, notificationKeys, type CurrentUser } from '@hms/api-client';
import { LanguageProvider } from '@hms/ui';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { Header } from './Header.tsx';
import { RequireRole } from './RequireRole.tsx';
import { AREA_ROLES } from './navigation.ts';
import { userWith } from './user.test-helper.ts';

function renderAt(path: string, user: CurrentUser | null, unread = 0) {
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false, staleTime: Infinity } },
  });
  // The session as GET /api/me would have returned it; no network in this test.
  queryClient.setQueryData(meKeys.all, user);
  queryClient.setQueryData(notificationKeys.unreadCount(), unread);
  const router = createMemoryRouter(
    [
      {
        path: '/',
        element: <Header />,
        children: [],
      },
      // Each staff area: the header over the area's content, shown only to its roles.
      ...(
        [
          ['approvals', 'Approver area'],
          ['admin', 'Admin area'],
        ] as const
      ).map(([area, heading]) => ({
        path: `/${area}/*`,
        element: (
          <>
            <Header />
            <RequireRole roles={AREA_ROLES[area]}>
              <h1>{heading}</h1>
            </RequireRole>
          </>
        ),
      })),
      { path: '/sign-in', element: <h1>Sign in page</h1> },
    ],
    { initialEntries: [path] },
  );
  render(
    <QueryClientProvider client={queryClient}>
      <LanguageProvider initialLanguage="en">
        <RouterProvider router={router} />
      </LanguageProvider>
    </QueryClientProvider>,
  );
}

function navLinks() {
  const nav = screen.getByRole('navigation', { name: 'Primary navigation' });
  return within(nav)
    .queryAllByRole('link')
    .map((link) => link.textContent);
}

describe('role-based navigation', () => {
  it('offers services and sign in to visitors', () => {
    renderAt('/', null);
    expect(navLinks()).toEqual(['Services', 'Sign in']);
  });

  it('gives citizens their areas and no staff links', () => {
    renderAt('/', userWith(['citizen']));
    expect(navLinks()).toEqual(['Services', 'My requests', 'Notifications']);
    expect(screen.getByText('Signed in as Una User')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Sign out' })).toBeTruthy();
  });

  it("shows a citizen's unread notification count in the header", () => {
    renderAt('/', userWith(['citizen']), 3);
    const link = screen.getByRole('link', { name: 'Notifications, 3 unread' });
    expect(link.getAttribute('href')).toBe('/my-requests/notifications');
    expect(link.textContent).toBe('Notifications3');
  });

  it('gives approvers the approvals area only', () => {
    renderAt('/', userWith(['senior_approver']));
    expect(navLinks()).toEqual(['Approvals']);
  });

  it('gives finance staff the finance area and the policy simulation', () => {
    renderAt('/', userWith(['finance_supervisor']));
    expect(navLinks()).toEqual(['Finance', 'Policy simulation']);
  });

  it('gives an admin the Admin area only', () => {
    renderAt('/', userWith(['admin']));
    expect(navLinks()).toEqual(['Admin']);
    expect(screen.getByRole('link', { name: 'Admin' }).getAttribute('href')).toBe('/admin');
  });

  it('lets an admin into the admin area', () => {
    renderAt('/admin/outbox', userWith(['admin']));
    expect(screen.getByRole('heading', { name: 'Admin area' })).toBeTruthy();
  });

  for (const { title, path, roles, area, nav } of [
    {
      title: 'shows finance staff who open /admin the not-allowed page, not the area',
      path: '/admin',
      roles: ['finance_supervisor'],
      area: 'Admin area',
      nav: ['Finance', 'Policy simulation'],
    },
    {
      title: 'shows a citizen who opens /approvals the not-allowed page, not the area',
      path: '/approvals',
      roles: ['citizen'],
      area: 'Approver area',
      nav: ['Services', 'My requests', 'Notifications'],
    },
  ] as const)
    it(title, () => {
      renderAt(path, userWith([...roles]));
      expect(
        screen.getByRole('heading', { level: 1, name: 'You do not have access to this page' }),
      ).toBeTruthy();
      expect(screen.queryByText(area)).toBeNull();
      expect(navLinks()).toEqual(nav);
    });

  it('sends a signed-out visitor to sign in, remembering where they were going', async () => {
    renderAt('/approvals/queue', null);
    expect(await screen.findByRole('heading', { name: 'Sign in page' })).toBeTruthy();
  });

  it('lets an approver into the approvals area', () => {
    renderAt('/approvals', userWith(['approver']));
    expect(screen.getByRole('heading', { name: 'Approver area' })).toBeTruthy();
  });
});
