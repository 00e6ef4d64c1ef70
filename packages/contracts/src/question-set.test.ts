import { describe, expect, it } from 'vitest';
import {
  buildAnswersSchema,
  checkEligibility,
  eligibilityRuleSchema,
  prefillAnswers,
  questionSchema,
  questionSetSchema,
  visibleQuestions,
  type EligibilityRule,
  type Question,
  type QuestionSet,
} from './question-set.ts';
import { choiceQuestion, t, YES_NO } from './question-set.test-helper.ts';

const DOC_1 = '0190c1a2-7b3e-7c3d-8f3a-1b2c3d4e5f60';
const DOC_2 = '0190c1a2-7b3e-7c3d-8f3a-1b2c3d4e5f61';
const TODAY = '2026-11-25';

/** One question of every type, with conditions, over two steps. */
const SET: QuestionSet = questionSetSchema.parse({
  steps: [
    {
      id: 'about',
      title: t('About you', 'Sobre usted'),
      questions: [
        {
          id: 'fullName',
          type: 'text',
          label: t('Full name', 'Nombre completo'),
          errorName: t('your full name', 'su nombre completo'),
          required: true,
          minLength: 2,
          maxLength: 20,
        },
        { id: 'story', type: 'textarea', label: t('Your story', 'Su historia'), required: false },
        {
          id: 'code',
          type: 'text',
          label: t('EIN', 'EIN'),
          required: false,
          pattern: {
            regex: '^\\d{2}-\\d{7}$',
            message: t('Enter the EIN like 12-3456789', 'Escriba el EIN como 12-3456789'),
          },
        },
        {
          id: 'household',
          type: 'number',
          label: t('People', 'Personas'),
          errorName: t('the number of people', 'el número de personas'),
          required: true,
          integer: true,
          min: 1,
          max: 20,
        },
        {
          id: 'percent',
          type: 'number',
          label: t('Percent', 'Porcentaje'),
          required: false,
          min: 0,
          max: 100,
        },
        {
          id: 'income',
          type: 'money',
          label: t('Household income', 'Ingreso del hogar'),
          errorName: t('your household income', 'el ingreso de su hogar'),
          required: true,
          max: 200_000,
        },
        {
          id: 'email',
          type: 'email',
          label: t('Email', 'Correo'),
          errorName: t('your email address', 'su correo electrónico'),
          required: true,
        },
        {
          id: 'phone',
          type: 'phone',
          label: t('Phone', 'Teléfono'),
          errorName: t('your phone number', 'su número de teléfono'),
          required: false,
        },
      ],
    },
    {
      id: 'details',
      title: t('Details', 'Detalles'),
      questions: [
        {
          id: 'installed',
          type: 'date',
          label: t('Installation date', 'Fecha de instalación'),
          errorName: t('the installation date', 'la fecha de instalación'),
          required: true,
          minDate: '2026-01-01',
          maxDate: 'today',
        },
        choiceQuestion(
          'kind',
          'select',
          t('Upgrade', 'Mejora'),
          [
            ['heat_pump', 'Heat pump', 'Bomba de calor'],
            ['windows', 'Windows', 'Ventanas'],
          ],
          { errorName: t('the type of upgrade', 'el tipo de mejora') },
        ),
        choiceQuestion(
          'tenure',
          'radio',
          t('Own or rent', 'Dueño o alquiler'),
          [
            ['own', 'Own', 'Dueño'],
            ['rent', 'Rent', 'Alquilo'],
          ],
          { errorName: t('whether you own or rent', 'si es dueño o alquila') },
        ),
        choiceQuestion(
          'landlord',
          'radio',
          t('Landlord permission', 'Permiso del propietario'),
          YES_NO,
          {
            errorName: t('whether your landlord agreed', 'si el propietario aceptó'),
            showIf: { questionId: 'tenure', equals: 'rent' },
          },
        ),
        {
          id: 'landlordLetter',
          type: 'document',
          label: t('Landlord letter', 'Carta del propietario'),
          errorName: t('the landlord letter', 'la carta del propietario'),
          required: true,
          showIf: { questionId: 'landlord', equals: 'yes' },
          accept: ['application/pdf'],
        },
        choiceQuestion(
          'uses',
          'checkbox',
          t('Uses', 'Usos'),
          [
            ['payroll', 'Payroll', 'Nómina'],
            ['rent', 'Rent', 'Alquiler'],
            ['stock', 'Stock', 'Inventario'],
          ],
          { errorName: t('what you will use it for', 'para qué lo usará') },
        ),
        {
          id: 'bigIncomeNote',
          type: 'textarea',
          label: t('Explain your income', 'Explique su ingreso'),
          errorName: t('why your income is high', 'por qué su ingreso es alto'),
          required: true,
          showIf: { questionId: 'income', in: [200_000] },
        },
        {
          id: 'receipts',
          type: 'document',
          label: t('Receipts', 'Recibos'),
          errorName: t('your receipts', 'sus recibos'),
          required: true,
          maxFiles: 2,
        },
        {
          id: 'agree',
          type: 'checkbox',
          label: t('I agree', 'Acepto'),
          errorName: t('that the information is true', 'que la información es verdadera'),
          required: true,
        },
      ],
    },
  ],
});

const VALID_FORM = {
  fullName: '  Ana Díaz ',
  story: '',
  household: '3',
  income: '1,234.56',
  email: 'ana@example.com',
  phone: '(202) 555-0123',
  installed: '3/27/2026',
  kind: 'heat_pump',
  tenure: 'rent',
  landlord: 'yes',
  landlordLetter: [DOC_1],
  uses: ['stock', 'payroll'],
  receipts: [DOC_1, DOC_2.toUpperCase()],
  agree: true,
};

const EXPECTED_OUTPUT = {
  fullName: 'Ana Díaz',
  household: 3,
  income: 123_456,
  email: 'ana@example.com',
  phone: '+12025550123',
  installed: '2026-03-27',
  kind: 'heat_pump',
  tenure: 'rent',
  landlord: 'yes',
  landlordLetter: [DOC_1],
  uses: ['payroll', 'stock'],
  receipts: [DOC_1, DOC_2],
  agree: true,
};

const en = buildAnswersSchema(SET, { language: 'en', today: TODAY });
const es = buildAnswersSchema(SET, { language: 'es', today: TODAY });

/** field → message, asserting there is one issue per field. */
function errors(schema: typeof en, input: Record<string, unknown>): Record<string, string> {
  const result = schema.safeParse(input);
  if (result.success) return {};
  const out: Record<string, string> = {};
  for (const issue of result.error.issues) {
    expect(issue.path).toHaveLength(1);
    const field = String(issue.path[0]);
    expect(Object.hasOwn(out, field), `two issues for ${field}`).toBe(false);
    out[field] = issue.message;
  }
  return out;
}

/** Each case: the valid form with one answer changed, read in that language; the one message it gets, on that field. */
function expectMessages(cases: ReadonlyArray<[typeof en, string, unknown, string]>) {
  for (const [schema, field, value, message] of cases)
    expect(errors(schema, { ...VALID_FORM, [field]: value }), `${field}: ${String(value)}`).toEqual(
      {
        [field]: message,
      },
    );
}

describe('buildAnswersSchema: a complete answer set', () => {
  it('accepts what a person types and outputs stored values', () => {
    expect(en.parse(VALID_FORM)).toEqual(EXPECTED_OUTPUT);
  });

  it('accepts its own output unchanged (the API re-validates what the form sends)', () => {
    const once = en.parse(VALID_FORM);
    expect(en.parse(once)).toEqual(once);
    expect(es.parse(once)).toEqual(once);
  });

  it('drops unknown keys and answers to hidden questions', () => {
    const output = en.parse({ ...VALID_FORM, tenure: 'own', somethingElse: 'x', __proto__x: 1 });
    expect(output).not.toHaveProperty('somethingElse');
    expect(output).not.toHaveProperty('landlord');
    expect(output).not.toHaveProperty('landlordLetter');
    expect(output.tenure).toBe('own');
  });

  it('refuses something that is not an object', () => {
    expect(en.safeParse(null).success).toBe(false);
    expect(en.safeParse('answers').success).toBe(false);
  });
});

describe('buildAnswersSchema: messages name the field, in English and Spanish', () => {
  it('asks for every missing required answer in the right words', () => {
    expect(errors(en, {})).toEqual({
      fullName: 'Enter your full name',
      household: 'Enter the number of people',
      income: 'Enter your household income',
      email: 'Enter your email address',
      installed: 'Enter the installation date',
      kind: 'Select the type of upgrade',
      tenure: 'Select whether you own or rent',
      uses: 'Select what you will use it for',
      receipts: 'Upload your receipts',
      agree: 'Confirm that the information is true',
    });
    expect(errors(es, {})).toEqual({
      fullName: 'Escriba su nombre completo',
      household: 'Escriba el número de personas',
      income: 'Escriba el ingreso de su hogar',
      email: 'Escriba su correo electrónico',
      installed: 'Escriba la fecha de instalación',
      kind: 'Seleccione el tipo de mejora',
      tenure: 'Seleccione si es dueño o alquila',
      uses: 'Seleccione para qué lo usará',
      receipts: 'Suba sus recibos',
      agree: 'Confirme que la información es verdadera',
    });
  });

  it('treats blank strings, NaN, empty arrays and unticked boxes as missing', () => {
    const blank = {
      ...VALID_FORM,
      fullName: '   ',
      household: Number.NaN,
      receipts: [],
      agree: false,
      uses: false,
    };
    expect(errors(en, blank)).toEqual({
      fullName: 'Enter your full name',
      household: 'Enter the number of people',
      receipts: 'Upload your receipts',
      agree: 'Confirm that the information is true',
      uses: 'Select what you will use it for',
    });
  });

  it('checks text length and patterns', () => {
    expectMessages([
      [en, 'fullName', 'A', 'Your full name must be 2 characters or more'],
      [en, 'fullName', 'A'.repeat(21), 'Your full name must be 20 characters or fewer'],
      [es, 'fullName', 'A'.repeat(21), 'Su nombre completo debe tener 20 caracteres o menos'],
      [en, 'code', '123456789', 'Enter the EIN like 12-3456789'],
      [es, 'code', '123456789', 'Escriba el EIN como 12-3456789'],
    ]);
    expect(en.parse({ ...VALID_FORM, code: ' 12-3456789 ' }).code).toBe('12-3456789');
  });

  it('caps free text even without a maxLength, and names a label-only question from its label', () => {
    // "Your story" has no errorName: the label, lower-cased mid-sentence, names it.
    expectMessages([
      [en, 'story', 'x'.repeat(5001), 'Your story must be 5,000 characters or fewer'],
      [en, 'percent', 'lots', 'Percent must be a number'],
      [en, 'code', 'x', 'Enter the EIN like 12-3456789'],
    ]);
  });

  it('checks numbers', () => {
    expectMessages([
      [en, 'household', 'three', 'The number of people must be a number'],
      [en, 'household', 2.5, 'The number of people must be a whole number'],
      [en, 'household', '0', 'The number of people must be 1 or more'],
      [es, 'household', 21, 'El número de personas debe ser 20 o menos'],
      [en, 'percent', Number.POSITIVE_INFINITY, 'Percent must be a number'],
    ]);
    expect(en.parse({ ...VALID_FORM, percent: '12.5' }).percent).toBe(12.5);
    expect(en.parse({ ...VALID_FORM, percent: 0 }).percent).toBe(0);
  });

  it('turns money into integer cents and refuses bad amounts', () => {
    expect(en.parse({ ...VALID_FORM, income: '$1,999' }).income).toBe(199_900);
    expect(en.parse({ ...VALID_FORM, income: 150 }).income).toBe(150); // a number is already cents
    expectMessages([
      [
        en,
        'income',
        '12.345',
        'Enter your household income in dollars and cents, like 600 or 120.50',
      ],
      [en, 'income', '-5', 'Enter your household income in dollars and cents, like 600 or 120.50'],
      [
        es,
        'income',
        'mucho',
        'Escriba el ingreso de su hogar en dólares y centavos, como 600 o 120.50',
      ],
      [en, 'income', 12.5, 'Enter your household income in dollars and cents, like 600 or 120.50'],
      [en, 'income', '2,000.01', 'Your household income must be $2,000.00 or less'],
    ]);
    expect(errors(es, { ...VALID_FORM, income: '2,000.01' }).income).toMatch(
      /^El ingreso de su hogar debe ser .*2,000\.00.* o menos$/,
    );
  });

  it('checks dates, including "today" bounds', () => {
    expect(en.parse({ ...VALID_FORM, installed: '2026-11-25' }).installed).toBe('2026-11-25');
    expectMessages([
      [en, 'installed', '2026-02-30', 'The installation date must be a real date'],
      [en, 'installed', '13/01/2026', 'The installation date must be a real date'],
      [en, 'installed', '2026-11-26', 'The installation date must be today or in the past'],
      [es, 'installed', '2026-11-26', 'La fecha de instalación debe ser hoy o una fecha pasada'],
      [
        en,
        'installed',
        '2025-12-31',
        'The installation date must be the same as or after January 1, 2026',
      ],
      [
        es,
        'installed',
        '2025-12-31',
        'La fecha de instalación debe ser igual o posterior al 1 de enero de 2026',
      ],
    ]);
  });

  it('reads "today" at validation time when no date is given', () => {
    const live = buildAnswersSchema(SET, { language: 'en' });
    expect(errors(live, { ...VALID_FORM, installed: '2999-01-01' })).toEqual({
      installed: 'The installation date must be today or in the past',
    });
  });

  it('checks choices', () => {
    expectMessages([
      [en, 'kind', 'solar', 'Select the type of upgrade'],
      [en, 'uses', ['payroll', 'yacht'], 'Select what you will use it for'],
      [en, 'agree', 'yes', 'Confirm that the information is true'],
    ]);
    expect(en.parse({ ...VALID_FORM, uses: 'rent' }).uses).toEqual(['rent']);
  });

  it('checks emails and phone numbers', () => {
    expectMessages([
      [
        en,
        'email',
        'ana@',
        'Enter your email address in the correct format, like name@example.com',
      ],
      [
        es,
        'email',
        'ana',
        'Escriba su correo electrónico en el formato correcto, como nombre@ejemplo.com',
      ],
      [en, 'phone', '555-0123', 'Enter your phone number in the correct format, like 202 555 0123'],
      [
        en,
        'phone',
        '102 555 0123',
        'Enter your phone number in the correct format, like 202 555 0123',
      ],
      [en, 'phone', 'call me', 'Enter your phone number in the correct format, like 202 555 0123'],
    ]);
    expect(en.parse({ ...VALID_FORM, phone: '+1 202 555 0123' }).phone).toBe('+12025550123');
    expect(en.parse({ ...VALID_FORM, phone: '202.555.0123' }).phone).toBe('+12025550123');
  });

  it('checks document ids and counts', () => {
    expectMessages([
      [en, 'receipts', ['not-a-uuid'], 'Upload your receipts again'],
      [en, 'receipts', DOC_1, 'Upload your receipts again'],
      [
        en,
        'receipts',
        [DOC_1, DOC_2, '0190c1a2-7b3e-7c3d-8f3a-1b2c3d4e5f62'],
        'Upload no more than 2 files for your receipts',
      ],
    ]);
    expect(en.parse({ ...VALID_FORM, receipts: [DOC_1, DOC_1] }).receipts).toEqual([DOC_1]);
  });
});

describe('buildAnswersSchema: conditional questions', () => {
  it('requires a question only while its condition holds', () => {
    expect(errors(en, { ...VALID_FORM, landlord: undefined })).toEqual({
      landlord: 'Select whether your landlord agreed',
    });
    expect(
      errors(en, { ...VALID_FORM, tenure: 'own', landlord: undefined, landlordLetter: undefined }),
    ).toEqual({});
  });

  it('hides a chain when an earlier link is hidden, even if later answers would match', () => {
    // The owner's stale "landlord: yes" must not make the landlord letter required.
    const output = en.parse({
      ...VALID_FORM,
      tenure: 'own',
      landlord: 'yes',
      landlordLetter: undefined,
    });
    expect(output).not.toHaveProperty('landlordLetter');
  });

  it('evaluates conditions on validated values (money typed as dollars compares as cents)', () => {
    expect(errors(en, { ...VALID_FORM, income: '2,000.00' })).toEqual({
      bigIncomeNote: 'Enter why your income is high',
    });
    expect(errors(en, { ...VALID_FORM, income: 200_000 })).toEqual({
      bigIncomeNote: 'Enter why your income is high',
    });
    expect(errors(en, { ...VALID_FORM, income: '1,999.99' })).toEqual({});
  });

  it('visibleQuestions lists what a person is asked', () => {
    const ids = (answers: Record<string, unknown>) =>
      visibleQuestions(SET, answers).map((q) => q.id);
    expect(ids({})).not.toContain('landlord');
    expect(ids({ tenure: 'rent' })).toContain('landlord');
    expect(ids({ tenure: 'rent' })).not.toContain('landlordLetter');
    expect(ids({ tenure: 'rent', landlord: 'yes' })).toContain('landlordLetter');
    expect(ids({ tenure: 'own', landlord: 'yes' })).not.toContain('landlordLetter');
    expect(ids({ income: '$2,000' })).toContain('bigIncomeNote');
    expect(ids({})).toHaveLength(14);
  });
});

describe('answers named like Object.prototype members', () => {
  it('reads an unanswered "constructor" question as missing, not as an inherited function', () => {
    const set = questionSetSchema.parse({
      steps: [
        {
          id: 's',
          title: t('S', 'S'),
          questions: [
            {
              id: 'constructor',
              type: 'text',
              label: t('Builder', 'Constructor'),
              required: false,
            },
            { id: 'toString', type: 'number', label: t('Count', 'Cantidad'), required: true },
          ],
        },
      ],
    });
    const schema = buildAnswersSchema(set, { language: 'en' });
    expect(errors(schema, {})).toEqual({ toString: 'Enter count' });
    expect(schema.parse({ toString: '2' })).toEqual({ toString: 2 });
    const rule = eligibilityRuleSchema.parse({
      questionId: 'toString',
      op: 'gte',
      value: 1,
      reason: t('No', 'No'),
    });
    expect(checkEligibility([rule], {}, 'en')).toEqual({ eligible: false, reasons: ['No'] });
  });
});

describe('buildAnswersSchema: one step', () => {
  const about = buildAnswersSchema(SET, { language: 'en', step: 'about', today: TODAY });
  const details = buildAnswersSchema(SET, { language: 'es', step: 'details', today: TODAY });

  it('validates and outputs only that step', () => {
    expect(Object.keys(errors(about, {})).sort()).toEqual([
      'email',
      'fullName',
      'household',
      'income',
    ]);
    expect(about.parse(VALID_FORM)).toEqual({
      fullName: 'Ana Díaz',
      household: 3,
      income: 123_456,
      email: 'ana@example.com',
      phone: '+12025550123',
    });
  });

  it('still reads other steps to decide what is shown', () => {
    // bigIncomeNote (details) depends on income (about).
    expect(errors(details, { ...VALID_FORM, income: '2,000' })).toEqual({
      bigIncomeNote: 'Escriba por qué su ingreso es alto',
    });
    expect(errors(details, { ...VALID_FORM, fullName: '' })).toEqual({});
  });

  it('refuses an unknown step', () => {
    expect(() => buildAnswersSchema(SET, { language: 'en', step: 'nope' })).toThrow(/No step nope/);
  });
});

describe('questionSchema / questionSetSchema', () => {
  const base: Question = { id: 'q', type: 'text', label: t('Q', 'P'), required: true };
  const issues = (value: unknown) => {
    const result = questionSchema.safeParse(value);
    return result.success ? [] : result.error.issues.map((i) => i.message);
  };

  it('accepts a well-formed question', () => {
    expect(issues(base)).toEqual([]);
  });

  it('refuses settings that do not fit the type or each other', () => {
    expect(issues({ ...base, min: 1 })).toContain('min applies to number and money questions only');
    expect(issues({ ...base, accept: ['application/pdf'] })).toContain(
      'accept applies to document questions only',
    );
    expect(issues({ ...base, minLength: 10, maxLength: 5 })).toContain(
      'minLength is greater than maxLength',
    );
    expect(issues({ ...base, pattern: { regex: '(', message: t('x', 'x') } })[0]).toMatch(
      /not a valid regular expression/,
    );
    expect(issues({ ...base, type: 'money', min: 1.5 })).toContain(
      'min of a money question is a whole, non-negative number of cents',
    );
    expect(
      issues({ ...base, type: 'select', options: [{ value: 'a', label: t('A', 'A') }] }),
    ).toContain('a select question needs at least 2 options');
    expect(issues({ ...base, options: [{ value: 'a', label: t('A', 'A') }] })).toContain(
      'options apply to select, radio and checkbox questions only',
    );
    expect(
      issues({
        ...base,
        type: 'radio',
        options: [
          { value: 'a', label: t('A', 'A') },
          { value: 'a', label: t('B', 'B') },
        ],
      }),
    ).toContain('option values must be unique');
    expect(
      issues({ ...base, type: 'date', minDate: '2026-02-01', maxDate: '2026-01-01' }),
    ).toContain('minDate is after maxDate');
    expect(issues({ ...base, id: 'a.b' }).length).toBeGreaterThan(0);
    expect(issues({ ...base, label: { en: 'Q' } }).length).toBeGreaterThan(0); // Spanish is required
    expect(issues({ ...base, colour: 'red' }).length).toBeGreaterThan(0); // unknown settings are typos
  });

  it('refuses duplicate ids and conditions that cannot work', () => {
    const set = (questions: unknown[], extraSteps: unknown[] = []) =>
      questionSetSchema.safeParse({
        steps: [{ id: 's', title: t('S', 'S'), questions }, ...extraSteps],
      });
    const messages = (result: ReturnType<typeof set>) =>
      result.success ? [] : result.error.issues.map((i) => i.message);
    const radio = choiceQuestion('r', 'radio', t('R', 'R'), [
      ['a', 'A', 'A'],
      ['b', 'B', 'B'],
    ]);

    expect(set([radio, { ...base, showIf: { questionId: 'r', equals: 'a' } }]).success).toBe(true);
    expect(messages(set([radio, { ...radio }]))).toContain('duplicate question id r');
    expect(messages(set([radio], [{ id: 's', title: t('S', 'S'), questions: [base] }]))).toContain(
      'duplicate step id s',
    );
    expect(messages(set([{ ...base, showIf: { questionId: 'r', equals: 'a' } }, radio]))).toContain(
      'showIf must refer to an earlier question; r is not one',
    );
    expect(messages(set([radio, { ...base, showIf: { questionId: 'r', equals: 'c' } }]))).toContain(
      'values ["c"] are not options of r',
    );
    expect(
      messages(
        set([
          { ...base, id: 'n', type: 'number' },
          { ...base, showIf: { questionId: 'n', equals: '5' } },
        ]),
      ),
    ).toContain('n answers are numbers');
  });
});

describe('eligibility', () => {
  const rule = (partial: Partial<EligibilityRule>): EligibilityRule =>
    eligibilityRuleSchema.parse({
      questionId: 'x',
      op: 'eq',
      value: 1,
      reason: t('No', 'No'),
      ...partial,
    });
  const holds = (r: EligibilityRule, answer: unknown) =>
    checkEligibility([r], { x: answer as never }, 'en').eligible;

  it('evaluates every operator', () => {
    expect(holds(rule({ op: 'eq', value: 'a' }), 'a')).toBe(true);
    expect(holds(rule({ op: 'eq', value: 'a' }), 'b')).toBe(false);
    expect(holds(rule({ op: 'neq', value: 'a' }), 'b')).toBe(true);
    expect(holds(rule({ op: 'neq', value: 'a' }), 'a')).toBe(false);
    expect(holds(rule({ op: 'lt', value: 50 }), 49)).toBe(true);
    expect(holds(rule({ op: 'lt', value: 50 }), 50)).toBe(false);
    expect(holds(rule({ op: 'lte', value: 50 }), 50)).toBe(true);
    expect(holds(rule({ op: 'lte', value: 50 }), 51)).toBe(false);
    expect(holds(rule({ op: 'gt', value: 20 }), 21)).toBe(true);
    expect(holds(rule({ op: 'gt', value: 20 }), 20)).toBe(false);
    expect(holds(rule({ op: 'gte', value: 20 }), 20)).toBe(true);
    expect(holds(rule({ op: 'gte', value: 20 }), 19.99)).toBe(false);
    expect(holds(rule({ op: 'in', value: ['a', 'b'] }), 'b')).toBe(true);
    expect(holds(rule({ op: 'in', value: ['a', 'b'] }), 'c')).toBe(false);
    expect(holds(rule({ op: 'notIn', value: ['a', 'b'] }), 'c')).toBe(true);
    expect(holds(rule({ op: 'notIn', value: ['a', 'b'] }), 'a')).toBe(false);
  });

  it('compares dates and reads checkbox lists', () => {
    expect(holds(rule({ op: 'gte', value: '2026-01-01' }), '2026-01-01')).toBe(true);
    expect(holds(rule({ op: 'gte', value: '2026-01-01' }), '2025-12-31')).toBe(false);
    expect(holds(rule({ op: 'eq', value: 'rent' }), ['payroll', 'rent'])).toBe(true);
    expect(holds(rule({ op: 'notIn', value: ['rent'] }), ['payroll', 'rent'])).toBe(false);
  });

  it('fails a rule whose answer is missing or of the wrong kind', () => {
    expect(holds(rule({ op: 'lte', value: 50 }), undefined)).toBe(false);
    expect(holds(rule({ op: 'lte', value: 50 }), '40')).toBe(false);
  });

  it('skips a rule whose appliesIf does not hold', () => {
    const renters = rule({
      questionId: 'permission',
      value: 'yes',
      appliesIf: { questionId: 'tenure', equals: 'rent' },
      reason: t('Need permission', 'Necesita permiso'),
    });
    expect(checkEligibility([renters], { tenure: 'own' }, 'en')).toEqual({
      eligible: true,
      reasons: [],
    });
    expect(checkEligibility([renters], { tenure: 'rent', permission: 'yes' }, 'en')).toEqual({
      eligible: true,
      reasons: [],
    });
    expect(checkEligibility([renters], { tenure: 'rent', permission: 'no' }, 'es')).toEqual({
      eligible: false,
      reasons: ['Necesita permiso'],
    });
  });

  it('lists every unmet rule once, in the chosen language', () => {
    const rules = [
      rule({
        questionId: 'employees',
        op: 'lt',
        value: 50,
        reason: t('Fewer than 50 employees', 'Menos de 50 empleados'),
      }),
      rule({
        questionId: 'loss',
        op: 'gte',
        value: 20,
        reason: t('Lost 20% or more', 'Perdió el 20% o más'),
      }),
      rule({
        questionId: 'loss',
        op: 'lte',
        value: 100,
        reason: t('Lost 20% or more', 'Perdió el 20% o más'),
      }),
    ];
    expect(checkEligibility(rules, { employees: 60, loss: 10 }, 'en')).toEqual({
      eligible: false,
      reasons: ['Fewer than 50 employees', 'Lost 20% or more'],
    });
    expect(checkEligibility(rules, { employees: 60, loss: 150 }, 'es').reasons).toEqual([
      'Menos de 50 empleados',
      'Perdió el 20% o más',
    ]);
    expect(checkEligibility(rules, { employees: 49, loss: 20 }, 'en')).toEqual({
      eligible: true,
      reasons: [],
    });
  });

  it('refuses malformed rules', () => {
    const parse = (partial: Record<string, unknown>) =>
      eligibilityRuleSchema.safeParse({
        questionId: 'x',
        op: 'eq',
        value: 1,
        reason: t('No', 'No'),
        ...partial,
      }).success;
    expect(parse({ op: 'in', value: 'a' })).toBe(false);
    expect(parse({ op: 'eq', value: ['a'] })).toBe(false);
    expect(parse({ op: 'lt', value: 'ten' })).toBe(false);
    expect(parse({ op: 'between', value: 1 })).toBe(false);
    expect(parse({ reason: { en: 'No' } })).toBe(false);
  });
});

describe('prefillAnswers (a new draft starts with what the account knows)', () => {
  const contact: QuestionSet = questionSetSchema.parse({
    steps: [
      {
        id: 'contact',
        title: t('Contact', 'Contacto'),
        questions: [
          {
            id: 'name',
            type: 'text',
            label: t('Name', 'Nombre'),
            required: true,
            maxLength: 10,
            prefill: 'name',
          },
          {
            id: 'email',
            type: 'email',
            label: t('Email', 'Correo'),
            required: true,
            prefill: 'email',
          },
          {
            id: 'phone',
            type: 'phone',
            label: t('Phone', 'Teléfono'),
            required: false,
            prefill: 'phone',
          },
          { id: 'other', type: 'text', label: t('Other', 'Otro'), required: true },
        ],
      },
    ],
  });
  const options = { language: 'en' as const, today: TODAY };

  it('fills each marked question from the account', () => {
    expect(
      prefillAnswers(
        contact,
        { name: 'Pat Lee', email: 'pat@example.com', phone: '+12025550147' },
        options,
      ),
    ).toEqual({ name: 'Pat Lee', email: 'pat@example.com', phone: '+12025550147' });
  });

  it('leaves out what is unknown or would not pass the question’s own rules', () => {
    expect(
      prefillAnswers(
        contact,
        { name: 'A name far too long', email: 'pat@example.com', phone: null },
        options,
      ),
    ).toEqual({
      email: 'pat@example.com',
    });
  });

  it('refuses a prefill on a question of another type', () => {
    const r = questionSchema.safeParse({
      id: 'q',
      type: 'text',
      label: t('Q', 'P'),
      required: true,
      prefill: 'email',
    });
    expect(r.success).toBe(false);
  });
});
