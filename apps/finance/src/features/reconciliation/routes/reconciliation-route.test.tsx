import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, problem } from '@hms/api-client/fake-api';
import { me, renderAt } from '@hms/ui/render-at';
import { axeViolations } from '../../../shared/axe.test-helper.ts';
import { ReconciliationRoute } from './reconciliation-route.tsx';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const exception = {
  id: 'return_not_reissued:0190a0b0-0000-7000-8000-000000000001',
  reason: 'return_not_reissued',
  batchId: 'b1',
  paymentId: 'p1',
  requestId: 'r1',
  reference: 'HMS-7',
  payeeName: 'Ana Payee',
  amountCents: 25_00,
  traceNumber: '011000019000013',
  returnCode: 'R14',
  since: '2026-11-20',
  ageBusinessDays: 7,
  action: 'resolve_by_hand',
  href: null,
  resolvable: true,
  resolution: null,
};

const page = (items: unknown[]) => ({
  page: 1,
  pageSize: 50,
  totalCount: items.length,
  totalCents: items.length * 25_00,
  computedAt: '2026-12-01T15:00:00.000Z',
  items,
});

describe('ReconciliationRoute exceptions', () => {
  it('says the reason in Spanish with the age, and a supervisor resolves it with a note', async () => {
    let open = [exception];
    const calls = fakeApi({
      'GET /api/me': () => me(['finance_supervisor']),
      'GET /api/finance/reconciliation/exceptions': () => ({ body: page(open) }),
      'POST /api/finance/reconciliation/exceptions/resolve': () => {
        open = [];
        return { body: { ...exception, resolvable: false } };
      },
    });
    const { container } = renderAt(
      '/finance/reconciliation/exceptions',
      [
        {
          path: '/finance/reconciliation/exceptions',
          element: <ReconciliationRoute view="exceptions" />,
        },
      ],
      { language: 'es' },
    );
    const row = (await screen.findByRole('rowheader', { name: /HMS-7/ })).closest('tr')!;
    expect(row.textContent).toContain(
      'Devuelto por el banco y aún no pagado de nuevo (sin cuenta nueva ni pago de reemplazo).',
    );
    expect(row.textContent).toContain('7 días hábiles');
    expect(screen.getByRole('link', { name: /Descargar estas 1 filas/ }).getAttribute('href')).toBe(
      '/api/finance/reconciliation/exceptions?format=csv',
    );
    expect(await axeViolations(container)).toEqual([]);
    fireEvent.click(within(row).getByRole('button', { name: 'Resolver HMS-7 a mano' }));
    fireEvent.change(screen.getByLabelText('Nota (se guarda en el registro de auditoría)'), {
      target: { value: 'Beneficiario fallecido.' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Registrar la resolución' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Resuelta: HMS-7.'));
    // The form closed: focus is on what happened, not dropped on the page.
    await waitFor(() =>
      expect(document.activeElement?.firstElementChild).toBe(screen.getByRole('status')),
    );
    const posted = calls.find((c) => c.method === 'POST')!;
    expect(posted.body).toEqual({
      exceptionId: exception.id,
      resolution: 'written_off',
      note: 'Beneficiario fallecido.',
    });
    expect(
      await screen.findByText(
        'No hay excepciones abiertas: todo lo que coincide con estos filtros está conciliado.',
      ),
    ).toBeTruthy();
  });

  it('says on the note what is wrong with it: too short here, or as the API refuses it', async () => {
    const calls = fakeApi({
      'GET /api/me': () => me(['finance_supervisor']),
      'GET /api/finance/reconciliation/exceptions': () => ({ body: page([exception]) }),
      'POST /api/finance/reconciliation/exceptions/resolve': () =>
        problem(400, 'validation.failed', {
          errors: [
            {
              field: 'body.note',
              message: 'note must say why in at least 5 characters (it is kept in the audit log).',
              code: 'field.too_short',
              params: { minimum: 5 },
            },
          ],
        }),
    });
    const { container } = renderAt('/finance/reconciliation/exceptions', [
      {
        path: '/finance/reconciliation/exceptions',
        element: <ReconciliationRoute view="exceptions" />,
      },
    ]);
    fireEvent.click(await screen.findByRole('button', { name: 'Resolve HMS-7 by hand' }));
    const note = screen.getByLabelText('Note (kept in the audit log)');
    fireEvent.change(note, { target: { value: '  ok ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Record the resolution' }));
    const summary = await screen.findByRole('alert');
    expect(within(summary).getByRole('link').textContent).toBe(
      'Say why in at least 5 characters: the note is kept in the audit log.',
    );
    expect(note.getAttribute('aria-invalid')).toBe('true');
    expect(calls.some((c) => c.method === 'POST')).toBe(false);
    expect(await axeViolations(container)).toEqual([]);

    // A refusal of the API about the note lands on the note too, not as a bare "check your information".
    fireEvent.change(note, { target: { value: 'Bank said so' } });
    fireEvent.click(screen.getByRole('button', { name: 'Record the resolution' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    await waitFor(() =>
      expect(within(screen.getByRole('alert')).getByRole('link').getAttribute('href')).toBe(
        '#resolve-note',
      ),
    );
    expect(note.getAttribute('aria-invalid')).toBe('true');
  });

  it('offers no resolution to finance staff, and shows a failed load with a retry', async () => {
    fakeApi({
      'GET /api/me': () => me(['finance']),
      'GET /api/finance/reconciliation/exceptions': () => ({ body: page([exception]) }),
    });
    renderAt('/finance/reconciliation/exceptions', [
      {
        path: '/finance/reconciliation/exceptions',
        element: <ReconciliationRoute view="exceptions" />,
      },
    ]);
    await screen.findByRole('rowheader', { name: /HMS-7/ });
    expect(screen.queryByRole('button', { name: /by hand/ })).toBeNull();
    cleanup();
    fakeApi({
      'GET /api/me': () => me(['finance']),
      'GET /api/finance/reconciliation/batches': () => ({
        status: 500,
        body: { type: 'about:blank', title: 'Internal Server Error', status: 500, detail: 'x' },
      }),
    });
    renderAt('/finance/reconciliation', [
      { path: '/finance/reconciliation', element: <ReconciliationRoute view="batches" /> },
    ]);
    expect(await screen.findByRole('button', { name: /Try again/ })).toBeTruthy();
  });
});

describe('ReconciliationRoute period', () => {
  it('cuts a list to the days entered (in its request and its URL) and goes back to the whole history', async () => {
    const calls = fakeApi({
      'GET /api/me': () => me(['finance']),
      'GET /api/finance/reconciliation/returns': () => ({ body: page([]) }),
    });
    renderAt('/finance/reconciliation/returns', [
      { path: '/finance/reconciliation/returns', element: <ReconciliationRoute view="returns" /> },
    ]);
    const form = await screen.findByRole('form', { name: 'Period' });
    expect(within(form).queryByLabelText('Program')).toBeNull();
    fireEvent.change(within(form).getByLabelText(/From/), { target: { value: '2026-11-01' } });
    fireEvent.change(within(form).getByLabelText(/To/), { target: { value: '2026-11-30' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Show' }));
    // The return code is a filter beside the search, with the reason in words.
    const controls = await screen.findByRole('combobox', { name: 'Return code' });
    expect(within(controls).getByRole('option', { name: /^R03: / })).toBeTruthy();
    await waitFor(() => {
      const last = calls.filter((c) => c.url.pathname.endsWith('/returns')).at(-1)!;
      expect(Object.fromEntries(last.url.searchParams)).toMatchObject({
        from: '2026-11-01',
        to: '2026-11-30',
      });
    });
    // The form is drawn again with the URL's dates.
    const again = await screen.findByRole('form', { name: 'Period' });
    await waitFor(() =>
      expect(within(again).getByLabelText<HTMLInputElement>(/From/).value).toBe('2026-11-01'),
    );
    fireEvent.click(within(again).getByRole('button', { name: 'Whole history' }));
    await waitFor(() => {
      const last = calls.filter((c) => c.url.pathname.endsWith('/returns')).at(-1)!;
      expect(last.url.searchParams.has('from')).toBe(false);
    });
  });
});
