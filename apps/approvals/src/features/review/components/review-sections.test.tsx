import { LanguageProvider, PageTitle, type Language } from '@hms/ui';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { focusedErrorSummary } from '@hms/ui/render-at';
import { afterEach, describe, expect, it } from 'vitest';
import type { ReviewDetail } from '@hms/contracts/review';
import {
  AuditSection,
  BankSection,
  CommentsSection,
  RiskSection,
  TimelineSection,
} from './review-sections.tsx';
import { axeViolations } from '../../../shared/axe.test-helper.ts';
import { submittedThenClaimed } from '../timeline.test-helper.ts';

type Timeline = ReviewDetail['timeline'];
const at = '2026-11-21T15:00:00.000Z';
const actor = { id: 'me', name: 'Avery Approver' };
const timeline: Timeline = [
  ...submittedThenClaimed(at, at),
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
    id: 'e5',
    type: 'approved',
    fromStatus: 'submitted',
    toStatus: 'approved',
    actor: null,
    data: {
      byRule: { versionId: 'v', version: 2, position: 1, label: 'Small, no risk' },
      reason: 'Decided by rule 1 of version 2 of the decision rules',
      reasonEs: 'Decidida por la regla 1 de la versión 2 de las reglas de decisión',
    },
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
  // Unmounted before the rest is reset (the shared set-up's clean-up runs after this one).
  cleanup();
  localStorage.clear();
});

describe('review history, risk and bank sections', () => {
  // The same review read in each language: history entries by position, then the risk, bank and audit words.
  for (const { name, language, heading, items, shown } of [
    {
      name: 'say what happened in plain English, never the codes',
      language: 'en',
      heading: 'History',
      items: [
        [0, 'Application submitted (Maria Lopez). Status now: Submitted'],
        [1, 'Taken for review (Avery Approver). Status now: In review'],
        [
          2,
          'More information asked of the applicant (Avery Approver). Status now: Waiting for citizen',
        ],
        [2, 'Please send the invoice.'],
        [3, 'Decided by rule 1 of version 2 of the decision rules'],
        [4, 'Risk check updated'],
      ],
      shown: [
        'Unusual amount. The amount is far above what this program usually pays: $9,000 vs a typical $600–$1,400',
        'Maria Lopez (Savings)',
        'Not yet confirmed with the bank',
        'Answers saved',
        'Taken for review',
      ],
    },
    {
      name: 'say it in Spanish for a Spanish reader',
      language: 'es',
      heading: 'Historial',
      items: [
        [1, 'Tomada para revisión (Avery Approver). Estado ahora: En revisión'],
        [2, 'Se pidió más información al solicitante'],
        [3, 'Decidida por la regla 1 de la versión 2 de las reglas de decisión'],
      ],
      shown: [
        'Importe inusual. El importe está muy por encima de lo que este programa suele pagar: $9,000 frente a un rango habitual de $600–$1,400',
        'Cuenta de ahorros',
        'Aún no confirmada con el banco',
        'Respuestas guardadas',
      ],
    },
  ] as const)
    it(name, () => {
      const { container } = show(language);
      const history = screen.getByRole('heading', { name: heading }).parentElement!;
      const texts = [...history.querySelectorAll('li')].map((li) => li.textContent ?? '');
      for (const [index, text] of items) expect(texts[index]).toContain(text);
      for (const text of shown) expect(container.textContent).toContain(text);
      expect(container.textContent).not.toMatch(CODES);
    });
});

describe('the comment form', () => {
  function showComments(language: Language, respond: () => unknown) {
    const sent: string[] = [];
    const view = render(
      <LanguageProvider initialLanguage={language}>
        <PageTitle>Review</PageTitle>
        <CommentsSection
          review={{ ...review, comments: [] }}
          pending={false}
          onAdd={(text, done, failed) => {
            sent.push(text);
            const error = respond();
            if (error) failed(error);
            else done();
          }}
        />
      </LanguageProvider>,
    );
    return { ...view, sent };
  }

  it('an empty comment: the summary takes focus and links to the field; the title starts with "Error:"', async () => {
    const { container, sent } = showComments('en', () => null);
    fireEvent.change(screen.getByLabelText('Add a comment'), { target: { value: '   ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add comment' }));
    const { summary } = await focusedErrorSummary();
    expect(document.title.startsWith('Error: Review')).toBe(true);
    const link = within(summary).getByRole('link', {
      name: 'Write the comment before adding it.',
    });
    expect(link.getAttribute('href')).toBe('#comment');
    fireEvent.click(link);
    expect(document.activeElement).toBe(screen.getByLabelText('Add a comment'));
    expect(document.getElementById('comment-error')!.textContent).toBe(
      'Write the comment before adding it.',
    );
    expect(await axeViolations(container)).toEqual([]);
    // The API's own length rule, checked before sending.
    fireEvent.change(screen.getByLabelText('Add a comment'), {
      target: { value: 'x'.repeat(4001) },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Add comment' }));
    expect(document.getElementById('comment-error')!.textContent).toBe(
      'Shorten the comment to 4,000 characters or fewer.',
    );
    expect(sent).toEqual([]);
  });

  it("the server's refusal of the text lands on the field in the reader's language; other failures above the form", async () => {
    let answer: unknown = {
      status: 400,
      code: 'validation.failed',
      errors: [
        {
          field: 'body.body',
          message: 'body must be 4,000 characters or fewer.',
          code: 'field.too_long',
          params: { maximum: 4000 },
        },
      ],
    };
    const { sent } = showComments('es', () => answer);
    const field = screen.getByLabelText('Agregar un comentario');
    fireEvent.change(field, { target: { value: '  Llamé al solicitante.  ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Agregar comentario' }));
    expect(sent).toEqual(['Llamé al solicitante.']);
    const { summary } = await focusedErrorSummary();
    // The Spanish catalog loads on first use, so the words may follow the alert by a moment.
    expect(
      (
        await within(summary).findByRole('link', { name: 'Escriba como máximo 4000 caracteres.' })
      ).getAttribute('href'),
    ).toBe('#comment');
    expect(document.getElementById('comment-error')!.textContent).toBe(
      'Escriba como máximo 4000 caracteres.',
    );

    answer = { status: 403, code: 'auth.role_required' };
    fireEvent.click(screen.getByRole('button', { name: 'Agregar comentario' }));
    await waitFor(() => expect(document.getElementById('comment-error')).toBeNull());
    expect(screen.getByRole('alert').textContent).toContain(
      'Su cuenta no tiene permiso para hacer esto.',
    );
  });
});
