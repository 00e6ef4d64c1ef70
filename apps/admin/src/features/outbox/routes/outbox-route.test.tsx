import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { axeViolations } from '../../../shared/axe.test-helper.ts';
import { fakeApi, problem } from '@hms/api-client/fake-api';
import { renderAt } from '@hms/ui/render-at';
import { maskEmail } from '../components/outbox-table.tsx';
import { OutboxRoute } from './outbox-route.tsx';

const email = (over: Record<string, unknown> = {}) => ({
  id: 'm1',
  toAddress: 'casey.citizen@example.gov',
  subject: 'You withdrew your request HMS-AAAA-BBBB-C',
  status: 'queued',
  attempts: 0,
  nextAttemptAt: '2026-11-25T15:00:00.000Z',
  lastError: null,
  createdAt: '2026-11-25T15:00:00.000Z',
  sentAt: null,
  ...over,
});

describe('maskEmail', () => {
  it('keeps the first and last letter of the mailbox and the whole domain', () => {
    expect(maskEmail('casey.citizen@example.gov')).toBe('c•••n@example.gov');
    expect(maskEmail('ab@example.gov')).toBe('a•••@example.gov');
    expect(maskEmail('not-an-address')).toBe('•••');
  });
});

describe('Email outbox (admin)', () => {
  it('lists emails with masked recipients, status tags and dates, and pages with the cursor', async () => {
    const calls = fakeApi({
      'GET /api/admin/outbox': (req) => {
        const cursor = new URL(req.url).searchParams.get('cursor');
        return cursor
          ? {
              status: 200,
              body: {
                smtpConfigured: true,
                items: [email({ id: 'm3', subject: 'Older' })],
                nextCursor: null,
              },
            }
          : {
              status: 200,
              body: {
                smtpConfigured: false,
                items: [
                  email(),
                  email({
                    id: 'm2',
                    subject: 'Dead one',
                    status: 'dead',
                    attempts: 8,
                    lastError: '550 mailbox unavailable',
                  }),
                ],
                nextCursor: 'c2',
              },
            };
      },
    });
    const { container } = renderAt('/admin/outbox', [
      { path: '/admin/outbox', element: <OutboxRoute /> },
    ]);
    const row = await screen.findByRole('row', { name: /You withdrew your request/ });
    expect(row.textContent).toContain('c•••n@example.gov');
    expect(row.textContent).not.toContain('casey.citizen');
    expect(within(row).getByText('Queued')).toBeTruthy();
    const dead = screen.getByRole('row', { name: /Dead one/ });
    expect(dead.textContent).toContain('550 mailbox unavailable');
    expect(within(dead).getByText('Dead')).toBeTruthy();
    expect(screen.getByText(/No mail server is configured/)).toBeTruthy();
    expect(await axeViolations(container)).toEqual([]);
    expect(calls[0]!.url.searchParams.get('limit')).toBe('50');
    expect(calls[0]!.url.searchParams.has('status')).toBe(false);

    fireEvent.click(screen.getByRole('link', { name: 'Next page' }));
    await screen.findByRole('row', { name: /Older/ });
    expect(screen.getByTestId('location').textContent).toBe('/admin/outbox?cursor=c2');
    expect(screen.getByRole('link', { name: 'First page' })).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Next page' })).toBeNull();
  });

  it('filters by status through the URL and says when nothing matches', async () => {
    const calls = fakeApi({
      'GET /api/admin/outbox': () => ({
        status: 200,
        body: { smtpConfigured: true, items: [], nextCursor: null },
      }),
    });
    const { container } = renderAt('/admin/outbox', [
      { path: '/admin/outbox', element: <OutboxRoute /> },
    ]);
    await screen.findByText('No emails yet.');
    fireEvent.change(screen.getByLabelText('Show'), { target: { value: 'sent' } });
    fireEvent.click(screen.getByRole('button', { name: 'Apply' }));
    await screen.findByText('No emails with this status.');
    expect(screen.getByTestId('location').textContent).toBe('/admin/outbox?status=sent');
    expect(calls.at(-1)!.url.searchParams.get('status')).toBe('sent');
    expect(await axeViolations(container)).toEqual([]);
  });

  it('shows the API error with a retry', async () => {
    fakeApi({
      'GET /api/admin/outbox': () =>
        problem(403, 'auth.role_required', {
          title: 'Forbidden',
          detail: 'Admins only.',
        }),
    });
    renderAt('/admin/outbox', [{ path: '/admin/outbox', element: <OutboxRoute /> }]);
    expect((await screen.findByRole('alert')).textContent).toContain(
      'Your account does not have permission to do this.',
    );
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy();
  });

  it(
    'sends a dead email again from its row (only dead ones have the button) and says so',
    { timeout: 30_000 },
    async () => {
      let dead = true;
      const calls = fakeApi({
        'GET /api/admin/outbox': () => ({
          status: 200,
          body: {
            smtpConfigured: true,
            items: [
              email(),
              email({
                id: '019a0000-0000-7000-8000-0000000000aa',
                subject: 'Dead one',
                status: dead ? 'dead' : 'queued',
                attempts: dead ? 8 : 0,
                lastError: '550 mailbox unavailable',
              }),
            ],
            nextCursor: null,
          },
        }),
        'POST /api/admin/outbox/019a0000-0000-7000-8000-0000000000aa/retry': () => {
          dead = false;
          return new Response(null, { status: 204 });
        },
      });
      const { container } = renderAt('/admin/outbox', [
        { path: '/admin/outbox', element: <OutboxRoute /> },
      ]);
      const row = await screen.findByRole('row', { name: /Dead one/ });
      expect(
        within(screen.getByRole('row', { name: /You withdrew/ })).queryByRole('button'),
      ).toBeNull();
      expect(await axeViolations(container)).toEqual([]);
      fireEvent.click(within(row).getByRole('button', { name: 'Send again: Dead one' }));
      expect(
        (await screen.findByText(/The email “Dead one” is queued and will be sent again shortly./))
          .textContent,
      ).toBeTruthy();
      await waitFor(() =>
        expect(
          within(screen.getByRole('row', { name: /Dead one/ })).getByText('Queued'),
        ).toBeTruthy(),
      );
      expect(calls.filter((c) => c.method === 'POST')).toHaveLength(1);
      expect(await axeViolations(container)).toEqual([]);
    },
  );
});
