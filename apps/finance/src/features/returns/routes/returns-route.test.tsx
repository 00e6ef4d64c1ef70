import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { axeViolations } from '../../../shared/axe.test-helper.ts';
import { fakeApi, problem } from '@hms/api-client/fake-api';
import { focusedErrorSummary, me, renderAt } from '@hms/ui/render-at';
import { ReturnsRoute } from './returns-route.tsx';

const result = (duplicate = false) => ({
  importId: 'imp1',
  duplicate,
  fileName: 'returns.ach',
  sha256: 'cd'.repeat(32),
  warnings: [
    {
      line: 1,
      recordType: 'fileHeader',
      field: 'immediateOrigin',
      rule: 'immediate-origin-routing',
      message: 'not a routing number',
    },
  ],
  items: [
    {
      kind: 'return',
      code: 'R03',
      description: 'No account / unable to locate account',
      originalTraceNumber: '121042880000001',
      amountCents: 75_00,
      outcome: 'applied',
      note: null,
      paymentId: 'p1',
      reference: 'HMS-PAY-0001',
    },
    {
      kind: 'return',
      code: 'R01',
      description: 'Insufficient funds',
      originalTraceNumber: '121042889999999',
      amountCents: 1_00,
      outcome: 'unmatched',
      note: 'No entry HMS sent has this trace number.',
      paymentId: null,
      reference: null,
    },
  ],
  counts: { returnsApplied: 1, nocsRecorded: 0, alreadyRecorded: 0, unmatched: 1, ignored: 0 },
});

const noc = (status = 'pending') => ({
  id: 'n1',
  changeCode: 'C03',
  description: 'Incorrect routing number and DFI account number',
  status,
  paymentId: 'p2',
  reference: 'HMS-PAY-0002',
  payeeName: 'Jane Doe',
  current: { routingNumber: '011000015', accountLast4: '4444', accountType: 'checking' },
  corrected: {
    routingNumber: '021000021',
    accountLast4: '3123',
    accountType: null,
    holderName: null,
  },
  createdAt: '2026-11-25T15:00:00.000Z',
  decidedAt: null,
});

const page = [{ path: '/finance/returns', element: <ReturnsRoute /> }];

/** A stand-in for a bank file: one record's length, the API (faked here) reads it. */
const RETURN_FILE = '1 01 RETURN FILE'.padEnd(94, ' ');

function choose(name: string, content: string) {
  const input = screen.getByLabelText('Return file from the bank') as HTMLInputElement;
  fireEvent.change(input, {
    target: { files: [new File([content], name, { type: 'text/plain' })] },
  });
}

describe('Returns', () => {
  it('uploads the chosen file as text and shows each entry with its outcome and the warnings', async () => {
    let imports = 0;
    const calls = fakeApi({
      'GET /api/me': () => me(['finance']),
      'GET /api/nocs': () => ({
        status: 200,
        body: { items: [], nextCursor: null, prevCursor: null },
      }),
      'POST /api/returns/imports': () => ({ status: 200, body: result(imports++ > 0) }),
    });
    const { container } = renderAt('/finance/returns', page);
    await screen.findByText('No notifications of change.');
    fireEvent.click(screen.getByRole('button', { name: 'Import file' }));
    const missing = await screen.findByRole('alert');
    expect(
      within(missing).getByRole('link', { name: 'Choose the return file to upload.' }),
    ).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(missing));

    // A file shorter than one 94-character record is not a bank file: said in words, nothing sent.
    choose('notes.txt', 'hello');
    fireEvent.click(screen.getByRole('button', { name: 'Import file' }));
    const short = await screen.findByRole('link', {
      name: 'This file is too short to be a bank return file (each of its lines is 94 characters). Choose the file the bank sent.',
    });
    expect(short.getAttribute('href')).toBe('#return-file');
    expect(calls.some((c) => c.method === 'POST')).toBe(false);

    choose('returns.ach', RETURN_FILE);
    fireEvent.click(screen.getByRole('button', { name: 'Import file' }));
    const table = await screen.findByRole('table', { name: 'Entries in the file' });
    // The button was off while the file went up: focus is on the result, not dropped on the page.
    const heading = screen.getByRole('heading', { name: 'Import of returns.ach' });
    await waitFor(() => expect(document.activeElement).toBe(heading));
    expect(calls.find((c) => c.method === 'POST')!.body).toEqual({
      fileName: 'returns.ach',
      content: RETURN_FILE,
    });
    expect(within(table).getByRole('row', { name: /HMS-PAY-0001/ }).textContent).toContain(
      'Applied',
    );
    expect(within(table).getByRole('row', { name: /121042889999999/ }).textContent).toContain(
      'Unmatched',
    );
    expect(
      screen.getByText(
        '1 return(s) applied, 0 NOC(s) recorded, 0 already recorded, 1 unmatched, 0 ignored.',
      ),
    ).toBeTruthy();
    expect(
      screen.getByText(/Line 1, fileHeader immediateOrigin: not a routing number/),
    ).toBeTruthy();
    expect(await axeViolations(container)).toEqual([]);

    (document.activeElement as HTMLElement).blur();
    fireEvent.click(screen.getByRole('button', { name: 'Import file' }));
    expect(await screen.findByText(/This exact file was imported before/)).toBeTruthy();
    await waitFor(() =>
      expect(document.activeElement).toBe(
        screen.getByRole('heading', { name: 'Import of returns.ach' }),
      ),
    );
  });

  it('lists the parse errors the API names by line and field', async () => {
    fakeApi({
      'GET /api/me': () => me(['finance']),
      'GET /api/nocs': () => ({
        status: 200,
        body: { items: [], nextCursor: null, prevCursor: null },
      }),
      'POST /api/returns/imports': () =>
        problem(400, 'returns.file_unreadable', {
          detail: 'The file is not a NACHA file HMS can read (1 error).',
          errors: [
            { field: 'body.content', message: 'Line 1, fileHeader recordTypeCode: must be 1' },
          ],
        }),
    });
    renderAt('/finance/returns', page);
    await screen.findByText('No notifications of change.');
    choose('bad.txt', 'x'.repeat(94));
    fireEvent.click(screen.getByRole('button', { name: 'Import file' }));
    // The error-summary pattern: the summary takes focus, links each error to the file input, which shows it too.
    const { summary } = await focusedErrorSummary();
    const link = within(summary).getByRole('link', {
      name: 'Line 1, fileHeader recordTypeCode: must be 1',
    });
    expect(link.getAttribute('href')).toBe('#return-file');
    expect(document.title.startsWith('Error: ')).toBe(true);
    const input = screen.getByLabelText('Return file from the bank');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById('return-file-error')!.textContent).toBe(
      'Line 1, fileHeader recordTypeCode: must be 1',
    );
    fireEvent.click(link);
    expect(document.activeElement).toBe(input);
  });

  it('lets a finance supervisor confirm a NOC; a finance user only sees it', async () => {
    let decided = false;
    const calls = fakeApi({
      'GET /api/me': () => me(['finance_supervisor']),
      'GET /api/nocs': () => ({
        status: 200,
        body: { items: [noc(decided ? 'applied' : 'pending')], nextCursor: null, prevCursor: null },
      }),
      'POST /api/nocs/n1/confirm': () => {
        decided = true;
        return { status: 200, body: noc('applied') };
      },
    });
    renderAt('/finance/returns', page);
    const row = await screen.findByRole('row', { name: /HMS-PAY-0002/ });
    expect(row.textContent).toContain('routing 021000021, account ••••3123');
    fireEvent.click(await screen.findByRole('button', { name: 'Confirm HMS-PAY-0002' }));
    expect(
      await screen.findByText('Notification for HMS-PAY-0002: Applied to the account.'),
    ).toBeTruthy();
    expect(calls.filter((c) => c.method === 'POST').map((c) => c.url.pathname)).toEqual([
      '/api/nocs/n1/confirm',
    ]);
    await waitFor(() =>
      expect(screen.queryByRole('button', { name: 'Confirm HMS-PAY-0002' })).toBeNull(),
    );
    // Its buttons are gone: focus is on the section, not dropped on the page.
    expect(document.activeElement).toBe(
      screen.getByRole('heading', { name: 'Notifications of change' }),
    );

    cleanup();
    fakeApi({
      'GET /api/me': () => me(['finance']),
      'GET /api/nocs': () => ({
        status: 200,
        body: { items: [noc()], nextCursor: null, prevCursor: null },
      }),
    });
    renderAt('/finance/returns', page);
    await screen.findByRole('row', { name: /HMS-PAY-0002/ });
    expect(screen.queryByRole('button', { name: /Confirm/ })).toBeNull();
  });
});
