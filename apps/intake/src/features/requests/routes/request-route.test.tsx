import type { RequestDetail } from '@hms/contracts/applications';
import { focusedErrorSummary, renderAt } from '@hms/ui/render-at';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeApi } from '@hms/api-client/fake-api';
import { RequestRoute } from './request-route.tsx';

const base: RequestDetail = {
  id: '01900000-0000-7000-8000-000000000001',
  reference: 'HMS-7K3Q-9FMX-4',
  status: 'needs_info',
  version: 4,
  program: {
    id: 'p',
    slug: 'permit-fee-refund',
    name: { en: 'Permit Fee Refund', es: 'Reembolso de tarifas de permisos' },
    reviewDeadlineDays: 5,
  },
  answers: {},
  completedSteps: [],
  amountRequestedCents: 25000,
  bankAccount: {
    holderName: 'Pat',
    accountType: 'checking',
    routingNumber: '011000015',
    last4: '6789',
  },
  documents: [],
  timeline: [
    {
      id: 'e1',
      type: 'submitted',
      fromStatus: 'draft',
      toStatus: 'submitted',
      at: '2026-11-20T15:00:00Z',
      data: {},
    },
    {
      id: 'e2',
      type: 'info_requested',
      fromStatus: 'in_review',
      toStatus: 'needs_info',
      at: '2026-11-21T15:00:00Z',
      data: { question: 'Send the second receipt.' },
    },
  ],
  infoRequest: { question: 'Send the second receipt.', at: '2026-11-21T15:00:00Z' },
  canWithdraw: true,
  submittedAt: '2026-11-20T15:00:00Z',
  dueAt: '2026-11-28T05:00:00Z',
  estimate: null,
  createdAt: '2026-11-19T15:00:00Z',
  updatedAt: '2026-11-21T15:00:00Z',
};

let detail: RequestDetail;
const posted: Array<{ path: string; body: unknown }> = [];

beforeEach(() => {
  detail = structuredClone(base);
  posted.length = 0;
  fakeApi((request, body) => {
    const url = new URL(request.url);
    const json = (body: unknown, status = 200) => ({ status, body });
    if (request.method === 'POST') {
      posted.push({ path: url.pathname, body });
      if (url.pathname.endsWith('/info-response')) {
        if (!(body as { message: string }).message.trim())
          return json(
            {
              type: 'x',
              title: 'Your request has errors',
              status: 400,
              detail: 'd',
              instance: '/',
              errors: [{ field: 'body.message', message: 'Enter your answer' }],
            },
            400,
          );
        detail = {
          ...detail,
          status: 'submitted',
          infoRequest: null,
          timeline: [
            ...detail.timeline,
            {
              id: 'e3',
              type: 'info_provided',
              fromStatus: 'needs_info',
              toStatus: 'submitted',
              at: '2026-11-22T15:00:00Z',
              data: { message: 'Here it is' },
            },
          ],
        };
        return json(detail);
      }
      if (url.pathname.endsWith('/withdraw')) {
        detail = { ...detail, status: 'withdrawn', canWithdraw: false };
        return json(detail);
      }
    }
    return json(detail);
  });
});
/** A submitted request waiting for its decision, with the estimate worked out from history. */
function waitingWithEstimate(): RequestDetail {
  return {
    ...structuredClone(base),
    status: 'submitted',
    infoRequest: null,
    estimate: {
      decisionBy: '2026-12-04',
      paymentBy: null,
      computedAt: '2026-11-30T15:00:00Z',
      decision: { source: 'history', share: 0.8, businessDays: 9, sampleSize: 1234, ahead: 57 },
      payment: null,
    },
  };
}

function renderRoute() {
  renderAt(`/my-requests/${base.id}`, [
    { path: '/my-requests/:requestId', element: <RequestRoute /> },
  ]);
}

describe('Request page', () => {
  it('shows the status in its own colour, when we asked, the timeline with the question, and no deadline while paused', async () => {
    renderRoute();
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Permit Fee Refund' }),
    ).toBeTruthy();
    expect(screen.getByText('Information needed', { selector: '.usa-tag' }).className).toContain(
      'bg-gold',
    );
    // The review deadline pauses while the request needs information: no "decision due by" then.
    expect(screen.queryByText('Decision due by')).toBeNull();
    expect(screen.queryByText('November 27, 2026')).toBeNull();
    expect(screen.getByText('Information asked for on').nextElementSibling!.textContent).toBe(
      'November 21, 2026',
    );
    expect(
      screen.getByText(/We asked on November 21, 2026\. Please answer as soon as you can/),
    ).toBeTruthy();
    const timeline = screen.getByRole('heading', { name: 'What has happened' }).parentElement!;
    expect(
      within(timeline)
        .getAllByRole('heading', { level: 3 })
        .map((h) => h.textContent),
    ).toEqual(['Application submitted', 'More information needed']);
    expect(screen.getByText('Checking account ending 6789')).toBeTruthy();
  });

  it('answers the request for information, with the error summary when the answer is empty', async () => {
    const user = userEvent.setup();
    renderRoute();
    await user.click(await screen.findByRole('button', { name: 'Send answer' }));
    expect((await focusedErrorSummary()).links).toEqual([['Enter your answer', '#info-message']]);
    await user.type(screen.getByLabelText('Your answer'), 'Here it is');
    await user.click(screen.getByRole('button', { name: 'Send answer' }));
    expect(await screen.findByText(/Your answer was sent/)).toBeTruthy();
    expect(posted.at(-1)).toEqual({
      path: `/api/requests/${base.id}/info-response`,
      body: { message: 'Here it is', documentIds: [] },
    });
    expect(screen.getByText('Submitted', { selector: '.usa-tag' })).toBeTruthy();
    // Back in review, the clock runs again: due_at is the midnight after the deadline day in New York (the 27th).
    expect(screen.getByText('Decision due by').nextElementSibling!.textContent).toBe(
      'November 27, 2026',
    );
    expect(screen.queryByRole('button', { name: 'Send answer' })).toBeNull();
  });

  it('withdraws only after confirming, and cancel keeps the request', async () => {
    const user = userEvent.setup();
    renderRoute();
    await user.click(await screen.findByRole('button', { name: 'Withdraw request' }));
    expect(document.activeElement?.textContent).toMatch(
      /Are you sure you want to withdraw HMS-7K3Q-9FMX-4/,
    );
    await user.click(screen.getByRole('button', { name: 'No, keep it' }));
    expect(posted).toEqual([]);
    await user.click(screen.getByRole('button', { name: 'Withdraw request' }));
    await user.click(screen.getByRole('button', { name: 'Yes, withdraw it' }));
    expect(await screen.findByText('Your request was withdrawn.')).toBeTruthy();
    expect(posted.map((p) => p.path)).toEqual([`/api/requests/${base.id}/withdraw`]);
    expect(screen.queryByRole('button', { name: 'Withdraw request' })).toBeNull();
  });

  it('says when a decision is expected, on what it is based, and when it was worked out', async () => {
    detail = waitingWithEstimate();
    renderRoute();
    const panel = (await screen.findByRole('heading', { name: 'When will I hear back?' }))
      .parentElement!;
    expect(within(panel).getByText('We expect a decision by December 4, 2026.')).toBeTruthy();
    expect(
      within(panel).getByText(
        '8 in 10 requests like yours were decided within 9 business days of being submitted (1,234 requests decided in the last six months).',
      ),
    ).toBeTruthy();
    expect(within(panel).getByText(/Requests ahead of yours in the queue: 57\./)).toBeTruthy();
    expect(within(panel).getByText(/Last updated Nov 30, 2026/)).toBeTruthy();
  });

  it('in Spanish, the time it was worked out ends the sentence with one period (a. m. ends in one)', async () => {
    detail = waitingWithEstimate();
    renderAt(
      `/my-requests/${base.id}`,
      [{ path: '/my-requests/:requestId', element: <RequestRoute /> }],
      { language: 'es' },
    );
    const updated = await screen.findByText(/^Actualizado por última vez el 30 nov 2026/);
    expect(updated.textContent).toMatch(/10:00\sa\.\s?m\.$/);
  });

  it("after approval, says when the money is expected: its batch's day once sent", async () => {
    detail = {
      ...structuredClone(base),
      status: 'approved',
      infoRequest: null,
      canWithdraw: false,
      estimate: {
        decisionBy: null,
        paymentBy: '2026-12-02',
        computedAt: '2026-11-30T15:00:00Z',
        decision: null,
        payment: { source: 'batch', share: 0.8, businessDays: null, sampleSize: 0 },
      },
    };
    renderRoute();
    expect(
      await screen.findByText('We expect the money in your bank account by December 2, 2026.'),
    ).toBeTruthy();
    expect(screen.queryByText(/We expect a decision/)).toBeNull();
  });
});
