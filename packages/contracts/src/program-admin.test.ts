import { describe, expect, it } from 'vitest';
import { permitFeeRefund, smallBusinessRelief } from './programs-seed.ts';
import {
  definitionToDraft,
  describeRule,
  draftToDefinition,
  programDraftSchema,
} from './program-admin.ts';
import { achEntryDescriptionSchema, programDefinitionSchema } from './programs.ts';
import {
  checkEligibility,
  eligibilityRuleSchema,
  evaluateRule,
  monthsBefore,
  type EligibilityRule,
} from './question-set.ts';

const reason = { en: 'Not met', es: 'No se cumple' };

describe('program drafts', () => {
  it('round-trips a seed definition through a draft', () => {
    const draft = definitionToDraft(smallBusinessRelief, 'BENEFIT');
    expect(programDraftSchema.parse(draft)).toEqual(draft);
    const def = programDefinitionSchema.parse(draftToDefinition(draft));
    expect(def).toEqual({ ...smallBusinessRelief, achEntryDescription: 'BENEFIT' });
  });

  it('accepts a draft with missing Spanish and no budget, names the fields it refuses', () => {
    const draft = definitionToDraft(permitFeeRefund, 'REFUND');
    const loose = { ...draft, name: { en: 'Refund', es: '' }, budgetCents: null };
    expect(programDraftSchema.safeParse(loose).success).toBe(true);
    const bad = programDraftSchema.safeParse({
      ...draft,
      name: { en: '', es: '' },
      achEntryDescription: 'refund!',
      amountQuestionId: 'nope',
      eligibilityRules: [{ ...draft.eligibilityRules[0], questionId: 'missing' }],
    });
    expect(bad.success).toBe(false);
    const paths = bad.error!.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(
      expect.arrayContaining([
        'name.en',
        'achEntryDescription',
        'amountQuestionId',
        'eligibilityRules.0.questionId',
      ]),
    );
  });

  it('checks the NACHA entry description', () => {
    expect(achEntryDescriptionSchema.safeParse('FEE REFUND').success).toBe(true);
    expect(achEntryDescriptionSchema.safeParse('TOO LONG DESC').success).toBe(false);
    expect(achEntryDescriptionSchema.safeParse(' LEADING').success).toBe(false);
    expect(achEntryDescriptionSchema.safeParse('lower').success).toBe(false);
    expect(achEntryDescriptionSchema.safeParse('REVERSAL').success).toBe(false);
  });
});

describe('readable eligibility rules', () => {
  const drop: EligibilityRule = eligibilityRuleSchema.parse({
    kind: 'percentDrop',
    beforeQuestionId: 'revenueBefore',
    afterQuestionId: 'revenueAfter',
    atLeastPercent: 20,
    reason,
  });
  const recent: EligibilityRule = eligibilityRuleSchema.parse({
    kind: 'withinLast',
    questionId: 'paidOn',
    months: 12,
    reason,
  });

  it('evaluates "at least N % drop" exactly at the boundary', () => {
    expect(evaluateRule(drop, { revenueBefore: 100_000, revenueAfter: 80_000 })).toBe('pass');
    expect(evaluateRule(drop, { revenueBefore: 100_000, revenueAfter: 80_001 })).toBe('fail');
    expect(evaluateRule(drop, { revenueBefore: 0, revenueAfter: 0 })).toBe('fail');
    expect(evaluateRule(drop, { revenueBefore: 100_000 })).toBe('fail');
  });

  it('evaluates "within the last N months" against the given today', () => {
    const today = '2026-11-25';
    expect(evaluateRule(recent, { paidOn: '2025-11-25' }, { today })).toBe('pass');
    expect(evaluateRule(recent, { paidOn: '2025-11-24' }, { today })).toBe('fail');
    expect(evaluateRule(recent, { paidOn: '2026-11-26' }, { today })).toBe('fail');
    expect(monthsBefore('2026-03-31', 1)).toBe('2026-02-28');
    expect(
      checkEligibility([drop, recent], { paidOn: '2020-01-01' }, 'es', { today }).reasons,
    ).toEqual(['No se cumple']);
  });

  it('keeps rules written without a kind working', () => {
    const old = eligibilityRuleSchema.parse({ questionId: 'n', op: 'lt', value: 50, reason });
    expect(evaluateRule(old, { n: 49 })).toBe('pass');
    expect(
      eligibilityRuleSchema.safeParse({ questionId: 'n', op: 'lt', value: [1], reason }).success,
    ).toBe(false);
  });

  it('writes rules in words with the question labels', () => {
    const questionSet = {
      steps: [
        {
          id: 's',
          title: { en: 'S', es: 'S' },
          questions: [
            {
              id: 'revenueBefore',
              type: 'money' as const,
              label: { en: 'Revenue 2024', es: 'Ingresos 2024' },
              required: true,
            },
            {
              id: 'revenueAfter',
              type: 'money' as const,
              label: { en: 'Revenue 2025', es: 'Ingresos 2025' },
              required: true,
            },
          ],
        },
      ],
    };
    expect(describeRule(drop, questionSet, 'en')).toBe(
      '“Revenue 2025” is at least 20 % lower than “Revenue 2024”',
    );
    const money = eligibilityRuleSchema.parse({
      questionId: 'revenueBefore',
      op: 'gte',
      value: 150000,
      reason,
    });
    expect(describeRule(money, questionSet, 'en')).toBe('“Revenue 2024” is at least $1,500.00');
  });
});

describe('draft question sets', () => {
  it('saves blank Spanish in questions but refuses a condition on a later question', () => {
    const draft = definitionToDraft(permitFeeRefund, 'REFUND');
    const q0 = draft.questionSet.steps[0]!.questions[0]!;
    const blankSpanish = structuredClone(draft);
    blankSpanish.questionSet.steps[0]!.questions[0] = { ...q0, label: { en: q0.label.en, es: '' } };
    expect(programDraftSchema.safeParse(blankSpanish).success).toBe(true);
    const later = structuredClone(draft);
    later.questionSet.steps[0]!.questions[0] = {
      ...q0,
      showIf: { questionId: draft.amountQuestionId, equals: 1 },
    };
    const res = programDraftSchema.safeParse(later);
    expect(res.success).toBe(false);
    expect(res.error!.issues[0]!.path.join('.')).toBe('questionSet.steps.0.questions.0.showIf');
  });
});
