import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeApi, problem } from '@hms/api-client/fake-api';
import { axeViolations } from '../../../shared/axe.test-helper.ts';
import { focusedErrorSummary, renderAt } from '@hms/ui/render-at';
import { InviteRoute } from './invite-route.tsx';
import { PersonRoute } from './person-route.tsx';
import { StaffListRoute } from './staff-list-route.tsx';

const ID = '0190a0b0-0000-7000-8000-000000000001';
const summary = (over: Record<string, unknown> = {}) => ({
  id: ID,
  email: 'avery@example.gov',
  displayName: 'Avery Approver',
  roles: ['approver'],
  status: 'active',
  createdAt: '2026-11-20T15:00:00.000Z',
  ...over,
});
const detail = (over: Record<string, unknown> = {}): Record<string, unknown> => ({
  ...summary(),
  language: 'en',
  deactivatedAt: null,
  invitation: null,
  signInLock: null,
  claimedRequests: 2,
  isYou: false,
  lastActiveAdmin: false,
  ...over,
});
const routes = [
  { path: '/admin/users', element: <StaffListRoute /> },
  { path: '/admin/users/invite', element: <InviteRoute /> },
  { path: '/admin/users/:userId', element: <PersonRoute /> },
];

describe('Staff list (/admin/users)', () => {
  it('lists staff with status, searches on the server and pages', async () => {
    const calls = fakeApi({
      'GET /api/staff': (r) => {
        const q = new URL(r.url).searchParams;
        if (q.get('q') === 'nobody')
          return { body: { items: [], nextCursor: null, prevCursor: null } };
        return {
          body: {
            items: [
              summary(),
              summary({
                id: 'x2',
                displayName: 'Ivy Invited',
                status: 'invited',
                roles: ['finance'],
              }),
            ],
            nextCursor: q.get('cursor') ? null : 'c2',
            prevCursor: q.get('cursor') ? 'c1' : null,
          },
        };
      },
    });
    const { container } = renderAt('/admin/users', routes);
    const row = await screen.findByRole('row', { name: /Avery Approver/ });
    expect(row.textContent).toContain('Approver');
    expect(row.textContent).toContain('Active');
    expect(screen.getByRole('row', { name: /Ivy Invited/ }).textContent).toContain('Invited');
    expect(within(row).getByRole('link', { name: 'Avery Approver' }).getAttribute('href')).toBe(
      `/admin/users/${ID}`,
    );
    expect(await axeViolations(container)).toEqual([]);

    fireEvent.click(screen.getByRole('button', { name: /Next page/ }));
    await waitFor(() =>
      expect(screen.getByTestId('location').textContent).toBe('/admin/users?cursor=c2'),
    );
    await waitFor(() => expect(calls.at(-1)!.url.searchParams.get('cursor')).toBe('c2'));

    fireEvent.change(screen.getByLabelText('Name or email'), { target: { value: 'nobody' } });
    fireEvent.change(screen.getByLabelText('Status'), { target: { value: 'invited' } });
    fireEvent.click(screen.getByRole('button', { name: 'Search' }));
    expect(await screen.findByText(/No staff account matches/)).toBeTruthy();
    expect(screen.getByTestId('location').textContent).toBe('/admin/users?q=nobody&status=invited');
    const last = calls.at(-1)!.url.searchParams;
    expect([last.get('q'), last.get('status'), last.get('cursor')]).toEqual([
      'nobody',
      'invited',
      null,
    ]);
  });

  it('shows a loading state, then an error with a retry', async () => {
    let fail = true;
    fakeApi({
      'GET /api/staff': () =>
        fail
          ? problem(503, 'server.unavailable')
          : { body: { items: [summary()], nextCursor: null, prevCursor: null } },
    });
    renderAt('/admin/users', routes);
    expect(screen.getByText('Loading staff…')).toBeTruthy();
    const retry = await screen.findByRole('button', { name: /Try again/i });
    fail = false;
    fireEvent.click(retry);
    expect(await screen.findByRole('row', { name: /Avery Approver/ })).toBeTruthy();
  });
});

describe('Invite a person', () => {
  it('checks the form, follows the separation-of-duties rule on the checkboxes, and sends the invitation', async () => {
    const calls = fakeApi({
      'POST /api/staff/invitations': (_r, body) => ({
        status: 201,
        body: detail({ ...(body as object), status: 'invited' }),
      }),
      [`GET /api/staff/${ID}`]: () => ({ body: detail({ status: 'invited' }) }),
    });
    const { container } = renderAt('/admin/users/invite', routes);
    expect(screen.getByRole('heading', { level: 1, name: 'Invite a person' })).toBeTruthy();
    expect(await axeViolations(container)).toEqual([]);

    fireEvent.click(screen.getByRole('button', { name: 'Send invitation' }));
    expect((await focusedErrorSummary()).links).toEqual([
      ['Enter the person’s full name.', '#invite-name'],
      ['Enter the person’s email address.', '#invite-email'],
      ['Choose at least one role.', '#invite-roles'],
    ]);
    expect(calls.some((c) => c.method === 'POST')).toBe(false);

    const approver = screen.getByRole('checkbox', { name: /^Approver/ });
    const supervisor = screen.getByRole('checkbox', { name: /^Finance supervisor/ });
    fireEvent.click(approver);
    expect((supervisor as HTMLInputElement).disabled).toBe(true);
    expect(supervisor.getAttribute('aria-describedby')).toBeTruthy();
    expect(document.getElementById(supervisor.getAttribute('aria-describedby')!)!.textContent).toBe(
      'Cannot be combined with Approver: one person must not both approve and release the same money.',
    );
    expect((screen.getByRole('checkbox', { name: /^Finance:/ }) as HTMLInputElement).disabled).toBe(
      false,
    );
    fireEvent.click(approver);
    expect((supervisor as HTMLInputElement).disabled).toBe(false);
    fireEvent.click(approver);
    expect(await axeViolations(container)).toEqual([]);

    fireEvent.change(screen.getByLabelText('Full name'), { target: { value: 'Nora Diaz' } });
    fireEvent.change(screen.getByLabelText(/^Email/), { target: { value: 'nora@example.gov' } });
    fireEvent.change(screen.getByLabelText(/Language of the email/), { target: { value: 'es' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send invitation' }));
    await waitFor(() =>
      expect(screen.getByTestId('location').textContent).toBe(`/admin/users/${ID}`),
    );
    expect(calls.find((c) => c.method === 'POST')!.body).toEqual({
      displayName: 'Nora Diaz',
      email: 'nora@example.gov',
      language: 'es',
      roles: ['approver'],
    });
    expect(await screen.findByText('Invitation sent to nora@example.gov.')).toBeTruthy();
  });

  it('shows the API refusals on their fields (taken email, roles)', async () => {
    fakeApi({
      'POST /api/staff/invitations': () => problem(409, 'staff.email_taken'),
    });
    renderAt('/admin/users/invite', routes);
    fireEvent.change(screen.getByLabelText('Full name'), { target: { value: 'Casey' } });
    fireEvent.change(screen.getByLabelText(/^Email/), { target: { value: 'citizen@example.gov' } });
    fireEvent.click(screen.getByRole('checkbox', { name: /^Finance:/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Send invitation' }));
    const link = await screen.findByRole('link', {
      name: /An account with this email already exists/,
    });
    expect(link.getAttribute('href')).toBe('#invite-email');
    expect(screen.getByLabelText(/^Email/).getAttribute('aria-invalid')).toBe('true');
  });
});

describe('A staff member (/admin/users/:userId)', () => {
  it('changes roles, shows and clears the sign-in lock, and deactivates after a confirmation', async () => {
    let person = detail({
      signInLock: {
        failures: 6,
        sources: 2,
        lastFailureAt: '2026-11-25T15:00:00.000Z',
        waitUntil: null,
      },
    });
    const calls = fakeApi({
      [`GET /api/staff/${ID}`]: () => ({ body: person }),
      [`PUT /api/staff/${ID}/roles`]: (_r, body) => {
        person = { ...person, roles: (body as { roles: string[] }).roles };
        return { body: person };
      },
      [`POST /api/staff/${ID}/sign-in-lock/clear`]: () => {
        person = { ...person, signInLock: null };
        return new Response(null, { status: 204 });
      },
      [`POST /api/staff/${ID}/deactivate`]: () => {
        person = {
          ...person,
          status: 'deactivated',
          deactivatedAt: '2026-11-26T10:00:00.000Z',
          claimedRequests: 0,
        };
        return { body: { person, releasedRequests: ['HMS-1', 'HMS-2'] } };
      },
    });
    const { container } = renderAt(`/admin/users/${ID}`, routes);
    expect(await screen.findByRole('heading', { level: 1, name: /Avery Approver/ })).toBeTruthy();
    expect(await axeViolations(container)).toEqual([]);

    // Roles: the checkboxes follow the rule.
    expect((screen.getByRole('checkbox', { name: /^Approver/ }) as HTMLInputElement).checked).toBe(
      true,
    );
    expect(
      (screen.getByRole('checkbox', { name: /^Finance supervisor/ }) as HTMLInputElement).disabled,
    ).toBe(true);
    fireEvent.click(screen.getByRole('checkbox', { name: /^Senior approver/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Save roles' }));
    expect(await screen.findByText('Roles saved.')).toBeTruthy();
    expect(calls.find((c) => c.method === 'PUT')!.body).toEqual({
      roles: ['approver', 'senior_approver'],
    });

    // Sign-in lock.
    expect(screen.getByText(/6 failed sign-ins from 2 source/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Clear the failed sign-ins' }));
    expect(await screen.findByText(/The failed sign-ins were cleared/)).toBeTruthy();
    await waitFor(() => expect(screen.getByText(/No failed sign-ins are counted/)).toBeTruthy());

    // Deactivate: a confirmation step that takes focus, and "No" goes back without calling.
    fireEvent.click(screen.getByRole('button', { name: 'Deactivate' }));
    const dialog = screen.getByRole('alertdialog');
    expect(dialog.textContent).toContain('the 2 request(s) they hold go back to the queue');
    expect(document.activeElement).toBe(
      within(dialog).getByRole('button', { name: 'Yes, deactivate' }),
    );
    fireEvent.click(within(dialog).getByRole('button', { name: 'No, go back' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(calls.some((c) => c.url.pathname.endsWith('/deactivate'))).toBe(false);
    fireEvent.click(screen.getByRole('button', { name: 'Deactivate' }));
    expect(await axeViolations(container)).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: 'Yes, deactivate' }));
    const said = await screen.findByText('Avery Approver was deactivated and signed out.');
    expect(screen.getByRole('button', { name: 'Reactivate' })).toBeTruthy();
    // The confirmation is gone: focus is on what happened, not dropped on the page.
    await waitFor(() => expect(document.activeElement).toBe(said.closest('[role=status]')));
  }, 30_000);

  it('keeps the last active administrator’s admin role and access, saying why', async () => {
    fakeApi({
      [`GET /api/staff/${ID}`]: () => ({
        body: detail({
          roles: ['admin'],
          isYou: true,
          lastActiveAdmin: true,
          displayName: 'Adrian Admin',
        }),
      }),
    });
    const { container } = renderAt(`/admin/users/${ID}`, routes);
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Adrian Admin (you)' }),
    ).toBeTruthy();
    const admin = screen.getByRole('checkbox', { name: /^Administrator/ }) as HTMLInputElement;
    expect(admin.checked && admin.disabled).toBe(true);
    expect(admin.labels![0]!.textContent).toContain(
      'you cannot remove your own administrator role',
    );
    const off = screen.getByRole('button', { name: 'Deactivate' }) as HTMLButtonElement;
    expect(off.disabled).toBe(true);
    expect(document.getElementById(off.getAttribute('aria-describedby')!)!.textContent).toContain(
      'cannot deactivate yourself',
    );
    expect(await axeViolations(container)).toEqual([]);
  });

  it('shows a pending invitation with resend and revoke, in Spanish', async () => {
    let person = detail({
      status: 'invited',
      invitation: {
        state: 'pending',
        language: 'es',
        createdAt: '2026-11-25T15:00:00.000Z',
        expiresAt: '2026-11-28T15:00:00.000Z',
        invitedBy: 'Adrian Admin',
      },
    });
    fakeApi({
      [`GET /api/staff/${ID}`]: () => ({ body: person }),
      [`POST /api/staff/${ID}/invitation/revoke`]: () => {
        person = { ...person, invitation: { ...(person.invitation as object), state: 'revoked' } };
        return { body: person };
      },
    });
    const { container } = renderAt(
      `/admin/users/${ID}`,
      [{ path: '/admin/users/:userId', element: <PersonRoute /> }],
      { language: 'es' },
    );
    expect(await screen.findByRole('heading', { level: 2, name: 'Invitación' })).toBeTruthy();
    expect(screen.getByText(/Pendiente: el enlace funciona hasta/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Enviar un enlace nuevo' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Retirar el enlace' }));
    expect(await screen.findByText('El enlace fue retirado.')).toBeTruthy();
    await waitFor(() =>
      expect(screen.queryByRole('button', { name: 'Retirar el enlace' })).toBeNull(),
    );
    expect(await axeViolations(container)).toEqual([]);
  });
});
