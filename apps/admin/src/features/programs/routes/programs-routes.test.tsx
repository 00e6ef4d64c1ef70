import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { AdminProgram, ProgramDraft } from '@hms/contracts/program-admin';
import { question, step, t } from '@hms/contracts/question-set.test-helper';
import { fakeApi, problem } from '@hms/api-client/fake-api';
import { axeViolations } from '../../../shared/axe.test-helper.ts';
import { focusedErrorSummary, renderAt } from '@hms/ui/render-at';
import { ProgramNewRoute } from './program-new-route.tsx';
import { ProgramRoute, type FormBuilderSlot } from './program-route.tsx';
import { ProgramsListRoute } from './programs-list-route.tsx';

const draft: ProgramDraft = {
  slug: 'storm-relief',
  name: { en: 'Storm relief', es: '' },
  eligibilitySummary: { en: 'Businesses hit by the storm', es: '' },
  description: { en: 'Grants after the storm.', es: '' },
  payeeType: 'business',
  maxAmountCents: 500_000,
  budgetCents: null,
  approvalThresholdCents: null,
  reviewDeadlineDays: 10,
  opensAt: null,
  closesAt: null,
  prenotePolicy: 'none',
  achEntryDescription: 'STORM AID',
  amountQuestionId: 'amountRequested',
  questionSet: {
    steps: [
      step('business', t('Your business', 'Su negocio'), [
        question('revenueBefore', 'money', t('Revenue 2025', 'Ingresos 2025')),
        question('revenueAfter', 'money', t('Revenue 2026', 'Ingresos 2026')),
        question('amountRequested', 'money', t('Amount', 'Cantidad'), { max: 500_000 }),
      ]),
    ],
  },
  eligibilityRules: [
    {
      kind: 'percentDrop',
      beforeQuestionId: 'revenueBefore',
      afterQuestionId: 'revenueAfter',
      atLeastPercent: 20,
      reason: { en: 'Revenue did not fall enough', es: 'Los ingresos no bajaron lo suficiente' },
    },
  ],
};

const program = (over: Partial<AdminProgram> = {}): AdminProgram => ({
  id: 'p1',
  status: 'live',
  liveVersion: 2,
  window: 'open',
  draft,
  draftUpdatedAt: '2026-11-25T15:00:00.000Z',
  draftUpdatedBy: { id: 'a1', name: 'Adrian Admin' },
  hasUnpublishedChanges: true,
  checklist: {
    items: [
      {
        id: 'spanish',
        ok: false,
        problems: [{ field: 'name.es', message: 'name has no Spanish text' }],
      },
      { id: 'form', ok: true, problems: [] },
      { id: 'budget', ok: false, problems: [{ field: 'budgetCents', message: 'Set a budget' }] },
      { id: 'approval', ok: false, problems: [{ field: 'approval', message: 'Not yet' }] },
    ],
    readyForApproval: false,
    canPublish: false,
  },
  pendingPublishRequest: null,
  viewerMayApprovePublish: false,
  publishNeedsSecondApproval: true,
  ...over,
});

/** Adrian Admin's request to publish, waiting for a second administrator. */
const waitingRequest = (changeSummary: string) => ({
  id: 'r1',
  kind: 'publish' as const,
  state: 'pending' as const,
  changeSummary,
  revertToVersion: null,
  requestedBy: { id: 'a1', name: 'Adrian Admin' },
  requestedAt: '2026-11-25T16:00:00.000Z',
  decidedBy: null,
  decidedAt: null,
  publishedVersion: null,
});

const Builder: FormBuilderSlot = ({ value }) => (
  <p data-testid="builder">{value.steps.flatMap((s) => s.questions).length} questions</p>
);

const versions = {
  items: [
    {
      version: 2,
      live: true,
      publishedBy: { id: 'a1', name: 'Adrian Admin' },
      approvedBy: { id: 'a2', name: 'Beatriz Admin' },
      publishedAt: '2026-11-20T15:00:00.000Z',
      changeSummary: 'Clearer revenue question',
      requestCount: 0,
    },
    {
      version: 1,
      live: false,
      publishedBy: null,
      approvedBy: null,
      publishedAt: '2026-11-01T15:00:00.000Z',
      changeSummary: null,
      requestCount: 4,
    },
  ],
};

describe('Programs (admin)', () => {
  it('lists programs with status, version and dates, with a way to create one', async () => {
    fakeApi({
      'GET /api/admin/programs': () => ({
        status: 200,
        body: {
          items: [
            {
              id: 'p1',
              slug: 'storm-relief',
              name: { en: 'Storm relief', es: 'Ayuda por tormenta' },
              status: 'live',
              liveVersion: 2,
              window: 'open',
              opensAt: '2026-11-01',
              closesAt: '2026-12-31',
              hasUnpublishedChanges: true,
              pendingPublishRequest: true,
            },
          ],
        },
      }),
    });
    const { container } = renderAt('/admin/programs', [
      { path: '/admin/programs', element: <ProgramsListRoute /> },
    ]);
    const row = await screen.findByRole('row', { name: /Storm relief/ });
    expect(row.textContent).toContain('Live (open)');
    expect(row.textContent).toContain('Unpublished changes; Waiting for approval');
    expect(within(row).getByRole('link', { name: 'Storm relief' }).getAttribute('href')).toBe(
      '/admin/programs/p1',
    );
    expect(screen.getByRole('link', { name: 'Create a program' })).toBeTruthy();
    expect(await axeViolations(container)).toEqual([]);
  });

  it('creates a program: the error summary names each field, then the draft opens', async () => {
    const calls = fakeApi({
      'POST /api/admin/programs': () => ({ status: 201, body: program({ status: 'draft' }) }),
    });
    const { container } = renderAt('/admin/programs/new', [
      { path: '/admin/programs/new', element: <ProgramNewRoute /> },
      { path: '/admin/programs/:programId', element: <p>opened</p> },
    ]);
    fireEvent.click(screen.getByRole('button', { name: 'Create draft' }));
    const { links } = await focusedErrorSummary();
    expect(links.map(([, href]) => href)).toEqual([
      '#program-slug',
      '#program-name-en',
      '#program-max',
    ]);
    expect(await axeViolations(container)).toEqual([]);

    fireEvent.change(screen.getByLabelText('Web address'), { target: { value: 'storm-relief' } });
    fireEvent.change(screen.getByLabelText('Name in English'), {
      target: { value: 'Storm relief' },
    });
    fireEvent.change(screen.getByLabelText('Maximum amount, in dollars'), {
      target: { value: '5,000' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Create draft' }));
    await waitFor(() =>
      expect(screen.getByTestId('location').textContent).toBe('/admin/programs/p1'),
    );
    expect(calls.find((c) => c.method === 'POST')!.body).toEqual({
      slug: 'storm-relief',
      name: { en: 'Storm relief', es: '' },
      payeeType: 'individual',
      maxAmountCents: 500_000,
    });
  });

  it('edits a program: checklist, rules with counts, save errors in the summary, versions with a diff', async () => {
    let current = program();
    const calls = fakeApi({
      'GET /api/admin/programs/p1': () => ({ status: 200, body: current }),
      'GET /api/admin/programs/p1/versions': () => ({ status: 200, body: versions }),
      'GET /api/admin/programs/p1/versions/2/diff': () => ({
        status: 200,
        body: {
          from: 1,
          to: 2,
          changes: [
            {
              path: 'questionSet.revenueBefore.label',
              label: {
                en: 'Question “Revenue 2025”: label',
                es: 'Pregunta «Ingresos 2025»: label',
              },
              change: 'changed',
              before: 'Revenue',
              after: 'Revenue 2025',
            },
          ],
        },
      }),
      'POST /api/admin/programs/p1/eligibility-preview': () => ({
        status: 200,
        body: {
          totalRequests: 4,
          passedAll: 3,
          rules: [{ index: 0, text: { en: 'x', es: 'x' }, passed: 3, failed: 1, notApplicable: 0 }],
        },
      }),
      'PUT /api/admin/programs/p1/draft': () =>
        problem(400, 'validation.failed', {
          errors: [
            { field: 'body.draft.achEntryDescription', message: 'Use 1 to 10 capital letters' },
          ],
        }),
      'POST /api/admin/programs/p1/publish-requests': (_r, body) => {
        current = program({
          pendingPublishRequest: waitingRequest((body as { changeSummary: string }).changeSummary),
        });
        return { status: 200, body: current };
      },
    });
    const { container } = renderAt('/admin/programs/p1', [
      { path: '/admin/programs/:programId', element: <ProgramRoute FormBuilder={Builder} /> },
    ]);
    await screen.findByRole('heading', { level: 1, name: 'Storm relief' });
    expect(screen.getByTestId('builder').textContent).toBe('3 questions');
    expect(screen.getByTestId('check-spanish').textContent).toContain('Not yet');
    expect(screen.getByTestId('check-form').textContent).toContain('Done');
    expect(
      screen.getByRole('rowheader', {
        name: '“Revenue 2026” is at least 20 % lower than “Revenue 2025”',
      }),
    ).toBeTruthy();
    await waitFor(() => expect(screen.getByTestId('rule-0-passed').textContent).toBe('3 of 4'));
    await screen.findByRole('row', { name: /Clearer revenue question/ });
    expect(await axeViolations(container)).toEqual([]);

    // Own checks first: an amount that is not money is named in the summary and on the field.
    fireEvent.change(screen.getByLabelText('Budget, in dollars'), { target: { value: 'lots' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save draft' }));
    let summary = await screen.findByRole('alert');
    expect(within(summary).getByRole('link').getAttribute('href')).toBe('#draft-budget');
    expect(calls.some((c) => c.method === 'PUT')).toBe(false);

    // The server's field errors land on their fields too.
    fireEvent.change(screen.getByLabelText('Budget, in dollars'), { target: { value: '100,000' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save draft' }));
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toContain('Use 1 to 10 capital letters'),
    );
    summary = screen.getByRole('alert');
    expect(within(summary).getByRole('link').getAttribute('href')).toBe('#draft-entry-description');
    const put = calls.find((c) => c.method === 'PUT')!.body as { draft: ProgramDraft };
    expect(put.draft.budgetCents).toBe(10_000_000);
    expect(put.draft.eligibilityRules).toHaveLength(1);

    // Ask for approval: a change summary is needed, then the pending request is shown.
    fireEvent.click(screen.getByRole('button', { name: 'Ask for approval to publish' }));
    expect(await screen.findByText('Say in a sentence what changes.')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('What changes, in a sentence'), {
      target: { value: 'Spanish texts' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Ask for approval to publish' }));
    // The one who asked is not offered the approval the API would refuse them.
    expect(await screen.findByRole('button', { name: 'Withdraw the request' })).toBeTruthy();
    const asked = screen
      .getByText(/^Sent for approval: a different administrator/)
      .closest('[role=status]');
    await waitFor(() => expect(document.activeElement).toBe(asked));
    expect(screen.getByText(/A different administrator must approve it/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Approve and publish' })).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Show changes in version 2' }));
    const diff = await screen.findByTestId('diff-2');
    expect(diff.textContent).toContain('Question “Revenue 2025”: label');
    expect(await axeViolations(container)).toEqual([]);
    // A long page: axe runs twice over it.
  }, 30_000);
  it('offers a different administrator the approval, and publishes on it', async () => {
    const waiting = waitingRequest('Spanish texts');
    let current = program({ pendingPublishRequest: waiting, viewerMayApprovePublish: true });
    const calls = fakeApi({
      'GET /api/admin/programs/p1': () => ({ status: 200, body: current }),
      'GET /api/admin/programs/p1/versions': () => ({ status: 200, body: versions }),
      'POST /api/admin/programs/p1/eligibility-preview': () => ({
        status: 200,
        body: { totalRequests: 0, passedAll: 0, rules: [] },
      }),
      'POST /api/admin/programs/p1/publish-requests/approve': () => {
        current = program({ status: 'live', liveVersion: 3 });
        return { status: 200, body: current };
      },
    });
    renderAt('/admin/programs/p1', [
      { path: '/admin/programs/:programId', element: <ProgramRoute FormBuilder={Builder} /> },
    ]);
    fireEvent.click(await screen.findByRole('button', { name: 'Approve and publish' }));
    expect(screen.queryByText(/A different administrator must approve it/)).toBeNull();
    await waitFor(() =>
      expect(calls.some((c) => c.url.pathname.endsWith('/publish-requests/approve'))).toBe(true),
    );
    await waitFor(() =>
      expect(screen.queryByRole('button', { name: 'Approve and publish' })).toBeNull(),
    );
    // The button pressed is gone: what it did is said, and focus is there, not dropped on the page.
    const said = (await screen.findByText('Published: version 3 is live.')).closest(
      '[role=status]',
    );
    await waitFor(() => expect(document.activeElement).toBe(said));
  }, 30_000);
});
