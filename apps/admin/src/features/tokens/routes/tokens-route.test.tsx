import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { axeViolations } from '../../../shared/axe.test-helper.ts';
import { fakeApi, problem } from '@hms/api-client/fake-api';
import { focusedErrorSummary, renderAt } from '@hms/ui/render-at';
import { TokensRoute } from './tokens-route.tsx';

const token = (over: Record<string, unknown> = {}) => ({
  id: 't1',
  name: 'FINANCIAL prod',
  scopes: ['journal:read'],
  prefix: 'hms_st_abcdef',
  createdAt: '2026-11-25T15:00:00.000Z',
  createdBy: { id: 'u9', name: 'Avery Admin' },
  lastUsedAt: null,
  revokedAt: null,
  expiresAt: null,
  expired: false,
  rotatedFrom: null,
  useCount: 0,
  ...over,
});

describe('Service tokens (admin)', () => {
  it(
    'validates, creates a token and shows it once, then revokes after confirmation',
    { timeout: 30_000 },
    async () => {
      let list = [token()];
      const calls = fakeApi({
        'GET /api/service-tokens': () => ({ status: 200, body: { items: list } }),
        'POST /api/service-tokens': (_r, body) => ({
          status: 201,
          body: { ...token({ id: 't2', ...(body as object) }), token: 'hms_st_secret-value' },
        }),
        'POST /api/service-tokens/t1/revoke': () => {
          list = [token({ revokedAt: '2026-11-25T16:00:00.000Z' })];
          return { status: 200, body: list[0] };
        },
      });
      const { container } = renderAt('/t', [{ path: '/t', element: <TokensRoute /> }]);
      await screen.findByRole('row', { name: /FINANCIAL prod/ });
      // The buttons' column is named for them, not a second "State" (a screen reader reads it per cell).
      expect(screen.getAllByRole('columnheader').map((h) => h.textContent)).toEqual([
        'Name',
        'Scopes',
        'Starts with',
        'Created',
        'Expires',
        'Last used',
        'Uses',
        'State',
        'Actions',
      ]);
      expect(await axeViolations(container)).toEqual([]);

      fireEvent.click(screen.getByRole('button', { name: 'Create token' }));
      // The error-summary pattern: the summary takes focus and links each error to its field, shown there too.
      const { summary, links } = await focusedErrorSummary();
      expect(links).toEqual([
        ['Enter a name for the token.', '#token-name'],
        ['Choose at least one scope.', '#token-scopes'],
      ]);
      expect(document.title.startsWith('Error: ')).toBe(true);
      expect(screen.getByLabelText('Name').getAttribute('aria-invalid')).toBe('true');
      expect(document.getElementById('token-scopes-error')!.textContent).toBe(
        'Choose at least one scope.',
      );
      fireEvent.click(within(summary).getByRole('link', { name: 'Enter a name for the token.' }));
      expect(document.activeElement).toBe(screen.getByLabelText('Name'));
      expect(calls.some((c) => c.method === 'POST')).toBe(false);

      fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'FINANCIAL settle' } });
      fireEvent.click(screen.getByLabelText(/settlement:write/));
      fireEvent.click(screen.getByRole('button', { name: 'Create token' }));
      expect((await screen.findByTestId('secret')).textContent).toBe('hms_st_secret-value');
      expect(calls.find((c) => c.method === 'POST')!.body).toEqual({
        name: 'FINANCIAL settle',
        scopes: ['settlement:write'],
      });

      fireEvent.click(screen.getByRole('button', { name: 'Revoke FINANCIAL prod' }));
      expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Yes, revoke' }));
      fireEvent.click(screen.getByRole('button', { name: 'Yes, revoke' }));
      await waitFor(() =>
        expect(screen.getByRole('row', { name: /FINANCIAL prod/ }).textContent).toContain(
          'Revoked',
        ),
      );
      expect(screen.queryByTestId('secret')).toBeNull();
    },
  );
});

describe('token expiry and who created each token', () => {
  it(
    'shows the creator, the expiry and an expired state, sends the last day, and refuses a past one',
    { timeout: 30_000 },
    async () => {
      const calls = fakeApi({
        'GET /api/service-tokens': () => ({
          status: 200,
          body: {
            items: [
              token({ expiresAt: '2027-01-01T05:00:00.000Z' }),
              token({
                id: 't3',
                name: 'Old close',
                expiresAt: '2026-01-01T05:00:00.000Z',
                expired: true,
              }),
            ],
          },
        }),
        'POST /api/service-tokens': (_r, body) => ({
          status: 201,
          body: { ...token({ id: 't2', ...(body as object) }), token: 'hms_st_secret-value' },
        }),
      });
      const { container } = renderAt('/t', [{ path: '/t', element: <TokensRoute /> }]);
      const live = await screen.findByRole('row', { name: /FINANCIAL prod/ });
      expect(live.textContent).toContain('by Avery Admin');
      expect(live.textContent).toContain('2027');
      expect(live.textContent).toContain('Active');
      const old = screen.getByRole('row', { name: /Old close/ });
      expect(old.textContent).toContain('Expired');
      // An expired token cannot be rotated, only revoked.
      expect(within(old).queryByRole('button', { name: /Rotate/ })).toBeNull();
      expect(within(old).getByRole('button', { name: 'Revoke Old close' })).toBeTruthy();
      expect(await axeViolations(container)).toEqual([]);

      fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'Quarter' } });
      fireEvent.click(screen.getByLabelText(/journal:read/));
      fireEvent.change(screen.getByLabelText('Last day it works (optional)'), {
        target: { value: '2001-01-01' },
      });
      fireEvent.click(screen.getByRole('button', { name: 'Create token' }));
      const summary = await screen.findByRole('alert');
      expect(summary.textContent).toContain('Enter today or a later day');
      expect(calls.some((c) => c.method === 'POST')).toBe(false);

      fireEvent.change(screen.getByLabelText('Last day it works (optional)'), {
        target: { value: '2099-12-31' },
      });
      fireEvent.click(screen.getByRole('button', { name: 'Create token' }));
      await screen.findByTestId('secret');
      expect(calls.find((c) => c.method === 'POST')!.body).toEqual({
        name: 'Quarter',
        scopes: ['journal:read'],
        expiresOn: '2099-12-31',
      });
    },
  );
});

describe('a failure on the token form', () => {
  it(
    'shows a failure that is not about a field (409) as a problem, without a summary',
    { timeout: 30_000 },
    async () => {
      fakeApi({
        'GET /api/service-tokens': () => ({ status: 200, body: { items: [] } }),
        'POST /api/service-tokens': () =>
          problem(409, 'request.stale_version', {
            detail: 'A token with this name exists.',
          }),
      });
      renderAt('/t', [{ path: '/t', element: <TokensRoute /> }]);
      await screen.findByText('No tokens yet.');
      fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'dup' } });
      fireEvent.click(screen.getByLabelText(/journal:read/));
      fireEvent.click(screen.getByRole('button', { name: 'Create token' }));
      // The reader's words for the problem's code, never the server's English detail.
      const alert = await screen.findByRole('alert');
      expect(alert.textContent).toContain('This could not be done');
      expect(alert.textContent).not.toContain('A token with this name exists.');
      expect(screen.queryByText('There is a problem')).toBeNull();
    },
  );
});
