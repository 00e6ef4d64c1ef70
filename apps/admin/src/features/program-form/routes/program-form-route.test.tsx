import { fakeApi } from '@hms/api-client/fake-api';
import type { AdminProgram } from '@hms/contracts/program-admin';
import { permitFeeRefund } from '@hms/contracts/programs-seed';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { axeViolations } from '../../../shared/axe.test-helper.ts';
import { renderAt } from '../../../shared/test-server.test-helper.tsx';
import { ProgramFormRoute } from './program-form-route.tsx';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  localStorage.clear();
});

const t = (en: string, es: string) => ({ en, es });

function adminProgram(questionSet = permitFeeRefund.questionSet): AdminProgram {
  return {
    id: 'p1',
    status: 'draft',
    liveVersion: null,
    window: null,
    draft: {
      slug: 'permit-fee-refund',
      name: t('Permit fee refund', 'Reembolso de permisos'),
      eligibilitySummary: t('Owners', 'Dueños'),
      description: t('Refund', 'Reembolso'),
      payeeType: 'individual',
      maxAmountCents: 50_000,
      budgetCents: null,
      approvalThresholdCents: null,
      reviewDeadlineDays: 10,
      opensAt: null,
      closesAt: null,
      prenotePolicy: 'none',
      achEntryDescription: 'REFUND',
      amountQuestionId: 'amountPaid',
      questionSet,
      eligibilityRules: [],
    },
    draftUpdatedAt: '2026-12-01T12:00:00.000Z',
    draftUpdatedBy: null,
    hasUnpublishedChanges: true,
    checklist: { items: [], readyForApproval: false, canPublish: false },
    pendingPublishRequest: null,
    publishNeedsSecondApproval: true,
  } as unknown as AdminProgram;
}

describe('Program application form (admin)', () => {
  it('loads the draft form, saves an edit as the whole draft, and names the questions the server refuses', async () => {
    let saves = 0;
    const calls = fakeApi({
      'GET /api/admin/programs/p1': () => ({ status: 200, body: adminProgram() }),
      'PUT /api/admin/programs/p1/draft': (_r, body) => {
        saves += 1;
        if (saves === 1)
          return {
            status: 200,
            body: { ...adminProgram(), draft: (body as { draft: unknown }).draft },
          };
        return {
          status: 400,
          body: {
            type: 'about:blank',
            code: 'validation.failed',
            title: 'Invalid',
            status: 400,
            detail: 'Invalid',
            instance: '/api/admin/programs/p1/draft',
            errors: [
              {
                field: 'body.draft.questionSet.steps.0.questions.0.label.es',
                message: 'Give the Spanish text',
              },
            ],
          },
        };
      },
    });
    const { container } = renderAt('/admin/programs/p1/form', [
      { path: '/admin/programs/:programId/form', element: <ProgramFormRoute /> },
    ]);
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Application form: Permit fee refund' }),
    ).toBeTruthy();
    const first = permitFeeRefund.questionSet.steps[0]!.questions[0]!;
    const english = document.getElementById('qb-0-0-label-en') as HTMLInputElement;
    expect(english.value).toBe(first.label.en);
    expect(await axeViolations(container)).toEqual([]);

    fireEvent.change(english, { target: { value: 'Building permit number' } });
    expect(screen.getByTestId('save-status').textContent).toBe(
      'You have changes that are not saved.',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Save the form' }));
    await waitFor(() =>
      expect(screen.getByTestId('save-status').textContent).toBe('Saved in the draft.'),
    );
    const put = calls.find((c) => c.method === 'PUT')!;
    const sent = (put.body as { draft: AdminProgram['draft'] }).draft;
    // The rest of the draft goes back as it was loaded; the form carries the edit.
    expect(sent.slug).toBe('permit-fee-refund');
    expect(sent.amountQuestionId).toBe('amountPaid');
    expect(sent.questionSet.steps[0]!.questions[0]!.label.en).toBe('Building permit number');

    fireEvent.click(screen.getByRole('button', { name: 'Save the form' }));
    const summary = await screen.findByRole('alert');
    const link = within(summary).getByRole('link', { name: 'Give the Spanish text' });
    expect(link.getAttribute('href')).toBe('#qb-0-0-label-es');
  }, 60_000);
});
