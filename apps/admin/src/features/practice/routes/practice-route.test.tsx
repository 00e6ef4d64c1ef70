import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeApi, problem } from '@hms/api-client/fake-api';
import { axeViolations } from '../../../shared/axe.test-helper.ts';
import { focusedErrorSummary, renderAt } from '@hms/ui/render-at';
import type { PracticeOverview, PracticeProgram } from '../api/practice.ts';
import { PracticeRoute } from './practice-route.tsx';

const REAL = '0190a0b0-0000-7000-8000-00000000000a';
const PRACTICE = '0190a0b0-0000-7000-8000-00000000000b';
const COPY = '0190a0b0-0000-7000-8000-00000000000c';

const real = (over: Partial<PracticeProgram> = {}): PracticeProgram => ({
  id: REAL,
  slug: 'permit-fee-refund',
  name: { en: 'Permit fee refund', es: 'Reembolso de tasas de permiso' },
  practice: false,
  practiceRequestCount: 0,
  byStatus: [],
  ...over,
});
const practice = (over: Partial<PracticeProgram> = {}): PracticeProgram => ({
  id: PRACTICE,
  slug: 'practice-home-repair',
  name: { en: 'Practice: Home repair grant', es: 'Práctica: Ayuda para reparar la vivienda' },
  practice: true,
  practiceRequestCount: 3,
  byStatus: [
    { status: 'approved', count: 1 },
    { status: 'submitted', count: 2 },
  ],
  ...over,
});
const overviewOf = (programs: PracticeProgram[]): PracticeOverview => ({
  programs,
  practiceRequestCount: programs.reduce((t, p) => t + p.practiceRequestCount, 0),
});
const routes = [{ path: '/admin/practice', element: <PracticeRoute /> }];

describe('Practice space (/admin/practice)', () => {
  it('lists every program with whether it is practice and its practice requests by status', async () => {
    fakeApi({ 'GET /api/practice': () => ({ body: overviewOf([real(), practice()]) }) });
    const { container } = renderAt('/admin/practice', routes);
    expect(screen.getByRole('heading', { level: 1, name: 'Practice space' })).toBeTruthy();
    expect(screen.getByText('Loading the practice space…')).toBeTruthy();
    const row = await screen.findByRole('row', { name: /Practice: Home repair grant/ });
    expect(row.textContent).toContain('practice-home-repair');
    expect(row.textContent).toContain('Practice');
    expect(within(row).getByText('Approved: 1')).toBeTruthy();
    expect(within(row).getByText('Submitted: 2')).toBeTruthy();
    expect(
      within(row).getByRole('button', { name: 'Unmark practice: Practice: Home repair grant' }),
    ).toBeTruthy();
    const realRow = screen.getByRole('row', { name: /^Permit fee refund/ });
    expect(realRow.textContent).toContain('Real program');
    expect(
      within(realRow).getByRole('button', { name: 'Mark as practice: Permit fee refund' }),
    ).toBeTruthy();
    expect(screen.getByText('Practice requests in all practice programs: 3.')).toBeTruthy();
    expect(screen.getByTestId('help-panel')).toBeTruthy();
    // Only real programs are offered to copy; only practice programs hold practice requests.
    const source = screen.getByLabelText('Program to copy');
    expect(
      within(source)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['- Select -', 'Permit fee refund']);
    const target = screen.getByLabelText('Practice program') as HTMLSelectElement;
    expect(
      within(target)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Practice: Home repair grant']);
    expect(target.value).toBe(PRACTICE);
    expect(await axeViolations(container)).toEqual([]);
  });

  it('says there is no practice program yet, and has nothing to generate into or clear', async () => {
    fakeApi({ 'GET /api/practice': () => ({ body: overviewOf([real()]) }) });
    const { container } = renderAt('/admin/practice', routes);
    expect(await screen.findByRole('region', { name: 'No practice program yet' })).toBeTruthy();
    expect(screen.getByText(/Make a practice copy first/)).toBeTruthy();
    expect(screen.getByText('There are no practice requests to clear.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Clear practice data' })).toBeNull();
    expect(await axeViolations(container)).toEqual([]);
  });

  it('shows a load failure in words with a retry', async () => {
    let fail = true;
    fakeApi({
      'GET /api/practice': () =>
        fail ? problem(503, 'server.unavailable') : { body: overviewOf([real()]) },
    });
    renderAt('/admin/practice', routes);
    const retry = await screen.findByRole('button', { name: 'Try again' });
    expect(screen.getByRole('alert').textContent).toContain('Service not available');
    fail = false;
    fireEvent.click(retry);
    expect(await screen.findByRole('row', { name: /Permit fee refund/ })).toBeTruthy();
  });

  it('makes a practice copy: asks for the program first, then names the copy and offers it for requests', async () => {
    let programs = [real()];
    const calls = fakeApi({
      'GET /api/practice': () => ({ body: overviewOf(programs) }),
      'POST /api/practice/programs': () => {
        programs = [
          ...programs,
          practice({
            id: COPY,
            slug: 'practice-permit-fee-refund',
            name: { en: 'Practice: Permit fee refund', es: 'Práctica: Reembolso' },
            practiceRequestCount: 0,
            byStatus: [],
          }),
        ];
        return { status: 201, body: { id: COPY, slug: 'practice-permit-fee-refund' } };
      },
    });
    renderAt('/admin/practice', routes);
    const submit = await screen.findByRole('button', { name: 'Make a practice copy' });
    fireEvent.click(submit);
    expect((await focusedErrorSummary()).links).toEqual([
      ['Choose the program to copy.', '#practice-source'],
    ]);
    expect(calls.some((c) => c.method === 'POST')).toBe(false);

    fireEvent.change(screen.getByLabelText(/Program to copy/), { target: { value: REAL } });
    fireEvent.click(submit);
    expect(
      await screen.findByText(
        'Practice copy made: Practice: Permit fee refund (web address practice-permit-fee-refund). Create practice requests in it below.',
      ),
    ).toBeTruthy();
    expect(calls.find((c) => c.method === 'POST')!.body).toEqual({ sourceProgramId: REAL });
    expect((screen.getByLabelText('Practice program') as HTMLSelectElement).value).toBe(COPY);
    expect(screen.getByRole('row', { name: /Practice: Permit fee refund/ })).toBeTruthy();
  });

  it('checks how many requests to create (1 to 25) with the error summary, then lists what was created', async () => {
    const calls = fakeApi({
      'GET /api/practice': () => ({ body: overviewOf([real(), practice()]) }),
      'POST /api/practice/requests': () => ({
        status: 201,
        body: {
          created: [
            { id: 'r1', reference: 'HMS-AAAA-0001-A', amountRequestedCents: 12_000 },
            { id: 'r2', reference: 'HMS-AAAA-0002-B', amountRequestedCents: 45_050 },
          ],
          practiceRequestCount: 5,
        },
      }),
    });
    const { container } = renderAt('/admin/practice', routes);
    const count = await screen.findByLabelText(/How many requests/);
    const submit = screen.getByRole('button', { name: 'Create practice requests' });

    fireEvent.click(submit);
    expect((await focusedErrorSummary()).links).toEqual([
      ['Enter how many requests to create.', '#practice-count'],
    ]);
    expect(count.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById('practice-count-error')!.textContent).toBe(
      'Enter how many requests to create.',
    );
    expect(await axeViolations(container)).toEqual([]);

    for (const [value, message] of [
      ['0', 'Create at least 1 request.'],
      ['26', 'Create at most 25 requests at a time.'],
      ['2.5', 'Enter a whole number, like 3.'],
    ] as const) {
      fireEvent.change(count, { target: { value } });
      fireEvent.click(submit);
      await waitFor(() =>
        expect(document.getElementById('practice-count-error')?.textContent).toBe(message),
      );
    }
    expect(calls.some((c) => c.method === 'POST')).toBe(false);

    fireEvent.change(count, { target: { value: '2' } });
    fireEvent.click(submit);
    expect(
      await screen.findByText(
        'Practice requests created: 2. They wait in the approval inbox, marked Practice.',
      ),
    ).toBeTruthy();
    expect(calls.find((c) => c.method === 'POST')!.body).toEqual({
      programId: PRACTICE,
      count: 2,
    });
    const created = screen.getByRole('table', { name: 'Practice requests just created' });
    expect(within(created).getByRole('row', { name: /HMS-AAAA-0002-B/ }).textContent).toContain(
      '$450.50',
    );
    expect(screen.queryByRole('alert')).toBeNull();
    expect(await axeViolations(container)).toEqual([]);
  });

  it('says in Spanish, on the program field, why the API refused to create requests', async () => {
    fakeApi({
      'GET /api/practice': () => ({ body: overviewOf([real(), practice()]) }),
      'POST /api/practice/requests': () =>
        problem(409, 'practice.program_not_practice', { detail: 'English detail' }),
    });
    const { container } = renderAt('/admin/practice', routes, { language: 'es' });
    const count = await screen.findByLabelText(/Cuántas solicitudes/);
    fireEvent.change(count, { target: { value: '40' } });
    fireEvent.click(screen.getByRole('button', { name: 'Crear solicitudes de práctica' }));
    expect(
      await screen.findByRole('link', { name: 'Cree como máximo 25 solicitudes a la vez.' }),
    ).toBeTruthy();

    fireEvent.change(count, { target: { value: '3' } });
    fireEvent.click(screen.getByRole('button', { name: 'Crear solicitudes de práctica' }));
    const link = await screen.findByRole('link', {
      name: /^Este programa no es de práctica\. Elija un programa marcado de práctica/,
    });
    expect(link.getAttribute('href')).toBe('#practice-program');
    expect(screen.getByLabelText('Programa de práctica').getAttribute('aria-invalid')).toBe('true');
    expect(screen.queryByText('English detail')).toBeNull();
    expect(await axeViolations(container)).toEqual([]);
  });

  it('clears practice data only after a confirmation that takes focus, and reports what was deleted', async () => {
    let programs = [real(), practice()];
    const calls = fakeApi({
      'GET /api/practice': () => ({ body: overviewOf(programs) }),
      'POST /api/practice/clear': () => {
        programs = [real(), practice({ practiceRequestCount: 0, byStatus: [] })];
        return {
          body: {
            requestsDeleted: 3,
            paymentsDeleted: 1,
            documentsDeleted: 6,
            applicantsDeleted: 3,
          },
        };
      },
    });
    const { container } = renderAt('/admin/practice', routes);
    const open = await screen.findByRole('button', { name: 'Clear practice data' });
    expect(
      within(screen.getByLabelText('Practice data to clear'))
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['All practice programs (3 requests)', 'Practice: Home repair grant (3 requests)']);

    // The question stands in place of the button; going back calls nothing and puts focus back on the button.
    fireEvent.click(open);
    expect(screen.queryByRole('button', { name: 'Clear practice data' })).toBeNull();
    let dialog = screen.getByRole('alertdialog');
    expect(dialog.textContent).toContain(
      'Delete all 3 practice requests and everything made with them? This cannot be undone.',
    );
    const yes = within(dialog).getByRole('button', { name: 'Yes, clear practice data' });
    expect(document.activeElement).toBe(yes);
    expect(await axeViolations(container)).toEqual([]);
    fireEvent.click(within(dialog).getByRole('button', { name: 'No, go back' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    const again = screen.getByRole('button', { name: 'Clear practice data' });
    await waitFor(() => expect(document.activeElement).toBe(again));
    expect(calls.some((c) => c.method === 'POST')).toBe(false);

    fireEvent.click(again);
    dialog = screen.getByRole('alertdialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Yes, clear practice data' }));
    const notice = await screen.findByText(
      'Practice data cleared. Requests deleted: 3. Payments: 1. Files: 6. Made-up applicants: 3.',
    );
    expect(calls.find((c) => c.method === 'POST')!.body).toEqual({});
    await waitFor(() => expect(document.activeElement).toBe(notice.closest('[tabindex="-1"]')));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(await screen.findByText('There are no practice requests to clear.')).toBeTruthy();
    expect(await axeViolations(container)).toEqual([]);
  });

  it('clears one practice program when it is chosen', async () => {
    const calls = fakeApi({
      'GET /api/practice': () => ({ body: overviewOf([real(), practice()]) }),
      'POST /api/practice/clear': () => ({
        body: { requestsDeleted: 3, paymentsDeleted: 0, documentsDeleted: 3, applicantsDeleted: 3 },
      }),
    });
    renderAt('/admin/practice', routes);
    fireEvent.change(await screen.findByLabelText('Practice data to clear'), {
      target: { value: PRACTICE },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Clear practice data' }));
    expect(screen.getByRole('alertdialog').textContent).toContain(
      'Delete the 3 practice requests of Practice: Home repair grant',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Yes, clear practice data' }));
    await screen.findByText(/Practice data cleared/);
    expect(calls.find((c) => c.method === 'POST')!.body).toEqual({ programId: PRACTICE });
  });

  it('marks and unmarks practice after a confirmation, saying the API’s refusal in words', async () => {
    const calls = fakeApi({
      'GET /api/practice': () => ({ body: overviewOf([real(), practice()]) }),
      [`PUT /api/practice/programs/${PRACTICE}`]: () =>
        problem(409, 'practice.program_has_practice_requests', { params: { count: 3 } }),
      [`PUT /api/practice/programs/${REAL}`]: () => ({
        body: overviewOf([real({ practice: true }), practice()]),
      }),
    });
    const { container } = renderAt('/admin/practice', routes);
    const unmark = await screen.findByRole('button', {
      name: 'Unmark practice: Practice: Home repair grant',
    });
    fireEvent.click(unmark);
    expect(screen.getByRole('alertdialog').textContent).toContain(
      'Unmark Practice: Home repair grant?',
    );
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Yes, unmark' }));
    fireEvent.click(screen.getByRole('button', { name: 'No, go back' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(document.activeElement).toBe(unmark);
    expect(calls.some((c) => c.method === 'PUT')).toBe(false);

    fireEvent.click(unmark);
    const dialog = screen.getByRole('alertdialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Yes, unmark' }));
    const alert = await screen.findByText(
      'This program still holds practice requests. Clear them first, then unmark it.',
    );
    expect(alert.closest('[role="alert"]')).toBeTruthy();
    expect(calls.find((c) => c.method === 'PUT')!.body).toEqual({ practice: false });
    expect(await axeViolations(container)).toEqual([]);

    fireEvent.click(screen.getByRole('button', { name: 'Mark as practice: Permit fee refund' }));
    fireEvent.click(screen.getByRole('button', { name: 'Yes, mark as practice' }));
    const done = await screen.findByText('Permit fee refund is now a practice program.');
    await waitFor(() => expect(document.activeElement).toBe(done.closest('[tabindex="-1"]')));
    expect(calls.filter((c) => c.method === 'PUT').at(-1)!.body).toEqual({ practice: true });
    expect(screen.getByRole('button', { name: 'Unmark practice: Permit fee refund' })).toBeTruthy();
    expect(screen.queryByText(/still holds practice requests/)).toBeNull();
  });
});
