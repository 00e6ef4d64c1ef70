import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { axeViolations } from '../../../shared/axe.test-helper.ts';
import { fakeApi } from '@hms/api-client/fake-api';
import { renderAt } from '@hms/ui/render-at';
import { DeliveriesRoute } from './deliveries-route.tsx';

const delivery = (status: string) => ({
  id: 'd1',
  endpointId: 'e1',
  endpointUrl: 'https://financial.example.gov/hooks',
  eventId: '019a0000-0000-7000-8000-00000000000e',
  eventType: 'batch.released',
  status,
  attempts: 8,
  lastStatusCode: 503,
  lastError: 'HTTP 503',
  nextAttemptAt: null,
  deliveredAt: null,
  createdAt: '2026-11-25T15:00:00.000Z',
});

describe('Webhook deliveries', () => {
  it('filters by status and redelivers a dead-lettered delivery', async () => {
    const calls = fakeApi({
      'GET /api/webhooks/deliveries': () => ({
        status: 200,
        body: { items: [delivery('dead')], nextCursor: null, prevCursor: null },
      }),
      'POST /api/webhooks/deliveries/d1/redeliver': () => ({
        status: 200,
        body: delivery('pending'),
      }),
    });
    const { container } = renderAt('/finance/integration', [
      { path: '/finance/integration', element: <DeliveriesRoute /> },
    ]);
    expect((await screen.findByRole('row', { name: /batch\.released/ })).textContent).toContain(
      'Dead-lettered',
    );
    expect(await axeViolations(container)).toEqual([]);
    fireEvent.change(screen.getByLabelText('Show'), { target: { value: 'dead' } });
    await screen.findByRole('button', { name: 'Redeliver batch.released' });
    expect(
      calls
        .filter((c) => c.method === 'GET')
        .at(-1)!
        .url.searchParams.get('status'),
    ).toBe('dead');
    fireEvent.click(screen.getByRole('button', { name: 'Redeliver batch.released' }));
    expect(
      await screen.findByText(
        'Delivery of batch.released queued again (same webhook-id and body).',
      ),
    ).toBeTruthy();
    expect(
      calls.some(
        (c) => c.method === 'POST' && c.url.pathname === '/api/webhooks/deliveries/d1/redeliver',
      ),
    ).toBe(true);
  });

  it('pages on the server: next and previous carry the cursors the API gave', async () => {
    const calls = fakeApi({
      'GET /api/webhooks/deliveries': (request) =>
        new URL(request.url).searchParams.get('cursor') === 'older'
          ? {
              status: 200,
              body: {
                items: [{ ...delivery('delivered'), id: 'd2', eventType: 'payment.created' }],
                nextCursor: null,
                prevCursor: 'newer',
              },
            }
          : {
              status: 200,
              body: { items: [delivery('dead')], nextCursor: 'older', prevCursor: null },
            },
    });
    renderAt('/finance/integration', [
      { path: '/finance/integration', element: <DeliveriesRoute /> },
    ]);
    const pages = await screen.findByRole('navigation', { name: 'Pages of deliveries' });
    expect(screen.getByRole('button', { name: /Previous page/ })).toHaveProperty('disabled', true);
    expect(pages.contains(screen.getByRole('button', { name: /Next page/ }))).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: /Next page/ }));
    await screen.findByRole('row', { name: /payment\.created/ });
    expect(calls.at(-1)!.url.searchParams.get('cursor')).toBe('older');
    expect(screen.getByRole('button', { name: /Next page/ })).toHaveProperty('disabled', true);
    fireEvent.click(screen.getByRole('button', { name: /Previous page/ }));
    await screen.findByRole('row', { name: /batch\.released/ });
    expect(calls.at(-1)!.url.searchParams.get('cursor')).toBe('newer');
  });
});
