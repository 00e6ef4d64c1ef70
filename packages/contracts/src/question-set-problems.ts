/**
 * Everything that stops a question set (a program's form) from working, each naming the question (or step) it is
 * about, with a stable code the screens translate (`question_set.*` in ./error-codes.ts FIELD_ERROR_CODES).
 *
 * The form builder shows these beside the question as the administrator edits, and the API runs the same function
 * before a program goes live (the "form previews without errors" item of the publishing checklist). A set with no
 * problems is one `questionSetSchema` accepts; the reverse holds too, but this function says it in words an
 * administrator can act on ("“Household size” is shown depending on “Income”, which comes after it") and reports
 * every problem at once instead of zod's paths.
 *
 * No zod here (types only from question-set.ts): the builder runs this on every keystroke in the browser.
 */
import { isPlainDate } from './business-days.ts';
import type { FieldErrorCode, ProblemParams } from './error-codes.ts';
import type { Language } from './language.ts';
import { CHOICE } from './question-answers.ts';
import type {
  Condition,
  LocalizedText,
  Question,
  QuestionSet,
  QuestionType,
  Scalar,
} from './question-set.ts';

export type QuestionSetProblemCode = Extract<FieldErrorCode, `question_set.${string}`>;

/** A value a problem's message shows: plain, or a text in both languages (a question's label). */
export type QuestionSetProblemParam = string | number | LocalizedText;

export interface QuestionSetProblem {
  code: QuestionSetProblemCode;
  /** Where in the question set, e.g. `['steps', 0, 'questions', 2, 'showIf']`. */
  path: (string | number)[];
  /** The step the problem is in (its id), or null for a problem of the whole set. */
  stepId: string | null;
  /** The question the problem is about (its id), or null for a problem of a step or of the whole set. */
  questionId: string | null;
  /**
   * Values the message shows. `question` (or `step`) always names what the problem is about, by its label (or title)
   * in both languages, falling back to its id (or its position) when that is still blank.
   */
  params: Record<string, QuestionSetProblemParam>;
  /** The problem in English, for API clients and logs; screens show the catalog message for `code`. */
  message: string;
}

const IDENTIFIER = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;
const TEXTUAL: ReadonlySet<QuestionType> = new Set(['text', 'textarea']);
const NUMERIC: ReadonlySet<QuestionType> = new Set(['number', 'money']);
const PREFILL_TYPE: Record<string, QuestionType> = { name: 'text', email: 'email', phone: 'phone' };

/** Which limits (and other settings) each type of question takes. */
type SettingKey =
  | 'minLength'
  | 'maxLength'
  | 'pattern'
  | 'min'
  | 'max'
  | 'integer'
  | 'minDate'
  | 'maxDate'
  | 'accept'
  | 'maxFiles'
  | 'options';
const ONLY_FOR: ReadonlyArray<readonly [SettingKey, (type: QuestionType) => boolean]> = [
  ['minLength', (t) => TEXTUAL.has(t)],
  ['maxLength', (t) => TEXTUAL.has(t)],
  ['pattern', (t) => TEXTUAL.has(t)],
  ['min', (t) => NUMERIC.has(t)],
  ['max', (t) => NUMERIC.has(t)],
  ['integer', (t) => t === 'number'],
  ['minDate', (t) => t === 'date'],
  ['maxDate', (t) => t === 'date'],
  ['accept', (t) => t === 'document'],
  ['maxFiles', (t) => t === 'document'],
  ['options', (t) => CHOICE.has(t) || t === 'checkbox'],
];

const t = (en: string, es: string): LocalizedText => ({ en, es });

/** How messages name each citizen text of a step or question. */
const TEXT_NAMES = {
  title: t('title', 'título'),
  description: t('description', 'descripción'),
  label: t('text', 'texto'),
  hint: t('hint', 'ayuda'),
  errorName: t('name in error messages', 'nombre en los mensajes de error'),
  pattern: t('format message', 'mensaje de formato'),
} as const;
const TEXT_SENTENCES: Record<TextProblem, string> = {
  missing: 'is missing.',
  spanish: 'has no Spanish text.',
  english: 'has no English text.',
};
const STEP_TEXT_CODES: Record<TextProblem, QuestionSetProblemCode> = {
  missing: 'question_set.step_text_missing',
  spanish: 'question_set.step_spanish_missing',
  english: 'question_set.step_english_missing',
};
const QUESTION_TEXT_CODES: Record<TextProblem, QuestionSetProblemCode> = {
  missing: 'question_set.text_missing',
  spanish: 'question_set.spanish_missing',
  english: 'question_set.english_missing',
};
/** The id rule of steps and of questions: the codes of its two problems and the rule in words. */
const ID_RULES = {
  step: {
    invalid: 'question_set.step_id_invalid',
    duplicate: 'question_set.step_id_duplicate',
    sentence: 'its id must start with a letter and use only letters, digits and _.',
  },
  question: {
    invalid: 'question_set.id_invalid',
    duplicate: 'question_set.id_duplicate',
    sentence: 'its id must start with a letter and use only letters, digits and _ (at most 64).',
  },
} as const satisfies Record<
  Subject,
  { invalid: QuestionSetProblemCode; duplicate: QuestionSetProblemCode; sentence: string }
>;
const OPTION_TEXT_CODES: Record<TextProblem, QuestionSetProblemCode> = {
  missing: 'question_set.option_text_missing',
  spanish: 'question_set.option_spanish_missing',
  english: 'question_set.option_english_missing',
};

/** How messages name each setting of a question. */
export const SETTING_NAMES: Record<SettingKey, LocalizedText> = {
  minLength: t('shortest answer', 'respuesta más corta'),
  maxLength: t('longest answer', 'respuesta más larga'),
  pattern: t('format', 'formato'),
  min: t('smallest answer', 'respuesta mínima'),
  max: t('largest answer', 'respuesta máxima'),
  integer: t('whole numbers only', 'solo números enteros'),
  minDate: t('earliest date', 'fecha más temprana'),
  maxDate: t('latest date', 'fecha más tardía'),
  accept: t('accepted file types', 'tipos de archivo aceptados'),
  maxFiles: t('most files', 'máximo de archivos'),
  options: t('options', 'opciones'),
};

const blank = (s: unknown) => typeof s !== 'string' || s.trim() === '';
const filled = (s: unknown) => (typeof s === 'string' && s.trim() !== '' ? s.trim() : undefined);

/** A text in both languages where each half falls back to the other, then to `fallback`. */
function nameOf(text: Partial<LocalizedText> | undefined, fallback: string): LocalizedText {
  const en = filled(text?.en);
  const es = filled(text?.es);
  return { en: en ?? es ?? fallback, es: es ?? en ?? fallback };
}

/** The params of a problem in one language, ready to fill its catalog message (`{question}`, `{target}`…). */
export function questionSetProblemParams(
  problem: Pick<QuestionSetProblem, 'params'>,
  language: Language,
): ProblemParams {
  return Object.fromEntries(
    Object.entries(problem.params).map(([key, value]) => [
      key,
      typeof value === 'object' ? value[language] : value,
    ]),
  );
}

/**
 * A problem as one field error of a problem document (`errors[]`): `field` is the dotted path under `prefix`, the
 * params are in `language` (the labels a message names are the reader's).
 */
export function questionSetProblemFieldError(
  problem: QuestionSetProblem,
  language: Language,
  prefix = 'body.questionSet',
): { field: string; message: string; code: QuestionSetProblemCode; params: ProblemParams } {
  return {
    field: [prefix, ...problem.path].join('.'),
    message: problem.message,
    code: problem.code,
    params: questionSetProblemParams(problem, language),
  };
}

/** What a problem below the whole set is about. */
type Subject = 'step' | 'question';

/** Reports one problem of a step or question: where under it, in words, and the values the message shows. */
type Report = (
  code: QuestionSetProblemCode,
  path: (string | number)[],
  message: string,
  params?: Record<string, QuestionSetProblemParam>,
) => void;

/**
 * How the problems of one step or question are reported: under its path, with its ids, and named by `name` (its
 * title or label) in the `step` or `question` param and at the start of the message.
 */
function reporterOf(
  problems: QuestionSetProblem[],
  subject: Subject,
  name: LocalizedText,
  at: (string | number)[],
  stepId: string,
  questionId: string | null,
): Report {
  const word = subject === 'step' ? 'Step' : 'Question';
  return (code, path, message, params = {}) =>
    problems.push({
      code,
      path: [...at, ...path],
      stepId,
      questionId,
      params: { [subject]: name, ...params },
      message: `${word} “${name.en}”: ${message}`,
    });
}

/** A step's or question's id must be an identifier, unique among the ids of its kind so far (`seen`, which it joins). */
function idProblems(subject: Subject, id: string, seen: Set<string>, report: Report): void {
  const rule = ID_RULES[subject];
  if (!IDENTIFIER.test(id ?? '')) report(rule.invalid, ['id'], rule.sentence, { id: id ?? '' });
  else if (seen.has(id))
    report(rule.duplicate, ['id'], `another ${subject} has the id ${id}.`, { id });
  seen.add(id);
}

function scalarsOf(condition: Condition): Scalar[] {
  return 'equals' in condition
    ? [condition.equals]
    : Array.isArray(condition.in)
      ? condition.in
      : [];
}

/**
 * Every problem of a question set, in form order (a question's problems in the order of its settings). Empty when
 * the form can go live. Accepts a set still being edited: blank texts and ids are reported, not thrown on.
 */
export function questionSetProblems(questionSet: QuestionSet): QuestionSetProblem[] {
  const problems: QuestionSetProblem[] = [];
  const steps = Array.isArray(questionSet?.steps) ? questionSet.steps : [];
  if (steps.length === 0) {
    problems.push({
      code: 'question_set.no_steps',
      path: ['steps'],
      stepId: null,
      questionId: null,
      params: {},
      message: 'The form has no questions. Add at least one question.',
    });
    return problems;
  }

  // Every question id with where it is, so a condition on a later question can say so (rather than "missing").
  const positions = new Map<string, number>();
  const byId = new Map<string, Question>();
  let position = 0;
  for (const step of steps)
    for (const q of step.questions ?? []) {
      if (!positions.has(q.id)) {
        positions.set(q.id, position);
        byId.set(q.id, q);
      }
      position += 1;
    }

  const stepIds = new Set<string>();
  const questionIds = new Set<string>();
  position = 0;
  steps.forEach((step, s) => {
    const stepPath = ['steps', s];
    const stepName = nameOf(step.title, `${s + 1}`);
    const stepProblem = reporterOf(problems, 'step', stepName, stepPath, step.id, null);

    idProblems('step', step.id, stepIds, stepProblem);
    for (const [key, required] of [
      ['title', true],
      ['description', false],
    ] as const)
      textProblems(step[key], required, [key], (kind, at) =>
        stepProblem(
          STEP_TEXT_CODES[kind],
          at,
          `its ${TEXT_NAMES[key].en} ${TEXT_SENTENCES[kind]}`,
          { text: TEXT_NAMES[key] },
        ),
      );
    const questions = Array.isArray(step.questions) ? step.questions : [];
    if (questions.length === 0)
      stepProblem('question_set.step_empty', ['questions'], 'it has no questions.');

    questions.forEach((q, i) => {
      const here = position;
      position += 1;
      const path = [...stepPath, 'questions', i];
      const name = nameOf(q.label, q.id || `${here + 1}`);
      const problem = reporterOf(problems, 'question', name, path, step.id, q.id);

      // Identity.
      idProblems('question', q.id, questionIds, problem);

      // Words, in both languages.
      const texts = [
        ['label', q.label, true, ['label']],
        ['hint', q.hint, false, ['hint']],
        ['errorName', q.errorName, false, ['errorName']],
        ...(q.pattern
          ? [['pattern', q.pattern.message, true, ['pattern', 'message']] as const]
          : []),
      ] as const;
      for (const [key, text, required, at] of texts)
        textProblems(text, required, [...at], (kind, where) =>
          problem(
            QUESTION_TEXT_CODES[kind],
            where,
            `its ${TEXT_NAMES[key].en} ${TEXT_SENTENCES[kind]}`,
            {
              text: TEXT_NAMES[key],
            },
          ),
        );

      // Settings that the type does not take.
      for (const [key, applies] of ONLY_FOR) {
        if (q[key] !== undefined && !applies(q.type))
          problem(
            'question_set.setting_not_applicable',
            [key],
            `the ${SETTING_NAMES[key].en} does not apply to a ${q.type} question.`,
            {
              setting: SETTING_NAMES[key],
            },
          );
      }

      // Limits.
      const wholeAtLeast = (
        key: 'minLength' | 'maxLength' | 'maxFiles',
        least: number,
        most = Infinity,
      ) => {
        const value = q[key];
        if (value !== undefined && (!Number.isInteger(value) || value < least || value > most))
          problem(
            'question_set.limit_invalid',
            [key],
            `the ${SETTING_NAMES[key].en} must be a whole number from ${least}${most === Infinity ? '' : ` to ${most}`}.`,
            {
              setting: SETTING_NAMES[key],
            },
          );
      };
      if (TEXTUAL.has(q.type)) {
        wholeAtLeast('minLength', 0);
        wholeAtLeast('maxLength', 1);
        if (q.minLength !== undefined && q.maxLength !== undefined && q.minLength > q.maxLength)
          problem(
            'question_set.length_limits_reversed',
            ['minLength'],
            `the shortest answer (${q.minLength}) is longer than the longest (${q.maxLength}).`,
            { minimum: q.minLength, maximum: q.maxLength },
          );
        if (q.pattern) {
          let valid = !blank(q.pattern.regex);
          try {
            if (valid) new RegExp(q.pattern.regex, 'u');
          } catch {
            valid = false;
          }
          if (!valid)
            problem(
              'question_set.pattern_invalid',
              ['pattern', 'regex'],
              'its pattern is not a valid regular expression.',
            );
        }
      }
      if (NUMERIC.has(q.type)) {
        for (const key of ['min', 'max'] as const) {
          const value = q[key];
          if (value === undefined) continue;
          if (
            !Number.isFinite(value) ||
            (q.type === 'money' && (!Number.isSafeInteger(value) || value < 0))
          )
            problem(
              'question_set.limit_invalid',
              [key],
              q.type === 'money'
                ? `the ${SETTING_NAMES[key].en} must be a whole, non-negative number of cents.`
                : `the ${SETTING_NAMES[key].en} must be a number.`,
              { setting: SETTING_NAMES[key] },
            );
        }
        if (q.min !== undefined && q.max !== undefined && q.min > q.max)
          problem(
            'question_set.value_limits_reversed',
            ['min'],
            `the smallest answer (${q.min}) is more than the largest (${q.max}).`,
            {
              minimum: q.min,
              maximum: q.max,
            },
          );
      }
      if (q.type === 'date') {
        for (const key of ['minDate', 'maxDate'] as const) {
          const value = q[key];
          if (value !== undefined && value !== 'today' && !isPlainDate(value))
            problem(
              'question_set.date_limit_invalid',
              [key],
              `the ${SETTING_NAMES[key].en} must be a real date (YYYY-MM-DD) or "today".`,
              {
                setting: SETTING_NAMES[key],
              },
            );
        }
        if (
          q.minDate &&
          q.maxDate &&
          q.minDate !== 'today' &&
          q.maxDate !== 'today' &&
          isPlainDate(q.minDate) &&
          isPlainDate(q.maxDate) &&
          q.minDate > q.maxDate
        )
          problem(
            'question_set.date_limits_reversed',
            ['minDate'],
            `the earliest date (${q.minDate}) is after the latest (${q.maxDate}).`,
            {
              minimum: q.minDate,
              maximum: q.maxDate,
            },
          );
      }
      if (q.type === 'document') {
        wholeAtLeast('maxFiles', 1, 50);
        if (q.accept !== undefined && q.accept.length === 0)
          problem(
            'question_set.accept_empty',
            ['accept'],
            'choose at least one accepted file type.',
          );
      }

      // Options.
      if (CHOICE.has(q.type) || (q.type === 'checkbox' && q.options !== undefined)) {
        const options = q.options ?? [];
        const least = CHOICE.has(q.type) ? 2 : 1;
        if (options.length < least)
          problem(
            'question_set.options_too_few',
            ['options'],
            `it needs at least ${least} options.`,
            {
              minimum: least,
            },
          );
        const seen = new Set<string>();
        options.forEach((option, o) => {
          const optionName = nameOf(option.label, option.value || `${o + 1}`);
          if (blank(option.value))
            problem(
              'question_set.option_value_missing',
              ['options', o, 'value'],
              `option ${o + 1} has no value.`,
              {
                option: optionName,
              },
            );
          else if (seen.has(option.value))
            problem(
              'question_set.option_value_duplicate',
              ['options', o, 'value'],
              `two options have the value ${option.value}.`,
              {
                option: optionName,
                value: option.value,
              },
            );
          seen.add(option.value);
          textProblems(option.label, true, ['options', o, 'label'], (kind, where) =>
            problem(
              OPTION_TEXT_CODES[kind],
              where,
              `the label of option ${o + 1} ${TEXT_SENTENCES[kind]}`,
              {
                option: optionName,
              },
            ),
          );
        });
      }

      if (q.prefill !== undefined && PREFILL_TYPE[q.prefill] !== q.type)
        problem(
          'question_set.prefill_not_applicable',
          ['prefill'],
          `prefill ${q.prefill} applies to ${PREFILL_TYPE[q.prefill] ?? 'no'} questions only.`,
          {
            setting: q.prefill,
          },
        );

      // The condition: only on an earlier question (the form fills in order, and it rules out cycles).
      if (q.showIf) {
        const targetId = q.showIf.questionId;
        const target = byId.get(targetId);
        const targetAt = positions.get(targetId);
        // A blank value (a field the administrator has not filled in yet) is no value.
        const values = scalarsOf(q.showIf).filter((v) => v !== '');
        const key = ['showIf'];
        if (blank(targetId))
          problem(
            'question_set.condition_question_missing',
            [...key, 'questionId'],
            'its condition does not say which earlier answer it depends on.',
            {
              target: '',
            },
          );
        else if (!target || targetAt === undefined)
          problem(
            'question_set.condition_question_missing',
            [...key, 'questionId'],
            `its condition uses ${targetId}, which is not a question of this form.`,
            {
              target: targetId,
            },
          );
        else if (targetAt >= here)
          problem(
            'question_set.condition_question_later',
            [...key, 'questionId'],
            `its condition uses “${nameOf(target.label, targetId).en}”, which does not come before it.`,
            {
              target: nameOf(target.label, targetId),
            },
          );
        else if (target.type === 'document')
          problem(
            'question_set.condition_on_document',
            [...key, 'questionId'],
            `its condition uses “${nameOf(target.label, targetId).en}”, a file upload, which has no answer to compare.`,
            {
              target: nameOf(target.label, targetId),
            },
          );
        else if (values.length === 0)
          problem(
            'question_set.condition_value_missing',
            key,
            'its condition has no answer to compare with.',
            {
              target: nameOf(target.label, targetId),
            },
          );
        else {
          const wrong = values.filter((v) => !fitsAnswer(v, target));
          if (wrong.length > 0)
            problem(
              'question_set.condition_value_invalid',
              key,
              `its condition compares “${nameOf(target.label, targetId).en}” with ${wrong.map((v) => JSON.stringify(v)).join(', ')}, which it can never be.`,
              {
                target: nameOf(target.label, targetId),
                value: wrong.map(String).join(', '),
              },
            );
        }
      }
    });
  });
  return problems;
}

/** Whether `value` can be an answer to `target` (one of its options, or of its answer type). */
function fitsAnswer(value: Scalar, target: Question): boolean {
  if (target.options)
    return typeof value === 'string' && target.options.some((o) => o.value === value);
  if (target.type === 'checkbox') return typeof value === 'boolean';
  if (NUMERIC.has(target.type)) return typeof value === 'number' && Number.isFinite(value);
  return typeof value === 'string' && value !== '';
}

type TextProblem = 'missing' | 'spanish' | 'english';

/**
 * A citizen text: missing entirely (when required, or given as an empty pair), or in one language only. An optional
 * text (a hint) is either absent or in both languages.
 */
function textProblems(
  text: Partial<LocalizedText> | undefined,
  required: boolean,
  path: (string | number)[],
  report: (kind: TextProblem, path: (string | number)[]) => void,
) {
  const noEn = blank(text?.en);
  const noEs = blank(text?.es);
  if (noEn && noEs) {
    if (required || text !== undefined) report('missing', path);
    return;
  }
  if (noEs) report('spanish', [...path, 'es']);
  if (noEn) report('english', [...path, 'en']);
}
