import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeApi } from '@hms/api-client/fake-api';
import { axeViolations } from '../../../shared/axe.test-helper.ts';
import { renderAt } from '@hms/ui/render-at';
import { detailLines } from '../components/audit-table.tsx';
import { AuditRoute } from './audit-route.tsx';

const entry = (over: Record<string, unknown> = {}) => ({
  id: 41,
  at: '2026-11-25T15:00:00.000Z',
  actor: { kind: 'user', id: 'u1', name: 'Avery Admin', email: 'admin@example.gov' },
  action: 'settings.updated',
  entityType: 'agency_settings',
  entityId: 'agency',
  data: { version: 2, changes: { companyName: { before: 'HMS BENEFITS', after: 'SPRINGS' } } },
  ip: '203.0.113.9',
  ...over,
});

describe('detailLines', () => {
  it('writes a change list as before → after and other data as key: value', () => {
    expect(detailLines(entry().data)).toEqual([
      'version: 2',
      'companyName: HMS BENEFITS → SPRINGS',
    ]);
    expect(detailLines({ scopes: ['a'], note: null })).toEqual(['scopes: ["a"]', 'note: —']);
  });
});

describe('Audit log (admin)', () => {
  it(
    'searches with the filters in the URL, pages, links the CSV export of exactly those filters and shows the chain check',
    { timeout: 30_000 },
    async () => {
      const calls = fakeApi({
        'GET /api/admin/audit': (req) => {
          const cursor = new URL(req.url).searchParams.get('cursor');
          return {
            status: 200,
            body: cursor
              ? {
                  items: [entry({ id: 3, action: 'batch.built' })],
                  nextCursor: null,
                  prevCursor: 'p1',
                }
              : {
                  items: [
                    entry(),
                    entry({
                      id: 40,
                      actor: { kind: 'token', id: null, name: null, email: null },
                      action: 'batch.settled',
                      entityType: 'ach_batch',
                      entityId: 'b1',
                      data: {},
                      ip: null,
                    }),
                  ],
                  nextCursor: 'n1',
                  prevCursor: null,
                },
          };
        },
        'GET /api/admin/audit/verification': () => ({
          status: 200,
          body: {
            ok: true,
            count: 41,
            brokenAtId: null,
            text: 'Audit chain intact: 41 entries verified.',
            checkedAt: '2026-11-25T16:00:00.000Z',
          },
        }),
      });
      const { container } = renderAt('/admin/audit', [
        { path: '/admin/audit', element: <AuditRoute /> },
      ]);
      const row = await screen.findByRole('row', { name: /Agency settings changed/ });
      expect(row.textContent).toContain('Avery Admin');
      expect(row.textContent).toContain('companyName: HMS BENEFITS → SPRINGS');
      expect(
        screen.getByRole('row', { name: /Payment batch settled|settled/ }).textContent,
      ).toContain('Service token');
      const check = await screen.findByTestId('audit-verification');
      expect(check.textContent).toContain('The audit chain is intact');
      expect(check.textContent).toContain('41 entries verified');
      expect(await axeViolations(container)).toEqual([]);

      fireEvent.change(screen.getByLabelText('Who'), { target: { value: 'admin@example.gov' } });
      fireEvent.change(screen.getByLabelText('What'), { target: { value: 'settings.updated' } });
      fireEvent.change(screen.getByLabelText('From'), { target: { value: '2026-11-01' } });
      fireEvent.change(screen.getByLabelText('To'), { target: { value: '2026-11-30' } });
      fireEvent.click(screen.getByRole('button', { name: 'Search' }));
      await waitFor(() =>
        expect(screen.getByTestId('location').textContent).toBe(
          '/admin/audit?actor=admin%40example.gov&action=settings.updated&from=2026-11-01&to=2026-11-30',
        ),
      );
      await waitFor(() => {
        const last = calls.filter((c) => c.url.pathname === '/api/admin/audit').at(-1)!;
        expect(Object.fromEntries(last.url.searchParams)).toEqual({
          actor: 'admin@example.gov',
          action: 'settings.updated',
          from: '2026-11-01',
          to: '2026-11-30',
          limit: '50',
        });
      });
      const csv = screen.getByRole('link', { name: 'Export these entries to CSV' });
      const href = new URL(csv.getAttribute('href')!, 'http://x');
      expect(href.pathname).toBe('/api/admin/audit/export.csv');
      expect(Object.fromEntries(href.searchParams)).toEqual({
        actor: 'admin@example.gov',
        action: 'settings.updated',
        from: '2026-11-01',
        to: '2026-11-30',
      });

      fireEvent.click(
        within(screen.getByRole('navigation', { name: 'Pages of audit entries' })).getByRole(
          'button',
          { name: /Next/ },
        ),
      );
      await screen.findByRole('row', { name: /batch/i });
      expect(screen.getByTestId('location').textContent).toContain('cursor=n1');
      // The export link never carries the page cursor: it is the whole filtered set.
      expect(
        screen.getByRole('link', { name: 'Export these entries to CSV' }).getAttribute('href'),
      ).not.toContain('cursor');
    },
  );

  it(
    'refuses a “To” day before the “From” day on the field, and shows a broken chain',
    { timeout: 30_000 },
    async () => {
      fakeApi({
        'GET /api/admin/audit': () => ({
          status: 200,
          body: { items: [], nextCursor: null, prevCursor: null },
        }),
        'GET /api/admin/audit/verification': () => ({
          status: 200,
          body: {
            ok: false,
            count: null,
            brokenAtId: 7,
            text: 'First broken link: entry 7 (…): its content no longer matches its hash.',
            checkedAt: '2026-11-25T16:00:00.000Z',
          },
        }),
      });
      const { container } = renderAt('/admin/audit', [
        { path: '/admin/audit', element: <AuditRoute /> },
      ]);
      const check = await screen.findByTestId('audit-verification');
      await waitFor(() => expect(check.textContent).toContain('The audit chain is broken'));
      expect(check.textContent).toContain('number 7');
      expect(check.textContent).toContain('First broken link: entry 7');
      expect(await screen.findByText('No entries match these filters.')).toBeTruthy();

      fireEvent.change(screen.getByLabelText('From'), { target: { value: '2026-11-30' } });
      fireEvent.change(screen.getByLabelText('To'), { target: { value: '2026-11-01' } });
      fireEvent.click(screen.getByRole('button', { name: 'Search' }));
      const summary = await screen.findByRole('alert');
      expect(within(summary).getByRole('link').getAttribute('href')).toBe('#audit-to');
      expect(screen.getByLabelText('To').getAttribute('aria-invalid')).toBe('true');
      expect(screen.getByTestId('location').textContent).toBe('/admin/audit');
      expect(await axeViolations(container)).toEqual([]);
    },
  );
});
