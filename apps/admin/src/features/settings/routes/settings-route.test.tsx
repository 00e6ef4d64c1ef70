import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeApi, problem } from '@hms/api-client/fake-api';
import { axeViolations } from '../../../shared/axe.test-helper.ts';
import { focusedErrorSummary, renderAt } from '@hms/ui/render-at';
import { SettingsRoute } from './settings-route.tsx';

const settings = (over: Record<string, unknown> = {}) => ({
  companyName: 'HMS BENEFITS',
  companyId: '1234567890',
  odfiRouting: '121042882',
  immediateDestination: '231380104',
  immediateDestinationName: 'FEDERAL RESERVE BANK',
  immediateOrigin: '121042882',
  immediateOriginName: 'HMS PAYMENTS',
  sameDayCutoff: '14:45',
  prenoteWaitDays: 3,
  sessionTtlHours: 12,
  sessionIdleMinutes: 30,
  publishNeedsSecondApproval: true,
  version: 1,
  updatedAt: '2026-11-25T15:00:00.000Z',
  updatedBy: null,
  timeZone: 'America/New_York',
  ...over,
});

const render = () => renderAt('/s', [{ path: '/s', element: <SettingsRoute /> }]);

describe('Agency settings (admin)', () => {
  it(
    'checks the values with the API’s rules, names each field in the summary, and sends nothing until they pass',
    { timeout: 30_000 },
    async () => {
      const calls = fakeApi({
        'GET /api/admin/settings': () => ({ status: 200, body: settings() }),
      });
      const { container } = render();
      const name = await screen.findByLabelText('Company name');
      expect((name as HTMLInputElement).value).toBe('HMS BENEFITS');
      expect(screen.getByText(/America\/New_York/)).toBeTruthy();
      expect(await axeViolations(container)).toEqual([]);

      fireEvent.change(screen.getByLabelText('Agency bank (ODFI) routing number'), {
        target: { value: '121042883' },
      });
      fireEvent.change(screen.getByLabelText('Same-day cut-off'), { target: { value: '25:00' } });
      fireEvent.change(screen.getByLabelText('Idle timeout (minutes)'), {
        target: { value: '900' },
      });
      fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));
      const { summary, links } = await focusedErrorSummary();
      expect(links.map(([, href]) => href)).toEqual([
        '#settings-odfiRouting',
        '#settings-sameDayCutoff',
        '#settings-sessionIdleMinutes',
      ]);
      expect(summary.textContent).toContain('valid check digit');
      expect(summary.textContent).toContain('shorter than the session lifetime');
      expect(screen.getByLabelText('Same-day cut-off').getAttribute('aria-invalid')).toBe('true');
      expect(calls.some((c) => c.method === 'PUT')).toBe(false);
      expect(await axeViolations(container)).toEqual([]);
    },
  );

  it(
    'saves every value with the version read, then confirms and shows the new version',
    { timeout: 30_000 },
    async () => {
      let current = settings();
      const calls = fakeApi({
        'GET /api/admin/settings': () => ({ status: 200, body: current }),
        'PUT /api/admin/settings': (_r, body) => {
          current = settings({
            ...(body as object),
            version: 2,
            updatedBy: { id: 'u1', name: 'Avery Admin' },
            updatedAt: '2026-11-26T15:00:00.000Z',
          });
          return { status: 200, body: current };
        },
      });
      const { container } = render();
      fireEvent.change(await screen.findByLabelText('Company name'), {
        target: { value: 'city of springs' },
      });
      fireEvent.click(
        screen.getByLabelText('Publishing a program needs a second administrator’s approval'),
      );
      fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));
      const done = await screen.findByRole('status', { name: 'Settings saved' });
      expect(done.textContent).toContain('Settings saved');
      expect(done.textContent).toContain('Version 2');
      await waitFor(() => expect(document.activeElement).toBe(done));
      expect(calls.find((c) => c.method === 'PUT')!.body).toEqual({
        ...Object.fromEntries(
          Object.entries(settings()).filter(
            ([k]) => !['version', 'updatedAt', 'updatedBy', 'timeZone'].includes(k),
          ),
        ),
        companyName: 'CITY OF SPRINGS',
        publishNeedsSecondApproval: false,
        version: 1,
      });
      expect(await screen.findByText(/by Avery Admin/)).toBeTruthy();
      expect(await axeViolations(container)).toEqual([]);
    },
  );

  it(
    'shows a stale save (409) in the reader’s words with a way to reload',
    { timeout: 30_000 },
    async () => {
      fakeApi({
        'GET /api/admin/settings': () => ({ status: 200, body: settings() }),
        'PUT /api/admin/settings': () =>
          problem(409, 'settings.stale_version', {
            detail: 'The settings are at version 2, not 1.',
          }),
      });
      render();
      await screen.findByLabelText('Company name');
      fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));
      const alert = await screen.findByRole('alert');
      await waitFor(() => expect(alert.textContent).toContain('Someone else changed the settings'));
      expect(screen.getByRole('button', { name: 'Reload the settings' })).toBeTruthy();
    },
  );
});
