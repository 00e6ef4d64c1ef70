/**
 * Made-up but believable practice cases: an applicant (name, language), answers to any program's question set that the
 * form's own schema accepts in both languages and that meet the program's eligibility rules, small generated files
 * for its document questions, and a bank account with a real test routing number. Pure functions of a seeded random
 * source, so a test can reproduce a case; nothing here touches the database.
 */
import { isPlainDate, toZonedDate } from '@hms/contracts/business-days';
import { bankDetailsSchemaIn, type BankDetails } from '@hms/contracts/applications';
import type { ProgramDefinition } from '@hms/contracts/programs';
import {
  buildAnswersSchema,
  checkEligibility,
  conditionHolds,
  monthsBefore,
  type AnswerValue,
  type Answers,
  type EligibilityRule,
  type Question,
} from '@hms/contracts/question-set';
import type { Language } from '@hms/contracts/language';
import type { ProblemFieldError } from '@hms/contracts/problem';
import type { SeededRandom } from '../../platform/seeded-random.ts';

const FIRST_NAMES = [
  'Ana',
  'Luis',
  'Grace',
  'Omar',
  'Rosa',
  'Daniel',
  'Mei',
  'Carlos',
  'Aisha',
  'Tomás',
  'Emily',
  'Jorge',
  'Nadia',
  'Samuel',
  'Lucía',
  'Kevin',
];
const LAST_NAMES = [
  'Rivera',
  'Nguyen',
  'Johnson',
  'García',
  'Okafor',
  'Smith',
  'Martínez',
  'Patel',
  'Brown',
  'Delgado',
  'Kim',
  'Torres',
];

export interface PracticeApplicant {
  displayName: string;
  language: Language;
}

/** A made-up applicant; every other one reads Spanish, so trainees see both languages of answers. */
export function practiceApplicant(rng: SeededRandom, index: number): PracticeApplicant {
  return {
    displayName: `${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)}`,
    language: index % 2 === 0 ? 'en' : 'es',
  };
}

// Test routing numbers of real US banks (ABA check digit valid, ACH-eligible prefixes): files built from them would
// pass a bank's format checks, which is the point of a realistic case. They never leave HMS (practice never batches).
export const PRACTICE_ROUTING_NUMBERS = [
  '011000015',
  '021000021',
  '026009593',
  '011000028',
  '121000358',
  '111000025',
] as const;

/** A bank account in the applicant's name, checked by the same schema as the citizen's bank step. */
export function practiceBankAccount(
  rng: SeededRandom,
  holderName: string,
  language: Language,
): BankDetails {
  const accountNumber = String(rng.int(10_000_000, 99_999_999)) + String(rng.int(100, 999));
  return bankDetailsSchemaIn(language).parse({
    holderName: holderName.slice(0, 22).trim(),
    accountType: rng.next() < 0.8 ? 'checking' : 'savings',
    routingNumber: rng.pick(PRACTICE_ROUTING_NUMBERS),
    accountNumber,
    accountNumberConfirm: accountNumber,
    achAuthorization: true,
  });
}

// ---- Files -------------------------------------------------------------------------------------------------------

/** A one-page PDF whose page says what the file is (a few hundred bytes, opened by any PDF reader). */
export function practicePdf(title: string): Buffer {
  const text = title
    .replace(/[()\\]/g, ' ')
    .replace(/[^\x20-\x7e]/g, '?')
    .slice(0, 80);
  const content = `BT /F1 14 Tf 72 720 Td (PRACTICE - ${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) body += `${String(off).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

/** A 1×1 grey PNG: the smallest image a question that accepts only images can take. */
const TINY_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGNoAAAAggCBd81ytgAAAABJRU5ErkJggg==',
  'base64',
);

export interface GeneratedFile {
  questionId: string;
  filename: string;
  content: Buffer;
}

function practiceFile(q: Question, language: Language, n: number): GeneratedFile {
  const accept = q.accept ?? ['application/pdf'];
  const label = q.label[language];
  const slug = q.id.replace(/[^A-Za-z0-9]+/g, '-').toLowerCase();
  if (accept.includes('application/pdf'))
    return { questionId: q.id, filename: `practice-${slug}-${n}.pdf`, content: practicePdf(label) };
  return { questionId: q.id, filename: `practice-${slug}-${n}.png`, content: TINY_PNG };
}

// ---- Text that matches a pattern ---------------------------------------------------------------------------------

const DIGITS = '0123456789';
const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const WORD = UPPER + LOWER + DIGITS + '_';

/**
 * A string matching a simple regular expression (anchors, literals, escapes \d \w \s, classes [A-Z0-9-], groups with
 * alternatives, and ? * + {n} {n,m} quantifiers): what program patterns use (ZIP codes, EINs, permit numbers). Null
 * for anything else (back references, lookarounds…); the caller then falls back to other answers.
 */
export function sampleRegex(pattern: string, rng: SeededRandom): string | null {
  let i = 0;
  const fail = () => {
    throw new Error('unsupported');
  };
  const atom = (): (() => string) => {
    const c = pattern[i]!;
    if (c === '(') {
      i += 1;
      if (pattern[i] === '?') {
        if (pattern[i + 1] === ':') i += 2;
        else fail();
      }
      const alts = alternatives(')');
      if (pattern[i] !== ')') fail();
      i += 1;
      return () => rng.pick(alts)();
    }
    if (c === '[') {
      i += 1;
      let negate = false;
      if (pattern[i] === '^') {
        negate = true;
        i += 1;
      }
      let set = '';
      while (i < pattern.length && pattern[i] !== ']') {
        const ch = pattern[i]!;
        if (ch === '\\') {
          i += 1;
          const e = pattern[i]!;
          set += e === 'd' ? DIGITS : e === 'w' ? WORD : e === 's' ? ' ' : e;
          i += 1;
          continue;
        }
        if (pattern[i + 1] === '-' && pattern[i + 2] && pattern[i + 2] !== ']') {
          const end = pattern[i + 2]!;
          for (let code = ch.charCodeAt(0); code <= end.charCodeAt(0); code += 1)
            set += String.fromCharCode(code);
          i += 3;
          continue;
        }
        set += ch;
        i += 1;
      }
      if (pattern[i] !== ']') fail();
      i += 1;
      if (negate) set = [...(UPPER + DIGITS)].filter((ch) => !set.includes(ch)).join('');
      if (!set) fail();
      return () => set[rng.int(0, set.length - 1)]!;
    }
    if (c === '\\') {
      i += 1;
      const e = pattern[i]!;
      i += 1;
      if (e === 'd') return () => DIGITS[rng.int(0, 9)]!;
      if (e === 'w') return () => WORD[rng.int(0, WORD.length - 1)]!;
      if (e === 's') return () => ' ';
      if (/[A-Za-z0-9]/.test(e)) fail();
      return () => e;
    }
    if (c === '.') {
      i += 1;
      return () => UPPER[rng.int(0, 25)]!;
    }
    if ('*+?{|)'.includes(c)) fail();
    i += 1;
    return () => c;
  };
  const quantified = (): (() => string) => {
    const a = atom();
    const c = pattern[i];
    let lo = 1;
    let hi = 1;
    if (c === '?') [lo, hi, i] = [0, 1, i + 1];
    else if (c === '*') [lo, hi, i] = [0, 3, i + 1];
    else if (c === '+') [lo, hi, i] = [1, 3, i + 1];
    else if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(pattern.slice(i));
      if (!m) fail();
      lo = Number(m![1]);
      hi = m![2] ? (m![3] ? Number(m![3]) : lo + 3) : lo;
      i += m![0].length;
    }
    return () => {
      let out = '';
      for (let n = rng.int(lo, hi); n > 0; n -= 1) out += a();
      return out;
    };
  };
  const sequence = (end: string): (() => string) => {
    const parts: Array<() => string> = [];
    while (i < pattern.length && pattern[i] !== '|' && pattern[i] !== end) {
      if (pattern[i] === '^' || pattern[i] === '$') {
        i += 1;
        continue;
      }
      parts.push(quantified());
    }
    return () => parts.map((p) => p()).join('');
  };
  const alternatives = (end: string): Array<() => string> => {
    const alts = [sequence(end)];
    while (pattern[i] === '|') {
      i += 1;
      alts.push(sequence(end));
    }
    return alts;
  };
  try {
    const alts = alternatives('\u0000');
    if (i !== pattern.length) return null;
    const re = new RegExp(pattern, 'u');
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const s = rng.pick(alts)();
      if (re.test(s)) return s;
    }
    return null;
  } catch {
    return null;
  }
}

// ---- Answers -----------------------------------------------------------------------------------------------------

const SENTENCES: Record<Language, readonly string[]> = {
  en: [
    'This is a practice case made up for training.',
    'The work was finished last month and the receipts are attached.',
    'Our costs went up while our income went down this year.',
    'Please contact me by email if anything is missing.',
  ],
  es: [
    'Este es un caso de práctica inventado para entrenar.',
    'El trabajo terminó el mes pasado y los recibos están adjuntos.',
    'Nuestros gastos subieron mientras nuestros ingresos bajaron este año.',
    'Escríbame por correo electrónico si falta algo.',
  ],
};

function textOfLength(rng: SeededRandom, language: Language, min: number, max: number): string {
  let text = rng.pick(SENTENCES[language]);
  while (text.length < min) text += ` ${rng.pick(SENTENCES[language])}`;
  if (text.length > max) text = text.slice(0, max).trimEnd();
  while (text.length < min) text += 'x';
  return text;
}

function dateBound(bound: string | undefined, today: string): string | undefined {
  if (bound === undefined) return undefined;
  return bound === 'today' ? today : bound;
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

function plusDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

export interface AnswerContext {
  applicant: { name: string; email: string; language: Language };
  today: string;
  /** The amount question's id and the most the request may ask for (program maximum, threshold, budget left). */
  amount: { questionId: string; minCents: number; maxCents: number };
}

/** A value for one question that its own rules accept (required or not: a practice case answers everything). */
function valueFor(q: Question, rng: SeededRandom, ctx: AnswerContext): AnswerValue | undefined {
  const lang = ctx.applicant.language;
  switch (q.type) {
    case 'text':
    case 'textarea': {
      if (q.prefill === 'name') return ctx.applicant.name;
      if (q.pattern) return sampleRegex(q.pattern.regex, rng) ?? undefined;
      const min = q.minLength ?? 1;
      const max = q.maxLength ?? (q.type === 'text' ? 80 : 400);
      return q.type === 'text' &&
        max >= ctx.applicant.name.length &&
        min <= ctx.applicant.name.length
        ? rng.next() < 0.5
          ? ctx.applicant.name
          : textOfLength(rng, lang, min, Math.min(max, 60))
        : textOfLength(rng, lang, min, max);
    }
    case 'email':
      return ctx.applicant.email;
    case 'phone':
      return `+1202555${String(rng.int(100, 9999)).padStart(4, '0')}`;
    case 'number': {
      const lo = Math.ceil(q.min ?? 0);
      const hi = Math.floor(q.max ?? lo + 50);
      return rng.int(lo, Math.max(lo, Math.min(hi, lo + 50)));
    }
    case 'money': {
      if (q.id === ctx.amount.questionId) {
        const lo = Math.max(q.min ?? 0, ctx.amount.minCents);
        const hi = Math.min(q.max ?? ctx.amount.maxCents, ctx.amount.maxCents);
        // Whole dollars, mostly round: what people ask for.
        const dollars = rng.int(
          Math.ceil(lo / 100),
          Math.max(Math.ceil(lo / 100), Math.floor(hi / 100)),
        );
        return dollars * 100;
      }
      const lo = q.min ?? 10_000;
      const hi = q.max ?? lo + 5_000_000;
      return (
        rng.int(Math.ceil(lo / 100), Math.max(Math.ceil(lo / 100), Math.floor(hi / 100))) * 100
      );
    }
    case 'date': {
      const min = dateBound(q.minDate, ctx.today);
      const max = dateBound(q.maxDate, ctx.today);
      if (min && max) return plusDays(min, rng.int(0, Math.max(0, daysBetween(min, max))));
      if (max) return plusDays(max, -rng.int(5, 300));
      if (min) return plusDays(min, rng.int(0, 60));
      return plusDays(ctx.today, -rng.int(5, 300));
    }
    case 'select':
    case 'radio':
      return rng.pick(q.options ?? []).value;
    case 'checkbox': {
      if (!q.options) return true;
      const chosen = q.options.filter(() => rng.next() < 0.5).map((o) => o.value);
      return chosen.length > 0 ? chosen : [q.options[0]!.value];
    }
    case 'document':
      return undefined; // filled in by generateAnswers, with the files it makes
  }
}

/** Moves the answers a rule reads so that it holds, within the questions' own limits; false when it cannot. */
function satisfy(
  rule: EligibilityRule,
  byId: ReadonlyMap<string, Question>,
  answers: Answers,
  rng: SeededRandom,
  ctx: AnswerContext,
): boolean {
  if (rule.kind === 'percentDrop') {
    const before = byId.get(rule.beforeQuestionId);
    const after = byId.get(rule.afterQuestionId);
    if (!before || !after) return false;
    const step = (q: Question) => (q.type === 'money' ? 100 : 1);
    const lo = Math.max(before.min ?? 0, step(before));
    const hi = before.max ?? lo * 1000;
    const b =
      rng.int(
        Math.ceil(lo / step(before)),
        Math.max(Math.ceil(lo / step(before)), Math.floor(Math.min(hi, lo * 1000) / step(before))),
      ) * step(before);
    const percent = Math.min(100, rule.atLeastPercent + rng.int(0, 15));
    let a = Math.floor((b * (100 - percent)) / 100 / step(after)) * step(after);
    if (after.min !== undefined && a < after.min)
      a = Math.ceil(after.min / step(after)) * step(after);
    if (after.max !== undefined && a > after.max) return false;
    answers[before.id] = b;
    answers[after.id] = a;
    return (b - a) * 100 >= rule.atLeastPercent * b;
  }
  const q = byId.get(rule.questionId);
  if (!q) return false;
  if (rule.kind === 'withinLast') {
    let lo = monthsBefore(ctx.today, rule.months);
    let hi = ctx.today;
    const min = dateBound(q.minDate, ctx.today);
    const max = dateBound(q.maxDate, ctx.today);
    if (min && min > lo) lo = min;
    if (max && max < hi) hi = max;
    if (lo > hi) return false;
    answers[q.id] = plusDays(hi, -rng.int(0, Math.min(daysBetween(lo, hi), 90)));
    return true;
  }
  return satisfyCompare(rule, q, answers, rng, ctx);
}

function satisfyCompare(
  rule: Extract<EligibilityRule, { op: unknown }>,
  q: Question,
  answers: Answers,
  rng: SeededRandom,
  ctx: AnswerContext,
) {
  const list = Array.isArray(rule.value) ? rule.value : [rule.value];
  const asAnswer = (v: string | number | boolean): AnswerValue =>
    q.type === 'checkbox' && q.options ? [String(v)] : (v as AnswerValue);
  switch (rule.op) {
    case 'eq':
    case 'in':
      answers[q.id] = asAnswer(rng.pick(list));
      return true;
    case 'neq':
    case 'notIn': {
      if (q.options) {
        const free = q.options.filter((o) => !list.includes(o.value));
        if (free.length === 0) return false;
        answers[q.id] = asAnswer(rng.pick(free).value);
        return true;
      }
      const current = answers[q.id];
      if (current !== undefined && !list.includes(current as string | number | boolean))
        return true;
      if (typeof list[0] === 'number') {
        answers[q.id] = Math.max(...(list as number[])) + (q.type === 'money' ? 100 : 1);
        return true;
      }
      return false;
    }
    default: {
      const v = rule.value as string | number;
      if (typeof v === 'number') {
        const step = q.type === 'money' ? 100 : 1;
        let lo = q.min ?? (q.type === 'money' ? 0 : -1_000_000);
        let hi = q.max ?? (q.type === 'money' ? 1_000_000_000 : 1_000_000);
        if (q.id === ctx.amount.questionId) {
          lo = Math.max(lo, ctx.amount.minCents);
          hi = Math.min(hi, ctx.amount.maxCents);
        }
        if (rule.op === 'lt') hi = Math.min(hi, v - step);
        if (rule.op === 'lte') hi = Math.min(hi, v);
        if (rule.op === 'gt') lo = Math.max(lo, v + step);
        if (rule.op === 'gte') lo = Math.max(lo, v);
        const a = Math.ceil(lo / step);
        const b = Math.floor(hi / step);
        if (a > b) return false;
        answers[q.id] = rng.int(a, Math.min(b, a + 50)) * step;
        return true;
      }
      if (!isPlainDate(v)) return false;
      let lo = dateBound(q.minDate, ctx.today) ?? plusDays(ctx.today, -3650);
      let hi = dateBound(q.maxDate, ctx.today) ?? plusDays(ctx.today, 3650);
      if (rule.op === 'lt') hi = [hi, plusDays(v, -1)].sort()[0]!;
      if (rule.op === 'lte') hi = [hi, v].sort()[0]!;
      if (rule.op === 'gt') lo = [lo, plusDays(v, 1)].sort()[1]!;
      if (rule.op === 'gte') lo = [lo, v].sort()[1]!;
      if (lo > hi) return false;
      answers[q.id] = plusDays(lo, rng.int(0, Math.min(daysBetween(lo, hi), 60)));
      return true;
    }
  }
}

export interface GeneratedCase {
  answers: Answers;
  /** The files of the document questions still shown, with the ids the answers name. */
  files: Array<GeneratedFile & { id: string }>;
}

/**
 * Answers (and files) for a program's form that `buildAnswersSchema` accepts in English and in Spanish and that meet
 * every eligibility rule. Tries a few random cases; throws PracticeGenerationError naming the questions that kept
 * failing when none works (a pattern too complex to sample, rules that contradict the form's limits).
 */
export function generateAnswers(
  def: ProgramDefinition,
  rng: SeededRandom,
  ctx: AnswerContext,
  newId: () => string,
  timeZone: string,
): GeneratedCase {
  const questions = def.questionSet.steps.flatMap((s) => s.questions);
  const byId = new Map(questions.map((q) => [q.id, q]));
  let lastErrors: ProblemFieldError[] = [];
  for (let attempt = 0; attempt < 25; attempt += 1) {
    const answers: Answers = {};
    const files: GeneratedCase['files'] = [];
    for (const q of questions) {
      const v = valueFor(q, rng, ctx);
      if (v !== undefined) answers[q.id] = v;
    }
    let rulesOk = true;
    for (const rule of def.eligibilityRules) {
      if (rule.appliesIf && !conditionHolds(rule.appliesIf, answers[rule.appliesIf.questionId]))
        continue;
      if (!satisfy(rule, byId, answers, rng, ctx)) rulesOk = false;
    }
    // Files only for the document questions the answers show.
    const shown = new Set<string>();
    for (const q of questions)
      if (!q.showIf || conditionHolds(q.showIf, answers[q.showIf.questionId])) shown.add(q.id);
    for (const q of questions) {
      if (q.type !== 'document' || !shown.has(q.id)) continue;
      const file = { ...practiceFile(q, ctx.applicant.language, 1), id: newId() };
      files.push(file);
      answers[q.id] = [file.id];
    }
    const errors: ProblemFieldError[] = [];
    for (const language of ['en', 'es'] as const) {
      const parsed = buildAnswersSchema(def.questionSet, { language, timeZone }).safeParse(answers);
      if (!parsed.success)
        for (const issue of parsed.error.issues)
          errors.push({ field: `answers.${String(issue.path[0])}`, message: issue.message });
      else {
        const verdict = checkEligibility(def.eligibilityRules, parsed.data, language, {
          today: ctx.today,
        });
        for (const reason of verdict.reasons) errors.push({ field: 'answers', message: reason });
      }
    }
    if (rulesOk && errors.length === 0) {
      const kept = buildAnswersSchema(def.questionSet, { language: 'en', timeZone }).parse(answers);
      return { answers: kept, files: files.filter((f) => Array.isArray(kept[f.questionId])) };
    }
    lastErrors =
      errors.length > 0
        ? errors
        : [{ field: 'answers', message: 'An eligibility rule cannot be met.' }];
  }
  throw new PracticeGenerationError(lastErrors);
}

export class PracticeGenerationError extends Error {
  constructor(readonly errors: ProblemFieldError[]) {
    super('No practice answers meet the program form and rules.');
  }
}

/** Today in the agency's zone, and a submission time some business days back (so deadlines differ). */
export function practiceToday(now: Date, timeZone: string): string {
  return toZonedDate(now, timeZone);
}
