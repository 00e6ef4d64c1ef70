import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, type FakeCall } from '@hms/api-client/fake-api';
import { renderAt } from '@hms/ui/render-at';
import { axeViolations } from '../../../shared/axe.test-helper.ts';
import type { ImportRun } from '../api/imports.ts';
import { ImportsRoute } from './imports-route.tsx';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const ID = '0190a0b0-0000-7000-8000-0000000000aa';
const COLUMNS = ['external_id', 'full_name', 'email', 'routing_number'];
const runOf = (
  over: Omit<Partial<ImportRun>, 'report'> & { report?: Partial<ImportRun['report']> },
): ImportRun => {
  const { report, ...rest } = over;
  return {
    importId: ID,
    fileName: 'payees.csv',
    dryRun: true,
    columns: COLUMNS,
    errorFile: false,
    ...rest,
    report: {
      kind: 'payees',
      rows: 5,
      created: 5,
      updated: 0,
      unchanged: 0,
      rejected: 0,
      errors: [],
      ...report,
    },
  };
};
const broken = runOf({
  errorFile: true,
  report: {
    created: 4,
    rejected: 1,
    errors: [
      {
        row: 3,
        field: 'routing_number',
        code: 'import.routing_invalid',
        message: 'routing_number 011000016 fails the check digit.',
      },
    ],
  },
});
const routes = [{ path: '/admin/imports', element: <ImportsRoute /> }];

/** What the page sent as the multipart fields of each upload. */
async function sentFields(calls: FakeCall[]) {
  return Promise.all(
    calls
      .filter((c) => c.method === 'POST')
      .map(async (c) => {
        const form = await c.request.clone().formData();
        const file = form.get('file');
        return {
          kind: form.get('kind'),
          dryRun: form.get('dryRun'),
          // jsdom's File loses its name on the way into the fetch Request; its content tells the files apart.
          file: typeof file === 'string' || file === null ? file : await file.text(),
        };
      }),
  );
}

const csvFile = (name: string) =>
  new File([`external_id\r\n${name}\r\n`], name, { type: 'text/csv' });
const choose = (file: File, label = 'CSV file') =>
  fireEvent.change(screen.getByLabelText(label), { target: { files: [file] } });

describe('Imports (/admin/imports)', () => {
  it('checks a file, lists its problems by line and column with the error file, and imports only a clean check', async () => {
    const answers = [
      { body: broken },
      { body: runOf({}) },
      { body: runOf({ dryRun: false, importId: '0190a0b0-0000-7000-8000-0000000000bb' }) },
    ];
    const calls = fakeApi({ 'POST /api/admin/imports': () => answers.shift()! });
    const { container } = renderAt('/admin/imports', routes);
    expect(screen.getByRole('heading', { level: 1, name: 'Imports' })).toBeTruthy();
    expect(screen.getByTestId('help-panel')).toBeTruthy();
    const importButton = screen.getByRole('button', { name: 'Import' });
    expect((importButton as HTMLButtonElement).disabled).toBe(true);

    // No file: the error summary names the field and takes focus; nothing is sent.
    fireEvent.click(screen.getByRole('button', { name: 'Check the file (dry run)' }));
    const summary = await screen.findByRole('alert');
    await waitFor(() => expect(document.activeElement).toBe(summary));
    expect(
      within(summary)
        .getAllByRole('link')
        .map((a) => [a.textContent, a.getAttribute('href')]),
    ).toEqual([['Choose a CSV file to check.', '#imports-file']]);
    expect(calls).toHaveLength(0);

    choose(csvFile('payees.csv'));
    fireEvent.click(screen.getByRole('button', { name: 'Check the file (dry run)' }));
    const heading = await screen.findByRole('heading', { level: 2, name: 'Check of payees.csv' });
    await waitFor(() => expect(document.activeElement).toBe(heading));
    expect(
      screen.getByText(
        'The check rejected 1 of 5 rows. Nothing was changed, and nothing can be imported until every row is fixed.',
      ),
    ).toBeTruthy();
    expect(screen.getByText(`Columns found: ${COLUMNS.join(', ')}.`)).toBeTruthy();
    const counts = screen.getByRole('table', { name: 'What the rows would become' });
    expect(within(counts).getByRole('row', { name: 'New 4' })).toBeTruthy();
    expect(within(counts).getByRole('row', { name: 'Rejected 1' })).toBeTruthy();
    const problems = screen.getByRole('table', { name: 'Problems by line and column' });
    const row = within(problems).getAllByRole('row')[1]!;
    expect(row.textContent).toContain('3');
    expect(row.textContent).toContain('routing_number');
    // The catalog's words for the code, not the API's English message.
    await waitFor(() => expect(row.textContent).not.toContain('fails the check digit'));
    const link = screen.getByRole('link', { name: /Download the file with an error column/ });
    expect(link.getAttribute('href')).toBe(`/api/admin/imports/${ID}/error-file`);
    expect((importButton as HTMLButtonElement).disabled).toBe(true);
    expect(await axeViolations(container)).toEqual([]);

    // The fixed file: a clean check offers Import, which imports that same file.
    choose(csvFile('payees-fixed.csv'));
    expect(screen.queryByRole('heading', { level: 2 })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Check the file (dry run)' }));
    expect(
      await screen.findByText(
        'The check found no rejected row. Nothing was changed. You can import this file now.',
      ),
    ).toBeTruthy();
    expect(screen.queryByRole('link', { name: /Download the file/ })).toBeNull();
    await waitFor(() => expect((importButton as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(importButton);
    const notice = await screen.findByText(
      'Imported payees.csv: 5 rows. 5 new, 0 changed, 0 already imported and unchanged.',
    );
    await waitFor(() => expect(document.activeElement).toBe(notice.closest('[tabindex="-1"]')));
    expect((importButton as HTMLButtonElement).disabled).toBe(true);
    expect(await sentFields(calls)).toEqual([
      { kind: 'payees', dryRun: 'true', file: 'external_id\r\npayees.csv\r\n' },
      { kind: 'payees', dryRun: 'true', file: 'external_id\r\npayees-fixed.csv\r\n' },
      { kind: 'payees', dryRun: 'false', file: 'external_id\r\npayees-fixed.csv\r\n' },
    ]);
    expect(await axeViolations(container)).toEqual([]);
  }, 15_000);

  it('asks for a new check when the kind changes after a clean one', async () => {
    fakeApi({ 'POST /api/admin/imports': () => ({ body: runOf({}) }) });
    renderAt('/admin/imports', routes);
    choose(csvFile('payees.csv'));
    fireEvent.click(screen.getByRole('button', { name: 'Check the file (dry run)' }));
    await screen.findByRole('heading', { level: 2, name: 'Check of payees.csv' });
    const importButton = screen.getByRole('button', { name: 'Import' }) as HTMLButtonElement;
    await waitFor(() => expect(importButton.disabled).toBe(false));
    fireEvent.change(screen.getByLabelText('What the file holds'), {
      target: { value: 'requests' },
    });
    expect(importButton.disabled).toBe(true);
  });

  it('says a refused upload in the reader’s language, by its code', async () => {
    fakeApi({
      'POST /api/admin/imports': () => ({
        status: 400,
        body: {
          type: 'about:blank',
          title: 'Your request has errors',
          status: 400,
          code: 'import.file_unreadable',
          detail: 'English detail',
        },
      }),
    });
    renderAt('/admin/imports', routes, { language: 'es' });
    expect(screen.getByRole('heading', { level: 1, name: 'Importaciones' })).toBeTruthy();
    choose(csvFile('pagos.csv'), 'Archivo CSV');
    fireEvent.click(screen.getByRole('button', { name: 'Revisar el archivo (prueba)' }));
    expect(
      await screen.findByText(
        'El archivo no se puede leer como CSV. Guárdelo como CSV (UTF-8) con una fila de encabezados y vuelva a elegirlo.',
      ),
    ).toBeTruthy();
  });
});
