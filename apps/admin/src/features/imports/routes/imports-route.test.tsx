import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeApi, problem, type FakeCall } from '@hms/api-client/fake-api';
import { focusedErrorSummary, renderAt } from '@hms/ui/render-at';
import { axeViolations } from '../../../shared/axe.test-helper.ts';
import type { ImportJob, ImportRun } from '../api/imports.ts';
import { ImportsRoute } from './imports-route.tsx';

afterEach(() => {
  // Unmounted before the rest is reset (the shared set-up's clean-up runs after this one).
  cleanup();
  localStorage.clear();
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

/** The job of a run: queued as the upload answers it, completed (with the run) as the job answers once done. */
const jobOf = (run: ImportRun, over: Partial<ImportJob> = {}): ImportJob => ({
  jobId: run.importId,
  kind: run.report.kind,
  fileName: run.fileName,
  dryRun: run.dryRun,
  state: 'completed',
  rowsProcessed: run.report.rows,
  rowsTotal: run.report.rows,
  result: run,
  problem: null,
  ...over,
});
const queued = (run: ImportRun) =>
  jobOf(run, { state: 'queued', rowsProcessed: 0, rowsTotal: null, result: null });

/** The header route as the API answers it: the file's first line, each name suggested when it is a column. */
async function headerOf(request: Request) {
  const file = (await request.clone().formData()).get('file');
  const first =
    typeof file === 'string' || file === null ? '' : (await file.text()).split(/\r?\n/)[0]!;
  return {
    body: {
      format: 'csv',
      columns: first.split(',').map((name) => ({
        name,
        suggested: ['external_id', 'full_name', 'email'].includes(name) ? name : null,
      })),
    },
  };
}

/** A fake API that starts each upload as the next job and answers its GETs from `states` (completed by default). */
function fakeJobs(runs: ImportRun[], states: Record<string, ImportJob[]> = {}) {
  const started = new Map<string, ImportRun>();
  return fakeApi(async (request) => {
    const path = new URL(request.url).pathname;
    if (path === '/api/admin/imports/header') return headerOf(request);
    if (request.method === 'POST' && path === '/api/admin/imports') {
      const run = runs.shift()!;
      started.set(run.importId, run);
      return { status: 202, body: queued(run) };
    }
    const id = path.match(/^\/api\/admin\/imports\/jobs\/(.+)$/)?.[1];
    const run = id ? started.get(id) : undefined;
    if (request.method === 'GET' && id && run) return { body: states[id]?.shift() ?? jobOf(run) };
    return { status: 404, body: { type: 'about:blank', title: 'Not found', status: 404 } };
  });
}

/** What the page sent as the multipart fields of each upload. */
async function sentFields(calls: FakeCall[]) {
  return Promise.all(
    calls
      .filter((c) => c.method === 'POST' && c.url.pathname === '/api/admin/imports')
      .map(async (c) => {
        const form = await c.request.clone().formData();
        const file = form.get('file');
        return {
          kind: form.get('kind'),
          dryRun: form.get('dryRun'),
          ...(form.has('mapping') ? { mapping: form.get('mapping') } : {}),
          // jsdom's File loses its name on the way into the fetch Request; its content tells the files apart.
          file: typeof file === 'string' || file === null ? file : await file.text(),
        };
      }),
  );
}

const csvFile = (name: string) =>
  new File([`external_id\r\n${name}\r\n`], name, { type: 'text/csv' });
const choose = (file: File, label = 'CSV or Excel file') =>
  fireEvent.change(screen.getByLabelText(label), { target: { files: [file] } });

describe('Imports (/admin/imports)', () => {
  it('checks a file, lists its problems by line and column with the error file, and imports only a clean check', async () => {
    const calls = fakeJobs([
      broken,
      runOf({ importId: '0190a0b0-0000-7000-8000-0000000000cc' }),
      runOf({ dryRun: false, importId: '0190a0b0-0000-7000-8000-0000000000bb' }),
    ]);
    const { container } = renderAt('/admin/imports', routes);
    expect(screen.getByRole('heading', { level: 1, name: 'Imports' })).toBeTruthy();
    expect(screen.getByTestId('help-panel')).toBeTruthy();
    const importButton = screen.getByRole('button', { name: 'Import' });
    expect((importButton as HTMLButtonElement).disabled).toBe(true);

    // No file: the error summary names the field and takes focus; nothing is sent.
    fireEvent.click(screen.getByRole('button', { name: 'Check the file (dry run)' }));
    expect((await focusedErrorSummary()).links).toEqual([
      ['Choose a CSV or Excel file to check.', '#imports-file'],
    ]);
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
    fakeJobs([runOf({})]);
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

  it('shows the job’s progress while it runs, and resumes it after a reload', async () => {
    const check = runOf({ report: { rows: 1200, created: 1200 } });
    const running = (rowsProcessed: number) =>
      jobOf(check, { state: 'running', rowsProcessed, rowsTotal: 1200, result: null });
    fakeJobs([check], { [ID]: [running(0), running(500)] });
    const { container } = renderAt('/admin/imports', routes);
    choose(csvFile('payees.csv'));
    fireEvent.click(screen.getByRole('button', { name: 'Check the file (dry run)' }));
    const bar = await screen.findByRole('progressbar', { name: 'Rows done' });
    expect(screen.getByRole('heading', { level: 2, name: 'Checking payees.csv' })).toBeTruthy();
    await waitFor(() => expect(bar.getAttribute('value')).toBe('500'), { timeout: 4000 });
    expect(bar.getAttribute('max')).toBe('1200');
    expect(screen.getByRole('status').textContent).toBe('500 of 1,200 rows done.');
    expect(
      (screen.getByRole('button', { name: 'Checking the file…' }) as HTMLButtonElement).disabled,
    ).toBe(true);
    expect(await axeViolations(container)).toEqual([]);
    expect(JSON.parse(localStorage.getItem('hms.admin.imports.job')!)).toEqual({
      jobId: ID,
      kind: 'payees',
    });
    await screen.findByRole(
      'heading',
      { level: 2, name: 'Check of payees.csv' },
      { timeout: 4000 },
    );
    cleanup();

    // Reopened: the stored job is asked for at once, and its result shown; the file must be chosen again to import.
    const calls = fakeApi({
      [`GET /api/admin/imports/jobs/${ID}`]: () => ({ body: jobOf(runOf({})) }),
    });
    renderAt('/admin/imports', routes);
    expect(
      await screen.findByRole('heading', { level: 2, name: 'Check of payees.csv' }),
    ).toBeTruthy();
    expect(
      screen.getByText(/To import this file, choose it again above and check it/),
    ).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Import' }) as HTMLButtonElement).disabled).toBe(
      true,
    );
    expect(calls.map((c) => `${c.method} ${c.url.pathname}`)).toEqual([
      `GET /api/admin/imports/jobs/${ID}`,
    ]);
  }, 15_000);

  it('shows each file column with the HMS column it is read as, and sends the mapping chosen', async () => {
    const calls = fakeJobs([runOf({}), runOf({ dryRun: false })]);
    const { container } = renderAt('/admin/imports', routes);
    choose(new File(['Client ID,full_name\r\nA-1,Ann\r\n'], 'old.csv', { type: 'text/csv' }));
    const client = (await screen.findByLabelText('File column “Client ID”')) as HTMLSelectElement;
    const name = screen.getByLabelText('File column “full_name”') as HTMLSelectElement;
    expect(client.value).toBe('');
    expect(within(client).getByRole('option', { name: 'Not mapped' })).toBeTruthy();
    expect(name.value).toBe('full_name');
    expect(await axeViolations(container)).toEqual([]);
    fireEvent.change(client, { target: { value: 'external_id' } });
    fireEvent.click(screen.getByRole('button', { name: 'Check the file (dry run)' }));
    await screen.findByRole('heading', { level: 2, name: 'Check of payees.csv' });
    const importButton = screen.getByRole('button', { name: 'Import' }) as HTMLButtonElement;
    await waitFor(() => expect(importButton.disabled).toBe(false));
    // Another mapping than the one checked needs a new check.
    fireEvent.change(client, { target: { value: 'email' } });
    expect(importButton.disabled).toBe(true);
    fireEvent.change(client, { target: { value: 'external_id' } });
    expect(importButton.disabled).toBe(false);
    fireEvent.click(importButton);
    await screen.findByText(/^Imported payees.csv/);
    const mapping = JSON.stringify({ 'Client ID': 'external_id' });
    expect((await sentFields(calls)).map((f) => [f.dryRun, f.mapping])).toEqual([
      ['true', mapping],
      ['false', mapping],
    ]);
  }, 15_000);

  it('says a job the API no longer knows, and forgets it', async () => {
    localStorage.setItem('hms.admin.imports.job', JSON.stringify({ jobId: ID, kind: 'requests' }));
    fakeApi({
      [`GET /api/admin/imports/jobs/${ID}`]: () =>
        problem(404, 'import.job_gone', {
          detail: 'English detail',
        }),
    });
    renderAt('/admin/imports', routes, { language: 'es' });
    expect(await screen.findByText(/Esta revisión o importación ya no se conoce/)).toBeTruthy();
    expect((screen.getByLabelText('Qué contiene el archivo') as HTMLSelectElement).value).toBe(
      'requests',
    );
    await waitFor(() => expect(localStorage.getItem('hms.admin.imports.job')).toBeNull());
  });

  it('says a refused upload in the reader’s language, by its code', async () => {
    fakeApi({
      'POST /api/admin/imports/header': headerOf,
      'POST /api/admin/imports': () =>
        problem(400, 'import.file_unreadable', {
          detail: 'English detail',
        }),
    });
    renderAt('/admin/imports', routes, { language: 'es' });
    expect(screen.getByRole('heading', { level: 1, name: 'Importaciones' })).toBeTruthy();
    choose(csvFile('pagos.csv'), 'Archivo CSV o Excel');
    fireEvent.click(screen.getByRole('button', { name: 'Revisar el archivo (prueba)' }));
    expect(
      await screen.findByText(
        'El archivo no se puede leer como CSV ni como libro de Excel. Guárdelo como CSV (UTF-8) o como .xlsx, con una fila de encabezados, y vuelva a elegirlo.',
      ),
    ).toBeTruthy();
  });
});
