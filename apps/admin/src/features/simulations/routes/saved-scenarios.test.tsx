import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, problem } from '@hms/api-client/fake-api';
import { simulationPrograms } from '../catalog.test-helper.ts';
import { focusedErrorSummary, me, renderAt } from '@hms/ui/render-at';
import { axeViolations } from '../../../shared/axe.test-helper.ts';
import type { SimulationFigures, SimulationResult, SimulationStart } from '../api/simulations.ts';
import type { SavedScenario, ScenarioComparison } from '../api/scenarios.ts';
import { ScenarioDraftRoute } from './scenario-draft-route.tsx';
import { SimulationRoute } from './simulation-route.tsx';

// Saved scenarios on the simulation screen (issue 14 part 3): save, list, open, compare, delete, and the draft page.

const figures = (over: Partial<SimulationFigures> = {}): SimulationFigures => ({
  requestedCents: 1_000_000,
  requestedCount: 10,
  eligibleCents: 1_000_000,
  eligibleCount: 10,
  approvedCents: 600_000,
  approvedCount: 6,
  paidCents: 500_000,
  paidCount: 5,
  overBudgetCents: 0,
  overBudgetCount: 0,
  budgetRunOutDate: null,
  budgetCents: 50_000_000,
  committedBeforeCents: 0,
  humanReviewCount: 6,
  secondApprovalCount: 1,
  automatedApprovalCount: 0,
  reviewerHours: 12.5,
  decidedLateCount: 0,
  daysToDecision: { count: 6, medianDays: 2, p90Days: 4 },
  ...over,
});
const none = {
  count: 0,
  cents: 0,
  byAmountBand: [],
  byLanguage: [
    { language: 'en' as const, count: 0 },
    { language: 'es' as const, count: 0 },
  ],
};
const scenarioFigures = (over: Partial<SimulationFigures> = {}) => ({
  ...figures(over),
  newlyQualifying: none,
  noLongerQualifying: none,
});
const scenario = (over: Partial<SavedScenario>): SavedScenario => ({
  id: 's1',
  name: 'Lower cap',
  programId: 'p2',
  program: 'permit-fee-refund',
  from: '2026-06-01',
  to: '2026-11-30',
  changes: { maxAmountCents: 100_000 },
  savedBy: { id: 'u1', name: 'Avery Admin' },
  savedAt: '2026-12-01T10:00:00Z',
  updatedAt: '2026-12-01T10:00:00Z',
  ...over,
});
const lowerCap = scenario({});
const rulesToo = scenario({
  id: 's2',
  name: 'Rules too',
  changes: { budgetCents: 4_000_000, decisionRules: [] },
});
const result = (body: { program: string; from: string; to: string; changes: object }) =>
  ({
    ...body,
    baseline: figures(),
    scenario: scenarioFigures({ eligibleCount: 8 }),
    computedAt: '2026-12-02T12:00:00Z',
  }) as SimulationResult;
const comparison: ScenarioComparison = {
  program: 'permit-fee-refund',
  from: '2026-06-01',
  to: '2026-11-30',
  baseline: figures(),
  scenarios: [
    { scenario: lowerCap, figures: scenarioFigures({ eligibleCount: 8, eligibleCents: 700_000 }) },
    { scenario: rulesToo, figures: scenarioFigures() },
  ],
  computedAt: '2026-12-02T12:00:00Z',
};
/** What the form's rule fields start from (GET /api/simulations/programs/:slug): no rules, so none to change. */
const start: SimulationStart = {
  program: 'permit-fee-refund',
  version: 1,
  maxAmountCents: 150_000,
  approvalThresholdCents: 100_000,
  budgetCents: 50_000_000,
  reviewDeadlineDays: 10,
  questionSet: { steps: [] },
  eligibilityRules: [],
  decisionRules: null,
};
/** The handlers every screen of these tests reads besides its own. */
const screenReads = (roles: string[]) => ({
  'GET /api/me': () => me(roles),
  'GET /api/programs': () => ({ body: { items: simulationPrograms } }),
  'GET /api/simulations/programs/permit-fee-refund': () => ({ body: start }),
  'GET /api/admin/programs/p2/decision-rules': () => ({
    body: {
      programId: 'p2',
      automation: { programId: 'p2', enabled: false, changedBy: null, changedAt: null },
      versions: [],
    },
  }),
});
const routes = [
  { path: '/admin/simulations', element: <SimulationRoute /> },
  {
    path: '/admin/simulations/scenarios/:scenarioId/program-draft',
    element: <ScenarioDraftRoute />,
  },
];

afterEach(() => vi.unstubAllGlobals());

describe('saved scenarios (/admin/simulations)', () => {
  it('lets an administrator save a run, open a saved one, compare two and delete one after confirming', async () => {
    let items = [lowerCap, rulesToo];
    const calls = fakeApi({
      ...screenReads(['admin']),
      'POST /api/simulations': (_r, body) => ({ body: result(body as never) }),
      'GET /api/simulations/scenarios': () => ({ body: { items } }),
      'POST /api/simulations/scenarios': (_r, body) => {
        const b = body as { name: string };
        if (b.name === 'Lower cap')
          return problem(409, 'simulation.scenario_name_taken', {
            errors: [{ field: 'body.name', message: 'taken' }],
          });
        return { status: 201, body: scenario({ id: 's3', name: b.name }) };
      },
      'GET /api/simulations/scenarios/s1/compare/s2': () => ({ body: comparison }),
      'DELETE /api/simulations/scenarios/s2': () => {
        items = [lowerCap];
        return new Response(null, { status: 204 });
      },
    });
    const { container } = renderAt('/admin/simulations', routes);
    const list = await screen.findByRole('table', {
      name: 'Each saved scenario and what it changes',
    });
    const row = within(list).getByRole('row', { name: /Lower cap/ });
    expect(
      within(row)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(
      expect.arrayContaining([
        'Permit Fee Refund',
        'June 1, 2026 to November 30, 2026',
        'Maximum amount',
      ]),
    );
    expect(await axeViolations(container)).toEqual([]);

    // Open: the form takes the scenario's values and runs them.
    fireEvent.click(screen.getByRole('button', { name: 'Open “Lower cap”' }));
    await screen.findByRole('heading', { level: 2, name: 'Result' });
    expect(
      calls.find((c) => c.method === 'POST' && c.url.pathname === '/api/simulations')?.body,
    ).toEqual({
      program: 'permit-fee-refund',
      from: '2026-06-01',
      to: '2026-11-30',
      changes: { maxAmountCents: 100_000 },
    });
    expect((screen.getByLabelText('Program') as HTMLSelectElement).value).toBe('permit-fee-refund');
    expect((screen.getByLabelText('From') as HTMLInputElement).value).toBe('2026-06-01');
    expect(
      (screen.getByLabelText('Maximum amount a request may ask for') as HTMLInputElement).value,
    ).toBe('1000.00');

    // Save: an empty name is caught here; a taken one comes back on the field; a new one is saved.
    fireEvent.click(screen.getByRole('button', { name: 'Save scenario' }));
    const { links } = await focusedErrorSummary();
    expect(links).toEqual([['Enter a name for the scenario', '#scenario-name']]);
    fireEvent.change(screen.getByLabelText('Scenario name'), { target: { value: 'Lower cap' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save scenario' }));
    await waitFor(() =>
      expect(screen.getByLabelText('Scenario name').getAttribute('aria-invalid')).toBe('true'),
    );
    // In the summary and under the field, in the catalog's words.
    expect(screen.getAllByText(/already has a saved scenario with that name/)).toHaveLength(2);
    fireEvent.change(screen.getByLabelText('Scenario name'), {
      target: { value: 'Cap at $1,000' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Save scenario' }));
    expect(await screen.findByText('Scenario “Cap at $1,000” saved.')).toBeTruthy();
    expect(
      calls
        .filter((c) => c.method === 'POST' && c.url.pathname === '/api/simulations/scenarios')
        .at(-1)?.body,
    ).toEqual({
      name: 'Cap at $1,000',
      program: 'permit-fee-refund',
      from: '2026-06-01',
      to: '2026-11-30',
      changes: { maxAmountCents: 100_000 },
    });

    // Compare: exactly two, then side by side, rows where the two differ marked in words.
    fireEvent.click(screen.getByLabelText('Compare “Lower cap”'));
    fireEvent.click(screen.getByRole('button', { name: 'Compare selected' }));
    expect(await screen.findByText('Select exactly two scenarios to compare.')).toBeTruthy();
    fireEvent.click(screen.getByLabelText('Compare “Rules too”'));
    fireEvent.click(screen.getByRole('button', { name: 'Compare selected' }));
    const heading = await screen.findByRole('heading', { level: 3, name: 'Comparison' });
    await waitFor(() => expect(document.activeElement).toBe(heading));
    const table = screen.getByRole('table', {
      name: 'What happened and two scenarios, side by side',
    });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(['Figure', 'What happened', 'Lower cap', 'Rules too', 'Differs']);
    const eligible = within(table).getByRole('row', { name: /^Eligible requests/ });
    expect(eligible.getAttribute('data-differs')).toBe('true');
    expect(
      within(eligible)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['10 ($10,000.00)', '8 ($7,000.00)', '10 ($10,000.00)', 'Differs']);
    const paid = within(table).getByRole('row', { name: /^Payments settled/ });
    expect(within(paid).getAllByRole('cell').at(-1)?.textContent).toBe('Same in both');
    expect(await axeViolations(container)).toEqual([]);

    // Delete, after confirming.
    fireEvent.click(screen.getByRole('button', { name: 'Delete “Rules too”' }));
    const dialog = screen.getByRole('alertdialog', {
      name: 'Delete the saved scenario “Rules too”? This cannot be undone.',
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Yes, delete' }));
    expect(await screen.findByText('Scenario “Rules too” deleted.')).toBeTruthy();
    await waitFor(() => expect(screen.queryByRole('row', { name: /Rules too/ })).toBeNull());
    expect(calls.some((c) => c.method === 'DELETE')).toBe(true);
  });

  it('shows finance staff the list and the comparison, in Spanish, without any write button', async () => {
    fakeApi({
      ...screenReads(['finance']),
      'POST /api/simulations': (_r, body) => ({ body: result(body as never) }),
      'GET /api/simulations/scenarios': () => ({ body: { items: [lowerCap, rulesToo] } }),
    });
    const { container } = renderAt('/admin/simulations', routes, { language: 'es' });
    await screen.findByRole('table', { name: 'Cada escenario guardado y lo que cambia' });
    expect(screen.getByRole('button', { name: 'Abrir “Lower cap”' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Comparar los seleccionados' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Eliminar/ })).toBeNull();
    expect(screen.queryByRole('link', { name: /borrador/ })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Abrir “Lower cap”' }));
    await screen.findByRole('heading', { level: 2, name: 'Resultado' });
    expect(screen.queryByRole('button', { name: 'Guardar escenario' })).toBeNull();
    expect(await axeViolations(container)).toEqual([]);
  });

  it('says when nothing is saved yet', async () => {
    fakeApi({
      ...screenReads(['admin']),
      'GET /api/simulations/scenarios': () => ({ body: { items: [] } }),
    });
    renderAt('/admin/simulations', routes);
    expect(await screen.findByText('No saved scenarios yet')).toBeTruthy();
  });
});

describe('a draft program version from a saved scenario', () => {
  it('asks before replacing a draft in progress, then confirms with a link to the program page', async () => {
    const calls = fakeApi({
      ...screenReads(['admin']),
      'GET /api/simulations/scenarios/s2': () => ({ body: rulesToo }),
      'POST /api/simulations/scenarios/s2/program-draft': (_r, body) =>
        (body as { replaceDrafts: boolean }).replaceDrafts
          ? {
              body: {
                programId: 'p2',
                scenarioId: 's2',
                programDraftRevision: 4,
                decisionRulesDraft: { id: 'v3', version: 3 },
                changed: ['budgetCents', 'decisionRules'],
              },
            }
          : problem(409, 'program.draft_has_changes'),
    });
    const { container } = renderAt('/admin/simulations/scenarios/s2/program-draft', routes);
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Create a draft program version' }),
    ).toBeTruthy();
    const summary = screen.getByRole('table', { name: 'What the draft will change' });
    expect(within(summary).getByRole('row', { name: /^Budget/ }).textContent).toContain(
      '$40,000.00',
    );
    expect(within(summary).getByRole('row', { name: /^Decision rules/ }).textContent).toContain(
      '0 rules',
    );
    expect(await axeViolations(container)).toEqual([]);

    fireEvent.click(screen.getByRole('button', { name: 'Create draft program version' }));
    const replace = await screen.findByLabelText(/Replace the drafts that are already there/);
    expect(
      screen.getByText(/already has a draft with changes that are not published/),
    ).toBeTruthy();
    expect(await axeViolations(container)).toEqual([]);
    fireEvent.click(replace);
    fireEvent.click(screen.getByRole('button', { name: 'Create draft program version' }));
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Draft program version created' }),
    ).toBeTruthy();
    expect(calls.filter((c) => c.method === 'POST').map((c) => c.body)).toEqual([
      { replaceDrafts: false },
      { replaceDrafts: true },
    ]);
    expect(
      screen
        .getByRole('link', { name: 'Review and publish the program draft' })
        .getAttribute('href'),
    ).toBe('/admin/programs/p2');
    expect(
      screen.getByRole('link', { name: 'Review the decision rules draft' }).getAttribute('href'),
    ).toBe('/admin/programs/p2/decision-rules');
    expect(screen.getByText(/draft version 3/)).toBeTruthy();
    expect(await axeViolations(container)).toEqual([]);
  });
});
