import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { axeViolations } from '../../../shared/axe.test-helper.ts';
import { fakeApi } from '@hms/api-client/fake-api';
import { focusedErrorSummary, renderAt } from '@hms/ui/render-at';
import { EndpointsRoute } from './endpoints-route.tsx';

describe('Webhook endpoints (admin)', () => {
  it('names the buttons’ column for them, not a second "State"', async () => {
    fakeApi({
      'GET /api/webhooks/endpoints': () => ({
        status: 200,
        body: {
          items: [
            {
              id: 'e1',
              url: 'https://gl.example/hook',
              description: '',
              eventTypes: ['batch.released'],
              enabled: true,
              createdAt: '2026-11-25T15:00:00.000Z',
            },
          ],
        },
      }),
    });
    renderAt('/e', [{ path: '/e', element: <EndpointsRoute /> }], { language: 'es' });
    await screen.findByRole('row', { name: /gl\.example/ });
    const headers = screen.getAllByRole('columnheader').map((h) => h.textContent);
    expect(headers.filter((h) => h === 'Estado')).toHaveLength(1);
    expect(headers.at(-1)).toBe('Acciones');
  });

  it('adds an endpoint with the chosen events and shows the whsec_ secret once', async () => {
    const calls = fakeApi({
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
    const summary = screen.getByRole('alert');
    expect(within(summary).getByRole('link', { name: 'Enter the receiver URL.' })).toBeTruthy();
    expect(document.getElementById('endpoint-url-error')!.textContent).toBe(
      'Enter the receiver URL.',
    );
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

describe('server field errors on the endpoint form', () => {
  it("puts the API's field errors (body.url, body.eventTypes.0) on their fields and in the summary", async () => {
    fakeApi({
      'GET /api/webhooks/endpoints': () => ({ status: 200, body: { items: [] } }),
      'POST /api/webhooks/endpoints': () => ({
        status: 400,
        body: {
          type: 'https://hms.example.gov/problems/validation',
          title: 'Your request has errors',
          status: 400,
          detail: 'Some fields need fixing. See errors for each field and how to fix it.',
          errors: [
            { field: 'body.url', message: 'url must start with https://.' },
            { field: 'body.eventTypes.0', message: 'eventTypes must be known event types.' },
          ],
        },
      }),
    });
    renderAt('/e', [{ path: '/e', element: <EndpointsRoute /> }]);
    await screen.findByText('No endpoints yet.');
    fireEvent.change(screen.getByLabelText('URL'), { target: { value: 'http://x.example' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add endpoint' }));
    const link = await screen.findByRole('link', { name: 'url must start with https://.' });
    const { links } = await focusedErrorSummary();
    expect(link.getAttribute('href')).toBe('#endpoint-url');
    expect(links).toContainEqual(['eventTypes must be known event types.', '#endpoint-events']);
    expect(document.getElementById('endpoint-url-error')!.textContent).toBe(
      'url must start with https://.',
    );
    expect(document.getElementById('endpoint-events-error')!.textContent).toBe(
      'eventTypes must be known event types.',
    );
    // The generic "See errors for each field" is not shown on its own any more: the fields say what to fix.
    expect(screen.queryByText(/See errors for each field/)).toBeNull();
    expect(document.title.startsWith('Error: ')).toBe(true);
  });
});
