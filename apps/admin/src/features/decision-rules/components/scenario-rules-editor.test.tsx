import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { DecisionRule } from '@hms/contracts/decision-rules';
import type { Question } from '@hms/contracts/question-set';
import { rule } from '@hms/contracts/decision-rules.test-helper';
import { sectorQuestion } from '@hms/contracts/question-set.test-helper';
import { renderAt } from '@hms/ui/render-at';
import { axeViolations } from '../../../shared/axe.test-helper.ts';
import { ScenarioRulesEditor, type ScenarioRules } from './scenario-rules-editor.tsx';

const questions: Question[] = [sectorQuestion()];
const live: DecisionRule[] = [
  rule('small', 'Small amounts', 'approve', { on: 'amount', op: 'lte', value: 15_000 }),
];

function renderEditor(showErrors = false) {
  const reported: ScenarioRules[] = [];
  const view = renderAt('/', [
    {
      path: '/',
      element: (
        <ScenarioRulesEditor
          questions={questions}
          initial={live}
          showErrors={showErrors}
          onChange={(next) => reported.push(next)}
        />
      ),
    },
  ]);
  return { ...view, reported };
}

describe('ScenarioRulesEditor (a rule table tried in a policy simulation)', () => {
  it('starts from the rules given and reports the rules after each edit', async () => {
    const { container, reported } = renderEditor();
    const rule1 = screen.getByTestId('rule-1');
    expect((within(rule1).getByLabelText('What the rule is for') as HTMLInputElement).value).toBe(
      'Small amounts',
    );
    // $150 becomes $100.
    fireEvent.change(within(rule1).getByLabelText('Value', { exact: false }), {
      target: { value: '100' },
    });
    expect(reported.at(-1)).toEqual({
      complete: true,
      rules: [{ ...live[0], conditions: [{ on: 'amount', op: 'lte', value: 10_000 }] }],
    });
    // A new rule has no label yet: the table is not complete until it has one.
    fireEvent.click(screen.getByRole('button', { name: 'Add a rule' }));
    expect(reported.at(-1)?.complete).toBe(false);
    const rule2 = screen.getByTestId('rule-2');
    fireEvent.change(within(rule2).getByLabelText('What the rule is for'), {
      target: { value: 'Everything else' },
    });
    fireEvent.change(within(rule2).getByLabelText('Value', { exact: false }), {
      target: { value: '1,000' },
    });
    fireEvent.change(within(rule2).getByLabelText('Then'), { target: { value: 'refer' } });
    expect(reported.at(-1)).toMatchObject({
      complete: true,
      rules: [
        { id: 'small' },
        {
          label: 'Everything else',
          outcome: 'refer',
          conditions: [{ on: 'amount', op: 'lte', value: 100_000 }],
        },
      ],
    });
    expect(await axeViolations(container)).toEqual([]);
  });

  it('marks the rows that are not rules yet when asked', () => {
    renderEditor(true);
    fireEvent.change(screen.getByLabelText('What the rule is for'), { target: { value: ' ' } });
    expect(screen.getByText('Enter what rule 1 is for.')).toBeTruthy();
  });
});
