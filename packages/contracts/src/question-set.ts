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
import {
  CHOICE,
  DEFAULT_TIME_ZONE,
  conditionHolds,
  contextFor,
  own,
  resolve,
  type AnswerValue,
  type Answers,
} from './question-answers.ts';
import type { Language } from './language.ts';

// The web remotes still import the type from here (their imports belong to the web-side work of issue 10).
export type { Language } from './language.ts';

// Answer checking lives in question-answers.ts (no zod, for the browser); these are part of this module's API.
export {
  DEFAULT_TIME_ZONE,
  allQuestions,
  conditionHolds,
  questionsById,
  visibleQuestions,
  type AnswerValue,
  type Answers,
} from './question-answers.ts';

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

export const PREFILL_SOURCES = ['name', 'email', 'phone'] as const;
export type PrefillSource = (typeof PREFILL_SOURCES)[number];
const PREFILL_TYPE: Record<PrefillSource, QuestionType> = {
  name: 'text',
  email: 'email',
  phone: 'phone',
};

export const DOCUMENT_MIME_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export type DocumentMimeType = (typeof DOCUMENT_MIME_TYPES)[number];

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
    /**
     * Filled in when a draft starts, from what the account already knows: the person's name (text), their email
     * (email), or the phone number they gave on their last application (phone). The person can still change it.
     */
    prefill: z.enum(PREFILL_SOURCES).optional(),
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
    if (q.prefill && PREFILL_TYPE[q.prefill] !== q.type)
      problem(
        'prefill',
        `prefill "${q.prefill}" applies to ${PREFILL_TYPE[q.prefill]} questions only`,
      );
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

/**
 * The answers a new draft starts with: each question marked `prefill` gets what the account knows for it, when that
 * value passes the question's own rules (a name longer than the question allows is left for the person to type).
 */
export function prefillAnswers(
  questionSet: QuestionSet,
  known: Partial<Record<PrefillSource, string | null>>,
  options: AnswersSchemaOptions,
): Answers {
  const proposed: Answers = {};
  for (const step of questionSet.steps)
    for (const q of step.questions) {
      const value = q.prefill ? known[q.prefill] : undefined;
      if (value) proposed[q.id] = value;
    }
  if (Object.keys(proposed).length === 0) return {};
  const checked = buildAnswersSchema(questionSet, options).safeParse(proposed);
  const refused = new Set(
    checked.success ? [] : checked.error.issues.map((i) => String(i.path[0])),
  );
  return Object.fromEntries(Object.entries(proposed).filter(([id]) => !refused.has(id)));
}

export const ELIGIBILITY_OPS = ['eq', 'neq', 'lt', 'lte', 'gt', 'gte', 'in', 'notIn'] as const;
export type EligibilityOp = (typeof ELIGIBILITY_OPS)[number];

/** The kinds of eligibility rule: a comparison, a drop between two amounts, a date within a recent period. */
export const ELIGIBILITY_RULE_KINDS = ['compare', 'percentDrop', 'withinLast'] as const;
export type EligibilityRuleKind = (typeof ELIGIBILITY_RULE_KINDS)[number];

/**
 * A comparison with one answer, e.g. `{ questionId: 'employees', op: 'lt', value: 50, reason: … }`; `reason` is
 * shown when it is not met. `appliesIf` limits the rule to some applicants (e.g. renters only). Comparisons
 * (lt…gte) work on numbers (money in cents) and on `YYYY-MM-DD` dates. `kind` may be left out (rules written before
 * the other kinds existed).
 */
export const compareRuleSchema = z
  .object({
    kind: z.literal('compare').optional(),
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

/**
 * "Revenue fell by at least 20 %": the answer to `afterQuestionId` is at least `atLeastPercent` % below the answer
 * to `beforeQuestionId` (both number or money questions; a before amount of 0 or less cannot show a drop).
 */
export const percentDropRuleSchema = z
  .object({
    kind: z.literal('percentDrop'),
    beforeQuestionId: identifierSchema,
    afterQuestionId: identifierSchema,
    atLeastPercent: z.number().gt(0).max(100),
    reason: localizedTextSchema,
    appliesIf: conditionSchema.optional(),
  })
  .strict()
  .superRefine((rule, ctx) => {
    if (rule.beforeQuestionId === rule.afterQuestionId)
      ctx.addIssue({
        code: 'custom',
        path: ['afterQuestionId'],
        message: 'compare two different questions',
      });
  });

/** "Permit fee paid within the last 12 months": a date answer no later than today and no earlier than N months ago. */
export const withinLastRuleSchema = z
  .object({
    kind: z.literal('withinLast'),
    questionId: identifierSchema,
    months: z.number().int().min(1).max(240),
    reason: localizedTextSchema,
    appliesIf: conditionSchema.optional(),
  })
  .strict();

/** A condition an applicant must meet; see the three kinds above. */
export const eligibilityRuleSchema = z.discriminatedUnion('kind', [
  compareRuleSchema,
  percentDropRuleSchema,
  withinLastRuleSchema,
]);
export type EligibilityRule = z.infer<typeof eligibilityRuleSchema>;
export type CompareRule = z.infer<typeof compareRuleSchema>;
export type PercentDropRule = z.infer<typeof percentDropRuleSchema>;
export type WithinLastRule = z.infer<typeof withinLastRuleSchema>;

export function ruleKind(rule: EligibilityRule): EligibilityRuleKind {
  return rule.kind ?? 'compare';
}

/** The questions a rule reads (not counting appliesIf), in the order it reads them. */
export function ruleQuestionIds(rule: EligibilityRule): string[] {
  return rule.kind === 'percentDrop'
    ? [rule.beforeQuestionId, rule.afterQuestionId]
    : [rule.questionId];
}

/**
 * Why `rule` cannot work against these questions (a question that does not exist or of the wrong type, a value no
 * answer can have), as `{ path, message }` relative to the rule; empty when it can.
 */
export function eligibilityRuleProblems(
  rule: EligibilityRule,
  questions: ReadonlyMap<string, Question>,
): Array<{ path: Array<string | number>; message: string }> {
  const problems: Array<{ path: Array<string | number>; message: string }> = [];
  const need = (
    path: string,
    id: string,
    types: ReadonlySet<QuestionType> | null,
    what: string,
  ) => {
    const q = questions.get(id);
    if (!q) problems.push({ path: [path], message: `no question ${id}` });
    else if (types && !types.has(q.type))
      problems.push({ path: [path], message: `${id} is not ${what} question` });
    return q;
  };
  if (rule.kind === 'percentDrop') {
    need('beforeQuestionId', rule.beforeQuestionId, NUMERIC, 'a number or money');
    need('afterQuestionId', rule.afterQuestionId, NUMERIC, 'a number or money');
  } else if (rule.kind === 'withinLast') {
    need('questionId', rule.questionId, new Set<QuestionType>(['date']), 'a date');
  } else {
    const q = need('questionId', rule.questionId, null, '');
    if (q) {
      const values = Array.isArray(rule.value) ? rule.value : [rule.value];
      const valuesProblem = answerValuesProblem(values, q);
      if (valuesProblem) problems.push({ path: ['value'], message: valuesProblem });
    }
  }
  if (rule.appliesIf) {
    const condition = rule.appliesIf;
    const controller = questions.get(condition.questionId);
    const message = controller
      ? answerValuesProblem('equals' in condition ? [condition.equals] : condition.in, controller)
      : `no question ${condition.questionId}`;
    if (message) problems.push({ path: ['appliesIf'], message });
  }
  return problems;
}

/** The problems of every rule of a list, each path starting at its rule's index in the list. */
export function eligibilityRulesProblems(
  rules: EligibilityRule[],
  questions: ReadonlyMap<string, Question>,
): Array<{ path: Array<string | number>; message: string }> {
  return rules.flatMap((rule, i) =>
    eligibilityRuleProblems(rule, questions).map((p) => ({
      path: [i, ...p.path],
      message: p.message,
    })),
  );
}

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

/** `date` minus `months` calendar months (the last day of a shorter month when the day does not exist). */
export function monthsBefore(date: PlainDate, months: number): PlainDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) - months;
  const year = Math.floor(total / 12);
  const month = total - year * 12 + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${pad(year, 4)}-${pad(month)}-${pad(Math.min(d, lastDay))}`;
}

function ruleHolds(
  rule: EligibilityRule,
  answers: Readonly<Record<string, AnswerValue | undefined>>,
  today: PlainDate,
): boolean {
  if (rule.kind === 'percentDrop') {
    const before = own(answers, rule.beforeQuestionId);
    const after = own(answers, rule.afterQuestionId);
    if (typeof before !== 'number' || typeof after !== 'number' || before <= 0) return false;
    // Compared in whole products to avoid rounding: (before - after) / before >= p / 100.
    return (before - after) * 100 >= rule.atLeastPercent * before;
  }
  const answer = own(answers, rule.questionId);
  // An answer that is missing cannot show that the applicant qualifies.
  if (answer === undefined) return false;
  if (rule.kind === 'withinLast') {
    if (typeof answer !== 'string' || !isPlainDate(answer)) return false;
    return answer <= today && answer >= monthsBefore(today, rule.months);
  }
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

export interface EligibilityOptions {
  /** The date "within the last N months" counts back from; by default today in `timeZone`. */
  today?: PlainDate;
  /** The agency's zone for "today"; default America/New_York. */
  timeZone?: string;
}

/** Whether one rule lets these answers through: 'not_applicable' when its appliesIf does not hold. */
export function evaluateRule(
  rule: EligibilityRule,
  answers: Readonly<Record<string, AnswerValue | undefined>>,
  options: EligibilityOptions = {},
): 'pass' | 'fail' | 'not_applicable' {
  if (rule.appliesIf && !conditionHolds(rule.appliesIf, own(answers, rule.appliesIf.questionId)))
    return 'not_applicable';
  const today = options.today ?? toZonedDate(new Date(), options.timeZone ?? DEFAULT_TIME_ZONE);
  return ruleHolds(rule, answers, today) ? 'pass' : 'fail';
}

/** Checks validated answers (the output of `buildAnswersSchema`) against a program's eligibility rules. */
export function checkEligibility(
  rules: readonly EligibilityRule[],
  answers: Readonly<Record<string, AnswerValue | undefined>>,
  language: Language,
  options: EligibilityOptions = {},
): EligibilityResult {
  const reasons: string[] = [];
  const today = options.today ?? toZonedDate(new Date(), options.timeZone ?? DEFAULT_TIME_ZONE);
  for (const rule of rules) {
    if (evaluateRule(rule, answers, { today }) === 'fail') {
      const reason = rule.reason[language];
      if (!reasons.includes(reason)) reasons.push(reason);
    }
  }
  return { eligible: reasons.length === 0, reasons };
}
