import { focusedErrorSummary, renderAt } from '@hms/ui/render-at';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { InboxItem } from '@hms/contracts/inbox';
import {
  fakeApi,
  fakeImported,
  problem,
  type FakeCall,
  type FakeHandler,
} from '@hms/api-client/fake-api';
import { InboxRoute } from './inbox-route.tsx';
import { axeViolations } from '../../../shared/axe.test-helper.ts';

const item = (n: number, over: Partial<InboxItem> = {}): InboxItem => ({
  id: `00000000-0000-7000-8000-00000000000${n}`,
  reference: `HMS-AAAA-000${n}-X`,
  programId: 'p1',
  programName: {
    en: 'Home Energy Efficiency Rebate',
    es: 'Reembolso por eficiencia energética en el hogar',
  },
  applicantName: `Applicant ${n}`,
  status: 'submitted',
  amountRequestedCents: 150_000 + n,
  approvedAmountCents: null,
  riskLevel: n === 2 ? 'high' : 'none',
  assignee: null,
  submittedAt: '2026-11-20T15:00:00.000Z',
  dueAt: '2026-12-04T05:00:00.000Z',
  deadline: n === 3 ? 'overdue' : 'on_time',
  version: 1,
  applicantId: `applicant-${n}`,
  firstApproverId: null,
  referredToSenior: false,
  infoAnsweredAt: null,
  allowedActions: ['claim', 'comment'],
  practice: false,
  imported: null,
  estimate: null,
  ...over,
});

let calls: FakeCall[] = [];
function serve(routes: Record<string, FakeHandler>) {
  calls = fakeApi(routes);
}

const renderInboxAt = (path: string) =>
  renderAt(path, [
    { path: '/approvals', element: <InboxRoute /> },
    { path: '/approvals/requests/:id', element: <p>review page</p> },
  ]);

const base = {
  'GET /api/me': () => ({
    status: 200,
    body: {
      user: {
        id: 'me',
        email: 'a@example.gov',
        displayName: 'Avery',
        language: 'en',
        roles: ['approver'],
      },
    },
  }),
  'GET /api/inbox/counts': () => ({
    status: 200,
    body: {
      unassigned: 3,
      assignedToMe: 1,
      awaitingSecondApproval: 0,
      waitingForCitizen: 2,
      overdue: 1,
      all: 6,
    },
  }),
  'GET /api/programs': () => ({ status: 200, body: { items: [] } }),
  'GET /api/inbox': () => ({
    status: 200,
    body: { items: [item(1), item(2), item(3)], nextCursor: 'c2' },
  }),
};

describe('Approval inbox', () => {
  it('shows the estimate the citizen sees under the deadline, in EN and ES, with no axe violations', async () => {
    const estimate = {
      decisionBy: '2026-12-04',
      paymentBy: null,
      computedAt: '2026-11-30T15:00:00.000Z',
      decision: {
        source: 'history' as const,
        share: 0.8,
        businessDays: 9,
        sampleSize: 400,
        ahead: 12,
      },
      payment: null,
    };
    const page = {
      'GET /api/inbox': () => ({
        status: 200,
        body: { items: [item(1, { estimate }), item(2)], nextCursor: null },
      }),
    };
    serve({ ...base, ...page });
    const { container } = renderInboxAt('/approvals');
    const cell = (await screen.findByText('Expected decision: December 4, 2026')).closest('td')!;
    expect(cell.textContent).toContain('8 in 10 decided within 9 business days; 12 ahead');
    expect(cell.closest('tr')!.textContent).toContain('HMS-AAAA-0001-X');
    expect(await axeViolations(container)).toEqual([]);
    cleanup();
    serve({ ...base, ...page });
    renderAt('/approvals', [{ path: '/approvals', element: <InboxRoute /> }], { language: 'es' });
    expect(await screen.findByText('Decisión prevista: 4 de diciembre de 2026')).toBeTruthy();
    // Each row's program in the reader's language.
    expect(screen.getAllByText('Reembolso por eficiencia energética en el hogar')).toHaveLength(2);
  });

  it('marks an imported request with a tag that names its external id and file, in EN and ES', async () => {
    const origin = fakeImported('LEG-R-0005');
    const page = {
      'GET /api/inbox': () => ({
        status: 200,
        body: { items: [item(1, { imported: origin }), item(2)], nextCursor: null },
      }),
    };
    serve({ ...base, ...page });
    const { container } = renderInboxAt('/approvals');
    await screen.findByText('HMS-AAAA-0001-X');
    const tags = container.querySelectorAll('tbody [data-imported="true"]');
    expect(tags).toHaveLength(1);
    expect(tags[0]!.closest('tr')!.textContent).toContain('HMS-AAAA-0001-X');
    expect(tags[0]!.textContent).toBe(
      'Imported (Imported from legacy-requests.csv, external id LEG-R-0005)',
    );
    expect(tags[0]!.getAttribute('title')).toBe(
      'Imported from legacy-requests.csv, external id LEG-R-0005',
    );
    expect(await axeViolations(container)).toEqual([]);
    cleanup();
    serve({ ...base, ...page });
    const es = renderAt('/approvals', [{ path: '/approvals', element: <InboxRoute /> }], {
      language: 'es',
    });
    await screen.findByText('HMS-AAAA-0001-X');
    expect(es.container.querySelector('tbody [data-imported="true"]')!.textContent).toBe(
      'Importada (Viene de legacy-requests.csv, identificador externo LEG-R-0005)',
    );
  });

  it('reads the view from the URL, shows badges and counts, and has no axe violations', async () => {
    serve(base);
    const { container } = renderInboxAt('/approvals?queue=unassigned&risk=high&sort=amount_desc');
    await screen.findByText('HMS-AAAA-0001-X');
    const inboxCall = calls.find((c) => c.url.pathname === '/api/inbox')!;
    expect(Object.fromEntries(inboxCall.url.searchParams)).toMatchObject({
      queue: 'unassigned',
      risk: 'high',
      sort: 'amount_desc',
    });
    await waitFor(() =>
      expect(screen.getAllByRole('link').some((l) => l.textContent === 'Unassigned (3)')).toBe(
        true,
      ),
    );
    const tab = screen.getAllByRole('link').find((l) => l.textContent === 'Unassigned (3)')!;
    expect(tab.getAttribute('aria-current')).toBe('page');
    expect(document.querySelector('tbody [data-risk="high"]')?.textContent).toBe('High risk');
    expect(document.querySelector('tbody [data-deadline="overdue"]')?.textContent).toBe('Overdue');
    expect(await axeViolations(container)).toEqual([]);
  });

  it('puts filters and the next page in the URL', async () => {
    serve(base);
    renderInboxAt('/approvals?queue=all');
    await screen.findByText('HMS-AAAA-0001-X');
    fireEvent.change(screen.getByLabelText('Amount from (dollars)'), {
      target: { value: '1,000' },
    });
    fireEvent.change(screen.getByLabelText('Search by reference or applicant name'), {
      target: { value: 'Maria' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Apply filters' }));
    await waitFor(() =>
      expect(screen.getByTestId('location').textContent).toBe(
        '/approvals?queue=all&minAmountCents=100000&q=Maria',
      ),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Next page' }));
    await waitFor(() => expect(screen.getByTestId('location').textContent).toContain('cursor=c2'));
  });

  it('refuses a malformed amount with a message on the field', async () => {
    serve(base);
    renderInboxAt('/approvals');
    await screen.findByText('HMS-AAAA-0001-X');
    fireEvent.change(screen.getByLabelText(/Amount to/), { target: { value: '12abc' } });
    fireEvent.click(screen.getByRole('button', { name: 'Apply filters' }));
    // The error-summary pattern: focused summary, each error linked to its field, shown on the field too.
    expect((await focusedErrorSummary()).links).toEqual([
      ['Enter an amount in dollars, like 1500 or 1,500.00.', '#inbox-maxAmount'],
    ]);
    expect(document.getElementById('inbox-maxAmount-error')!.textContent).toBe(
      'Enter an amount in dollars, like 1500 or 1,500.00.',
    );
    expect(document.title.startsWith('Error: ')).toBe(true);
    expect(screen.getByTestId('location').textContent).toBe('/approvals');
  });

  it('j/k move through the rows and Enter opens the active one', async () => {
    serve(base);
    renderInboxAt('/approvals');
    await screen.findByText('HMS-AAAA-0001-X');
    const rows = () => screen.getAllByRole('row').slice(1);
    expect(rows()[0]!.getAttribute('data-active')).toBe('true');
    fireEvent.keyDown(document.body, { key: 'j' });
    fireEvent.keyDown(document.body, { key: 'j' });
    fireEvent.keyDown(document.body, { key: 'k' });
    expect(rows()[1]!.getAttribute('data-active')).toBe('true');
    expect(document.activeElement?.textContent).toBe('HMS-AAAA-0002-X');
    fireEvent.keyDown(document.body, { key: '?' });
    expect(screen.getByRole('heading', { name: 'Keyboard shortcuts' })).toBeTruthy();
    fireEvent.keyDown(document.body, { key: 'Enter' });
    await screen.findByText('review page');
    expect(screen.getByTestId('location').textContent).toBe(
      '/approvals/requests/00000000-0000-7000-8000-000000000002',
    );
  });

  it('Enter or Space on a focused link or button is left to it (opening, switching a queue, claiming)', async () => {
    serve(base);
    renderInboxAt('/approvals');
    const link = await screen.findByRole('link', { name: 'HMS-AAAA-0002-X' });
    const queue = screen.getByRole('link', { name: /All open/ });
    const claim = screen.getByRole('button', { name: 'Claim HMS-AAAA-0001-X' });
    // fireEvent returns false when a listener prevented the default action: the browser's click on Enter.
    for (const target of [link, queue, claim]) {
      target.focus();
      expect(fireEvent.keyDown(target, { key: 'Enter' })).toBe(true);
    }
    expect(fireEvent.keyDown(claim, { key: ' ' })).toBe(true);
    expect(screen.getByTestId('location').textContent).toBe('/approvals');
  });

  it('a lost claim race says who has the request', async () => {
    serve({
      ...base,
      'POST /api/requests/00000000-0000-7000-8000-000000000001/claim': () =>
        problem(409, 'request.held_by_other', {
          detail: 'HMS-AAAA-0001-X is already claimed by Sam Senior.',
          params: { reference: 'HMS-AAAA-0001-X', holder: 'Sam Senior' },
        }),
    });
    document.cookie = 'hms_csrf=t';
    renderInboxAt('/approvals');
    await screen.findByText('HMS-AAAA-0001-X');
    fireEvent.click(screen.getByRole('button', { name: 'Claim HMS-AAAA-0001-X' }));
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText(/Sam Senior is working on this request/)).toBeTruthy();
  });

  it('bulk approve asks for confirmation, then lists what happened to each', async () => {
    const approvable: Partial<InboxItem> = {
      status: 'in_review',
      allowedActions: ['release', 'approve', 'comment'],
    };
    serve({
      ...base,
      'GET /api/inbox': () => ({
        status: 200,
        body: {
          items: [item(1, approvable), item(2, approvable), item(3)],
          nextCursor: null,
        },
      }),
      'POST /api/decisions/bulk-approve': () => ({
        status: 200,
        body: {
          results: [
            {
              requestId: item(1).id,
              ok: true,
              status: 200,
              decision: {
                requestId: item(1).id,
                kind: 'approve',
                fromStatus: 'in_review',
                status: 'approved',
                version: 3,
                approvedAmountCents: 1,
                paymentId: 'p',
                replayed: false,
              },
            },
            {
              requestId: item(2).id,
              ok: false,
              status: 409,
              error: 'It is claimed by Sam Senior.',
            },
          ],
        },
      }),
    });
    document.cookie = 'hms_csrf=t';
    renderInboxAt('/approvals');
    await screen.findByText('HMS-AAAA-0001-X');
    fireEvent.click(screen.getByLabelText('Select HMS-AAAA-0001-X'));
    fireEvent.click(screen.getByLabelText('Select HMS-AAAA-0002-X'));
    // A request the viewer may not approve has no checkbox to select it by.
    expect(screen.queryByLabelText('Select HMS-AAAA-0003-X')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Approve selected (2)' }));
    expect(calls.some((c) => c.url.pathname === '/api/decisions/bulk-approve')).toBe(false);
    fireEvent.click(screen.getByRole('button', { name: 'Yes, approve' }));
    expect(await screen.findByText('HMS-AAAA-0001-X: Approved')).toBeTruthy();
    expect(
      screen.getByText('HMS-AAAA-0002-X: not approved. It is claimed by Sam Senior.'),
    ).toBeTruthy();
    const sent = calls.find((c) => c.url.pathname === '/api/decisions/bulk-approve')!.body;
    expect(sent).toEqual({
      items: [
        { requestId: item(1).id, version: 1 },
        { requestId: item(2).id, version: 1 },
      ],
    });
  });

  it('each row offers only what the API allows; an answered request is marked', async () => {
    serve({
      ...base,
      'GET /api/inbox': () => ({
        status: 200,
        body: {
          items: [
            item(1, {
              status: 'awaiting_second_approval',
              firstApproverId: 'me',
              allowedActions: ['comment'],
            }),
            item(2, {
              status: 'in_review',
              assignee: { id: 'me', name: 'Avery' },
              infoAnsweredAt: '2026-11-24T15:00:00.000Z',
              allowedActions: ['release', 'approve', 'reject', 'request_info', 'comment'],
            }),
          ],
          nextCursor: null,
        },
      }),
    });
    const { container } = renderInboxAt('/approvals?queue=all');
    await screen.findByText('HMS-AAAA-0001-X');
    // The first approver: no claim, no release, no reassign, nothing to select on the second approval.
    const first = screen.getByText('HMS-AAAA-0001-X').closest('tr')!;
    expect(within(first).queryAllByRole('button')).toEqual([]);
    expect(within(first).queryByRole('checkbox')).toBeNull();
    const answered = screen.getByText('HMS-AAAA-0002-X').closest('tr')!;
    expect(within(answered).getByText('Citizen answered')).toBeTruthy();
    expect(within(answered).getByRole('button', { name: 'Release HMS-AAAA-0002-X' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: /^Reassign/ })).toBeNull();
    expect(await axeViolations(container)).toEqual([]);
  });

  it('a senior approver reassigns from the row: choose, confirm, see the outcome', async () => {
    const row = item(1, {
      status: 'in_review',
      assignee: { id: 'a1', name: 'Avery Approver' },
      allowedActions: ['reassign', 'comment'],
    });
    serve({
      ...base,
      'GET /api/inbox': () => ({ status: 200, body: { items: [row], nextCursor: null } }),
      'GET /api/inbox/approvers': () => ({
        status: 200,
        body: {
          items: [
            { id: 'a1', name: 'Avery Approver', roles: ['approver'] },
            { id: 'applicant-1', name: 'Applicant Staffer', roles: ['approver'] },
            { id: 's2', name: 'Sasha Second', roles: ['senior_approver'] },
          ],
        },
      }),
      [`POST /api/requests/${row.id}/assignment`]: () => ({
        status: 200,
        body: {
          id: row.id,
          status: 'in_review',
          version: 5,
          assignee: { id: 's2', name: 'Sasha Second' },
        },
      }),
    });
    document.cookie = 'hms_csrf=t';
    const { container } = renderInboxAt('/approvals?queue=all');
    await screen.findByText('HMS-AAAA-0001-X');
    fireEvent.click(screen.getByRole('button', { name: 'Reassign HMS-AAAA-0001-X' }));
    const heading = await screen.findByRole('heading', { name: 'Reassign HMS-AAAA-0001-X' });
    expect(document.activeElement).toBe(heading);
    const select = (await screen.findByLabelText('Give it to')) as HTMLSelectElement;
    // Neither the current holder nor the applicant is offered.
    expect([...select.options].map((o) => o.textContent)).toEqual([
      '- Choose a person -',
      'Sasha Second (senior approver)',
    ]);
    fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
    expect(screen.getByRole('link', { name: 'Choose the person to give it to.' })).toBeTruthy();
    fireEvent.change(select, { target: { value: 's2' } });
    fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
    expect(screen.getByText('Give HMS-AAAA-0001-X to Sasha Second?')).toBeTruthy();
    expect(calls.some((c) => c.method === 'POST')).toBe(false);
    expect(await axeViolations(container)).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: 'Yes, reassign' }));
    expect(
      await screen.findByText('HMS-AAAA-0001-X is now assigned to Sasha Second.'),
    ).toBeTruthy();
    const post = calls.find((c) => c.method === 'POST')!;
    expect(post.url.pathname).toBe(`/api/requests/${row.id}/assignment`);
    expect(post.body).toEqual({ assigneeId: 's2' });
  });
});
