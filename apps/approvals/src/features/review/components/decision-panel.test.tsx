import { useState } from 'react';
import { LanguageProvider, PageTitle } from '@hms/ui';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { focusedErrorSummary } from '@hms/ui/render-at';
import { describe, expect, it, vi } from 'vitest';
import type { DecisionBody, DecisionKind } from '@hms/contracts/decisions';
import type { ReviewDetail } from '@hms/contracts/review';
import { DecisionPanel } from './decision-panel.tsx';
import { axeViolations } from '../../../shared/axe.test-helper.ts';
import { useShortcuts } from '../../../shared/shortcuts.ts';
import { sampleQuestionSet } from '../question-set.test-helper.ts';
import type { Language } from '@hms/contracts/language';

const review: ReviewDetail = {
  id: 'r1',
  reference: 'HMS-7K3Q-9FMX-4',
  status: 'in_review',
  version: 4,
  program: {
    id: 'p',
    name: { en: 'Rebate', es: 'Reembolso' },
    version: 1,
    maxAmountCents: 200_000,
    approvalThresholdCents: 150_000,
    remainingBudgetCents: 120_000,
    reviewDeadlineDays: 10,
  },
  applicant: { id: 'a', name: 'Maria Lopez', email: 'm@example.com' },
  isOwnRequest: false,
  practice: false,
  imported: null,
  answers: {},
  questionSet: sampleQuestionSet,
  amountRequestedCents: 180_000,
  approvedAmountCents: null,
  assignee: { id: 'me', name: 'Avery' },
  firstApprover: null,
  referredToSenior: false,
  submittedAt: null,
  dueAt: null,
  deadline: 'on_time',
  bankAccount: null,
  documents: [],
  infoExchanges: [],
  infoAnsweredAt: null,
  allowedActions: ['release', 'approve', 'reject', 'request_info', 'comment'],
  otherRequests: [],
  riskLevel: 'none',
  riskSignals: [],
  timeline: [],
  comments: [],
  auditTrail: [],
  payment: null,
};

function Harness({
  onDecide,
  error,
  detail = review,
  respond,
  language = 'en',
}: {
  onDecide: (b: DecisionBody) => void;
  error?: unknown;
  detail?: ReviewDetail;
  /** What the server answers to a confirmed decision (a problem), as the mutation's error. */
  respond?: (b: DecisionBody) => unknown;
  language?: Language;
}) {
  const [open, setOpen] = useState<DecisionKind | null>(null);
  const [failure, setFailure] = useState<unknown>(error ?? null);
  useShortcuts({
    a: () => setOpen('approve'),
    r: () => setOpen('reject'),
    i: () => setOpen('request_info'),
  });
  return (
    <LanguageProvider initialLanguage={language}>
      <PageTitle>Review</PageTitle>
      <DecisionPanel
        review={detail}
        open={open}
        onOpen={setOpen}
        onDecide={(b) => {
          onDecide(b);
          setFailure(respond?.(b) ?? null);
        }}
        pending={false}
        error={failure}
        onReload={() => undefined}
      />
    </LanguageProvider>
  );
}

describe('DecisionPanel', () => {
  it('approve: proposes the largest allowed amount, confirms, then sends cents and the version', async () => {
    const onDecide = vi.fn();
    const { container } = render(<Harness onDecide={onDecide} />);
    fireEvent.keyDown(document.body, { key: 'a' });
    const amount = screen.getByLabelText('Approved amount in dollars') as HTMLInputElement;
    // min(requested 1,800.00, program max 2,000.00, budget left 1,200.00)
    expect(amount.value).toBe('1200.00');
    expect(document.activeElement).toBe(amount);
    fireEvent.change(amount, { target: { value: '1,150.50' } });
    fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
    expect(onDecide).not.toHaveBeenCalled();
    expect(screen.getByText('Approve $1,150.50 for HMS-7K3Q-9FMX-4?')).toBeTruthy();
    expect(await axeViolations(container)).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: 'Yes, confirm' }));
    expect(onDecide).toHaveBeenCalledWith({
      kind: 'approve',
      version: 4,
      approvedAmountCents: 115_050,
    });
  });

  it('every amount rule is checked before the confirmation step, with the limit named', () => {
    const onDecide = vi.fn();
    const generous = { ...review, program: { ...review.program, remainingBudgetCents: 9_000_000 } };
    render(<Harness onDecide={onDecide} detail={generous} />);
    fireEvent.keyDown(document.body, { key: 'a' });
    const amount = screen.getByLabelText('Approved amount in dollars');
    const tryAmount = (value: string) => {
      fireEvent.change(amount, { target: { value } });
      fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
    };
    tryAmount('1,900.00');
    expect(
      within(screen.getByRole('alert'))
        .getByRole('link', { name: 'Approve at most the $1,800.00 requested.' })
        .getAttribute('href'),
    ).toBe('#decision-amount');
    expect(document.getElementById('decision-amount-error')!.textContent).toBe(
      'Approve at most the $1,800.00 requested.',
    );
    tryAmount('0');
    expect(document.getElementById('decision-amount-error')!.textContent).toBe(
      'Enter an amount of at least $0.01.',
    );
    expect(screen.queryByRole('button', { name: 'Yes, confirm' })).toBeNull();

    cleanup();
    const smallMax = {
      ...generous,
      program: { ...generous.program, maxAmountCents: 100_000 },
    };
    render(<Harness onDecide={onDecide} detail={smallMax} />);
    fireEvent.keyDown(document.body, { key: 'a' });
    fireEvent.change(screen.getByLabelText('Approved amount in dollars'), {
      target: { value: '1,500' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
    expect(document.getElementById('decision-amount-error')!.textContent).toBe(
      'Approve at most $1,000.00, the program maximum.',
    );
    expect(screen.getByLabelText('Approved amount in dollars').getAttribute('aria-invalid')).toBe(
      'true',
    );
    expect(screen.queryByRole('button', { name: 'Yes, confirm' })).toBeNull();
    expect(onDecide).not.toHaveBeenCalled();
  });

  it('offers only the decisions the API allows: none for the first approver awaiting the second', () => {
    const awaiting: ReviewDetail = {
      ...review,
      status: 'awaiting_second_approval',
      approvedAmountCents: 170_000,
      assignee: null,
      firstApprover: { id: 'me', name: 'Avery' },
      allowedActions: ['comment'],
    };
    render(<Harness onDecide={vi.fn()} detail={awaiting} />);
    expect(screen.queryByRole('button', { name: /Approve|Reject|Ask for information/ })).toBeNull();
    // The shortcut opens nothing either.
    fireEvent.keyDown(document.body, { key: 'a' });
    expect(screen.queryByLabelText('Approved amount in dollars')).toBeNull();

    cleanup();
    render(
      <Harness
        onDecide={vi.fn()}
        detail={{
          ...awaiting,
          allowedActions: ['claim', 'approve', 'reject', 'reassign', 'comment'],
        }}
      />,
    );
    expect(screen.getByRole('button', { name: 'Approve (a)' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Reject (r)' })).toBeTruthy();
    // Information can be asked only in review.
    expect(screen.queryByRole('button', { name: 'Ask for information (i)' })).toBeNull();
  });

  it('reject: needs a reason and a message (error summary with links); says what the citizen will read', async () => {
    const onDecide = vi.fn();
    const { container } = render(<Harness onDecide={onDecide} />);
    fireEvent.keyDown(document.body, { key: 'r' });
    fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
    // The error-summary pattern: focused summary at the top, each error linked to its field, "Error:" title.
    const { summary, links } = await focusedErrorSummary();
    expect(document.title.startsWith('Error: Review')).toBe(true);
    expect(links).toEqual([
      ['Choose the reason for rejecting the request.', '#decision-reasonCode'],
      ['Write the message to the citizen: at least 10 characters.', '#decision-message'],
    ]);
    fireEvent.click(within(summary).getAllByRole('link')[1]!);
    expect(document.activeElement).toBe(screen.getByLabelText('Message to the citizen'));
    expect(document.getElementById('decision-reasonCode-error')!.textContent).toBe(
      'Choose the reason for rejecting the request.',
    );
    expect(await axeViolations(container)).toEqual([]);
    fireEvent.change(screen.getByLabelText('Reason'), { target: { value: 'ineligible' } });
    fireEvent.change(screen.getByLabelText('Message to the citizen'), {
      target: { value: 'Your home is outside the program area.' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
    expect(
      screen.getByText(/The citizen will be told: “Your home is outside the program area.”/),
    ).toBeTruthy();
    expect(document.title.startsWith('Error:')).toBe(false);
    fireEvent.click(screen.getByRole('button', { name: 'Yes, confirm' }));
    expect(onDecide).toHaveBeenCalledWith({
      kind: 'reject',
      version: 4,
      reasonCode: 'ineligible',
      messageToApplicant: 'Your home is outside the program area.',
    });
  });

  it('request information: sends the question after confirmation', async () => {
    const onDecide = vi.fn();
    render(<Harness onDecide={onDecide} />);
    fireEvent.keyDown(document.body, { key: 'i' });
    fireEvent.change(screen.getByLabelText('Question for the citizen'), {
      target: { value: 'Invoice?' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
    expect((await focusedErrorSummary()).links).toEqual([
      ['Write the question for the citizen: at least 10 characters.', '#decision-question'],
    ]);
    expect(onDecide).not.toHaveBeenCalled();
    fireEvent.change(screen.getByLabelText('Question for the citizen'), {
      target: { value: 'Please upload the invoice.' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
    fireEvent.click(screen.getByRole('button', { name: 'Yes, confirm' }));
    expect(onDecide).toHaveBeenCalledWith({
      kind: 'request_info',
      version: 4,
      question: 'Please upload the invoice.',
    });
  });

  it("a field the server refuses after the confirmation brings the form back: what was typed, the refusal on its field in the reader's language", async () => {
    const onDecide = vi.fn();
    // The budget moved on the server after the page loaded: the form's own checks pass, the API refuses.
    const respond = () => ({
      status: 400,
      code: 'decision.amount_above_budget',
      title: 'Your request has errors',
      detail:
        'approvedAmountCents ($1,100.00) is more than the $900.00 left in the budget of Rebate.',
      params: { amountCents: 110_000, limitCents: 90_000 },
      errors: [
        {
          field: 'body.approvedAmountCents',
          message:
            'approvedAmountCents ($1,100.00) is more than the $900.00 left in the budget of Rebate.',
        },
      ],
    });
    const { container } = render(<Harness onDecide={onDecide} respond={respond} language="es" />);
    fireEvent.keyDown(document.body, { key: 'a' });
    const amount = screen.getByLabelText('Monto aprobado en dólares');
    fireEvent.change(amount, { target: { value: '1,100' } });
    fireEvent.click(screen.getByRole('button', { name: 'Continuar' }));
    fireEvent.click(screen.getByRole('button', { name: 'Sí, confirmar' }));
    expect(onDecide).toHaveBeenCalledTimes(1);

    const { summary } = await focusedErrorSummary();
    expect(document.title.startsWith('Error: Review')).toBe(true);
    const spanish =
      'El monto es mayor que lo que le queda al programa. Apruebe como máximo $900.00, o pida a finanzas que amplíe el presupuesto.';
    // The catalog's words arrive with the catalog (loaded when the form first shows).
    expect((await within(summary).findByRole('link', { name: spanish })).getAttribute('href')).toBe(
      '#decision-amount',
    );
    expect(document.getElementById('decision-amount-error')!.textContent).toBe(spanish);
    const back = screen.getByLabelText('Monto aprobado en dólares') as HTMLInputElement;
    expect(back.value).toBe('1,100');
    expect(back.getAttribute('aria-invalid')).toBe('true');
    // Shown once, on the field: no second alert with the same refusal.
    expect(screen.getAllByRole('alert')).toHaveLength(1);
    expect(await axeViolations(container)).toEqual([]);
  });

  it('a 409 says who changed what and offers a reload', () => {
    render(
      <Harness
        onDecide={vi.fn()}
        error={{
          status: 409,
          title: 'Changed by someone else',
          detail:
            'HMS-7K3Q-9FMX-4 changed after you loaded it: Sam Senior claimed it at 2026-11-25 20:31 UTC.',
          code: 'request.stale_version',
        }}
      />,
    );
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('by someone else after you opened it');
    expect(alert.textContent).not.toContain('Changed by someone else');
    expect(screen.getByRole('button', { name: 'Reload the request' })).toBeTruthy();
  });

  it('a stale version after the confirmation: the confirmation closes, the alert takes focus, the form comes back as typed without an error summary', async () => {
    const onDecide = vi.fn();
    // As the API answers a decision on a version that is no longer the request's (its errors name body.version).
    const respond = () => ({
      status: 409,
      code: 'request.stale_version',
      title: 'Changed by someone else',
      detail: 'HMS-7K3Q-9FMX-4 changed after you loaded it: Sam Senior reassigned it.',
      params: { reference: 'HMS-7K3Q-9FMX-4' },
      errors: [
        {
          field: 'body.version',
          message: 'The request is at version 5; reload it and decide on the current version.',
        },
      ],
    });
    const { container } = render(<Harness onDecide={onDecide} respond={respond} />);
    fireEvent.keyDown(document.body, { key: 'a' });
    fireEvent.change(screen.getByLabelText('Approved amount in dollars'), {
      target: { value: '1,000' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
    fireEvent.click(screen.getByRole('button', { name: 'Yes, confirm' }));
    expect(onDecide).toHaveBeenCalledTimes(1);

    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('Someone else changed this request');
    expect(document.activeElement).toBe(alert);
    // Nothing to confirm on a version that is gone, and no error summary about a version the person never typed.
    expect(screen.queryByRole('button', { name: 'Yes, confirm' })).toBeNull();
    expect(screen.queryByText(/There is a problem/)).toBeNull();
    expect(screen.queryByText(/reload it and decide on the current version/)).toBeNull();
    const amount = screen.getByLabelText('Approved amount in dollars') as HTMLInputElement;
    expect(amount.value).toBe('1,000');
    expect(amount.getAttribute('aria-invalid')).not.toBe('true');
    expect(await axeViolations(container)).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: 'Reload the request' }));
    expect(document.activeElement).toBe(amount);
  });
});
