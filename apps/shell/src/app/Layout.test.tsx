import { meKeys, notificationKeys, type CurrentUser } from '@hms/api-client';
import { LANGUAGE_STORAGE_KEY, LanguageProvider } from '@hms/ui';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { fakeApi } from '@hms/api-client/fake-api';
import { Layout } from './Layout.tsx';
import { userWith } from './user.test-helper.ts';

function renderSignedIn(user: CurrentUser | null) {
  const calls = fakeApi({
    'PATCH /api/me': () => ({
      body: { user: { ...(user ?? userWith(['citizen'])), language: 'es' } },
    }),
  });
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false, staleTime: Infinity } },
  });
  queryClient.setQueryData(meKeys.all, user);
  queryClient.setQueryData(notificationKeys.unreadCount(), 0);
  const router = createMemoryRouter(
    [{ path: '/', element: <Layout />, children: [{ index: true, element: <h1>Home</h1> }] }],
    { initialEntries: ['/'] },
  );
  render(
    <QueryClientProvider client={queryClient}>
      <LanguageProvider initialLanguage="en">
        <RouterProvider router={router} />
      </LanguageProvider>
    </QueryClientProvider>,
  );
  return { calls, queryClient };
}

afterEach(() => localStorage.clear());

describe('the page language and the profile language', () => {
  it("on a shared device, the last person's choice does not rewrite the next person's profile", async () => {
    // The person before chose Spanish on this browser; this one reads English.
    localStorage.setItem(LANGUAGE_STORAGE_KEY, 'es');
    const { calls } = renderSignedIn({ ...userWith(['citizen']), language: 'en' });
    await waitFor(() => expect(document.documentElement.lang).toBe('en'));
    expect(calls.filter((c) => c.method === 'PATCH')).toEqual([]);
  });

  it('a choice made on the page is saved to the profile, so emails follow it', async () => {
    const { calls } = renderSignedIn({ ...userWith(['citizen']), language: 'en' });
    await userEvent.click(
      await screen.findByRole('button', { name: 'Ver esta página en español' }),
    );
    await waitFor(() =>
      expect(calls.filter((c) => c.method === 'PATCH').map((c) => c.body)).toEqual([
        { language: 'es' },
      ]),
    );
  });

  it("after one person's session, the next person who signs in on the same page keeps their own language", async () => {
    const first = { ...userWith(['citizen']), language: 'en' as const };
    const { calls, queryClient } = renderSignedIn(first);
    await userEvent.click(
      await screen.findByRole('button', { name: 'Ver esta página en español' }),
    );
    await waitFor(() => expect(calls.filter((c) => c.method === 'PATCH')).toHaveLength(1));
    act(() => queryClient.setQueryData(meKeys.all, null));
    act(() =>
      queryClient.setQueryData(meKeys.all, {
        ...first,
        id: '0190a0a0-0000-7000-8000-000000000002',
        language: 'en',
      }),
    );
    await waitFor(() => expect(document.documentElement.lang).toBe('en'));
    expect(calls.filter((c) => c.method === 'PATCH')).toHaveLength(1);
  });

  it('a choice made before signing in is saved to the profile of the person who then signs in', async () => {
    const { calls, queryClient } = renderSignedIn(null);
    await userEvent.click(
      await screen.findByRole('button', { name: 'Ver esta página en español' }),
    );
    act(() => queryClient.setQueryData(meKeys.all, { ...userWith(['citizen']), language: 'en' }));
    await waitFor(() =>
      expect(calls.filter((c) => c.method === 'PATCH').map((c) => c.body)).toEqual([
        { language: 'es' },
      ]),
    );
  });

  it("the same person's choice stored on this device is kept on the next page, even if the profile missed it", async () => {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, 'es');
    localStorage.setItem('hms.lang.user', userWith(['citizen']).id);
    const { calls } = renderSignedIn({ ...userWith(['citizen']), language: 'en' });
    await waitFor(() =>
      expect(calls.filter((c) => c.method === 'PATCH').map((c) => c.body)).toEqual([
        { language: 'es' },
      ]),
    );
  });
});
