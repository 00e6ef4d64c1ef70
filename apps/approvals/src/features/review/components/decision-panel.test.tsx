import { useState } from 'react';
import { LanguageProvider } from '@hms/ui';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DecisionBody, DecisionKind } from '@hms/contracts/decisions';
import type { ReviewDetail } from '@hms/contracts/review';
import { DecisionPanel } from './decision-panel.tsx';
import { axeViolations } from '../../../shared/axe.test-helper.ts';
import { useShortcuts } from '../../../shared/shortcuts.ts';
import { sampleQuestionSet } from '../question-set.test-helper.ts';

const review: ReviewDetail = {
  id: 'r1',
  reference: 'HMS-7K3Q-9FMX-4',
  status: 'in_review',
  version: 4,
  program: {
    id: 'p',
    name: 'Rebate',
    version: 1,
    maxAmountCents: 200_000,
    approvalThresholdCents: 150_000,
    remainingBudgetCents: 120_000,
    reviewDeadlineDays: 10,
  },
  applicant: { id: 'a', name: 'Maria Lopez', email: 'm@example.com' },
  isOwnRequest: false,
  answers: {},
  questionSet: sampleQuestionSet,
  amountRequestedCents: 180_000,
  approvedAmountCents: null,
  assignee: { id: 'me', name: 'Avery' },
  firstApprover: null,
  submittedAt: null,
  dueAt: null,
  deadline: 'on_time',
  bankAccount: null,
  documents: [],
  otherRequests: [],
  riskLevel: 'none',
  riskSignals: [],
  timeline: [],
  comments: [],
  auditTrail: [],
  payment: null,
};

function Harness({ onDecide, error }: { onDecide: (b: DecisionBody) => void; error?: unknown }) {
  const [open, setOpen] = useState<DecisionKind | null>(null);
  useShortcuts({
    a: () => setOpen('approve'),
    r: () => setOpen('reject'),
    i: () => setOpen('request_info'),
  });
  return (
    <LanguageProvider initialLanguage="en">
      <DecisionPanel
        review={review}
        open={open}
        onOpen={setOpen}
        onDecide={onDecide}
        pending={false}
        error={error ?? null}
        onReload={() => undefined}
      />
    </LanguageProvider>
  );
}

afterEach(cleanup);

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

  it('reject: needs a reason and a message; says what the citizen will read', async () => {
    const onDecide = vi.fn();
    const { container } = render(<Harness onDecide={onDecide} />);
    fireEvent.keyDown(document.body, { key: 'r' });
    fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
    expect(screen.getByText('This field is required.')).toBeTruthy();
    expect(screen.getByText('Write at least 10 characters.')).toBeTruthy();
    expect(await axeViolations(container)).toEqual([]);
    fireEvent.change(screen.getByLabelText('Reason'), { target: { value: 'ineligible' } });
    fireEvent.change(screen.getByLabelText('Message to the citizen'), {
      target: { value: 'Your home is outside the program area.' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
    expect(
      screen.getByText(/The citizen will be told: “Your home is outside the program area.”/),
    ).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Yes, confirm' }));
    expect(onDecide).toHaveBeenCalledWith({
      kind: 'reject',
      version: 4,
      reasonCode: 'ineligible',
      messageToApplicant: 'Your home is outside the program area.',
    });
  });

  it('request information: sends the question after confirmation', () => {
    const onDecide = vi.fn();
    render(<Harness onDecide={onDecide} />);
    fireEvent.keyDown(document.body, { key: 'i' });
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
});
