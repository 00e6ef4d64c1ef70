import { describe, expect, it } from 'vitest';
import { FIELD_ERROR_CODES } from './error-codes.ts';
import { seedPrograms } from './programs-seed.ts';
import {
  questionSetProblemFieldError,
  questionSetProblemParams,
  questionSetProblems,
  type QuestionSetProblem,
} from './question-set-problems.ts';
import {
  QUESTION_TYPES,
  questionSetSchema,
  type Question,
  type QuestionSet,
} from './question-set.ts';
import { choiceQuestion, t, YES_NO } from './question-set.test-helper.ts';

/** One question of every type; `hasPets` controls `petNames`. */
function validSet(): QuestionSet {
  return {
    steps: [
      {
        id: 'about',
        title: t('About you', 'Sobre usted'),
        questions: [
          {
            id: 'fullName',
            type: 'text',
            label: t('Full name', 'Nombre completo'),
            hint: t('As on your ID', 'Como en su identificación'),
            required: true,
            minLength: 2,
            maxLength: 80,
          },
          { id: 'story', type: 'textarea', label: t('Your story', 'Su historia'), required: false },
          {
            id: 'people',
            type: 'number',
            label: t('People', 'Personas'),
            required: true,
            min: 1,
            max: 20,
            integer: true,
          },
          {
            id: 'income',
            type: 'money',
            label: t('Income', 'Ingresos'),
            required: true,
            min: 0,
            max: 10_000_000,
          },
          {
            id: 'moved',
            type: 'date',
            label: t('Moved in', 'Se mudó'),
            required: false,
            minDate: '2000-01-01',
            maxDate: 'today',
          },
          choiceQuestion('county', 'select', t('County', 'Condado'), [
            ['north', 'North', 'Norte'],
            ['south', 'South', 'Sur'],
          ]),
          choiceQuestion('hasPets', 'radio', t('Pets?', '¿Mascotas?'), YES_NO),
        ],
      },
      {
        id: 'more',
        title: t('More', 'Más'),
        questions: [
          {
            id: 'petNames',
            type: 'text',
            label: t('Pet names', 'Nombres de mascotas'),
            required: true,
            showIf: { questionId: 'hasPets', equals: 'yes' },
          },
          {
            id: 'needs',
            type: 'checkbox',
            label: t('Needs', 'Necesidades'),
            required: false,
            options: [{ value: 'heat', label: t('Heat', 'Calefacción') }],
            showIf: { questionId: 'county', in: ['north', 'south'] },
          },
          { id: 'agree', type: 'checkbox', label: t('Agree', 'Acepto'), required: true },
          { id: 'email', type: 'email', label: t('Email', 'Correo'), required: true },
          { id: 'phone', type: 'phone', label: t('Phone', 'Teléfono'), required: false },
          {
            id: 'receipt',
            type: 'document',
            label: t('Receipt', 'Recibo'),
            required: true,
            accept: ['application/pdf'],
            maxFiles: 3,
          },
        ],
      },
    ],
  };
}

/** The question with `id` in `set` (to break it in place). */
function question(set: QuestionSet, id: string): Question {
  const found = set.steps.flatMap((s) => s.questions).find((q) => q.id === id);
  if (!found) throw new Error(`no ${id}`);
  return found;
}

function broken(change: (set: QuestionSet) => void): QuestionSetProblem[] {
  const set = validSet();
  change(set);
  const problems = questionSetProblems(set);
  // Whatever this function refuses, the stored schema refuses too (and the API cannot save it as live).
  expect(questionSetSchema.safeParse(set).success).toBe(false);
  return problems;
}

describe('questionSetProblems', () => {
  it('finds nothing wrong in a form with one question of every type', () => {
    const set = validSet();
    expect(new Set(set.steps.flatMap((s) => s.questions.map((q) => q.type)))).toEqual(
      new Set(QUESTION_TYPES),
    );
    expect(questionSetProblems(set)).toEqual([]);
    expect(questionSetSchema.safeParse(set).success).toBe(true);
  });

  it('finds nothing wrong in the seeded programs', () => {
    for (const program of seedPrograms)
      expect(questionSetProblems(program.questionSet)).toEqual([]);
  });

  it('refuses a condition on a later question, naming the question and the one it depends on', () => {
    const [p, ...rest] = broken((set) => {
      question(set, 'fullName').showIf = { questionId: 'hasPets', equals: 'yes' };
    });
    expect(rest).toEqual([]);
    expect(p).toMatchObject({
      code: 'question_set.condition_question_later',
      stepId: 'about',
      questionId: 'fullName',
      path: ['steps', 0, 'questions', 0, 'showIf', 'questionId'],
      params: { question: t('Full name', 'Nombre completo'), target: t('Pets?', '¿Mascotas?') },
    });
    expect(p!.message).toContain('Full name');
    expect(p!.message).toContain('Pets?');
  });

  it('refuses a condition on the question itself', () => {
    const problems = broken((set) => {
      question(set, 'hasPets').showIf = { questionId: 'hasPets', equals: 'yes' };
    });
    expect(problems.map((p) => [p.code, p.questionId])).toEqual([
      ['question_set.condition_question_later', 'hasPets'],
    ]);
  });

  it('refuses a condition on a missing question', () => {
    const problems = broken((set) => {
      question(set, 'petNames').showIf = { questionId: 'hasCats', equals: 'yes' };
    });
    expect(problems).toMatchObject([
      {
        code: 'question_set.condition_question_missing',
        questionId: 'petNames',
        params: { question: t('Pet names', 'Nombres de mascotas'), target: 'hasCats' },
      },
    ]);
  });

  it('refuses a condition on an answer the earlier question can never have, or on a file', () => {
    expect(
      broken((set) => {
        question(set, 'petNames').showIf = { questionId: 'hasPets', in: ['yes', 'maybe'] };
      }),
    ).toMatchObject([{ code: 'question_set.condition_value_invalid', params: { value: 'maybe' } }]);
    expect(
      broken((set) => {
        question(set, 'petNames').showIf = { questionId: 'people', equals: 'three' };
      }).map((p) => p.code),
    ).toEqual(['question_set.condition_value_invalid']);
    expect(
      broken((set) => {
        question(set, 'phone').showIf = { questionId: 'agree', equals: 'yes' };
      }).map((p) => p.code),
    ).toEqual(['question_set.condition_value_invalid']);
    const set = validSet();
    set.steps[1]!.questions.push({
      id: 'after',
      type: 'text',
      label: t('After', 'Después'),
      required: false,
      showIf: { questionId: 'receipt', equals: 'x' },
    });
    expect(questionSetProblems(set).map((p) => p.code)).toEqual([
      'question_set.condition_on_document',
    ]);
    expect(questionSetSchema.safeParse(set).success).toBe(false);
  });

  it('refuses a choice with no options, too few, or duplicate option values', () => {
    expect(
      broken((set) => {
        delete question(set, 'county').options;
      }),
    ).toMatchObject([
      {
        code: 'question_set.options_too_few',
        questionId: 'county',
        params: { question: t('County', 'Condado'), minimum: 2 },
      },
    ]);
    expect(
      broken((set) => {
        question(set, 'needs').options = [];
      }).map((p) => [p.code, p.params.minimum]),
    ).toEqual([['question_set.options_too_few', 1]]);
    expect(
      broken((set) => {
        question(set, 'hasPets').options![1]!.value = 'yes';
      }),
    ).toMatchObject([
      {
        code: 'question_set.option_value_duplicate',
        path: ['steps', 0, 'questions', 6, 'options', 1, 'value'],
        params: { value: 'yes', option: t('No', 'No') },
      },
    ]);
  });

  it('refuses missing Spanish (and English) text, naming which text', () => {
    const problems = broken((set) => {
      question(set, 'fullName').label.es = ' ';
      question(set, 'fullName').hint!.en = '';
      question(set, 'county').options![0]!.label.es = '';
      set.steps[1]!.title.es = '';
    });
    expect(problems.map((p) => [p.code, p.questionId, p.path.join('.')])).toEqual([
      ['question_set.spanish_missing', 'fullName', 'steps.0.questions.0.label.es'],
      ['question_set.english_missing', 'fullName', 'steps.0.questions.0.hint.en'],
      ['question_set.option_spanish_missing', 'county', 'steps.0.questions.5.options.0.label.es'],
      ['question_set.step_spanish_missing', null, 'steps.1.title.es'],
    ]);
    // A label without Spanish still names the question in Spanish (by its English words).
    expect(problems[0]!.params.question).toEqual(t('Full name', 'Full name'));
    expect(problems[0]!.params.text).toEqual(t('text', 'texto'));
  });

  it('refuses a question with no text at all, naming it by its id', () => {
    expect(
      broken((set) => {
        question(set, 'story').label = t('', '');
      }),
    ).toMatchObject([
      { code: 'question_set.text_missing', params: { question: t('story', 'story') } },
    ]);
  });

  it('refuses reversed limits', () => {
    expect(
      broken((set) => {
        Object.assign(question(set, 'fullName'), { minLength: 90 });
        Object.assign(question(set, 'people'), { min: 30 });
        Object.assign(question(set, 'moved'), { minDate: '2030-01-01', maxDate: '2029-12-31' });
      }).map((p) => [p.code, p.questionId, p.params.minimum, p.params.maximum]),
    ).toEqual([
      ['question_set.length_limits_reversed', 'fullName', 90, 80],
      ['question_set.value_limits_reversed', 'people', 30, 20],
      ['question_set.date_limits_reversed', 'moved', '2030-01-01', '2029-12-31'],
    ]);
  });

  it('refuses limits that are not valid, or that the type does not take', () => {
    expect(
      broken((set) => {
        Object.assign(question(set, 'income'), { min: 10.5 });
        Object.assign(question(set, 'moved'), { minDate: '2026-02-30' });
        Object.assign(question(set, 'email'), { maxLength: 10 });
        Object.assign(question(set, 'receipt'), { maxFiles: 0 });
      }).map((p) => [p.code, p.questionId, p.path.at(-1)]),
    ).toEqual([
      ['question_set.limit_invalid', 'income', 'min'],
      ['question_set.date_limit_invalid', 'moved', 'minDate'],
      ['question_set.setting_not_applicable', 'email', 'maxLength'],
      ['question_set.limit_invalid', 'receipt', 'maxFiles'],
    ]);
  });

  it('refuses duplicate and invalid ids', () => {
    expect(
      broken((set) => {
        question(set, 'story').id = 'fullName';
        question(set, 'phone').id = '2phone';
        set.steps[1]!.id = 'about';
      }).map((p) => [p.code, p.stepId, p.questionId]),
    ).toEqual([
      ['question_set.id_duplicate', 'about', 'fullName'],
      ['question_set.step_id_duplicate', 'about', null],
      ['question_set.id_invalid', 'about', '2phone'],
    ]);
  });

  it('refuses empty steps and a form with no steps', () => {
    expect(
      broken((set) => {
        set.steps.push({ id: 'empty', title: t('Empty', 'Vacío'), questions: [] });
      }),
    ).toMatchObject([
      {
        code: 'question_set.step_empty',
        stepId: 'empty',
        questionId: null,
        params: { step: t('Empty', 'Vacío') },
      },
    ]);
    expect(questionSetProblems({ steps: [] }).map((p) => p.code)).toEqual([
      'question_set.no_steps',
    ]);
  });

  it('gives each problem a declared code, params in one language, and a field error', () => {
    const problems = broken((set) => {
      question(set, 'fullName').showIf = { questionId: 'hasPets', equals: 'yes' };
      delete question(set, 'county').options;
    });
    for (const p of problems) expect(Object.hasOwn(FIELD_ERROR_CODES, p.code)).toBe(true);
    expect(questionSetProblemParams(problems[0]!, 'es')).toEqual({
      question: 'Nombre completo',
      target: '¿Mascotas?',
    });
    expect(questionSetProblemFieldError(problems[1]!, 'en')).toEqual({
      field: 'body.questionSet.steps.0.questions.5.options',
      message: problems[1]!.message,
      code: 'question_set.options_too_few',
      params: { question: 'County', minimum: 2 },
    });
  });
});
