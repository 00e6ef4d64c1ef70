import { LanguageProvider } from '@hms/ui';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ReviewDetail } from '@hms/contracts/review';
import { ReviewRoute } from './review-route.tsx';
import { axeViolations } from '../../../shared/axe.test-helper.ts';
import { sampleQuestionSet } from '../question-set.test-helper.ts';

const ID = '00000000-0000-7000-8000-000000000009';
const detail: ReviewDetail = {
  id: ID,
  reference: 'HMS-7K3Q-9FMX-4',
  status: 'in_review',
  version: 3,
  program: {
    id: 'p',
    name: 'Home Energy Efficiency Rebate',
    version: 2,
    maxAmountCents: 200_000,
    approvalThresholdCents: 150_000,
    remainingBudgetCents: 9_000_000,
    reviewDeadlineDays: 10,
  },
  applicant: { id: 'a', name: 'Maria Lopez', email: 'maria@example.com' },
  isOwnRequest: false,
  answers: { homeAddress: '200 Oak Avenue', householdSize: 3 },
  questionSet: sampleQuestionSet,
  amountRequestedCents: 80_000,
  approvedAmountCents: null,
  assignee: { id: 'me', name: 'Avery Approver' },
  firstApprover: null,
  submittedAt: '2026-11-20T15:00:00.000Z',
  dueAt: '2026-12-04T05:00:00.000Z',
  deadline: 'on_time',
  bankAccount: {
    id: 'b',
    holderName: 'Maria Lopez',
    accountType: 'checking',
    routingNumber: '011000015',
    last4: '6789',
    verificationState: 'unverified',
    createdAt: '2026-11-23T15:00:00.000Z',
  },
  documents: [
    { id: 'd1', fileName: 'receipt.pdf', contentType: 'application/pdf', url: '/api/documents/d1' },
  ],
  otherRequests: [
    {
      id: 'o1',
      reference: 'HMS-AAAA-BBBB-1',
      programName: 'Permit Fee Refund',
      status: 'paid',
      amountRequestedCents: 4_000,
      submittedAt: null,
    },
  ],
  riskLevel: 'high',
  riskSignals: [
    {
      kind: 'bank_account_changed',
      level: 'high',
      explanation: 'The applicant’s bank account changed.',
      data: { last4: '6789', previousLast4: '1111', changedAt: '2026-11-23T15:00:00.000Z' },
      computedAt: '2026-11-25T00:00:00.000Z',
    },
  ],
  timeline: [
    {
      id: 'e1',
      type: 'submitted',
      fromStatus: 'draft',
      toStatus: 'submitted',
      actor: { id: 'a', name: 'Maria Lopez' },
      data: {},
      visibleToApplicant: true,
      at: '2026-11-20T15:00:00.000Z',
    },
    {
      id: 'e2',
      type: 'claimed',
      fromStatus: 'submitted',
      toStatus: 'in_review',
      actor: { id: 'me', name: 'Avery Approver' },
      data: {},
      visibleToApplicant: false,
      at: '2026-11-21T15:00:00.000Z',
    },
  ],
  comments: [
    {
      id: 'c1',
      author: { id: 'me', name: 'Avery Approver' },
      body: 'Called the applicant to confirm the new account.',
      at: '2026-11-21T16:00:00.000Z',
    },
  ],
  auditTrail: [
    {
      id: 7,
      at: '2026-11-21T15:00:00.000Z',
      actor: { id: 'me', name: 'Avery Approver' },
      action: 'request.claim',
      data: {},
    },
  ],
  payment: null,
};

const posted: string[] = [];
function serve() {
  vi.stubGlobal('fetch', async (input: Request) => {
    const url = new URL(input.url);
    const json = (status: number, body: unknown) =>
      new Response(JSON.stringify(body), {
        status,
        headers: { 'content-type': 'application/json' },
      });
    if (input.method === 'POST') posted.push(url.pathname);
    if (url.pathname === `/api/review/${ID}`) return json(200, detail);
    if (url.pathname === `/api/review/${ID}/bank-account/reveal`)
      return json(200, { routingNumber: '011000015', accountNumber: '000123456789' });
    return json(404, { type: 'x', title: 'Not found', status: 404, detail: url.pathname });
  });
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('Review page', () => {
  it('shows every part of the request, has no axe violations, and reveals the account only on request', async () => {
    serve();
    document.cookie = 'hms_csrf=t';
    const { container } = render(
      <QueryClientProvider
        client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}
      >
        <LanguageProvider initialLanguage="en">
          <MemoryRouter initialEntries={[`/approvals/requests/${ID}`]}>
            <Routes>
              <Route path="/approvals/requests/:id" element={<ReviewRoute />} />
            </Routes>
          </MemoryRouter>
        </LanguageProvider>
      </QueryClientProvider>,
    );
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Review HMS-7K3Q-9FMX-4' }),
    ).toBeTruthy();
    for (const h of [
      'Risk signals',
      'Answers',
      'Documents',
      'Bank account',
      "Applicant's other requests",
      'History',
      'Audit trail',
    ])
      expect(screen.getByRole('heading', { name: new RegExp(h) })).toBeTruthy();
    expect(screen.getByText(/pays the account ending 6789/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'receipt.pdf' }).getAttribute('href')).toBe(
      '/api/documents/d1',
    );
    expect(screen.getByText('Called the applicant to confirm the new account.')).toBeTruthy();
    // Answers under the questions the applicant was asked, formatted, not under their ids.
    const answers = screen.getByRole('heading', { name: 'Answers' }).parentElement!;
    expect(answers.textContent).toContain('Home address200 Oak Avenue');
    expect(answers.textContent).toContain('People in your household3');
    expect(answers.textContent).not.toContain('homeAddress');
    expect(answers.textContent).toContain('program version 2');
    expect(screen.getByText('internal')).toBeTruthy();
    expect(screen.getByText('ending in 6789')).toBeTruthy();
    expect(screen.queryByText('000123456789')).toBeNull();
    expect(await axeViolations(container)).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: /Show full account number/ }));
    expect(await screen.findByText('000123456789')).toBeTruthy();
    expect(posted).toContain(`/api/review/${ID}/bank-account/reveal`);
  });
});
