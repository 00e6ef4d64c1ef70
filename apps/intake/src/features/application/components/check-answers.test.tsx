import type { RequestDetail } from '@hms/contracts/applications';
import { permitFeeRefund } from '@hms/contracts/programs-seed';
import { LanguageProvider } from '@hms/ui';
import { render, screen, within } from '@testing-library/react';
import { focusedErrorSummary } from '@hms/ui/render-at';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { CheckAnswers, type CheckAnswersProps } from './check-answers.tsx';

const detail: RequestDetail = {
  id: 'r1',
  reference: 'HMS-7K3Q-9FMX-4',
  status: 'draft',
  version: 5,
  program: {
    id: 'p',
    slug: 'permit-fee-refund',
    name: permitFeeRefund.name,
    reviewDeadlineDays: 5,
  },
  answers: {
    permitNumber: 'BP-2026-01234',
    datePaid: '2026-02-03',
    amountPaid: 25000,
    refundReason: 'duplicate',
    reasonDetails: 'Paid twice',
    applicantName: 'Pat Example',
    contactEmail: 'pat@example.com',
    contactPhone: '+12025550147',
  },
  completedSteps: ['permit', 'reason', 'contact'],
  amountRequestedCents: 25000,
  bankAccount: {
    holderName: 'Pat Example',
    accountType: 'checking',
    routingNumber: '011000015',
    last4: '6789',
  },
  documents: [],
  timeline: [],
  infoRequest: null,
  canWithdraw: false,
  submittedAt: null,
  dueAt: null,
  estimate: null,
  createdAt: '2026-11-20T15:00:00Z',
  updatedAt: '2026-11-20T15:00:00Z',
};

function renderCheck(props: Partial<CheckAnswersProps> = {}) {
  const onSubmit = vi.fn(async () => undefined);
  render(
    <LanguageProvider initialLanguage="en">
      <MemoryRouter>
        <CheckAnswers
          detail={detail}
          questionSet={permitFeeRefund.questionSet}
          eligibility={{ eligible: true, reasons: [], incomplete: [] }}
          eligibilityError={null}
          stepPath={(id) => `/my-requests/r1/apply/${id}`}
          onSubmit={onSubmit}
          onBack={() => undefined}
          {...props}
        />
      </MemoryRouter>
    </LanguageProvider>,
  );
  return { onSubmit };
}

describe('CheckAnswers', () => {
  it('lists each shown answer formatted for people, with a Change link to its step and field', () => {
    renderCheck();
    expect(screen.getByText('$250.00')).toBeTruthy();
    expect(screen.getByText('February 3, 2026')).toBeTruthy();
    expect(screen.getByText('I paid twice')).toBeTruthy();
    expect(screen.getByText('(202) 555-0147')).toBeTruthy();
    expect(screen.queryByText('+12025550147')).toBeNull();
    // The bank step reads back row by row: the routing number in full, the account masked to its last 4.
    const bank = screen.getByRole('heading', { name: 'Bank account' }).parentElement!;
    const row = (label: string) =>
      within(bank).getByText(label, { selector: 'dt' }).parentElement!.textContent;
    expect(row('Name on the account')).toContain('Pat Example');
    expect(row('Type of account')).toContain('Checking');
    expect(row('Routing number')).toContain(detail.bankAccount!.routingNumber);
    expect(row('Account number')).toContain('••••6789');
    expect(row('Account number')).toContain('ending in 6789');
    const change = screen
      .getAllByRole('link')
      .find((a) => a.textContent === 'Change Permit number')!;
    expect(change.getAttribute('href')).toBe(
      '/my-requests/r1/apply/permit?from=check#q-permitNumber',
    );
    // A question hidden by its condition (work started: only for withdrawn or cancelled) is not listed.
    expect(screen.queryByText('Did any work start under this permit?')).toBeNull();
  });

  it('needs the declaration: the error summary takes focus and links to it; then submits once', async () => {
    const user = userEvent.setup();
    const { onSubmit } = renderCheck();
    await user.click(screen.getByRole('button', { name: 'Submit application' }));
    expect((await focusedErrorSummary()).links).toEqual([
      ['Confirm the declaration to submit your application', '#declaration'],
    ]);
    expect(onSubmit).not.toHaveBeenCalled();
    await user.click(screen.getByLabelText('I confirm this declaration'));
    await user.click(screen.getByRole('button', { name: 'Submit application' }));
    expect(onSubmit).toHaveBeenCalledTimes(1);
  });

  it('explains why an ineligible person cannot apply and offers no submit button', () => {
    renderCheck({
      eligibility: {
        eligible: false,
        reasons: ['Fees cannot be refunded once work has started.'],
        incomplete: [],
      },
    });
    expect(
      screen.getByRole('heading', { name: 'From your answers, you cannot get this service' }),
    ).toBeTruthy();
    expect(screen.getByText('Fees cannot be refunded once work has started.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Submit application' })).toBeNull();
  });
});
