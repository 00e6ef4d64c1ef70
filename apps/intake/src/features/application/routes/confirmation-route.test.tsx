import type { RequestDetail } from '@hms/contracts/applications';
import { renderAt } from '@hms/ui/render-at';
import { screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeApi } from '@hms/api-client/fake-api';
import { ConfirmationRoute } from './confirmation-route.tsx';

const submitted: RequestDetail = {
  id: '01900000-0000-7000-8000-000000000001',
  reference: 'HMS-7K3Q-9FMX-4',
  status: 'submitted',
  version: 5,
  program: {
    id: 'p',
    slug: 'permit-fee-refund',
    name: { en: 'Permit Fee Refund', es: 'Reembolso de tarifas de permisos' },
    reviewDeadlineDays: 10,
  },
  answers: {},
  completedSteps: [],
  amountRequestedCents: 12000,
  bankAccount: null,
  documents: [],
  timeline: [],
  infoRequest: null,
  canWithdraw: true,
  submittedAt: '2026-12-03T14:00:00Z',
  dueAt: '2026-12-18T05:00:00Z',
  estimate: null,
  createdAt: '2026-12-03T13:00:00Z',
  updatedAt: '2026-12-03T14:00:00Z',
};

let detail: RequestDetail;
beforeEach(() => {
  detail = submitted;
  fakeApi(() => ({ status: 200, body: detail }));
});

const renderRoute = (language: 'en' | 'es' = 'en') =>
  renderAt(
    `/my-requests/${submitted.id}/confirmation`,
    [{ path: '/my-requests/:requestId/confirmation', element: <ConfirmationRoute /> }],
    { language },
  );

describe('Confirmation page', () => {
  it('gives the reference and says a reviewer looks at it by the review deadline', async () => {
    renderRoute();
    expect(await screen.findByText('HMS-7K3Q-9FMX-4')).toBeTruthy();
    expect(
      screen.getByText(
        'A reviewer will look at your application within 10 business days, by December 17, 2026.',
      ),
    ).toBeTruthy();
  });

  it.each([
    [
      'en',
      'Your application was approved straight away. We will tell you when the payment is sent to your bank.',
      /reviewer/,
    ],
    [
      'es',
      'Su solicitud fue aprobada de inmediato. Le avisaremos cuando el pago se envíe a su banco.',
      /revisor/,
    ],
  ] as const)(
    '(%s) says so when the decision rules approved it at submission, and promises no review',
    async (language, approved, review) => {
      detail = { ...submitted, status: 'approved', canWithdraw: false };
      renderRoute(language);
      expect(await screen.findByText(approved)).toBeTruthy();
      expect(screen.queryByText(review)).toBeNull();
    },
  );
});
