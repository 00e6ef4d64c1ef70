import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { axeViolations } from '../../../shared/axe.test-helper.ts';
import { renderAt, serve } from '../../../shared/test-server.test-helper.tsx';
import { EndpointsRoute } from './endpoints-route.tsx';
import { TokensRoute } from './tokens-route.tsx';

const token = (over: Record<string, unknown> = {}) => ({
  id: 't1',
  name: 'FINANCIAL prod',
  scopes: ['journal:read'],
  prefix: 'hms_st_abcdef',
  createdAt: '2026-11-25T15:00:00.000Z',
  lastUsedAt: null,
  revokedAt: null,
  rotatedFrom: null,
  useCount: 0,
  ...over,
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('Service tokens (admin)', () => {
  it('validates, creates a token and shows it once, then revokes after confirmation', async () => {
    let list = [token()];
    const calls = serve({
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
    expect(await axeViolations(container)).toEqual([]);

    fireEvent.click(screen.getByRole('button', { name: 'Create token' }));
    expect(screen.getByText('Enter a name for the token.')).toBeTruthy();
    expect(screen.getByText('Choose at least one scope.')).toBeTruthy();
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
      expect(screen.getByRole('row', { name: /FINANCIAL prod/ }).textContent).toContain('Revoked'),
    );
    expect(screen.queryByTestId('secret')).toBeNull();
  });
});

describe('Webhook endpoints (admin)', () => {
  it('adds an endpoint with the chosen events and shows the whsec_ secret once', async () => {
    const calls = serve({
      'GET /api/webhooks/endpoints': () => ({ status: 200, body: { items: [] } }),
      'POST /api/webhooks/endpoints': (_r, body) => ({
        status: 201,
        body: {
          id: 'e1',
          url: (body as { url: string }).url,
          description: '',
          eventTypes: (body as { eventTypes: string[] }).eventTypes,
          enabled: true,
          createdAt: '2026-11-25T15:00:00.000Z',
          secret: 'whsec_c2VjcmV0',
        },
      }),
    });
    const { container } = renderAt('/e', [{ path: '/e', element: <EndpointsRoute /> }]);
    await screen.findByText('No endpoints yet.');
    expect(await axeViolations(container)).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: 'Add endpoint' }));
    expect(screen.getByText('Enter the receiver URL.')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('URL'), {
      target: { value: 'https://financial.example.gov/hooks' },
    });
    fireEvent.click(screen.getByLabelText('request.approved'));
    fireEvent.click(screen.getByRole('button', { name: 'Add endpoint' }));
    expect((await screen.findByTestId('secret')).textContent).toBe('whsec_c2VjcmV0');
    expect(calls.find((c) => c.method === 'POST')!.body).toEqual({
      url: 'https://financial.example.gov/hooks',
      eventTypes: ['payment.created', 'batch.released', 'payment.returned', 'payment.settled'],
    });
  });
});
