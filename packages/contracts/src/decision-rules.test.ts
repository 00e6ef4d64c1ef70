import { describe, expect, it } from 'vitest';
import {
  accountPrenoteStates,
  decisionRulesSchema,
  evaluateRules,
  ruleConditionSchema,
  runTestCases,
  type DecisionRule,
  type RuleCondition,
  type RuleInputs,
} from './decision-rules.ts';
import { ruleProblems } from './decision-rule-problems.ts';
import { riskLevels } from './risk.ts';
import type { Question } from './question-set.ts';
import { choiceQuestion, t } from './question-set.test-helper.ts';

const base: RuleInputs = {
  amountCents: 20_000,
  answers: { reason: 'duplicate', employees: 4, paidOn: '2026-02-03', extras: ['a'] },
  eligible: true,
  riskLevel: 'none',
  approvedRequests: 0,
  returnedPayments: 0,
  prenote: 'none',
};

const questions: Question[] = [
  choiceQuestion('reason', 'radio', t('Reason', 'Motivo'), [
    ['duplicate', 'Duplicate', 'Duplicado'],
    ['cancelled', 'Cancelled', 'Cancelado'],
    ['other', 'Other', 'Otro'],
  ]),
  {
    id: 'employees',
    type: 'number',
    label: t('Employees', 'Empleados'),
    required: true,
    integer: true,
    min: 0,
  },
  { id: 'paidOn', type: 'date', label: t('Paid on', 'Pagado el'), required: true },
  { id: 'note', type: 'text', label: t('Note', 'Nota'), required: false },
  choiceQuestion('extras', 'checkbox', t('Extras', 'Extras'), [
    ['a', 'A', 'A'],
    ['b', 'B', 'B'],
  ]),
  { id: 'proof', type: 'document', label: t('Proof', 'Prueba'), required: false },
];

const rule = (
  id: string,
  conditions: RuleCondition[],
  outcome: DecisionRule['outcome'],
): DecisionRule => ({
  id,
  label: id,
  conditions,
  outcome,
});

describe('evaluateRules', () => {
  const rules = [
    rule('risky', [{ on: 'risk_level', op: 'gte', value: 'medium' }], 'refer_senior'),
    rule(
      'small',
      [
        { on: 'amount', op: 'lte', value: 25_000 },
        { on: 'answer', questionId: 'reason', op: 'in', value: ['duplicate', 'cancelled'] },
      ],
      'approve',
    ),
    rule('returned', [{ on: 'returned_payments', op: 'gt', value: 0 }], 'refer'),
  ];

  it('takes the first rule whose conditions all hold, by position', () => {
    expect(evaluateRules(rules, base)).toMatchObject({ position: 2, rule: { id: 'small' } });
    expect(evaluateRules(rules, { ...base, riskLevel: 'high' })).toMatchObject({ position: 1 });
    expect(evaluateRules(rules, { ...base, riskLevel: 'low' })).toMatchObject({ position: 2 });
    expect(
      evaluateRules(rules, { ...base, amountCents: 25_001, returnedPayments: 1 }),
    ).toMatchObject({ position: 3 });
    expect(evaluateRules(rules, { ...base, amountCents: 25_001 })).toBeNull();
  });

  it('never matches a condition on a missing answer, and reads multi-choice answers as any/none chosen', () => {
    const onNote = [
      rule('n', [{ on: 'answer', questionId: 'note', op: 'ne', value: 'x' }], 'approve'),
    ];
    expect(evaluateRules(onNote, base)).toBeNull();
    expect(evaluateRules(onNote, { ...base, answers: { note: 'y' } })).not.toBeNull();
    const extras = (op: 'eq' | 'not_in', value: string | string[]) => [
      rule('e', [{ on: 'answer', questionId: 'extras', op, value } as RuleCondition], 'approve'),
    ];
    expect(evaluateRules(extras('eq', 'a'), base)).not.toBeNull();
    expect(evaluateRules(extras('not_in', ['a']), base)).toBeNull();
    expect(evaluateRules(extras('not_in', ['b']), base)).not.toBeNull();
  });

  it('compares dates and ordered risk levels', () => {
    const before = [
      rule('d', [{ on: 'answer', questionId: 'paidOn', op: 'lt', value: '2026-03-01' }], 'refer'),
    ];
    expect(evaluateRules(before, base)).not.toBeNull();
    expect(evaluateRules(before, { ...base, answers: { paidOn: '2026-03-01' } })).toBeNull();
  });

  it('an empty rule table leaves every request to a person; an empty condition list matches all', () => {
    expect(evaluateRules([], base)).toBeNull();
    expect(evaluateRules([rule('all', [], 'refer')], base)).toMatchObject({ position: 1 });
  });
});

describe('runTestCases', () => {
  it('reports each case with what it got and the rule that fired', () => {
    const rules = [rule('small', [{ on: 'amount', op: 'lt', value: 100 }], 'approve')];
    const results = runTestCases(rules, [
      { name: 'tiny', inputs: { ...base, amountCents: 99 }, expected: 'approve' },
      { name: 'big', inputs: base, expected: 'approve' },
      { name: 'big, person', inputs: base, expected: 'none' },
    ]);
    expect(results).toEqual([
      {
        index: 1,
        name: 'tiny',
        expected: 'approve',
        actual: 'approve',
        position: 1,
        ruleId: 'small',
        passed: true,
      },
      {
        index: 2,
        name: 'big',
        expected: 'approve',
        actual: 'none',
        position: null,
        ruleId: null,
        passed: false,
      },
      {
        index: 3,
        name: 'big, person',
        expected: 'none',
        actual: 'none',
        position: null,
        ruleId: null,
        passed: true,
      },
    ]);
  });
});

describe('schemas', () => {
  it('refuses a list for single ops and a single value for in/not_in, and duplicate rule ids', () => {
    expect(ruleConditionSchema.safeParse({ on: 'amount', op: 'in', value: 5 }).success).toBe(false);
    expect(ruleConditionSchema.safeParse({ on: 'amount', op: 'eq', value: [5] }).success).toBe(
      false,
    );
    expect(ruleConditionSchema.safeParse({ on: 'prenote', op: 'lt', value: 'none' }).success).toBe(
      false,
    );
    expect(ruleConditionSchema.safeParse({ on: 'eligible', op: 'eq', value: true }).success).toBe(
      true,
    );
    expect(
      decisionRulesSchema.safeParse([rule('a', [], 'approve'), rule('a', [], 'refer')]).success,
    ).toBe(false);
  });
});

describe('ruleProblems', () => {
  const kinds = (rules: DecisionRule[]) =>
    ruleProblems(rules, questions).map((p) => [p.kind, p.position, p.otherPosition]);

  it('flags conditions that cannot read the form as errors', () => {
    const problems = ruleProblems(
      [
        rule('a', [{ on: 'answer', questionId: 'nope', op: 'eq', value: 1 }], 'approve'),
        rule(
          'b',
          [{ on: 'answer', questionId: 'reason', op: 'gt', value: 'duplicate' }],
          'approve',
        ),
        rule('c', [{ on: 'answer', questionId: 'reason', op: 'eq', value: 'typo' }], 'approve'),
        rule('d', [{ on: 'answer', questionId: 'proof', op: 'eq', value: 'x' }], 'approve'),
        rule('e', [{ on: 'answer', questionId: 'paidOn', op: 'lt', value: 'March' }], 'approve'),
      ],
      questions,
    );
    expect(problems.map((p) => [p.kind, p.severity, p.position, p.conditionIndex])).toEqual([
      ['unknown_question', 'error', 1, 0],
      ['condition_unfit', 'error', 2, 0],
      ['condition_unfit', 'error', 3, 0],
      ['condition_unfit', 'error', 4, 0],
      ['condition_unfit', 'error', 5, 0],
    ]);
    expect(problems[0]!.message.es).toContain('nope');
  });

  it('flags contradictions, full shadowing and overlaps with another outcome', () => {
    expect(
      kinds([
        rule(
          'contradiction',
          [
            { on: 'amount', op: 'lt', value: 100 },
            { on: 'amount', op: 'gte', value: 100 },
          ],
          'approve',
        ),
        rule(
          'integers',
          [
            { on: 'amount', op: 'gt', value: 5 },
            { on: 'amount', op: 'lt', value: 6 },
          ],
          'approve',
        ),
        rule(
          'choices',
          [
            { on: 'answer', questionId: 'reason', op: 'eq', value: 'other' },
            { on: 'answer', questionId: 'reason', op: 'ne', value: 'other' },
          ],
          'approve',
        ),
        rule('risk', [{ on: 'risk_level', op: 'gt', value: 'high' }], 'approve'),
        rule('broad', [{ on: 'amount', op: 'lte', value: 50_000 }], 'approve'),
        rule(
          'narrow',
          [
            { on: 'amount', op: 'lte', value: 10_000 },
            { on: 'prenote', op: 'eq', value: 'proven' },
          ],
          'refer',
        ),
        rule('overlap', [{ on: 'amount', op: 'gte', value: 40_000 }], 'refer'),
        rule(
          'same outcome',
          [
            { on: 'amount', op: 'gte', value: 45_000 },
            { on: 'eligible', op: 'eq', value: true },
          ],
          'refer',
        ),
      ]),
    ).toEqual([
      ['never_matches', 1, null],
      ['never_matches', 2, null],
      ['never_matches', 3, null],
      ['never_matches', 4, null],
      ['shadowed', 6, 5],
      ['overlaps', 7, 5],
      ['overlaps', 8, 5],
    ]);
  });

  it('says nothing about rules that split the requests cleanly', () => {
    expect(
      kinds([
        rule('risky', [{ on: 'risk_level', op: 'in', value: ['medium', 'high'] }], 'refer_senior'),
        rule(
          'small',
          [
            { on: 'amount', op: 'lt', value: 10_000 },
            { on: 'risk_level', op: 'lte', value: 'low' },
          ],
          'approve',
        ),
        rule(
          'large',
          [
            { on: 'amount', op: 'gte', value: 10_000 },
            { on: 'risk_level', op: 'lte', value: 'low' },
          ],
          'refer',
        ),
      ]),
    ).toEqual([]);
  });

  it('treats multi-choice answers as unknown: only identical conditions shadow, any may overlap', () => {
    const c: RuleCondition = { on: 'answer', questionId: 'extras', op: 'in', value: ['a'] };
    expect(
      kinds([
        rule('a', [c], 'approve'),
        rule('b', [c, { on: 'amount', op: 'lt', value: 5 }], 'refer'),
      ]),
    ).toEqual([['shadowed', 2, 1]]);
    expect(
      kinds([rule('a', [c], 'approve'), rule('b', [{ ...c, value: ['b'] }], 'refer')]),
    ).toEqual([['overlaps', 2, 1]]);
  });
});

// Property-style: random rules over a small world, checked against brute-force evaluation of random inputs. What
// ruleProblems says must be true of every input: a rule flagged never-matching matches none; a shadowed rule never
// matches where its shadowing rule does not; and two rules it does not say overlap (with different outcomes) never
// both match.
describe('ruleProblems agrees with evaluation (random rules)', () => {
  let seed = 20260214;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const ops = ['eq', 'ne', 'lt', 'lte', 'gt', 'gte'] as const;
  const amounts = [0, 1, 5, 10, 20];

  function randomCondition(): RuleCondition {
    switch (pick(['amount', 'risk', 'prenote', 'reason', 'employees', 'list'] as const)) {
      case 'amount':
        return { on: 'amount', op: pick(ops), value: pick(amounts) };
      case 'risk':
        return { on: 'risk_level', op: pick(ops), value: pick(riskLevels) };
      case 'prenote':
        return {
          on: 'prenote',
          op: pick(['eq', 'ne'] as const),
          value: pick(accountPrenoteStates),
        };
      case 'reason':
        return {
          on: 'answer',
          questionId: 'reason',
          op: pick(['eq', 'ne'] as const),
          value: pick(['duplicate', 'cancelled', 'other']),
        };
      case 'employees':
        return { on: 'answer', questionId: 'employees', op: pick(ops), value: pick([0, 2, 3]) };
      case 'list':
        return {
          on: 'amount',
          op: pick(['in', 'not_in'] as const),
          value: [pick(amounts), pick(amounts)],
        };
    }
  }
  function randomInputs(): RuleInputs {
    return {
      ...base,
      amountCents: pick([0, 1, 2, 4, 5, 6, 9, 10, 11, 19, 20, 21, 100]),
      riskLevel: pick(riskLevels),
      prenote: pick(accountPrenoteStates),
      answers:
        random() < 0.15
          ? {}
          : { reason: pick(['duplicate', 'cancelled', 'other']), employees: pick([0, 1, 2, 3, 4]) },
    };
  }
  const samples = Array.from({ length: 400 }, randomInputs);
  // The answers are optional in the samples, so the exhaustive world includes "no answer" too.

  it('holds for 300 random rule tables', () => {
    for (let n = 0; n < 300; n++) {
      const rules = Array.from({ length: 1 + Math.floor(random() * 4) }, (_, i) =>
        rule(
          `r${i}`,
          Array.from({ length: Math.floor(random() * 3) }, randomCondition),
          pick(['approve', 'refer', 'refer_senior'] as const),
        ),
      );
      const problems = ruleProblems(rules, questions);
      expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
      const matches = (r: DecisionRule, x: RuleInputs) => evaluateRules([r], x) !== null;
      for (const p of problems) {
        const r = rules[p.position - 1]!;
        if (p.kind === 'never_matches')
          for (const x of samples) expect(matches(r, x), JSON.stringify({ r, x })).toBe(false);
        if (p.kind === 'shadowed') {
          const earlier = rules[p.otherPosition! - 1]!;
          for (const x of samples)
            if (matches(r, x))
              expect(matches(earlier, x), JSON.stringify({ r, earlier, x })).toBe(true);
        }
      }
      rules.forEach((r, i) => {
        for (let j = 0; j < i; j++) {
          const flagged = problems.some(
            (p) =>
              p.position === i + 1 &&
              (p.kind === 'never_matches' ||
                p.kind === 'shadowed' ||
                (p.kind === 'overlaps' && p.otherPosition === j + 1)),
          );
          if (flagged || rules[j]!.outcome === r.outcome) continue;
          if (problems.some((p) => p.position === j + 1 && p.kind === 'never_matches')) continue;
          for (const x of samples)
            expect(
              matches(r, x) && matches(rules[j]!, x),
              JSON.stringify({ r, other: rules[j], x }),
            ).toBe(false);
        }
      });
    }
  });
});
