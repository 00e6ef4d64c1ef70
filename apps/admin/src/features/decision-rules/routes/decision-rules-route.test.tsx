import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AdminProgram } from '@hms/contracts/program-admin';
import type { RuleVersion, RuleVersionList } from '@hms/contracts/decision-rules';
import {
  approveSmallWithoutRisk,
  rule,
  ruleInputs,
} from '@hms/contracts/decision-rules.test-helper';
import { sectorQuestion, step, t } from '@hms/contracts/question-set.test-helper';
import { fakeApi } from '@hms/api-client/fake-api';
import { axeViolations } from '../../../shared/axe.test-helper.ts';
import { focusedErrorSummary, renderAt } from '@hms/ui/render-at';
import { DecisionRulesRoute } from './decision-rules-route.tsx';

const PROGRAM = '11111111-1111-4111-8111-111111111111';
const DRAFT = '22222222-2222-4222-8222-222222222222';
const BASE = `/api/admin/programs/${PROGRAM}/decision-rules`;

const program = {
  id: PROGRAM,
  status: 'live',
  liveVersion: 1,
  window: 'open',
  draft: {
    slug: 'storm-relief',
    name: { en: 'Storm relief', es: 'Ayuda por tormenta' },
    questionSet: { steps: [step('s', t('Step', 'Paso'), [sectorQuestion()])] },
  },
} as unknown as AdminProgram;

const version = (over: Partial<RuleVersion> = {}): RuleVersion => ({
  id: DRAFT,
  programId: PROGRAM,
  version: 1,
  status: 'draft',
  rules: [
    approveSmallWithoutRisk('small', 'Small, no risk', 50_000),
    rule('under1000', 'Under $1,000', 'refer', { on: 'amount', op: 'lte', value: 100_000 }),
    rule(
      'odd',
      'Odd amounts',
      'approve',
      { on: 'amount', op: 'lt', value: 100 },
      { on: 'amount', op: 'gt', value: 200 },
    ),
  ],
  testCases: [
    {
      name: 'Small clean request',
      expected: 'approve',
      inputs: ruleInputs({ amountCents: 40_000 }),
    },
    {
      name: 'Medium risk',
      expected: 'approve',
      inputs: ruleInputs({ amountCents: 40_000, riskLevel: 'medium' }),
    },
  ],
  createdBy: { id: 'a1', name: 'Avery Admin' },
  createdAt: '2026-11-25T15:00:00.000Z',
  updatedAt: '2026-11-25T15:00:00.000Z',
  publishedBy: null,
  publishedAt: null,
  retiredAt: null,
  ...over,
});

const list = (versions: RuleVersion[], enabled = false): RuleVersionList => ({
  programId: PROGRAM,
  automation: { programId: PROGRAM, enabled, changedBy: null, changedAt: null },
  versions,
});

const render = (language: 'en' | 'es' = 'en') =>
  renderAt(
    `/admin/programs/${PROGRAM}/decision-rules`,
    [{ path: '/admin/programs/:programId/decision-rules', element: <DecisionRulesRoute /> }],
    { language },
  );

afterEach(() => vi.unstubAllGlobals());

describe('Decision rules editor (admin)', () => {
  it(
    'shows each rule’s checks beside it, blocks publishing while a test case fails, and publishes once it passes',
    { timeout: 60_000 },
    async () => {
      let refusals = 1;
      const calls = fakeApi({
        [`GET /api/admin/programs/${PROGRAM}`]: () => ({ body: program }),
        [`GET ${BASE}`]: () => ({ body: list([version()]) }),
        [`PUT ${BASE}/versions/${DRAFT}`]: (_r, body) => ({
          body: version(body as Partial<RuleVersion>),
        }),
        [`POST ${BASE}/versions/${DRAFT}/publish`]: () =>
          refusals-- > 0
            ? {
                status: 422,
                body: {
                  type: 'about:blank',
                  title: 'Test cases failing',
                  status: 422,
                  code: 'decision_rules.test_cases_failing',
                  errors: [{ field: 'testCases.1', message: 'Test case 2 expects approve.' }],
                },
              }
            : { body: version({ status: 'live', publishedAt: '2026-11-26T15:00:00.000Z' }) },
      });
      const { container } = render();
      const rule2 = await screen.findByTestId('rule-2');
      // Rule 2 overlaps rule 1 with another outcome; rule 3's conditions contradict each other.
      expect(within(rule2).getByText(/Rule 2 overlaps rule 1/)).toBeTruthy();
      expect(within(screen.getByTestId('rule-3')).getByText(/Rule 3 can never match/)).toBeTruthy();
      expect(within(screen.getByTestId('rule-1')).getByText('No problems found.')).toBeTruthy();

      // The medium-risk case expects approve but rule 2 (refer) fires: publishing is off and says why.
      const failingRow = screen.getByRole('row', { name: /Medium risk/ });
      expect(failingRow.getAttribute('data-result')).toBe('fail');
      expect(within(failingRow).getByText(/rule 2 \(Under \$1,000\) decides/)).toBeTruthy();
      const publish = screen.getByRole('button', { name: 'Publish version 1' });
      expect((publish as HTMLButtonElement).disabled).toBe(true);
      expect(screen.getByTestId('publish-blocked').textContent).toContain('1 of 2 fail');
      expect(await axeViolations(container)).toEqual([]);

      // Fix the case: it expects the referral.
      fireEvent.click(screen.getByRole('button', { name: 'Edit test case 2' }));
      fireEvent.change(screen.getByLabelText('Expected'), { target: { value: 'refer' } });
      fireEvent.click(screen.getByRole('button', { name: 'Save test case 2' }));
      await waitFor(() =>
        expect(screen.getByRole('row', { name: /Medium risk/ }).getAttribute('data-result')).toBe(
          'pass',
        ),
      );
      expect((publish as HTMLButtonElement).disabled).toBe(false);

      // The API is the authority: its refusal names the failing case, linked to its row.
      fireEvent.click(publish);
      const { links } = await focusedErrorSummary();
      expect(links).toEqual([['Test case 2 does not get its expected outcome.', '#case-row-1']]);

      fireEvent.click(screen.getByRole('button', { name: 'Publish version 1' }));
      await waitFor(() =>
        expect(calls.filter((c) => c.url.pathname.endsWith('/publish'))).toHaveLength(2),
      );
      const saved = calls.filter((c) => c.method === 'PUT').at(-1)!.body as RuleVersion;
      expect(saved.testCases[1]!.expected).toBe('refer');
      expect(saved.rules.map((r) => r.id)).toEqual(['small', 'under1000', 'odd']);
    },
  );

  it('shows the checks in Spanish and reorders rules by keyboard, keeping focus on the moved rule', async () => {
    fakeApi({
      [`GET /api/admin/programs/${PROGRAM}`]: () => ({ body: program }),
      [`GET ${BASE}`]: () => ({ body: list([version()]) }),
    });
    render('es');
    const rule2 = await screen.findByTestId('rule-2');
    expect(within(rule2).getByText(/La regla 2 se superpone con la regla 1/)).toBeTruthy();
    const up = screen.getByRole('button', { name: 'Subir la regla 2' });
    up.focus();
    fireEvent.click(up);
    // Now first: its "up" turns off, so focus moves to its "down".
    await waitFor(() => expect(document.activeElement?.textContent).toBe('Bajar la regla 1'));
    expect(within(screen.getByTestId('rule-1')).getByDisplayValue('Under $1,000')).toBeTruthy();
    // Moved first, the referral now shadows the small-amount approval.
    expect(
      within(screen.getByTestId('rule-2')).getByText(/La regla 2 nunca decide nada/),
    ).toBeTruthy();
  });

  it('imports test cases from CSV, naming each bad cell’s row and column, and adds nothing from a bad file', async () => {
    fakeApi({
      [`GET /api/admin/programs/${PROGRAM}`]: () => ({ body: program }),
      [`GET ${BASE}`]: () => ({ body: list([version({ testCases: [] })]) }),
    });
    const { container } = render();
    const input = await screen.findByLabelText('CSV file of test cases');
    const bad = new File(
      [
        'name,expected,amount,risk_level,answer.sector\nok,approve,300,none,retail\nbad,approve,lots,none,mining\n',
      ],
      'cases.csv',
      { type: 'text/csv' },
    );
    fireEvent.change(input, { target: { files: [bad] } });
    const { summary, links } = await focusedErrorSummary();
    expect(within(summary).getByText('The file could not be imported')).toBeTruthy();
    expect(links.map(([text]) => text)).toEqual([
      expect.stringMatching(/^Row 3, column amount: Write an amount in dollars/),
      expect.stringMatching(
        /^Row 3, column answer\.sector: Write one of the options: retail, farm/,
      ),
    ]);
    expect(links[0]![1]).toBe('#cases-csv');
    expect(screen.getByText(/No test cases yet/)).toBeTruthy();
    expect(await axeViolations(container)).toEqual([]);

    const good = new File(
      ['name,expected,amount,risk_level\nsmall,approve,300,none\nbig,none,5000,none\n'],
      'good.csv',
      { type: 'text/csv' },
    );
    fireEvent.change(input, { target: { files: [good] } });
    expect(await screen.findByText('2 test cases imported from good.csv.')).toBeTruthy();
    expect(screen.getByRole('row', { name: /small/ }).getAttribute('data-result')).toBe('pass');
    expect(screen.getByRole('row', { name: /big/ }).getAttribute('data-result')).toBe('pass');
    expect(screen.getByRole('button', { name: 'Publish version 1' })).toHaveProperty(
      'disabled',
      false,
    );
  });

  it('starts the first draft from the empty state and switches automation on after confirming', async () => {
    let current = list([]);
    const calls = fakeApi({
      [`GET /api/admin/programs/${PROGRAM}`]: () => ({ body: program }),
      [`GET ${BASE}`]: () => ({ body: current }),
      [`POST ${BASE}/versions`]: () => {
        current = list([version({ rules: [], testCases: [] })]);
        return { status: 201, body: current.versions[0] };
      },
      [`PUT ${BASE}/automation`]: (_r, body) => ({
        body: {
          programId: PROGRAM,
          enabled: (body as { enabled: boolean }).enabled,
          changedBy: { id: 'a1', name: 'Avery Admin' },
          changedAt: '2026-11-26T15:00:00.000Z',
        },
      }),
    });
    const { container } = render();
    expect((await screen.findByTestId('rules-empty')).textContent).toContain(
      'no decision rules yet',
    );
    expect(screen.getByTestId('automation-state').textContent).toMatch(/^Off/);
    expect(await axeViolations(container)).toEqual([]);

    fireEvent.click(screen.getByRole('button', { name: 'Switch automated approvals on' }));
    const dialog = screen.getByRole('alertdialog');
    expect(dialog.textContent).toContain('takes effect at once');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Yes, switch on' }));
    await waitFor(() => expect(screen.getByTestId('automation-state').textContent).toMatch(/^On/));
    expect(calls.find((c) => c.method === 'PUT')!.body).toEqual({ enabled: true });

    fireEvent.click(screen.getByRole('button', { name: 'Start writing rules' }));
    expect(await screen.findByRole('heading', { name: 'Draft: version 1' })).toBeTruthy();
    expect(calls.find((c) => c.method === 'POST')!.body).toEqual({ rules: [], testCases: [] });
    expect(screen.getByTestId('publish-blocked').textContent).toContain('at least one test case');
  });
});
