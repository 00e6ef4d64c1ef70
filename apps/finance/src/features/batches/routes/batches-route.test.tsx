import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { axeViolations } from '../../../shared/axe.test-helper.ts';
import { fakeApi } from '@hms/api-client/fake-api';
import { renderAt } from '@hms/ui/render-at';
import { BatchesRoute } from './batches-route.tsx';

const batch = (n: number) => ({
  id: `00000000-0000-7000-8000-0000000000${String(n).padStart(2, '0')}`,
  status: 'released',
  fileDate: '2026-11-25',
  fileIdModifier: String.fromCharCode(64 + n),
  effectiveDate: '2026-11-26',
  sameDay: false,
  entryCount: n,
  prenoteCount: 0,
  totalCents: n * 100_00,
  fileSha256: 'ab'.repeat(32),
  builtBy: { id: 'u0', name: 'Frankie Finance' },
  builtAt: '2026-11-25T15:00:00.000Z',
  releasedBy: { id: 'u1', name: 'Sam Supervisor' },
  releasedAt: '2026-11-25T16:00:00.000Z',
  cancelledAt: null,
  settledAt: null,
  downloadCount: 0,
});

describe('Batches', () => {
  it('shows one server page and moves to the next and back with the cursors the API gave, in the URL', async () => {
    const calls = fakeApi({
      'GET /api/batches': (request) =>
        new URL(request.url).searchParams.get('cursor') === 'older'
          ? { status: 200, body: { items: [batch(1)], nextCursor: null, prevCursor: 'newer' } }
          : { status: 200, body: { items: [batch(2)], nextCursor: 'older', prevCursor: null } },
    });
    const { container } = renderAt('/finance/batches', [
      { path: '/finance/batches', element: <BatchesRoute /> },
    ]);
    await screen.findByRole('link', { name: '2026-11-25 B' });
    expect(calls[0]!.url.searchParams.get('limit')).toBe('25');
    expect(await axeViolations(container)).toEqual([]);
    const pages = screen.getByRole('navigation', { name: 'Pages of batches' });
    expect(pages.querySelector('button:disabled')!.textContent).toContain('Previous page');

    fireEvent.click(screen.getByRole('button', { name: /Next page/ }));
    await screen.findByRole('link', { name: '2026-11-25 A' });
    expect(screen.getByTestId('location').textContent).toBe('/finance/batches?cursor=older');
    fireEvent.click(screen.getByRole('button', { name: /Previous page/ }));
    await waitFor(() =>
      expect(screen.getByTestId('location').textContent).toBe('/finance/batches?cursor=newer'),
    );
    await screen.findByRole('link', { name: '2026-11-25 B' });
  });
});
