import { LanguageProvider, type Language } from '@hms/ui';
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ReviewDetail } from '@hms/contracts/review';
import { AuditSection, BankSection, RiskSection, TimelineSection } from './review-sections.tsx';

type Timeline = ReviewDetail['timeline'];
const at = '2026-11-21T15:00:00.000Z';
const actor = { id: 'me', name: 'Avery Approver' };
const timeline: Timeline = [
  {
    id: 'e1',
    type: 'submitted',
    fromStatus: 'draft',
    toStatus: 'submitted',
    actor: { id: 'a', name: 'Maria Lopez' },
    data: {},
    visibleToApplicant: true,
    at,
  },
  {
    id: 'e2',
    type: 'claimed',
    fromStatus: 'submitted',
    toStatus: 'in_review',
    actor,
    data: {},
    visibleToApplicant: false,
    at,
  },
  {
    id: 'e3',
    type: 'info_requested',
    fromStatus: 'in_review',
    toStatus: 'needs_info',
    actor,
    data: { question: 'Please send the invoice.' },
    visibleToApplicant: true,
    at,
  },
  {
    id: 'e4',
    type: 'risk_updated',
    fromStatus: null,
    toStatus: null,
    actor: null,
    data: {},
    visibleToApplicant: false,
    at,
  },
];
const review = {
  riskLevel: 'high',
  riskSignals: [
    {
      kind: 'amount_outlier',
      level: 'medium',
      explanation: 'stored English sentence',
      data: {
        amountCents: 900_000,
        direction: 'high',
        medianCents: 100_000,
        typicalLowCents: 60_000,
        typicalHighCents: 140_000,
        sample: 120,
        z: 11.5,
      },
      computedAt: at,
    },
  ],
  timeline,
  auditTrail: [
    { id: 1, at, actor: { id: 'a', name: 'Maria Lopez' }, action: 'request.draft_saved', data: {} },
    { id: 2, at, actor, action: 'request.claim', data: {} },
  ],
  bankAccount: {
    id: 'b',
    holderName: 'Maria Lopez',
    accountType: 'savings',
    routingNumber: '011000015',
    last4: '6789',
    verificationState: 'unverified',
    createdAt: at,
  },
} as unknown as ReviewDetail;

function show(language: Language) {
  return render(
    <LanguageProvider initialLanguage={language}>
      <RiskSection review={review} />
      <BankSection review={review} onReveal={() => undefined} revealed={undefined} />
      <TimelineSection review={review} />
      <AuditSection review={review} />
    </LanguageProvider>,
  );
}

// Every code the API stores, as it would leak if printed raw.
const CODES =
  /\b(in_review|needs_info|info_requested|risk_updated|draft_saved|unverified|amount_outlier|savings)\b|request\.|→|z-score/;

afterEach(() => {
  cleanup();
  localStorage.clear();
});

describe('review history, risk and bank sections', () => {
  it('say what happened in plain English, never the codes', () => {
    const { container } = show('en');
    const history = screen.getByRole('heading', { name: 'History' }).parentElement!;
    const items = [...history.querySelectorAll('li')].map((li) => li.textContent ?? '');
    expect(items[0]).toContain('Application submitted (Maria Lopez). Status now: Submitted');
    expect(items[1]).toContain('Taken for review (Avery Approver). Status now: In review');
    expect(items[2]).toContain(
      'More information asked of the applicant (Avery Approver). Status now: Waiting for citizen',
    );
    expect(items[2]).toContain('Please send the invoice.');
    expect(items[3]).toContain('Risk check updated');
    expect(container.textContent).toContain(
      'Unusual amount. The amount is far above what this program usually pays: $9,000 vs a typical $600–$1,400',
    );
    expect(container.textContent).toContain('Maria Lopez (Savings)');
    expect(container.textContent).toContain('Not yet confirmed with the bank');
    expect(container.textContent).toContain('Answers saved');
    expect(container.textContent).toContain('Taken for review');
    expect(container.textContent).not.toMatch(CODES);
  });

  it('say it in Spanish for a Spanish reader', () => {
    const { container } = show('es');
    const history = screen.getByRole('heading', { name: 'Historial' }).parentElement!;
    const items = [...history.querySelectorAll('li')].map((li) => li.textContent ?? '');
    expect(items[1]).toContain('Tomada para revisión (Avery Approver). Estado ahora: En revisión');
    expect(items[2]).toContain('Se pidió más información al solicitante');
    expect(container.textContent).toContain(
      'Importe inusual. El importe está muy por encima de lo que este programa suele pagar: $9,000 frente a un rango habitual de $600–$1,400',
    );
    expect(container.textContent).toContain('Cuenta de ahorros');
    expect(container.textContent).toContain('Aún no confirmada con el banco');
    expect(container.textContent).toContain('Respuestas guardadas');
    expect(container.textContent).not.toMatch(CODES);
  });
});
