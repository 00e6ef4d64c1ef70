/**
 * Answers to a question set: reading and checking one answer, which questions are shown (showIf), and the
 * messages, in English and Spanish. No zod here, so a browser can render a form step (visibility depends on the
 * checked answers) without downloading zod; `buildAnswersSchema` in question-set.ts wraps this in the one zod
 * schema the form and the API validate with. See question-set.ts for the stored shape of each answer.
 */
import { isPlainDate, toZonedDate, type PlainDate } from './business-days.ts';
import { formatCents, parseDollars } from './money.ts';
import type { Condition, Question, QuestionSet, QuestionType, Scalar } from './question-set.ts';
import type { Language } from './language.ts';

// Free text is capped even when a program sets no limit: the API must not store (or run a program's pattern
// over) unbounded input.
const DEFAULT_MAX_LENGTH: Partial<Record<QuestionType, number>> = { text: 500, textarea: 5000 };
const EMAIL_MAX_LENGTH = 254;
const DEFAULT_MAX_FILES = 10;
export const DEFAULT_TIME_ZONE = 'America/New_York';
export const CHOICE: ReadonlySet<QuestionType> = new Set(['select', 'radio']);

/** Every question of a set, in form order. */
export function allQuestions(questionSet: QuestionSet): Question[] {
  return questionSet.steps.flatMap((step) => step.questions);
}

/** Every question of a set by its id. */
export function questionsById(questionSet: QuestionSet): Map<string, Question> {
  return new Map(allQuestions(questionSet).map((q) => [q.id, q]));
}

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

// The patterns of zod's z.uuid() and z.email() (zod 4, core/regexes), so this file needs no zod at run time;
// question-answers.test.ts checks they still agree with zod.
export const UUID_PATTERN =
  /^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-8][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}|00000000-0000-0000-0000-000000000000|ffffffff-ffff-ffff-ffff-ffffffffffff)$/;
export const EMAIL_PATTERN =
  /^(?:[A-Za-z0-9_'+-]+\.)*[A-Za-z0-9_'+-]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9][A-Za-z0-9-]*\.)+[A-Za-z]{2,}$/;
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
      if (text.length > EMAIL_MAX_LENGTH || !EMAIL_PATTERN.test(text)) return fail(m.email(name));
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
      if (
        !Array.isArray(raw) ||
        !raw.every((id) => typeof id === 'string' && UUID_PATTERN.test(id))
      )
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
export function own<T>(record: Readonly<Record<string, T>>, id: string): T | undefined {
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
export function resolve(
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

export function contextFor(
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
