/**
 * Program questions as data, and the one validator built from them.
 *
 * A program describes its form as a question set (steps of questions). `buildAnswersSchema` turns that data
 * into a single zod schema which the browser form (react-hook-form + zodResolver) and the API both run, so the
 * server accepts exactly what the form accepts, with the same messages in English or Spanish. The eligibility
 * rules of a program are data too, checked against the validated answers by `checkEligibility`.
 *
 * Answer values after validation (what the API stores):
 * - text, textarea, email, select, radio: trimmed string; date: `YYYY-MM-DD`; phone: E.164 (`+12025550123`)
 * - number: number; money: integer cents
 * - checkbox with options: the chosen option values (in option order); checkbox without options: boolean
 * - document: array of uploaded document ids (UUIDs)
 * Validating an already validated answer set returns it unchanged, which is what lets the API re-check what
 * the form sends.
 */
import { z } from 'zod';
import { isPlainDate, toZonedDate, type PlainDate } from './business-days.ts';
import { formatCents, parseDollars } from './money.ts';

export type Language = 'en' | 'es';
export const languageSchema = z.enum(['en', 'es']);

export const localizedTextSchema = z
  .object({ en: z.string().trim().min(1), es: z.string().trim().min(1) })
  .strict();
export type LocalizedText = z.infer<typeof localizedTextSchema>;

export const QUESTION_TYPES = [
  'text',
  'textarea',
  'number',
  'money',
  'date',
  'select',
  'radio',
  'checkbox',
  'email',
  'phone',
  'document',
] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

export const DOCUMENT_MIME_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export type DocumentMimeType = (typeof DOCUMENT_MIME_TYPES)[number];

// Free text is capped even when a program sets no limit: the API must not store (or run a program's pattern
// over) unbounded input.
const DEFAULT_MAX_LENGTH: Partial<Record<QuestionType, number>> = { text: 500, textarea: 5000 };
const EMAIL_MAX_LENGTH = 254;
const DEFAULT_MAX_FILES = 10;
export const DEFAULT_TIME_ZONE = 'America/New_York';

// Ids become form field names and object keys: no dots or brackets, which react-hook-form reads as paths.
export const identifierSchema = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_]{0,63}$/, 'Use letters, digits and _ only, starting with a letter');
const scalarSchema = z.union([z.string(), z.number(), z.boolean()]);
export type Scalar = z.infer<typeof scalarSchema>;

/** "Show (or apply) only when question `questionId` has this answer". */
export const conditionSchema = z.union([
  z.object({ questionId: identifierSchema, equals: scalarSchema }).strict(),
  z.object({ questionId: identifierSchema, in: z.array(scalarSchema).min(1) }).strict(),
]);
export type Condition = z.infer<typeof conditionSchema>;

const TEXTUAL: ReadonlySet<QuestionType> = new Set(['text', 'textarea']);
const NUMERIC: ReadonlySet<QuestionType> = new Set(['number', 'money']);
const CHOICE: ReadonlySet<QuestionType> = new Set(['select', 'radio']);

const dateBoundSchema = z.union([
  z.literal('today'),
  z.string().refine(isPlainDate, 'Use a real date written YYYY-MM-DD, or "today"'),
]);

export const questionSchema = z
  .object({
    id: identifierSchema,
    type: z.enum(QUESTION_TYPES),
    label: localizedTextSchema,
    hint: localizedTextSchema.optional(),
    /**
     * How error messages name the answer, e.g. `{ en: 'your household income', es: 'el ingreso de su hogar' }`
     * gives "Enter your household income" / "Escriba el ingreso de su hogar". Defaults to the label.
     */
    errorName: localizedTextSchema.optional(),
    required: z.boolean(),
    minLength: z.number().int().min(0).optional(),
    maxLength: z.number().int().min(1).optional(),
    pattern: z
      .object({ regex: z.string().min(1), message: localizedTextSchema })
      .strict()
      .optional(),
    /** number: the value; money: cents. */
    min: z.number().finite().optional(),
    max: z.number().finite().optional(),
    /** number only: refuse fractions (counts of people, employees…). */
    integer: z.boolean().optional(),
    /** date only: earliest / latest accepted date, or "today" (in the agency's zone, at validation time). */
    minDate: dateBoundSchema.optional(),
    maxDate: dateBoundSchema.optional(),
    options: z
      .array(z.object({ value: z.string().min(1), label: localizedTextSchema }).strict())
      .min(1)
      .optional(),
    showIf: conditionSchema.optional(),
    /** document only: accepted file types (the upload endpoint enforces them; the form shows them). */
    accept: z.array(z.enum(DOCUMENT_MIME_TYPES)).min(1).optional(),
    /** document only: at most this many files (default 10). */
    maxFiles: z.number().int().min(1).max(50).optional(),
  })
  .strict()
  .superRefine((q, ctx) => {
    const problem = (path: string, message: string) =>
      ctx.addIssue({ code: 'custom', path: [path], message });
    const onlyFor = (
      path: keyof typeof q,
      types: ReadonlySet<QuestionType> | QuestionType,
      what: string,
    ) => {
      const allowed = typeof types === 'string' ? types === q.type : types.has(q.type);
      if (q[path] !== undefined && !allowed)
        problem(path, `${path} applies to ${what} questions only`);
    };
    onlyFor('minLength', TEXTUAL, 'text and textarea');
    onlyFor('maxLength', TEXTUAL, 'text and textarea');
    onlyFor('pattern', TEXTUAL, 'text and textarea');
    onlyFor('min', NUMERIC, 'number and money');
    onlyFor('max', NUMERIC, 'number and money');
    onlyFor('integer', 'number', 'number');
    onlyFor('minDate', 'date', 'date');
    onlyFor('maxDate', 'date', 'date');
    onlyFor('accept', 'document', 'document');
    onlyFor('maxFiles', 'document', 'document');
    if (q.minLength !== undefined && q.maxLength !== undefined && q.minLength > q.maxLength) {
      problem('minLength', 'minLength is greater than maxLength');
    }
    if (q.min !== undefined && q.max !== undefined && q.min > q.max)
      problem('min', 'min is greater than max');
    if (q.type === 'money') {
      for (const key of ['min', 'max'] as const) {
        const value = q[key];
        if (value !== undefined && (!Number.isSafeInteger(value) || value < 0)) {
          problem(key, `${key} of a money question is a whole, non-negative number of cents`);
        }
      }
    }
    if (
      q.minDate &&
      q.maxDate &&
      q.minDate !== 'today' &&
      q.maxDate !== 'today' &&
      q.minDate > q.maxDate
    ) {
      problem('minDate', 'minDate is after maxDate');
    }
    if (q.pattern) {
      try {
        new RegExp(q.pattern.regex, 'u');
      } catch {
        problem('pattern', `pattern is not a valid regular expression: ${q.pattern.regex}`);
      }
    }
    if (CHOICE.has(q.type) && (q.options?.length ?? 0) < 2)
      problem('options', `a ${q.type} question needs at least 2 options`);
    if (q.options && !CHOICE.has(q.type) && q.type !== 'checkbox') {
      problem('options', 'options apply to select, radio and checkbox questions only');
    }
    if (q.options && new Set(q.options.map((o) => o.value)).size !== q.options.length) {
      problem('options', 'option values must be unique');
    }
  });
export type Question = z.infer<typeof questionSchema>;

export const stepSchema = z
  .object({
    id: identifierSchema,
    title: localizedTextSchema,
    description: localizedTextSchema.optional(),
    questions: z.array(questionSchema).min(1),
  })
  .strict();
export type Step = z.infer<typeof stepSchema>;

/** Every question of a set, in form order. */
export function allQuestions(questionSet: QuestionSet): Question[] {
  return questionSet.steps.flatMap((step) => step.questions);
}

/**
 * Why `values` can never be answers to `controller` (not one of its options, or the wrong type); null when they
 * can. Catches typos in conditions and eligibility rules when a program is saved rather than when it misbehaves.
 */
export function answerValuesProblem(
  values: readonly Scalar[],
  controller: Question,
): string | null {
  if (controller.type === 'document') return 'a condition cannot read a document question';
  if (controller.options) {
    const known = new Set(controller.options.map((o) => o.value));
    const unknown = values.filter((v) => typeof v !== 'string' || !known.has(v));
    return unknown.length
      ? `values ${JSON.stringify(unknown)} are not options of ${controller.id}`
      : null;
  }
  const expected =
    controller.type === 'checkbox' ? 'boolean' : NUMERIC.has(controller.type) ? 'number' : 'string';
  return values.every((v) => typeof v === expected)
    ? null
    : `${controller.id} answers are ${expected}s`;
}

export const questionSetSchema = z
  .object({ steps: z.array(stepSchema).min(1) })
  .strict()
  .superRefine((set, ctx) => {
    const stepIds = new Set<string>();
    set.steps.forEach((step, s) => {
      if (stepIds.has(step.id))
        ctx.addIssue({
          code: 'custom',
          path: ['steps', s, 'id'],
          message: `duplicate step id ${step.id}`,
        });
      stepIds.add(step.id);
    });
    // Conditions may only read questions asked earlier: the form fills in order, and it rules out cycles.
    const earlier = new Map<string, Question>();
    set.steps.forEach((step, s) => {
      step.questions.forEach((q, i) => {
        const path = ['steps', s, 'questions', i];
        if (earlier.has(q.id))
          ctx.addIssue({
            code: 'custom',
            path: [...path, 'id'],
            message: `duplicate question id ${q.id}`,
          });
        if (q.showIf) {
          const controller = earlier.get(q.showIf.questionId);
          const message = controller
            ? answerValuesProblem(
                'equals' in q.showIf ? [q.showIf.equals] : q.showIf.in,
                controller,
              )
            : `showIf must refer to an earlier question; ${q.showIf.questionId} is not one`;
          if (message) ctx.addIssue({ code: 'custom', path: [...path, 'showIf'], message });
        }
        earlier.set(q.id, q);
      });
    });
  });
export type QuestionSet = z.infer<typeof questionSetSchema>;

export type AnswerValue = string | number | boolean | string[];
export type Answers = Record<string, AnswerValue>;

// ---------------------------------------------------------------------------------------------------------
// Messages (GOV.UK style: say what to do, name the answer, one message per answer).

type Name = { name: string; Name: string };

const MESSAGES = {
  en: {
    enter: ({ name }: Name) => `Enter ${name}`,
    select: ({ name }: Name) => `Select ${name}`,
    confirm: ({ name }: Name) => `Confirm ${name}`,
    upload: ({ name }: Name) => `Upload ${name}`,
    minLength: ({ Name }: Name, n: string) => `${Name} must be ${n} characters or more`,
    maxLength: ({ Name }: Name, n: string) => `${Name} must be ${n} characters or fewer`,
    number: ({ Name }: Name) => `${Name} must be a number`,
    wholeNumber: ({ Name }: Name) => `${Name} must be a whole number`,
    min: ({ Name }: Name, v: string) => `${Name} must be ${v} or more`,
    max: ({ Name }: Name, v: string) => `${Name} must be ${v} or less`,
    money: ({ name }: Name) => `Enter ${name} in dollars and cents, like 600 or 120.50`,
    realDate: ({ Name }: Name) => `${Name} must be a real date`,
    dateMin: ({ Name }: Name, d: string) => `${Name} must be the same as or after ${d}`,
    dateMax: ({ Name }: Name, d: string) => `${Name} must be the same as or before ${d}`,
    notFuture: ({ Name }: Name) => `${Name} must be today or in the past`,
    notPast: ({ Name }: Name) => `${Name} must be today or in the future`,
    email: ({ name }: Name) => `Enter ${name} in the correct format, like name@example.com`,
    phone: ({ name }: Name) => `Enter ${name} in the correct format, like 202 555 0123`,
    uploadAgain: ({ name }: Name) => `Upload ${name} again`,
    maxFiles: ({ name }: Name, n: string) => `Upload no more than ${n} files for ${name}`,
  },
  es: {
    enter: ({ name }: Name) => `Escriba ${name}`,
    select: ({ name }: Name) => `Seleccione ${name}`,
    confirm: ({ name }: Name) => `Confirme ${name}`,
    upload: ({ name }: Name) => `Suba ${name}`,
    minLength: ({ Name }: Name, n: string) => `${Name} debe tener ${n} caracteres o más`,
    maxLength: ({ Name }: Name, n: string) => `${Name} debe tener ${n} caracteres o menos`,
    number: ({ Name }: Name) => `${Name} debe ser un número`,
    wholeNumber: ({ Name }: Name) => `${Name} debe ser un número entero`,
    min: ({ Name }: Name, v: string) => `${Name} debe ser ${v} o más`,
    max: ({ Name }: Name, v: string) => `${Name} debe ser ${v} o menos`,
    money: ({ name }: Name) => `Escriba ${name} en dólares y centavos, como 600 o 120.50`,
    realDate: ({ Name }: Name) => `${Name} debe ser una fecha real`,
    dateMin: ({ Name }: Name, d: string) => `${Name} debe ser igual o posterior al ${d}`,
    dateMax: ({ Name }: Name, d: string) => `${Name} debe ser igual o anterior al ${d}`,
    notFuture: ({ Name }: Name) => `${Name} debe ser hoy o una fecha pasada`,
    notPast: ({ Name }: Name) => `${Name} debe ser hoy o una fecha futura`,
    email: ({ name }: Name) => `Escriba ${name} en el formato correcto, como nombre@ejemplo.com`,
    phone: ({ name }: Name) => `Escriba ${name} en el formato correcto, como 202 555 0123`,
    uploadAgain: ({ name }: Name) => `Vuelva a subir ${name}`,
    maxFiles: ({ name }: Name, n: string) => `Suba como máximo ${n} archivos para ${name}`,
  },
} satisfies Record<Language, Record<string, (name: Name, detail: string) => string>>;

const LOCALE: Record<Language, string> = { en: 'en-US', es: 'es-US' };

function nameOf(q: Question, language: Language): Name {
  let name = q.errorName?.[language];
  if (!name) {
    const label = q.label[language];
    // Lower-case a label's first letter mid-sentence ("Enter household income"), but not an acronym ("EIN").
    name = /^\p{Lu}\p{Ll}/u.test(label) ? label[0]!.toLowerCase() + label.slice(1) : label;
  }
  return { name, Name: name[0]!.toUpperCase() + name.slice(1) };
}

function formatNumber(value: number, language: Language): string {
  return new Intl.NumberFormat(LOCALE[language], { maximumFractionDigits: 20 }).format(value);
}

function formatDate(date: PlainDate, language: Language): string {
  return new Intl.DateTimeFormat(LOCALE[language], { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(`${date}T00:00:00Z`),
  );
}

// ---------------------------------------------------------------------------------------------------------
// One answer.

type FieldResult = { ok: true; value: AnswerValue | undefined } | { ok: false; message: string };

interface FieldContext {
  language: Language;
  today: () => PlainDate;
}

const UUID = z.uuid();
const EMAIL = z.email();
const US_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const NUMBER_TEXT = /^-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;

function isBlank(raw: unknown): boolean {
  return (
    raw === undefined ||
    raw === null ||
    (typeof raw === 'string' && raw.trim() === '') ||
    (typeof raw === 'number' && Number.isNaN(raw)) ||
    (Array.isArray(raw) && raw.length === 0)
  );
}

/** Dates arrive as `YYYY-MM-DD` (API, native date input) or `M/D/YYYY` (the USWDS date picker). */
function readDate(raw: unknown): PlainDate | null {
  if (typeof raw !== 'string') return null;
  const text = raw.trim();
  const us = US_DATE.exec(text);
  const iso = us ? `${us[3]}-${us[1]!.padStart(2, '0')}-${us[2]!.padStart(2, '0')}` : text;
  return isPlainDate(iso) ? iso : null;
}

/** NANP numbers only: 10 digits (optionally after +1 / 1), area code and exchange not starting with 0 or 1. */
function readPhone(raw: unknown): string | null {
  if (typeof raw !== 'string') return null;
  if (!/^[\d\s().+-]+$/.test(raw.trim())) return null;
  let digits = raw.replace(/\D/g, '');
  if (digits.length === 11 && digits.startsWith('1')) digits = digits.slice(1);
  return /^[2-9]\d{2}[2-9]\d{6}$/.test(digits) ? `+1${digits}` : null;
}

function validateField(q: Question, raw: unknown, context: FieldContext): FieldResult {
  const m = MESSAGES[context.language];
  const name = nameOf(q, context.language);
  const fail = (message: string): FieldResult => ({ ok: false, message });
  const language = context.language;

  const isBooleanCheckbox = q.type === 'checkbox' && !q.options;
  // react-hook-form reports an unticked checkbox (single or group) as false.
  const blank = isBlank(raw) || (q.type === 'checkbox' && raw === false);
  if (blank) {
    if (!q.required)
      return { ok: true, value: isBooleanCheckbox && raw === false ? false : undefined };
    if (CHOICE.has(q.type) || q.type === 'checkbox')
      return fail(isBooleanCheckbox ? m.confirm(name) : m.select(name));
    return fail(q.type === 'document' ? m.upload(name) : m.enter(name));
  }

  switch (q.type) {
    case 'text':
    case 'textarea': {
      if (typeof raw !== 'string') return fail(m.enter(name));
      const text = raw.trim();
      const maxLength = q.maxLength ?? DEFAULT_MAX_LENGTH[q.type]!;
      if (q.minLength !== undefined && [...text].length < q.minLength)
        return fail(m.minLength(name, formatNumber(q.minLength, language)));
      if ([...text].length > maxLength)
        return fail(m.maxLength(name, formatNumber(maxLength, language)));
      if (q.pattern && !new RegExp(q.pattern.regex, 'u').test(text))
        return fail(q.pattern.message[language]);
      return { ok: true, value: text };
    }
    case 'email': {
      if (typeof raw !== 'string') return fail(m.email(name));
      const text = raw.trim();
      if (text.length > EMAIL_MAX_LENGTH || !EMAIL.safeParse(text).success)
        return fail(m.email(name));
      return { ok: true, value: text };
    }
    case 'phone': {
      const phone = readPhone(raw);
      return phone ? { ok: true, value: phone } : fail(m.phone(name));
    }
    case 'number': {
      let value: number;
      if (typeof raw === 'number' && Number.isFinite(raw)) value = raw;
      else if (typeof raw === 'string' && NUMBER_TEXT.test(raw.trim()))
        value = Number(raw.trim().replaceAll(',', ''));
      else return fail(m.number(name));
      if (q.integer && !Number.isInteger(value)) return fail(m.wholeNumber(name));
      if (q.min !== undefined && value < q.min)
        return fail(m.min(name, formatNumber(q.min, language)));
      if (q.max !== undefined && value > q.max)
        return fail(m.max(name, formatNumber(q.max, language)));
      return { ok: true, value };
    }
    case 'money': {
      // A string is what a person typed (dollars); a number is an already validated amount (cents).
      let cents: number;
      if (typeof raw === 'number') {
        if (!Number.isSafeInteger(raw) || raw < 0) return fail(m.money(name));
        cents = raw;
      } else if (typeof raw === 'string') {
        const parsed = parseDollars(raw);
        if (!parsed.ok) return fail(m.money(name));
        cents = parsed.cents;
      } else return fail(m.money(name));
      if (q.min !== undefined && cents < q.min)
        return fail(m.min(name, formatCents(q.min, language)));
      if (q.max !== undefined && cents > q.max)
        return fail(m.max(name, formatCents(q.max, language)));
      return { ok: true, value: cents };
    }
    case 'date': {
      const date = readDate(raw);
      if (!date) return fail(m.realDate(name));
      if (q.minDate) {
        const min = q.minDate === 'today' ? context.today() : q.minDate;
        if (date < min)
          return fail(
            q.minDate === 'today' ? m.notPast(name) : m.dateMin(name, formatDate(min, language)),
          );
      }
      if (q.maxDate) {
        const max = q.maxDate === 'today' ? context.today() : q.maxDate;
        if (date > max)
          return fail(
            q.maxDate === 'today' ? m.notFuture(name) : m.dateMax(name, formatDate(max, language)),
          );
      }
      return { ok: true, value: date };
    }
    case 'select':
    case 'radio': {
      const known = q.options!.some((o) => o.value === raw);
      return known ? { ok: true, value: raw as string } : fail(m.select(name));
    }
    case 'checkbox': {
      if (isBooleanCheckbox)
        return raw === true ? { ok: true, value: true } : fail(m.confirm(name));
      // react-hook-form gives one value as a string and several as an array.
      const chosen = typeof raw === 'string' ? [raw] : raw;
      if (!Array.isArray(chosen) || !chosen.every((v) => q.options!.some((o) => o.value === v)))
        return fail(m.select(name));
      return { ok: true, value: q.options!.map((o) => o.value).filter((v) => chosen.includes(v)) };
    }
    case 'document': {
      if (!Array.isArray(raw) || !raw.every((id) => UUID.safeParse(id).success))
        return fail(m.uploadAgain(name));
      const ids = [...new Set((raw as string[]).map((id) => id.toLowerCase()))];
      const maxFiles = q.maxFiles ?? DEFAULT_MAX_FILES;
      if (ids.length > maxFiles) return fail(m.maxFiles(name, formatNumber(maxFiles, language)));
      return { ok: true, value: ids };
    }
  }
}

// ---------------------------------------------------------------------------------------------------------
// Conditions and visibility.

/** Whether an answer satisfies a condition; an array answer (checkboxes) matches when any chosen value does. */
export function conditionHolds(condition: Condition, answer: AnswerValue | undefined): boolean {
  if (answer === undefined) return false;
  const accepted: readonly Scalar[] = 'equals' in condition ? [condition.equals] : condition.in;
  const given: readonly Scalar[] = Array.isArray(answer) ? answer : [answer];
  return given.some((value) => accepted.includes(value));
}

/**
 * An answer by id, ignoring inherited properties: a question may be called `constructor` or `toString`, and
 * an unanswered one must read as missing, not as a function from Object.prototype.
 */
function own<T>(record: Readonly<Record<string, T>>, id: string): T | undefined {
  return Object.hasOwn(record, id) ? record[id] : undefined;
}

interface Resolved {
  question: Question;
  visible: boolean;
  result: FieldResult;
}

/**
 * Walks the questions in form order, validating each answer and deciding visibility from the validated
 * answers of earlier questions (so `"1,000"` typed into a money question compares as 100000 cents).
 */
function resolve(
  questionSet: QuestionSet,
  raw: Record<string, unknown>,
  context: FieldContext,
): Resolved[] {
  const values = new Map<string, AnswerValue | undefined>();
  const visibility = new Map<string, boolean>();
  return allQuestions(questionSet).map((question) => {
    const condition = question.showIf;
    const visible =
      !condition ||
      (visibility.get(condition.questionId) === true &&
        conditionHolds(condition, values.get(condition.questionId)));
    const result = validateField(question, own(raw, question.id), context);
    visibility.set(question.id, visible);
    values.set(question.id, visible && result.ok ? result.value : undefined);
    return { question, visible, result };
  });
}

function contextFor(
  language: Language,
  today: PlainDate | undefined,
  timeZone: string,
): FieldContext {
  // "today" is read when an answer is checked, not when the schema is built, so a long-lived schema in the
  // API never goes stale at midnight.
  return { language, today: () => today ?? toZonedDate(new Date(), timeZone) };
}

/** The questions a person with these answers is asked (showIf conditions that hold), in form order. */
export function visibleQuestions(
  questionSet: QuestionSet,
  answers: Record<string, unknown>,
): Question[] {
  return resolve(questionSet, answers, contextFor('en', undefined, DEFAULT_TIME_ZONE))
    .filter((r) => r.visible)
    .map((r) => r.question);
}

export interface AnswersSchemaOptions {
  language: Language;
  /** Validate only this step's questions (per-step form validation); omit to validate everything (submit). */
  step?: string;
  /** The date "today" means for date bounds; by default the current date in `timeZone`. */
  today?: PlainDate;
  /** The agency's zone for "today"; default America/New_York. */
  timeZone?: string;
}

/**
 * The zod schema of a complete (or, with `step`, one step's) answer set. Visible questions are validated with
 * messages in `language` and issue paths `[questionId]`, one issue per question; hidden questions and unknown
 * keys are dropped from the output. The output is the answers as the API stores them (see the file comment).
 */
export function buildAnswersSchema(
  questionSet: QuestionSet,
  options: AnswersSchemaOptions,
): z.ZodType<Answers, Record<string, unknown>> {
  const { language, step, today, timeZone = DEFAULT_TIME_ZONE } = options;
  let inScope: ReadonlySet<string> | null = null;
  if (step !== undefined) {
    const found = questionSet.steps.find((s) => s.id === step);
    if (!found) throw new Error(`No step ${step} in this question set`);
    inScope = new Set(found.questions.map((q) => q.id));
  }
  return z.record(z.string(), z.unknown()).transform((raw, ctx) => {
    const answers: Answers = {};
    for (const { question, visible, result } of resolve(
      questionSet,
      raw,
      contextFor(language, today, timeZone),
    )) {
      if (!visible || (inScope && !inScope.has(question.id))) continue;
      if (!result.ok)
        ctx.addIssue({
          code: 'custom',
          path: [question.id],
          message: result.message,
          input: own(raw, question.id),
        });
      else if (result.value !== undefined) answers[question.id] = result.value;
    }
    return answers;
  });
}

// ---------------------------------------------------------------------------------------------------------
// Eligibility.

export const ELIGIBILITY_OPS = ['eq', 'neq', 'lt', 'lte', 'gt', 'gte', 'in', 'notIn'] as const;

/**
 * A condition an applicant must meet, e.g. `{ questionId: 'employees', op: 'lt', value: 50, reason: … }`;
 * `reason` is shown when it is not met. `appliesIf` limits the rule to some applicants (e.g. renters only).
 * Comparisons (lt…gte) work on numbers (money in cents) and on `YYYY-MM-DD` dates.
 */
export const eligibilityRuleSchema = z
  .object({
    questionId: identifierSchema,
    op: z.enum(ELIGIBILITY_OPS),
    value: z.union([scalarSchema, z.array(scalarSchema).min(1)]),
    reason: localizedTextSchema,
    appliesIf: conditionSchema.optional(),
  })
  .strict()
  .superRefine((rule, ctx) => {
    const isList = rule.op === 'in' || rule.op === 'notIn';
    if (isList !== Array.isArray(rule.value)) {
      ctx.addIssue({
        code: 'custom',
        path: ['value'],
        message: isList ? `${rule.op} needs a list of values` : `${rule.op} needs a single value`,
      });
    }
    if (
      ['lt', 'lte', 'gt', 'gte'].includes(rule.op) &&
      !(typeof rule.value === 'number' || isPlainDate(rule.value))
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['value'],
        message: `${rule.op} compares numbers or YYYY-MM-DD dates`,
      });
    }
  });
export type EligibilityRule = z.infer<typeof eligibilityRuleSchema>;

function compare(answer: AnswerValue, value: Scalar): number | null {
  if (typeof answer === 'number' && typeof value === 'number') return answer - value;
  if (
    typeof answer === 'string' &&
    typeof value === 'string' &&
    isPlainDate(answer) &&
    isPlainDate(value)
  ) {
    return answer < value ? -1 : answer > value ? 1 : 0;
  }
  return null;
}

function ruleHolds(rule: EligibilityRule, answer: AnswerValue | undefined): boolean {
  // An answer that is missing cannot show that the applicant qualifies.
  if (answer === undefined) return false;
  const given: readonly Scalar[] = Array.isArray(answer) ? answer : [answer];
  const list: readonly Scalar[] = Array.isArray(rule.value) ? rule.value : [rule.value];
  switch (rule.op) {
    case 'eq':
    case 'in':
      return given.some((v) => list.includes(v));
    case 'neq':
    case 'notIn':
      return !given.some((v) => list.includes(v));
    default: {
      if (Array.isArray(answer) || Array.isArray(rule.value)) return false;
      const difference = compare(answer, rule.value);
      if (difference === null) return false;
      if (rule.op === 'lt') return difference < 0;
      if (rule.op === 'lte') return difference <= 0;
      if (rule.op === 'gt') return difference > 0;
      return difference >= 0;
    }
  }
}

export interface EligibilityResult {
  eligible: boolean;
  /** Why not, in plain language, one line per unmet rule (duplicates removed). Empty when eligible. */
  reasons: string[];
}

/** Checks validated answers (the output of `buildAnswersSchema`) against a program's eligibility rules. */
export function checkEligibility(
  rules: readonly EligibilityRule[],
  answers: Readonly<Record<string, AnswerValue | undefined>>,
  language: Language,
): EligibilityResult {
  const reasons: string[] = [];
  for (const rule of rules) {
    if (rule.appliesIf && !conditionHolds(rule.appliesIf, own(answers, rule.appliesIf.questionId)))
      continue;
    if (!ruleHolds(rule, own(answers, rule.questionId))) {
      const reason = rule.reason[language];
      if (!reasons.includes(reason)) reasons.push(reason);
    }
  }
  return { eligible: reasons.length === 0, reasons };
}
