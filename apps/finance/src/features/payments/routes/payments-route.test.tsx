import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { axeViolations } from '../../../shared/axe.test-helper.ts';
import { fakeApi, fakeImported, fakeProgram } from '@hms/api-client/fake-api';
import { focusedErrorSummary, renderAt } from '@hms/ui/render-at';
import { PaymentsRoute } from './payments-route.tsx';

const payment = (n: number, over: Record<string, unknown> = {}) => ({
  id: `00000000-0000-7000-8000-00000000000${n}`,
  requestId: `r${n}`,
  reference: `HMS-PAY-000${n}`,
  programId: 'p1',
  programName: { en: 'Home Energy Rebate', es: 'Reembolso' },
  payeeName: `Payee ${n}`,
  accountLast4: `123${n}`,
  accountType: 'checking',
  amountCents: n * 100_00 + 5,
  status: 'pending',
  needsPrenote: n === 2,
  prenoteReadyOn: null,
  batchId: null,
  traceNumber: null,
  effectiveDate: null,
  returnCode: null,
  returnReason: null,
  replacesPaymentId: null,
  createdAt: '2026-11-20T15:00:00.000Z',
  practice: false,
  imported: null,
  ...over,
});

const origin = fakeImported('LEG-R-0003');

const routes = {
  'GET /api/payments': () => ({
    status: 200,
    body: { items: [payment(1), payment(2)], nextCursor: null, totalCents: 300_10, totalCount: 2 },
  }),
  'GET /api/programs': () => ({
    body: { items: [fakeProgram({ slug: 'rebate', name: { en: 'Home Energy Rebate', es: 'R' } })] },
  }),
  'POST /api/batches': () => ({ status: 201, body: { id: 'b-new' } }),
};

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const page = [
  { path: '/finance/payments', element: <PaymentsRoute /> },
  { path: '/finance/batches/:id', element: <p>batch page</p> },
];

describe('Pending payments', () => {
  it('lists pending payments with totals from cents, marks prenotes, and has no axe violations', async () => {
    const calls = fakeApi(routes);
    const { container } = renderAt('/finance/payments?programId=p1&createdFrom=2026-11-01', page);
    await screen.findByText('HMS-PAY-0001');
    const list = calls.find((c) => c.url.pathname === '/api/payments')!;
    expect(Object.fromEntries(list.url.searchParams)).toMatchObject({
      status: 'pending',
      programId: 'p1',
      createdFrom: '2026-11-01',
    });
    expect(screen.getByText('2 payments, $300.10 in total match the filters.')).toBeTruthy();
    expect(screen.getByText('$100.05')).toBeTruthy();
    expect(screen.getByText('Prenote first ($0 test entry)')).toBeTruthy();
    expect(await axeViolations(container)).toEqual([]);
  });

  it('refuses to build with nothing selected, then builds from the selected rows and opens the batch', async () => {
    const calls = fakeApi(routes);
    renderAt('/finance/payments', page);
    await screen.findByText('HMS-PAY-0001');
    fireEvent.click(screen.getByRole('button', { name: 'Build batch' }));
    expect((await focusedErrorSummary()).links).toEqual([
      ['Select at least one payment to build a batch.', '#select-all-payments'],
    ]);
    expect(document.getElementById('build-error')!.textContent).toBe(
      'Select at least one payment to build a batch.',
    );
    expect(calls.some((c) => c.method === 'POST')).toBe(false);

    fireEvent.click(screen.getByLabelText('Select payment HMS-PAY-0002'));
    expect(screen.getByText('1 selected, $200.05.')).toBeTruthy();
    fireEvent.click(screen.getByLabelText('Send same-day when the cut-off allows'));
    fireEvent.click(screen.getByRole('button', { name: 'Build batch' }));
    await waitFor(() =>
      expect(screen.getByTestId('location').textContent).toBe('/finance/batches/b-new'),
    );
    expect(calls.find((c) => c.method === 'POST')!.body).toEqual({
      paymentIds: [payment(2).id],
      sameDay: false,
    });
  });

  it('select-all picks every row on the page and writes filters to the URL', async () => {
    fakeApi(routes);
    renderAt('/finance/payments', page);
    await screen.findByText('HMS-PAY-0001');
    fireEvent.click(screen.getByLabelText('Select all payments on this page'));
    expect(screen.getByText('2 selected, $300.10.')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Approved from (date)'), {
      target: { value: '2026-11-02' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Apply filters' }));
    await waitFor(() =>
      expect(screen.getByTestId('location').textContent).toBe(
        '/finance/payments?createdFrom=2026-11-02',
      ),
    );
    expect(await screen.findByText('0 selected, $0.00.')).toBeTruthy();
  });

  it('shows other statuses read-only, with the return code and plain-language reason', async () => {
    const calls = fakeApi({
      ...routes,
      'GET /api/payments': () => ({
        status: 200,
        body: {
          items: [
            payment(3, {
              status: 'returned',
              returnCode: 'R03',
              returnReason: {
                en: 'Your bank could not find an account with this number.',
                es: 'x',
              },
              effectiveDate: '2026-11-26',
            }),
          ],
          nextCursor: null,
          totalCents: 300_05,
          totalCount: 1,
        },
      }),
    });
    const { container } = renderAt('/finance/payments?status=returned', page);
    expect(await screen.findByRole('heading', { level: 1, name: 'Payments' })).toBeTruthy();
    const row = await screen.findByRole('row', { name: /HMS-PAY-0003/ });
    expect(row.textContent).toContain('R03: Your bank could not find an account with this number.');
    expect(row.textContent).toContain('Returned');
    expect(screen.queryByRole('checkbox')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Build batch' })).toBeNull();
    expect(
      calls.find((c) => c.url.pathname === '/api/payments')!.url.searchParams.get('status'),
    ).toBe('returned');
    expect(await axeViolations(container)).toEqual([]);
  });

  it('marks the payment of an imported request, pending or paid, in EN and ES', async () => {
    const list = (status: string) => ({
      ...routes,
      'GET /api/payments': () => ({
        status: 200,
        body: {
          items: [payment(1, { status, imported: origin }), payment(2, { status })],
          nextCursor: null,
          totalCents: 300_10,
          totalCount: 2,
        },
      }),
    });
    fakeApi(list('pending'));
    const { container } = renderAt('/finance/payments', page);
    const row = await screen.findByRole('row', { name: /HMS-PAY-0001/ });
    const tag = row.querySelector('[data-imported="true"]')!;
    expect(tag.textContent).toBe(
      'Imported (Imported from legacy-requests.csv, external id LEG-R-0003)',
    );
    expect(
      screen.getByRole('row', { name: /HMS-PAY-0002/ }).querySelector('[data-imported]'),
    ).toBeNull();
    expect(await axeViolations(container)).toEqual([]);
    cleanup();
    fakeApi(list('settled'));
    renderAt('/finance/payments?status=settled', page, { language: 'es' });
    const paid = await screen.findByRole('row', { name: /HMS-PAY-0001/ });
    expect(paid.querySelector('[data-imported="true"]')!.textContent).toBe(
      'Importado (Viene de legacy-requests.csv, identificador externo LEG-R-0003)',
    );
  });
});
