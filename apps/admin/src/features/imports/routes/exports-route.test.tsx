import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderAt } from '@hms/ui/render-at';
import { axeViolations } from '../../../shared/axe.test-helper.ts';
import { ExportsRoute } from './exports-route.tsx';

const routes = [{ path: '/admin/exports', element: <ExportsRoute /> }];
const linkHref = (name: string) => screen.getByRole('link', { name }).getAttribute('href');

describe('ExportsRoute', () => {
  it('downloads masked numbers by default; full numbers need the box and a confirmation', async () => {
    const { container } = renderAt('/admin/exports', routes);
    expect(screen.getByRole('heading', { level: 1, name: 'Export' })).toBeTruthy();
    const box = screen.getByRole('checkbox', { name: /Include full account numbers/ });
    expect((box as HTMLInputElement).checked).toBe(false);
    expect(linkHref('Download the export')).toBe(
      '/api/admin/exports/payees?fullAccountNumbers=false',
    );
    expect(await axeViolations(container)).toEqual([]);

    fireEvent.change(screen.getByLabelText('What to export'), { target: { value: 'requests' } });
    expect(linkHref('Download the export')).toBe(
      '/api/admin/exports/requests?fullAccountNumbers=false',
    );
    // Requests hold no account numbers: the option does not apply.
    expect((box as HTMLInputElement).disabled).toBe(true);

    fireEvent.change(screen.getByLabelText('What to export'), { target: { value: 'payees' } });
    fireEvent.click(box);
    // No link to the full numbers until the confirmation, which takes the focus.
    expect(screen.queryByRole('link')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Download with full account numbers' }));
    const heading = screen.getByRole('heading', { name: 'Download full account numbers?' });
    expect(document.activeElement).toBe(heading);
    expect(await axeViolations(container)).toEqual([]);
    expect(linkHref('Yes, download full account numbers')).toBe(
      '/api/admin/exports/payees?fullAccountNumbers=true',
    );

    // Cancel goes back to masked numbers, focus on the choice.
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect((box as HTMLInputElement).checked).toBe(false);
    expect(document.activeElement).toBe(box);
    expect(linkHref('Download the export')).toBe(
      '/api/admin/exports/payees?fullAccountNumbers=false',
    );
  });

  it('speaks Spanish', () => {
    renderAt('/admin/exports', routes, { language: 'es' });
    expect(screen.getByRole('heading', { level: 1, name: 'Exportar' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Descargar la exportación' })).toBeTruthy();
    expect(
      screen.getByRole('checkbox', { name: /Incluir los números de cuenta completos/ }),
    ).toBeTruthy();
  });
});
