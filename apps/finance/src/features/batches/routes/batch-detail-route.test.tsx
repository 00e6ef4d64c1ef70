import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, onTestFinished } from 'vitest';
import { axeViolations } from '../../../shared/axe.test-helper.ts';
import { fakeApi, fakeImported, problem } from '@hms/api-client/fake-api';
import { renderAt } from '@hms/ui/render-at';
import { BatchDetailRoute } from './batch-detail-route.tsx';

const id = '00000000-0000-7000-8000-0000000000b1';
const batch = (over: Record<string, unknown> = {}) => ({
  id,
  status: 'built',
  fileDate: '2026-11-25',
  fileIdModifier: 'A',
  effectiveDate: '2026-11-26',
  sameDay: false,
  entryCount: 1,
  prenoteCount: 0,
  totalCents: 125_00,
  fileSha256: 'ab'.repeat(32),
  builtBy: { id: 'u0', name: 'Frankie Finance' },
  builtAt: '2026-11-25T15:00:00.000Z',
  releasedBy: null,
  releasedAt: null,
  cancelledAt: null,
  settledAt: null,
  downloadCount: 0,
  entries: [
    {
      id: 'e1',
      kind: 'payment',
      traceNumber: '121042880000001',
      amountCents: 125_00,
      transactionCode: 22,
      payment: {
        id: 'p1',
        requestId: 'r1',
        reference: 'HMS-PAY-0001',
        programId: 'x',
        programName: { en: 'Rebate', es: 'R' },
        payeeName: 'Jane Doe',
        accountLast4: '6789',
        accountType: 'checking',
        amountCents: 125_00,
        status: 'batched',
        needsPrenote: false,
        prenoteReadyOn: null,
        batchId: id,
        traceNumber: '121042880000001',
        effectiveDate: '2026-11-26',
        returnCode: null,
        returnReason: null,
        replacesPaymentId: null,
        createdAt: '2026-11-25T15:00:00.000Z',
        practice: false,
        imported: null as null | Record<string, unknown>,
      },
    },
  ],
  can: { release: true, download: false, cancel: true, settle: false },
  releaseBlockedReason: null,
  releaseBlockedCode: null,
  ...over,
});

/** A batch its reader built: only another supervisor may release it (the API's reason and its code). */
const dualControlBlocked = {
  can: { release: false, download: false, cancel: true, settle: false },
  releaseBlockedReason:
    'Dual control: you built this batch, so another finance supervisor must release it.',
  releaseBlockedCode: 'batch.dual_control',
};

const page = [{ path: '/finance/batches/:batchId', element: <BatchDetailRoute /> }];

describe('Batch detail', () => {
  it('shows the batch and its entries (account as last 4 only) with no axe violations', async () => {
    fakeApi({ [`GET /api/batches/${id}`]: () => ({ status: 200, body: batch() }) });
    const { container } = renderAt(`/finance/batches/${id}`, page);
    expect(await screen.findByRole('heading', { name: 'Batch 2026-11-25 A' })).toBeTruthy();
    expect(screen.getByText('121042880000001')).toBeTruthy();
    expect(screen.getByText('Jane Doe ••••6789')).toBeTruthy();
    expect(await axeViolations(container)).toEqual([]);
  });

  it('marks the entry of an imported request, with its external id and file', async () => {
    const b = batch();
    b.entries[0]!.payment.imported = fakeImported('LEG-R-0003');
    fakeApi({ [`GET /api/batches/${id}`]: () => ({ status: 200, body: b }) });
    const { container } = renderAt(`/finance/batches/${id}`, page, { language: 'es' });
    const row = await screen.findByRole('row', { name: /HMS-PAY-0001/ });
    expect(row.querySelector('[data-imported="true"]')!.textContent).toBe(
      'Importado (Viene de legacy-requests.csv, identificador externo LEG-R-0003)',
    );
    expect(await axeViolations(container)).toEqual([]);
  });

  it('asks to confirm a release, moves focus to the question, then releases and announces the new status', async () => {
    let released = false;
    const calls = fakeApi({
      [`GET /api/batches/${id}`]: () => ({
        status: 200,
        body: released
          ? batch({
              status: 'released',
              can: { release: false, download: true, cancel: false, settle: true },
            })
          : batch(),
      }),
      [`POST /api/batches/${id}/release`]: () => {
        released = true;
        return { status: 200, body: batch({ status: 'released' }) };
      },
    });
    renderAt(`/finance/batches/${id}`, page);
    fireEvent.click(await screen.findByRole('button', { name: 'Release batch' }));
    const question = screen.getByText(/Release this batch\?/);
    expect(document.activeElement).toBe(question);
    expect(calls.some((c) => c.method === 'POST')).toBe(false);
    fireEvent.click(screen.getByRole('button', { name: 'Release batch' }));
    expect(await screen.findByText('Done: the batch is now Released.')).toBeTruthy();
    const download = await screen.findByRole('button', { name: 'Download NACHA file' });
    expect(screen.queryByRole('button', { name: 'Cancel batch' })).toBeNull();
    // Focus is not dropped on the page: it lands on the next step, the download.
    await waitFor(() => expect(document.activeElement).toBe(download));
  });

  it('goes back from the question with a button that says so, focus on the button that asked', async () => {
    const calls = fakeApi({ [`GET /api/batches/${id}`]: () => ({ status: 200, body: batch() }) });
    renderAt(`/finance/batches/${id}`, page, { language: 'es' });
    fireEvent.click(await screen.findByRole('button', { name: 'Liberar lote' }));
    expect(screen.queryByRole('button', { name: 'Todos los lotes' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'No, volver' }));
    const release = screen.getByRole('button', { name: 'Liberar lote' });
    await waitFor(() => expect(document.activeElement).toBe(release));
    expect(calls.some((c) => c.method === 'POST')).toBe(false);
  });

  it('explains why release is refused (dual control) and shows the API refusal readably', async () => {
    fakeApi({
      [`GET /api/batches/${id}`]: () => ({
        status: 200,
        body: batch(dualControlBlocked),
      }),
      [`POST /api/batches/${id}/cancel`]: () =>
        problem(409, 'batch.not_cancellable', {
          detail: 'The batch is released; a released file cannot be cancelled.',
        }),
    });
    renderAt(`/finance/batches/${id}`, page);
    expect(await screen.findByText(/another finance supervisor must release it/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Release batch' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Cancel batch' }));
    fireEvent.click(screen.getByRole('button', { name: 'Cancel batch' }));
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toContain(
        'A released batch cannot be cancelled',
      ),
    );
  });

  it('says why release is refused in the reader’s language, not the API’s English', async () => {
    fakeApi({
      [`GET /api/batches/${id}`]: () => ({
        status: 200,
        body: batch(dualControlBlocked),
      }),
    });
    renderAt(`/finance/batches/${id}`, page, { language: 'es' });
    expect(
      await screen.findByText(
        'Doble control: usted generó este lote, así que otro supervisor de finanzas debe liberarlo.',
      ),
    ).toBeTruthy();
    expect(screen.queryByText(/Dual control/)).toBeNull();
    expect(screen.queryByRole('button', { name: 'Liberar lote' })).toBeNull();
  });

  it('downloads the file as stored', async () => {
    const text = '1'.padEnd(94, ' ') + '\n';
    fakeApi({
      [`GET /api/batches/${id}`]: () => ({
        status: 200,
        body: batch({
          status: 'released',
          can: { release: false, download: true, cancel: false, settle: true },
        }),
      }),
      [`GET /api/batches/${id}/file`]: () => ({
        status: 200,
        body: text,
        headers: {
          'content-type': 'text/plain',
          'content-disposition': 'attachment; filename="HMS-2026-11-25-A.ach"',
        },
      }),
    });
    const created: Blob[] = [];
    const original = { create: URL.createObjectURL, revoke: URL.revokeObjectURL };
    URL.createObjectURL = (b: Blob) => (created.push(b), 'blob:x');
    URL.revokeObjectURL = () => undefined;
    onTestFinished(() => {
      Object.assign(URL, { createObjectURL: original.create, revokeObjectURL: original.revoke });
    });
    renderAt(`/finance/batches/${id}`, page);
    fireEvent.click(await screen.findByRole('button', { name: 'Download NACHA file' }));
    expect(await screen.findByText('Downloaded HMS-2026-11-25-A.ach.')).toBeTruthy();
    const read = await new Promise<string>((resolve) => {
      const r = new FileReader();
      r.onload = () => resolve(String(r.result));
      r.readAsText(created[0]!);
    });
    expect(read).toBe(text);
  });
});
