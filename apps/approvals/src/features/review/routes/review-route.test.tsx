import { renderAt } from '@hms/ui/render-at';
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ReviewDetail } from '@hms/contracts/review';
import { fakeApi, fakeImported, type FakeCall } from '@hms/api-client/fake-api';
import { ReviewRoute } from './review-route.tsx';
import { axeViolations } from '../../../shared/axe.test-helper.ts';
import { sampleQuestionSet } from '../question-set.test-helper.ts';
import { submittedThenClaimed } from '../timeline.test-helper.ts';

const ID = '00000000-0000-7000-8000-000000000009';
const detail: ReviewDetail = {
  id: ID,
  reference: 'HMS-7K3Q-9FMX-4',
  status: 'in_review',
  version: 3,
  program: {
    id: 'p',
    name: {
      en: 'Home Energy Efficiency Rebate',
      es: 'Reembolso por eficiencia energética en el hogar',
    },
    version: 2,
    maxAmountCents: 200_000,
    approvalThresholdCents: 150_000,
    remainingBudgetCents: 9_000_000,
    reviewDeadlineDays: 10,
  },
  applicant: { id: 'a', name: 'Maria Lopez', email: 'maria@example.com' },
  isOwnRequest: false,
  practice: false,
  imported: null,
  answers: { homeAddress: '200 Oak Avenue', householdSize: 3 },
  questionSet: sampleQuestionSet,
  amountRequestedCents: 80_000,
  approvedAmountCents: null,
  assignee: { id: 'me', name: 'Avery Approver' },
  firstApprover: null,
  referredToSenior: false,
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
    {
      id: 'd1',
      fileName: 'receipt.pdf',
      contentType: 'application/pdf',
      url: '/api/documents/d1',
      origin: 'application',
      answeredAt: null,
    },
  ],
  infoExchanges: [],
  infoAnsweredAt: null,
  allowedActions: ['release', 'approve', 'reject', 'request_info', 'comment'],
  otherRequests: [
    {
      id: 'o1',
      reference: 'HMS-AAAA-BBBB-1',
      programName: { en: 'Permit Fee Refund', es: 'Reembolso de tarifas de permisos' },
      status: 'paid',
      amountRequestedCents: 4_000,
      submittedAt: null,
      imported: null,
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
  timeline: submittedThenClaimed('2026-11-20T15:00:00.000Z', '2026-11-21T15:00:00.000Z'),
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

let calls: FakeCall[] = [];
const posted = () => calls.filter((c) => c.method === 'POST').map((c) => c.url.pathname);
function serve(body: ReviewDetail = detail) {
  calls = fakeApi({
    [`GET /api/review/${ID}`]: () => ({ body }),
    [`POST /api/review/${ID}/bank-account/reveal`]: () => ({
      body: { routingNumber: '011000015', accountNumber: '000123456789' },
    }),
  });
}

function renderPage() {
  return renderAt(`/approvals/requests/${ID}`, [
    { path: '/approvals/requests/:id', element: <ReviewRoute /> },
  ]);
}

const answeredAt = '2026-11-24T15:00:00.000Z';
const invoice = {
  id: 'd2',
  fileName: 'invoice.png',
  contentType: 'image/png',
  url: '/api/documents/d2',
  origin: 'info_answer' as const,
  answeredAt,
};
const answered: ReviewDetail = {
  ...detail,
  infoAnsweredAt: answeredAt,
  documents: [...detail.documents, invoice],
  infoExchanges: [
    {
      question: 'Please upload the contractor invoice.',
      askedAt: '2026-11-22T15:00:00.000Z',
      askedBy: { id: 'me', name: 'Avery Approver' },
      answer: { message: 'La factura está adjunta.', at: answeredAt, documents: [invoice] },
    },
  ],
  timeline: [
    ...detail.timeline,
    {
      id: 'e3',
      type: 'info_provided',
      fromStatus: 'needs_info',
      toStatus: 'in_review',
      actor: { id: 'a', name: 'Maria Lopez' },
      data: { message: 'La factura está adjunta.', documentIds: ['d2'] },
      visibleToApplicant: true,
      at: answeredAt,
    },
  ],
};

const imported: ReviewDetail = {
  ...detail,
  status: 'rejected',
  allowedActions: ['comment'],
  answers: {},
  documents: [],
  otherRequests: [
    {
      ...detail.otherRequests[0]!,
      imported: fakeImported('LEG-R-0001'),
    },
  ],
  imported: fakeImported('LEG-R-0004', { note: 'Permit not refundable' }),
};

describe('Review page', () => {
  it('marks an imported request: where it came from, its note, and no empty answer fields', async () => {
    serve(imported);
    const { container } = renderPage();
    await screen.findByRole('heading', { level: 1, name: 'Review HMS-7K3Q-9FMX-4' });
    const notice = container.querySelector('.usa-alert[data-imported="true"]')!;
    expect(notice.textContent).toContain('Imported');
    expect(notice.textContent).toContain(
      'This request was imported from legacy-requests.csv (external id LEG-R-0004) on November 30, 2026.',
    );
    expect(notice.textContent).toContain('Note from the previous system: Permit not refundable');
    const answers = screen.getByRole('heading', { name: 'Answers' }).parentElement!;
    expect(answers.querySelector('dl')).toBeNull();
    expect(answers.textContent).toContain(
      'None. This request was imported from legacy-requests.csv (external id LEG-R-0004)',
    );
    expect(answers.textContent).not.toContain('program version');
    // The applicant's other requests say which of them were imported too.
    const others = screen.getByRole('heading', {
      name: "Applicant's other requests",
    }).parentElement!;
    expect(others.querySelector('[data-imported="true"]')!.textContent).toBe(
      'Imported (Imported from legacy-requests.csv, external id LEG-R-0001)',
    );
    expect(await axeViolations(container)).toEqual([]);
  });

  it('says it in Spanish, and a request made in HMS has no mark', async () => {
    serve(imported);
    const es = renderAt(
      `/approvals/requests/${ID}`,
      [{ path: '/approvals/requests/:id', element: <ReviewRoute /> }],
      { language: 'es' },
    );
    await screen.findByRole('heading', { level: 1, name: /HMS-7K3Q-9FMX-4/ });
    const notice = es.container.querySelector('.usa-alert[data-imported="true"]')!;
    expect(notice.textContent).toContain('Importada');
    expect(notice.textContent).toContain(
      'Esta solicitud se importó de legacy-requests.csv (identificador externo LEG-R-0004)',
    );
    expect(notice.textContent).toContain('Nota del sistema anterior: Permit not refundable');
    expect(es.container.textContent).toContain(
      'Ninguna. Esta solicitud se importó de legacy-requests.csv',
    );
    // The program, here and among the applicant's other requests, is named in the reader's language.
    expect(es.container.textContent).toContain('Reembolso por eficiencia energética en el hogar');
    expect(es.container.textContent).toContain('Reembolso de tarifas de permisos');
    expect(es.container.textContent).not.toContain('Permit Fee Refund');
    cleanup();
    serve();
    const { container } = renderPage();
    await screen.findByRole('heading', { level: 1, name: 'Review HMS-7K3Q-9FMX-4' });
    expect(container.querySelector('[data-imported]')).toBeNull();
  });

  it('shows the question, the answer and its files beside the decision and in the history, labelled', async () => {
    serve(answered);
    const { container } = renderPage();
    const panel = (
      await screen.findByRole('heading', { name: 'Answer to the request for information' })
    ).closest('section')!;
    expect(panel.textContent).toContain('“Please upload the contractor invoice.”');
    expect(panel.textContent).toContain('“La factura está adjunta.”');
    expect(within(panel).getByRole('link', { name: 'invoice.png' }).getAttribute('href')).toBe(
      '/api/documents/d2',
    );
    // The panel sits in the side column with the decision, after the evidence in reading order.
    const aside = screen.getByRole('complementary');
    expect(aside.contains(panel)).toBe(true);
    expect(within(aside).getByRole('heading', { name: 'Decide' })).toBeTruthy();
    expect(screen.getByText('Citizen answered')).toBeTruthy();
    // In the history, labelled as the answer with its file.
    const history = screen.getByRole('heading', { name: 'History' }).closest('section')!;
    expect(history.textContent).toContain(
      'Answer to the request for information: “La factura está adjunta.”',
    );
    expect(within(history).getByRole('link', { name: 'invoice.png' })).toBeTruthy();
    // Listed once among the documents, saying where it came from.
    const docs = screen.getByRole('heading', { name: 'Documents' }).closest('section')!;
    expect(within(docs).getAllByRole('link', { name: 'invoice.png' })).toHaveLength(1);
    expect(docs.textContent).toMatch(/invoice\.png \(image\/png\), sent with the answer of/);
    expect(docs.textContent).toContain('receipt.pdf (application/pdf), with the application');
    expect(await axeViolations(container)).toEqual([]);
  });

  it('a reviewer who did not ask the question is not told they asked it (released, then claimed by another)', async () => {
    serve({
      ...answered,
      assignee: { id: 'sam', name: 'Sam Senior' },
      infoExchanges: answered.infoExchanges.map((x) => ({ ...x, answer: null })),
    });
    renderPage();
    const panel = (
      await screen.findByRole('heading', { name: 'Waiting for the citizen to answer' })
    ).closest('section')!;
    expect(within(panel).getByRole('heading', { name: 'Question to the citizen' })).toBeTruthy();
    expect(panel.textContent).toContain('Question asked by Avery Approver');
    expect(panel.textContent).not.toMatch(/You asked|your request/);
  });

  it('offers nothing the API would refuse: the first approver of a second approval sees no action', async () => {
    serve({
      ...detail,
      status: 'awaiting_second_approval',
      approvedAmountCents: 80_000,
      assignee: null,
      firstApprover: { id: 'me', name: 'Avery Approver' },
      allowedActions: ['comment'],
    });
    renderPage();
    await screen.findByRole('heading', { level: 1, name: 'Review HMS-7K3Q-9FMX-4' });
    expect(
      screen.queryByRole('button', {
        name: /Claim|Release|Reassign|Approve|Reject|Ask for information/,
      }),
    ).toBeNull();
    expect(
      screen.getByText('There is nothing for you to decide on this request now.'),
    ).toBeTruthy();
  });

  it.each([
    ['awaiting_second_approval', 'Approved at first level'],
    ['approved', 'Amount approved'],
    ['paid', 'Amount approved'],
  ] as const)('names an approved amount for what it is (%s: %s)', async (status, label) => {
    serve({ ...detail, status, approvedAmountCents: 75_000, allowedActions: [] });
    renderPage();
    const term = await screen.findByText(label);
    expect(term.nextElementSibling?.textContent).toBe('$750.00');
    expect(screen.queryAllByText(/Approved at first level|Amount approved/)).toHaveLength(1);
  });

  it('shows every part of the request, has no axe violations, and reveals the account only on request', async () => {
    serve();
    document.cookie = 'hms_csrf=t';
    const { container } = renderPage();
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
    expect(posted()).toContain(`/api/review/${ID}/bank-account/reveal`);
  });
});
