import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { rule } from '@hms/contracts/decision-rules.test-helper';
import { choiceQuestion, question, step, t } from '@hms/contracts/question-set.test-helper';
import { fakeApi, problem, type FakeHandler } from '@hms/api-client/fake-api';
import { simulationPrograms } from '../catalog.test-helper.ts';
import { focusedErrorSummary, me, renderAt } from '@hms/ui/render-at';
import { axeViolations } from '../../../shared/axe.test-helper.ts';
import type { RuleVersionList } from '../../../shared/decision-rule-versions.ts';
import type {
  QualificationChange,
  SimulationFigures,
  SimulationResult,
  SimulationStart,
} from '../api/simulations.ts';
import type { DecisionRulesEditorSlot } from '../components/rule-changes.tsx';
import { SimulationRoute } from './simulation-route.tsx';

const figures = (over: Partial<SimulationFigures> = {}): SimulationFigures => ({
  requestedCents: 2_560_500,
  requestedCount: 49,
  eligibleCents: 2_560_500,
  eligibleCount: 49,
  approvedCents: 1_474_500,
  approvedCount: 24,
  paidCents: 1_738_000,
  paidCount: 34,
  overBudgetCents: 0,
  overBudgetCount: 0,
  budgetRunOutDate: null,
  budgetCents: 50_000_000,
  committedBeforeCents: 45_000,
  humanReviewCount: 28,
  secondApprovalCount: 0,
  automatedApprovalCount: 0,
  reviewerHours: 1208.8,
  decidedLateCount: 0,
  daysToDecision: { count: 28, medianDays: 3.3, p90Days: 5.6 },
  ...over,
});
const change = (en: number, es: number, cents = 0): QualificationChange => ({
  count: en + es,
  cents,
  byAmountBand: [0, 50_000, 100_000, 500_000, 1_000_000].map((minCents, i, all) => ({
    minCents,
    maxCents: all[i + 1] ?? null,
    count: i === 2 ? en + es : 0,
    cents: i === 2 ? cents : 0,
  })),
  byLanguage: [
    { language: 'en', count: en },
    { language: 'es', count: es },
  ],
});
const result = (
  scenario: Partial<SimulationFigures>,
  noLonger = change(0, 0),
): SimulationResult => ({
  program: 'permit-fee-refund',
  from: '2026-06-01',
  to: '2026-11-30',
  changes: { budgetCents: 800_000 },
  baseline: figures(),
  scenario: { ...figures(scenario), newlyQualifying: change(0, 0), noLongerQualifying: noLonger },
  computedAt: '2026-12-02T12:00:00Z',
});
const routes = [{ path: '/admin/simulations', element: <SimulationRoute /> }];

/** The Permit Fee Refund as it is live: one eligibility rule on the permit's date, and version 3 of its rules. */
const start = (over: Partial<SimulationStart> = {}): SimulationStart => ({
  program: 'permit-fee-refund',
  version: 4,
  maxAmountCents: 200_000,
  approvalThresholdCents: 100_000,
  budgetCents: 50_000_000,
  reviewDeadlineDays: 10,
  questionSet: {
    steps: [
      step('permit', t('Your permit', 'Su permiso'), [
        choiceQuestion('permitType', 'radio', t('Permit type', 'Tipo de permiso'), [
          ['building', 'Building', 'Construcción'],
          ['event', 'Event', 'Evento'],
        ]),
        question('feePaid', 'money', t('Fee paid', 'Tasa pagada')),
        question('paidOn', 'date', t('Paid on', 'Pagada el')),
      ]),
    ],
  },
  eligibilityRules: [
    {
      kind: 'withinLast',
      questionId: 'paidOn',
      months: 12,
      reason: { en: 'Paid over a year ago.', es: 'Pagada hace más de un año.' },
    },
  ],
  decisionRules: {
    version: 3,
    rules: [rule('small', 'Small refunds', 'approve', { on: 'amount', op: 'lte', value: 15_000 })],
  },
  ...over,
});
const draftRules = [
  rule('tiny', 'Tiny refunds', 'approve', { on: 'amount', op: 'lte', value: 5_000 }),
  rule('rest', 'The rest', 'refer'),
];
const ruleVersions = (withDraft: boolean): RuleVersionList => ({
  programId: 'p2',
  automation: { programId: 'p2', enabled: true, changedBy: null, changedAt: null },
  versions: withDraft
    ? [
        {
          id: 'v4',
          programId: 'p2',
          version: 4,
          status: 'draft',
          rules: draftRules,
          testCases: [],
          createdBy: null,
          createdAt: '2026-12-01T10:00:00Z',
          updatedAt: '2026-12-01T10:00:00Z',
          publishedBy: null,
          publishedAt: null,
          retiredAt: null,
        },
      ]
    : [],
});

/**
 * The screen's API as a member of staff in this role finds it: the catalog, no saved scenarios, the Permit Fee
 * Refund's live definition and, for an administrator, its decision rules without a draft. `more` adds routes or
 * replaces these.
 */
const simulationApi = (role: 'admin' | 'finance', more: Record<string, FakeHandler> = {}) =>
  fakeApi({
    'GET /api/me': () => me([role]),
    'GET /api/programs': () => ({ body: { items: simulationPrograms } }),
    'GET /api/simulations/scenarios': () => ({ body: { items: [] } }),
    'GET /api/simulations/programs/permit-fee-refund': () => ({ body: start() }),
    ...(role === 'admin'
      ? { 'GET /api/admin/programs/p2/decision-rules': () => ({ body: ruleVersions(false) }) }
      : {}),
    ...more,
  });
const unavailable = () => problem(503, 'server.unavailable');

afterEach(() => vi.unstubAllGlobals());

describe('Policy simulation (/admin/simulations)', () => {
  it('runs the changes given and shows the scenario beside what happened, differences marked', async () => {
    const calls = simulationApi('admin', {
      'POST /api/simulations': () => ({
        body: result({
          budgetCents: 800_000,
          budgetRunOutDate: '2026-08-14',
          approvedCount: 11,
          approvedCents: 700_000,
          overBudgetCount: 20,
          overBudgetCents: 1_000_000,
        }),
      }),
    });
    const { container } = renderAt('/admin/simulations', routes);
    expect(screen.getByRole('heading', { level: 1, name: 'Policy simulation' })).toBeTruthy();
    const program = await screen.findByLabelText('Program');
    fireEvent.change(program, { target: { value: 'permit-fee-refund' } });
    fireEvent.change(screen.getByLabelText('From'), { target: { value: '2026-06-01' } });
    fireEvent.change(screen.getByLabelText('To'), { target: { value: '2026-11-30' } });
    fireEvent.change(screen.getByLabelText('Budget'), { target: { value: '8,000' } });
    fireEvent.click(screen.getByRole('button', { name: 'Run simulation' }));
    const heading = await screen.findByRole('heading', { level: 2, name: 'Result' });
    await waitFor(() => expect(document.activeElement).toBe(heading));
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({
      program: 'permit-fee-refund',
      from: '2026-06-01',
      to: '2026-11-30',
      changes: { budgetCents: 800_000 },
    });
    // An admin is not told the page is read-only.
    expect(screen.queryByText(/Saving a scenario/)).toBeNull();
    const runOut = screen.getByRole('row', { name: /^Budget runs out on/ });
    expect(
      within(runOut)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['None', 'August 14, 2026', 'Changed August 14, 2026']);
    const approved = screen.getByRole('row', { name: /^Requests approved/ });
    expect(approved.getAttribute('data-changed')).toBe('true');
    expect(within(approved).getAllByRole('cell')[2]?.textContent).toBe('Changed −13 (−$7,745.00)');
    const requested = screen.getByRole('row', { name: /^Requests submitted/ });
    expect(within(requested).getAllByRole('cell')[2]?.textContent).toBe('No change');
    expect(await axeViolations(container)).toEqual([]);
  });

  it('names each field it cannot read in the error summary, and the server’s refusals on their fields', async () => {
    const calls = simulationApi('admin', {
      'GET /api/simulations/programs/home-energy-rebate': () => ({
        body: start({ program: 'home-energy-rebate', decisionRules: null }),
      }),
      'GET /api/admin/programs/p1/decision-rules': () => ({ body: ruleVersions(false) }),
      'POST /api/simulations': () =>
        problem(400, 'validation.failed', {
          errors: [
            {
              field: 'body.changes.reviewDeadlineDays',
              message: 'reviewDeadlineDays must be between 1 and 120.',
            },
          ],
        }),
    });
    const { container } = renderAt('/admin/simulations', routes);
    await screen.findByLabelText('Program');
    fireEvent.change(screen.getByLabelText('Maximum amount a request may ask for'), {
      target: { value: 'lots' },
    });
    fireEvent.change(screen.getByLabelText('Review deadline'), { target: { value: '200' } });
    fireEvent.click(screen.getByRole('button', { name: 'Run simulation' }));
    const { links } = await focusedErrorSummary();
    expect(links).toEqual([
      ['Select a program', '#sim-program'],
      ['Enter an amount in dollars, like 1,500 or 1,500.50', '#sim-max'],
      ['Enter a whole number of business days from 1 to 120', '#sim-deadline'],
    ]);
    expect(calls.some((c) => c.method === 'POST')).toBe(false);
    expect(await axeViolations(container)).toEqual([]);

    // What only the server checks lands on its field too.
    fireEvent.change(screen.getByLabelText('Program'), { target: { value: 'home-energy-rebate' } });
    fireEvent.change(screen.getByLabelText('Maximum amount a request may ask for'), {
      target: { value: '' },
    });
    fireEvent.change(screen.getByLabelText('Review deadline'), { target: { value: '30' } });
    fireEvent.click(screen.getByRole('button', { name: 'Run simulation' }));
    await waitFor(() =>
      expect(screen.getByLabelText('Review deadline').getAttribute('aria-invalid')).toBe('true'),
    );
  });

  it('tells finance staff it is read-only, in Spanish, with who no longer qualifies by language', async () => {
    simulationApi('finance', {
      'POST /api/simulations': () => ({
        body: result({ eligibleCount: 44 }, change(3, 2, 600_000)),
      }),
    });
    const { container } = renderAt('/admin/simulations', routes, { language: 'es' });
    expect(await screen.findByText(/Guardar un escenario/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: /guardar/i })).toBeNull();
    fireEvent.change(await screen.findByLabelText('Programa'), {
      target: { value: 'permit-fee-refund' },
    });
    fireEvent.change(screen.getByLabelText('Monto máximo que puede pedir una solicitud'), {
      target: { value: '1000' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Ejecutar simulación' }));
    await screen.findByRole('heading', { level: 2, name: 'Resultado' });
    const languages = screen.getByRole('table', {
      name: 'Solicitudes que cambian de lado, por idioma de la persona solicitante',
    });
    expect(
      within(within(languages).getByRole('row', { name: /^Español/ })).getAllByRole('cell')[0]
        ?.textContent,
    ).toBe('2');
    expect(
      within(within(languages).getByRole('row', { name: /^Inglés/ })).getAllByRole('cell')[0]
        ?.textContent,
    ).toBe('3');
    expect(await axeViolations(container)).toEqual([]);
  });

  it('starts the eligibility rules from the live ones, sends the list as changed, and the live or draft decision rules', async () => {
    const calls = simulationApi('admin', {
      'GET /api/admin/programs/p2/decision-rules': () => ({ body: ruleVersions(true) }),
      'POST /api/simulations': () => ({ body: result({ eligibleCount: 40 }, change(5, 4)) }),
    });
    const { container } = renderAt('/admin/simulations', routes);
    fireEvent.change(await screen.findByLabelText('Program'), {
      target: { value: 'permit-fee-refund' },
    });
    fireEvent.change(screen.getByLabelText('From'), { target: { value: '2026-06-01' } });
    fireEvent.change(screen.getByLabelText('To'), { target: { value: '2026-11-30' } });
    const change_ = await screen.findByRole('checkbox', { name: 'Change the eligibility rules' });
    expect(screen.getByText(/The live version 4 has 1 rules/)).toBeTruthy();
    // Unchanged until asked: no editor, nothing sent.
    expect(screen.queryByRole('table', { name: 'Eligibility rules of the scenario' })).toBeNull();
    fireEvent.click(change_);
    const table = screen.getByRole('table', { name: 'Eligibility rules of the scenario' });
    expect(within(table).getAllByRole('row')).toHaveLength(2);
    // Remove the live rule and add a stricter one on the fee paid, with the program editor's controls.
    fireEvent.click(within(table).getByRole('button', { name: 'Remove rule 1' }));
    expect(screen.getByText(/There are no rules/)).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Kind of rule'), { target: { value: 'compare' } });
    fireEvent.change(screen.getByLabelText('Question'), { target: { value: 'feePaid' } });
    fireEvent.change(screen.getByLabelText('Comparison'), { target: { value: 'lte' } });
    fireEvent.change(screen.getByLabelText('Value (dollars for money questions)'), {
      target: { value: '1,500' },
    });
    fireEvent.change(screen.getByLabelText('Why not, in English (shown to the citizen)'), {
      target: { value: 'Fees over $1,500 are refunded by the city.' },
    });
    fireEvent.change(screen.getByLabelText('Why not, in Spanish'), {
      target: { value: 'La ciudad reembolsa las tasas de más de $1,500.' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Add a rule' }));
    expect(
      within(screen.getByRole('table', { name: 'Eligibility rules of the scenario' }))
        .getAllByRole('row')
        .map((r) => r.textContent),
    ).toHaveLength(2);
    // Decision rules: the draft an administrator is writing.
    const draft = await screen.findByRole('radio', {
      name: 'The draft being written (version 4, 2 rules)',
    });
    expect(
      (screen.getByRole('radio', { name: 'Keep what happened' }) as HTMLInputElement).checked,
    ).toBe(true);
    fireEvent.click(draft);
    expect(await axeViolations(container)).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: 'Run simulation' }));
    await screen.findByRole('heading', { level: 2, name: 'Result' });
    const sent = calls.filter((c) => c.method === 'POST').map((c) => c.body);
    expect(sent).toEqual([
      {
        program: 'permit-fee-refund',
        from: '2026-06-01',
        to: '2026-11-30',
        changes: {
          eligibilityRules: [
            {
              questionId: 'feePaid',
              op: 'lte',
              value: 150_000,
              reason: {
                en: 'Fees over $1,500 are refunded by the city.',
                es: 'La ciudad reembolsa las tasas de más de $1,500.',
              },
            },
          ],
          decisionRules: draftRules,
        },
      },
    ]);

    // The live rules instead; unticking the eligibility change sends none.
    fireEvent.click(screen.getByRole('radio', { name: 'The live rules (version 3, 1 rules)' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Change the eligibility rules' }));
    fireEvent.click(screen.getByRole('button', { name: 'Run simulation' }));
    await waitFor(() => expect(calls.filter((c) => c.method === 'POST')).toHaveLength(2));
    expect(calls.filter((c) => c.method === 'POST')[1]?.body).toEqual({
      program: 'permit-fee-refund',
      from: '2026-06-01',
      to: '2026-11-30',
      changes: { decisionRules: start().decisionRules!.rules },
    });
  });

  it('links a rule the server refuses to the eligibility rules, naming the rule', async () => {
    simulationApi('admin', {
      'POST /api/simulations': () =>
        problem(400, 'validation.failed', {
          errors: [
            { field: 'body.changes.eligibilityRules.0.questionId', message: 'no question paidOn' },
          ],
        }),
    });
    const { container } = renderAt('/admin/simulations', routes);
    fireEvent.change(await screen.findByLabelText('Program'), {
      target: { value: 'permit-fee-refund' },
    });
    fireEvent.click(await screen.findByRole('checkbox', { name: 'Change the eligibility rules' }));
    // No draft to offer: said in words.
    expect(await screen.findByText('The program has no draft of its decision rules.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Run simulation' }));
    const { links } = await focusedErrorSummary();
    expect(links).toEqual([['Eligibility rule 1: no question paidOn', '#sim-eligibility']]);
    const box = screen.getByRole('checkbox', { name: 'Change the eligibility rules' });
    expect(box.getAttribute('aria-invalid')).toBe('true');
    expect(await axeViolations(container)).toEqual([]);
  });

  it('lets finance staff change the rules too, without the draft, and says when the rules cannot be loaded', async () => {
    let fail = true;
    simulationApi('finance', {
      'GET /api/simulations/programs/permit-fee-refund': () =>
        fail ? unavailable() : { body: start({ decisionRules: null }) },
    });
    const { container } = renderAt('/admin/simulations', routes);
    expect(await screen.findByTestId('rules-choose-program')).toBeTruthy();
    fireEvent.change(await screen.findByLabelText('Program'), {
      target: { value: 'permit-fee-refund' },
    });
    const retry = await screen.findByRole('button', { name: 'Try again' });
    fail = false;
    fireEvent.click(retry);
    expect(
      await screen.findByRole('checkbox', { name: 'Change the eligibility rules' }),
    ).toBeTruthy();
    expect(screen.getByText('The program has no live decision rules.')).toBeTruthy();
    expect(screen.getByText('Draft decision rules are shown to administrators only.')).toBeTruthy();
    expect(screen.getAllByRole('radio').map((r) => r.getAttribute('value'))).toEqual(['keep']);
    expect(await axeViolations(container)).toEqual([]);
  });

  it('sends a rule table written in the scenario, once every row is a rule', async () => {
    const written = [
      { id: 'small', label: 'Small refunds', outcome: 'approve' as const, conditions: [] },
    ];
    // The decision-rules feature's editor is handed in by the app's routes; here a stand-in that reports tables.
    const Editor: DecisionRulesEditorSlot = ({ initial, showErrors, onChange }) => (
      <div>
        <p>
          Starts from {initial.map((r) => r.label).join(', ')}
          {showErrors ? ' (errors shown)' : ''}
        </p>
        <button type="button" onClick={() => onChange({ rules: [], complete: false })}>
          Half-write a rule
        </button>
        <button type="button" onClick={() => onChange({ rules: written, complete: true })}>
          Finish the rules
        </button>
      </div>
    );
    const calls = simulationApi('finance', {
      'POST /api/simulations': () => ({ body: result({}) }),
    });
    const { container } = renderAt('/admin/simulations', [
      {
        path: '/admin/simulations',
        element: <SimulationRoute DecisionRulesEditor={Editor} />,
      },
    ]);
    fireEvent.change(await screen.findByLabelText('Program'), {
      target: { value: 'permit-fee-refund' },
    });
    fireEvent.click(
      await screen.findByRole('radio', { name: 'Rules written here, based on the live ones' }),
    );
    expect(screen.getByText('Starts from Small refunds')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Half-write a rule' }));
    fireEvent.click(screen.getByRole('button', { name: 'Run simulation' }));
    const { links } = await focusedErrorSummary();
    expect(links).toEqual([
      [
        'Finish the decision rules: every rule needs what it is for, and every condition a value',
        '#sim-decision-rules',
      ],
    ]);
    expect(screen.getByText('Starts from Small refunds (errors shown)')).toBeTruthy();
    expect(calls.some((c) => c.method === 'POST')).toBe(false);
    expect(await axeViolations(container)).toEqual([]);

    fireEvent.click(screen.getByRole('button', { name: 'Finish the rules' }));
    fireEvent.click(screen.getByRole('button', { name: 'Run simulation' }));
    await screen.findByRole('heading', { level: 2, name: 'Result' });
    expect(calls.find((c) => c.method === 'POST')?.body).toMatchObject({
      program: 'permit-fee-refund',
      changes: { decisionRules: written },
    });
  });

  it('says when the programs cannot be loaded, with a way to try again', async () => {
    simulationApi('admin', { 'GET /api/programs': unavailable });
    renderAt('/admin/simulations', routes);
    expect(await screen.findByRole('button', { name: 'Try again' })).toBeTruthy();
  });
});
