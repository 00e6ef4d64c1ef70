import { LanguageProvider } from '@hms/ui';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import { focusedErrorSummary } from '@hms/ui/render-at';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeApi, type FakeCall } from '@hms/api-client/fake-api';
import { SignInRoute } from './sign-in-route.tsx';

const user = {
  id: '0190a0a0-0000-7000-8000-000000000002',
  email: 'c@example.gov',
  displayName: 'Casey',
  roles: ['citizen'],
  language: 'en',
};
const problem = (
  status: number,
  title: string,
  detail: string,
  headers: Record<string, string> = {},
  code?: string,
) =>
  new Response(JSON.stringify({ type: 'about:blank', title, status, detail, code }), {
    status,
    headers: { 'content-type': 'application/problem+json', ...headers },
  });

let answer: () => Response;
let calls: FakeCall[] = [];

beforeEach(() => {
  calls = fakeApi(() => answer());
});
function renderSignIn() {
  const router = createMemoryRouter(
    [
      { path: '/sign-in', element: <SignInRoute /> },
      { path: '/my-requests', element: <h1>My requests page</h1> },
    ],
    { initialEntries: ['/sign-in?next=%2Fmy-requests'] },
  );
  render(
    <QueryClientProvider client={new QueryClient()}>
      <LanguageProvider initialLanguage="en">
        <RouterProvider router={router} />
      </LanguageProvider>
    </QueryClientProvider>,
  );
}

async function submit(email: string, password: string) {
  await userEvent.type(screen.getByLabelText('Email'), email);
  await userEvent.type(screen.getByLabelText('Password'), password);
  await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
}

describe('sign in', () => {
  it('lists missing fields in a focused error summary without calling the API', async () => {
    renderSignIn();
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    const { links } = await focusedErrorSummary();
    expect(links).toContainEqual(['Enter your email address', '#sign-in-email']);
    expect(links.map(([message]) => message)).toContain('Enter your password');
    expect(calls).toHaveLength(0);
  });

  for (const { title, refusal, password, message } of [
    {
      title: 'shows the API message for wrong credentials',
      refusal: () =>
        problem(401, 'Unauthorized', 'Email or password is incorrect.', {}, 'auth.sign_in_failed'),
      password: 'not-the-password',
      message: 'The email or password is not right. Check them and try again.',
    },
    {
      title: 'explains throttling with the wait from Retry-After',
      refusal: () =>
        problem(429, 'Too Many Requests', 'Too many attempts.', { 'retry-after': '30' }),
      password: 'whatever-password',
      message: 'Too many sign-in attempts. Wait 30 seconds, then try again.',
    },
  ])
    it(title, async () => {
      answer = refusal;
      renderSignIn();
      await submit('c@example.gov', password);
      expect(await screen.findByRole('link', { name: message })).toBeTruthy();
      expect(calls[0]?.request.headers.get('x-csrf-token')).toBe('test-token');
    });

  it('goes back to where the person was going', async () => {
    answer = () =>
      new Response(JSON.stringify({ user }), {
        status: 200,
        headers: { 'content-type': 'application/json' },
      });
    renderSignIn();
    await submit('c@example.gov', 'hms-demo-2026');
    expect(await screen.findByRole('heading', { name: 'My requests page' })).toBeTruthy();
  });
});
