import type { Language } from '@hms/contracts/language';
import { LanguageProvider } from '@hms/ui';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen } from '@testing-library/react';
import { focusedErrorSummary } from '@hms/ui/render-at';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { createMemoryRouter, RouterProvider, useLocation } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeApi, problem } from '@hms/api-client/fake-api';
import { InvitationRoute } from './invitation-route.tsx';

const TOKEN = 'A'.repeat(40) + 'b_-';
const info = {
  email: 'nora@example.gov',
  displayName: 'Nora Diaz',
  language: 'en',
  expiresAt: '2026-11-28T15:00:00.000Z',
};

async function axeViolations(container: Element): Promise<string[]> {
  const results = await axe.run(container, {
    rules: { 'color-contrast': { enabled: false }, region: { enabled: false } },
  });
  return results.violations.map((v) => v.id);
}

function SignInStub() {
  const state = useLocation().state as { accountReady?: string } | null;
  return <h1>Sign in page for {state?.accountReady}</h1>;
}

function renderAt(url: string, language: Language = 'en') {
  window.history.replaceState(null, '', url);
  const router = createMemoryRouter(
    [
      { path: '/invitation', element: <InvitationRoute /> },
      { path: '/sign-in', element: <SignInStub /> },
    ],
    { initialEntries: ['/invitation'] },
  );
  return render(
    <QueryClientProvider client={new QueryClient()}>
      <LanguageProvider initialLanguage={language}>
        <RouterProvider router={router} />
      </LanguageProvider>
    </QueryClientProvider>,
  );
}

afterEach(() => {
  // Unmounted before the rest is reset (the shared set-up's clean-up runs after this one).
  cleanup();
  window.history.replaceState(null, '', '/');
});

describe('/invitation', () => {
  it('checks the link, validates with an error summary, then activates and goes to sign in', async () => {
    let tries = 0;
    const calls = fakeApi({
      'POST /api/invitations/check': () => ({ body: info }),
      'POST /api/invitations/accept': () =>
        ++tries === 1
          ? problem(400, 'auth.password_rejected', {
              errors: [
                {
                  field: 'body.password',
                  code: 'password.common',
                  message: 'This password is on a list of commonly used passwords.',
                },
              ],
            })
          : { body: { email: info.email } },
    });
    const { container } = renderAt(`/invitation#token=${TOKEN}`);
    expect(await screen.findByText(/Welcome, Nora Diaz/)).toBeTruthy();
    expect(calls[0]!.body).toEqual({ token: TOKEN });
    expect(await axeViolations(container)).toEqual([]);

    await userEvent.type(screen.getByLabelText('New password'), 'short');
    await userEvent.type(screen.getByLabelText('Confirm your new password'), 'other');
    await userEvent.click(screen.getByRole('button', { name: 'Activate my account' }));
    expect((await focusedErrorSummary()).links).toEqual([
      ['Password must be at least 12 characters', '#invitation-password'],
      ['Enter the same password twice', '#invitation-confirm'],
    ]);
    expect(calls.filter((c) => c.url.pathname.endsWith('/accept'))).toHaveLength(0);
    expect(await axeViolations(container)).toEqual([]);

    await userEvent.clear(screen.getByLabelText('New password'));
    await userEvent.clear(screen.getByLabelText('Confirm your new password'));
    await userEvent.type(screen.getByLabelText('New password'), 'password1234');
    await userEvent.type(screen.getByLabelText('Confirm your new password'), 'password1234');
    await userEvent.click(screen.getByRole('button', { name: 'Activate my account' }));
    expect(await screen.findByRole('link', { name: /commonly used passwords/ })).toBeTruthy();
    expect(screen.getByLabelText('New password').getAttribute('aria-invalid')).toBe('true');

    await userEvent.clear(screen.getByLabelText('New password'));
    await userEvent.clear(screen.getByLabelText('Confirm your new password'));
    await userEvent.type(screen.getByLabelText('New password'), 'violet kettle orbit');
    await userEvent.type(screen.getByLabelText('Confirm your new password'), 'violet kettle orbit');
    await userEvent.click(screen.getByRole('button', { name: 'Activate my account' }));
    expect(
      await screen.findByRole('heading', { name: 'Sign in page for nora@example.gov' }),
    ).toBeTruthy();
    expect(calls.at(-1)!.body).toEqual({ token: TOKEN, password: 'violet kettle orbit' });
    // The spent link is gone from the address bar.
    expect(window.location.hash).toBe('');
  }, 30_000);

  it('says why a used or expired link does not work, in Spanish', async () => {
    fakeApi({
      'POST /api/invitations/check': () =>
        problem(400, 'staff.invitation_invalid', { params: { reason: 'expired' } }),
    });
    const { container } = renderAt(`/invitation?token=${TOKEN}`, 'es');
    expect(await screen.findByText(/Este enlace de invitación no funciona/)).toBeTruthy();
    expect(
      screen.getByRole('heading', { level: 1, name: 'Prepare su cuenta de HMS' }),
    ).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Iniciar sesión' })).toBeTruthy();
    expect(await axeViolations(container)).toEqual([]);
  });

  it('in Spanish, says until when the link works with one period after the time (a. m. ends in one)', async () => {
    fakeApi({ 'POST /api/invitations/check': () => ({ body: info }) });
    renderAt(`/invitation#token=${TOKEN}`, 'es');
    const until = await screen.findByText(/^Este enlace funciona una vez, hasta el 28 nov 2026/);
    expect(until.textContent).toMatch(/10:00\sa\.\s?m\.$/);
  });

  it('asks for the link when the page is opened without one', async () => {
    const calls = fakeApi({});
    renderAt('/invitation');
    expect(screen.getByRole('alert').textContent).toContain(
      'needs the link from your invitation email',
    );
    expect(calls).toEqual([]);
  });
});
