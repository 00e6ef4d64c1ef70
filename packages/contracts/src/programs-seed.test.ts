import { describe, expect, it } from 'vitest';
import {
  homeEnergyRebate,
  permitFeeRefund,
  seedPrograms,
  smallBusinessRelief,
} from './programs-seed.ts';
import { isProgramOpen, programDefinitionSchema, type ProgramDefinition } from './programs.ts';
import { allQuestions, buildAnswersSchema, checkEligibility } from './question-set.ts';
import type { Language } from './language.ts';

const TODAY = '2026-11-25';
const DOC = '0190c1a2-7b3e-7c3d-8f3a-1b2c3d4e5f60';

/** What a person would type into each program's form. */
const COMPLETE_ANSWERS: Record<string, Record<string, unknown>> = {
  'home-energy-rebate': {
    householdSize: '4',
    householdIncome: '68,500',
    homeAddress: '1200 Pennsylvania Ave NW, Apt 4',
    homeZip: '20004',
    ownership: 'rent',
    landlordPermission: 'yes',
    upgradeType: 'heat_pump',
    installationDate: '10/14/2026',
    contractorName: 'Capitol Heating & Air',
    upgradeCost: '5,480.00',
    requestedAmount: '2,000',
    receipts: [DOC],
    contactEmail: 'maria.lopez@example.com',
    contactPhone: '202-555-0143',
  },
  'small-business-relief': {
    legalName: 'Rosa’s Bakery LLC',
    ein: '52-1234567',
    businessType: 'llc',
    dateEstablished: '2015-06-01',
    employees: '12',
    revenueLastYear: '480,000',
    revenueLossPercent: '35',
    impactDescription:
      'Road works closed the street in front of the bakery for seven months and foot traffic collapsed.',
    useOfFunds: ['payroll', 'rent'],
    requestedAmount: '18,500.00',
    taxReturn: [DOC],
    contactName: 'Rosa Martínez',
    contactEmail: 'rosa@rosasbakery.example',
    contactPhone: '(301) 555-0199',
    certification: true,
  },
  'permit-fee-refund': {
    permitNumber: 'BP-2026-01234',
    datePaid: '2026-03-02',
    amountPaid: '450.00',
    refundReason: 'project_cancelled',
    workStarted: 'no',
    cancellationLetter: [DOC],
    applicantName: 'James Carter',
    contactEmail: 'jcarter@example.com',
  },
};

function schemaFor(program: ProgramDefinition, language: Language) {
  return buildAnswersSchema(program.questionSet, { language, today: TODAY });
}

/** The eligibility of answers as typed: read by the program's form, then checked against its rules. */
function eligibilityOf(
  program: ProgramDefinition,
  language: Language,
  typed: Record<string, unknown>,
) {
  const answers = schemaFor(program, language).parse(typed);
  return checkEligibility(program.eligibilityRules, answers, language);
}

function errorMap(
  program: ProgramDefinition,
  language: Language,
  answers: Record<string, unknown>,
) {
  const result = schemaFor(program, language).safeParse(answers);
  return result.success
    ? {}
    : Object.fromEntries(result.error.issues.map((i) => [String(i.path[0]), i.message]));
}

describe('seed programs', () => {
  it('are three programs with distinct slugs', () => {
    expect(seedPrograms.map((p) => p.slug)).toEqual([
      'home-energy-rebate',
      'small-business-relief',
      'permit-fee-refund',
    ]);
  });

  it.each(seedPrograms.map((p) => [p.slug, p] as const))(
    '%s is a valid program definition',
    (_slug, program) => {
      const result = programDefinitionSchema.safeParse(program);
      expect(result.error?.issues ?? []).toEqual([]);
    },
  );

  it('have the amounts, payment methods and dates the programs were agreed with', () => {
    expect(homeEnergyRebate).toMatchObject({
      secCode: 'PPD',
      payeeType: 'individual',
      maxAmountCents: 200_000,
    });
    expect(smallBusinessRelief).toMatchObject({
      secCode: 'CCD',
      payeeType: 'business',
      maxAmountCents: 2_500_000,
      approvalThresholdCents: 1_000_000,
    });
    expect(permitFeeRefund).toMatchObject({ secCode: 'PPD', maxAmountCents: 150_000 });
    for (const program of seedPrograms) {
      expect(program).toMatchObject({ opensAt: '2026-01-01', closesAt: '2027-12-31' });
      expect(isProgramOpen(program, TODAY)).toBe(true);
      expect(isProgramOpen(program, '2027-12-31')).toBe(true);
      expect(isProgramOpen(program, '2028-01-01')).toBe(false);
      expect(isProgramOpen(program, '2025-12-31')).toBe(false);
    }
  });

  it('say everything in both languages, and differently (no untranslated copies)', () => {
    for (const program of seedPrograms) {
      for (const text of [program.name, program.description, program.eligibilitySummary])
        expect(text.es).not.toBe(text.en);
      for (const question of allQuestions(program.questionSet)) {
        // "EIN" and "No" are legitimately the same in both languages; labels are not.
        expect(question.label.es, question.id).not.toBe(question.label.en);
        expect(question.errorName, question.id).toBeDefined();
      }
    }
  });
});

describe.each(seedPrograms.map((p) => [p.slug, p] as const))('%s answers', (slug, program) => {
  const complete = COMPLETE_ANSWERS[slug]!;

  it('accepts a realistic complete answer set, with the amount in cents', () => {
    for (const language of ['en', 'es'] as const) {
      const result = schemaFor(program, language).safeParse(complete);
      expect(result.error?.issues ?? []).toEqual([]);
      const answers = result.data!;
      expect(Number.isSafeInteger(answers[program.amountQuestionId])).toBe(true);
      expect(schemaFor(program, language).parse(answers)).toEqual(answers);
      expect(checkEligibility(program.eligibilityRules, answers, language)).toEqual({
        eligible: true,
        reasons: [],
      });
    }
  });

  it('validates each step on its own', () => {
    for (const step of program.questionSet.steps) {
      const schema = buildAnswersSchema(program.questionSet, {
        language: 'en',
        step: step.id,
        today: TODAY,
      });
      expect(schema.safeParse(complete).success).toBe(true);
      const issues = schema.safeParse({}).error?.issues ?? [];
      const stepIds = new Set(step.questions.map((q) => q.id));
      expect(issues.every((issue) => stepIds.has(String(issue.path[0])))).toBe(true);
    }
  });

  it('refuses an empty form naming every required field, in English and Spanish', () => {
    for (const language of ['en', 'es'] as const) {
      const errors = errorMap(program, language, {});
      const required = allQuestions(program.questionSet).filter((q) => q.required && !q.showIf);
      expect(Object.keys(errors).sort()).toEqual(required.map((q) => q.id).sort());
      for (const question of required)
        expect(errors[question.id]).toContain(question.errorName![language]);
    }
  });

  it('refuses an amount above the program maximum', () => {
    const tooMuch = { ...complete, [program.amountQuestionId]: program.maxAmountCents + 1 };
    const en = errorMap(program, 'en', tooMuch)[program.amountQuestionId];
    const es = errorMap(program, 'es', tooMuch)[program.amountQuestionId];
    expect(en).toMatch(/ must be \$[\d,]+\.00 or less$/);
    expect(es).toMatch(/ debe ser .*[\d,]+\.00.* o menos$/);
  });
});

describe('program-specific rules', () => {
  it('home energy rebate: asks renters about permission and refuses high incomes', () => {
    const answers = COMPLETE_ANSWERS['home-energy-rebate']!;
    expect(errorMap(homeEnergyRebate, 'en', { ...answers, landlordPermission: undefined })).toEqual(
      {
        landlordPermission: 'Select whether your landlord gave permission',
      },
    );
    const owner = schemaFor(homeEnergyRebate, 'en').parse({
      ...answers,
      ownership: 'own',
      landlordPermission: undefined,
    });
    expect(owner).not.toHaveProperty('landlordPermission');
    expect(checkEligibility(homeEnergyRebate.eligibilityRules, owner, 'en').eligible).toBe(true);

    const refused = { ...answers, householdIncome: '120,000.01', landlordPermission: 'no' };
    expect(eligibilityOf(homeEnergyRebate, 'es', refused)).toEqual({
      eligible: false,
      reasons: [
        'El ingreso de su hogar debe ser de $120,000 al año o menos.',
        'Si alquila, necesita el permiso por escrito del propietario para hacer la mejora.',
      ],
    });
    expect(
      errorMap(homeEnergyRebate, 'en', { ...answers, installationDate: '2025-12-31' }),
    ).toEqual({
      installationDate: 'The installation date must be the same as or after January 1, 2026',
    });
    expect(errorMap(homeEnergyRebate, 'es', { ...answers, receipts: [] })).toEqual({
      receipts: 'Suba su recibo o factura',
    });
  });

  it('small business grant: checks the EIN format and the size and loss rules', () => {
    const answers = COMPLETE_ANSWERS['small-business-relief']!;
    expect(errorMap(smallBusinessRelief, 'en', { ...answers, ein: '521234567' })).toEqual({
      ein: 'Enter the EIN in the correct format, like 12-3456789',
    });
    expect(errorMap(smallBusinessRelief, 'es', { ...answers, ein: '52-123456' })).toEqual({
      ein: 'Escriba el EIN en el formato correcto, como 12-3456789',
    });
    expect(errorMap(smallBusinessRelief, 'en', { ...answers, certification: false })).toEqual({
      certification: 'Confirm that the information you have given is true and complete',
    });
    expect(
      errorMap(smallBusinessRelief, 'en', { ...answers, impactDescription: 'Bad year.' }),
    ).toEqual({
      impactDescription: 'How the business was affected must be 50 characters or more',
    });
    const big = { ...answers, employees: '50', revenueLossPercent: '19.5' };
    expect(eligibilityOf(smallBusinessRelief, 'en', big)).toEqual({
      eligible: false,
      reasons: [
        'The business must have fewer than 50 employees.',
        'The business must have lost 20% or more of its revenue.',
      ],
    });
    const edge = { ...answers, employees: '49', revenueLossPercent: '20' };
    expect(eligibilityOf(smallBusinessRelief, 'en', edge).eligible).toBe(true);
  });

  it('permit fee refund: checks the permit number and asks about started work only when relevant', () => {
    const answers = COMPLETE_ANSWERS['permit-fee-refund']!;
    expect(errorMap(permitFeeRefund, 'en', { ...answers, permitNumber: '2026-01234' })).toEqual({
      permitNumber: 'Enter the permit number as it appears on your receipt, like BP-2026-01234',
    });
    const duplicate = { ...answers, refundReason: 'duplicate', workStarted: undefined };
    expect(errorMap(permitFeeRefund, 'es', duplicate)).toEqual({
      reasonDetails: 'Escriba qué pasó',
    });
    const parsed = schemaFor(permitFeeRefund, 'en').parse({
      ...duplicate,
      reasonDetails: 'Paid on 3/2 and again on 3/3.',
      cancellationLetter: [],
    });
    expect(parsed).not.toHaveProperty('workStarted');
    expect(parsed).not.toHaveProperty('cancellationLetter');
    expect(checkEligibility(permitFeeRefund.eligibilityRules, parsed, 'en').eligible).toBe(true);

    const started = { ...answers, workStarted: 'yes' };
    expect(eligibilityOf(permitFeeRefund, 'en', started).eligible).toBe(false);
  });
});

describe('programDefinitionSchema refuses incoherent programs', () => {
  const messages = (program: unknown) => {
    const result = programDefinitionSchema.safeParse(program);
    return result.success ? [] : result.error.issues.map((i) => i.message);
  };

  it('a business paid by PPD, or a maximum above the budget, or closing before opening', () => {
    expect(messages({ ...smallBusinessRelief, secCode: 'PPD' })).toEqual([
      'business payees are paid with CCD entries',
    ]);
    expect(messages({ ...permitFeeRefund, budgetCents: 100 })).toEqual([
      'maxAmountCents is more than the budget',
    ]);
    expect(messages({ ...permitFeeRefund, closesAt: '2025-12-31' })).toEqual([
      'closesAt is before opensAt',
    ]);
    expect(messages({ ...permitFeeRefund, opensAt: '2026-02-30' }).length).toBeGreaterThan(0);
  });

  it('an amount question that is missing, not money, or allows more than the program pays', () => {
    expect(messages({ ...permitFeeRefund, amountQuestionId: 'permitNumber' })).toEqual([
      'amountQuestionId must name a required, always shown money question',
    ]);
    expect(messages({ ...permitFeeRefund, maxAmountCents: 100_000 })).toEqual([
      'the amount question needs a max no higher than maxAmountCents',
    ]);
  });

  it('eligibility rules about unknown questions or impossible answers', () => {
    const rule = smallBusinessRelief.eligibilityRules[0]!;
    expect(
      messages({ ...smallBusinessRelief, eligibilityRules: [{ ...rule, questionId: 'staff' }] }),
    ).toEqual(['no question staff']);
    expect(
      messages({
        ...smallBusinessRelief,
        eligibilityRules: [{ ...rule, value: 'fifty', op: 'eq' }],
      }),
    ).toEqual(['employees answers are numbers']);
    const renterRule = homeEnergyRebate.eligibilityRules[1]!;
    expect(
      messages({
        ...homeEnergyRebate,
        eligibilityRules: [
          { ...renterRule, appliesIf: { questionId: 'ownership', equals: 'renter' } },
        ],
      }),
    ).toEqual(['values ["renter"] are not options of ownership']);
  });
});
