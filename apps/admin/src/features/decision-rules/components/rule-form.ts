import {
  accountPrenoteStateLabels,
  accountPrenoteStates,
  ruleConditionSchema,
  ruleOps,
  type ConditionSubject,
  type DecisionRule,
  type RuleCondition,
  type RuleOp,
  type RuleOutcome,
} from '@hms/contracts/decision-rules';
import { riskLevelLabels } from '@hms/contracts/labels';
import { centsToDecimalString, parseDollars } from '@hms/contracts/money';
import type { Question } from '@hms/contracts/question-set';
import { riskLevels } from '@hms/contracts/risk';
import type { LocalizedText } from '@hms/contracts/language';

/**
 * The rule table as the editor holds it: each condition's value as typed, so a half-written amount stays on screen
 * while the rules built from it (the contract's shapes) are checked live.
 */
export interface ConditionForm {
  key: number;
  on: ConditionSubject;
  questionId: string;
  op: RuleOp;
  value: string;
}

export interface RuleForm {
  id: string;
  label: string;
  outcome: RuleOutcome;
  conditions: ConditionForm[];
}

/** Values of `is one of` / `is none of` are typed separated by this (a comma is part of an amount like 2,500). */
export const LIST_SEPARATOR = ';';
const LIST_OPS: ReadonlySet<RuleOp> = new Set(['in', 'not_in']);
export const isListOp = (op: RuleOp) => LIST_OPS.has(op);

/** The ops the contract accepts for a subject. */
export function opsFor(on: ConditionSubject): readonly RuleOp[] {
  if (on === 'eligible') return ['eq', 'ne'];
  if (on === 'prenote') return ['eq', 'ne', 'in', 'not_in'];
  return ruleOps;
}

export interface Choice {
  value: string;
  label: LocalizedText;
}

const YES_NO: Choice[] = [
  { value: 'yes', label: { en: 'Yes', es: 'Sí' } },
  { value: 'no', label: { en: 'No', es: 'No' } },
];

/** The values a subject can take when they are a short list (a select offers them), or null for typed values. */
export function choicesFor(on: ConditionSubject, question: Question | undefined): Choice[] | null {
  if (on === 'eligible') return YES_NO;
  if (on === 'risk_level') return riskLevels.map((l) => ({ value: l, label: riskLevelLabels[l] }));
  if (on === 'prenote')
    return accountPrenoteStates.map((s) => ({ value: s, label: accountPrenoteStateLabels[s] }));
  if (on === 'answer' && question) {
    if (question.options) return question.options.map((o) => ({ value: o.value, label: o.label }));
    if (question.type === 'checkbox') return YES_NO;
  }
  return null;
}

export type ValueProblem =
  'valueRequired' | 'valueAmount' | 'valueCount' | 'valueNumber' | 'valueChoice' | 'valueUnfit';

type Parsed = { ok: true; value: string | number | boolean } | { ok: false; problem: ValueProblem };

function parseOne(
  text: string,
  on: ConditionSubject,
  question: Question | undefined,
  choices: Choice[] | null,
): Parsed {
  const t = text.trim();
  if (t === '') return { ok: false, problem: 'valueRequired' };
  if (on === 'amount' || (on === 'answer' && question?.type === 'money')) {
    const r = parseDollars(t);
    return r.ok ? { ok: true, value: r.cents } : { ok: false, problem: 'valueAmount' };
  }
  if (on === 'approved_requests' || on === 'returned_payments')
    return /^\d{1,9}$/.test(t)
      ? { ok: true, value: Number(t) }
      : { ok: false, problem: 'valueCount' };
  if (on === 'answer' && question?.type === 'number') {
    const n = Number(t);
    return Number.isFinite(n) ? { ok: true, value: n } : { ok: false, problem: 'valueNumber' };
  }
  if (choices && !choices.some((c) => c.value === t)) return { ok: false, problem: 'valueChoice' };
  const yesNo =
    choices === YES_NO || (on === 'answer' && question?.type === 'checkbox' && !question.options);
  if (yesNo) return { ok: true, value: t === 'yes' };
  return { ok: true, value: t };
}

/** The condition a form row stands for, or why it does not stand for one yet. */
export function conditionFromForm(
  form: ConditionForm,
  questions: readonly Question[],
): { ok: true; condition: RuleCondition } | { ok: false; problem: ValueProblem } {
  const question = questions.find((q) => q.id === form.questionId);
  const choices = choicesFor(form.on, question);
  const texts = isListOp(form.op)
    ? form.value.split(LIST_SEPARATOR).filter((v) => v.trim() !== '')
    : [form.value];
  if (texts.length === 0) return { ok: false, problem: 'valueRequired' };
  const values: Array<string | number | boolean> = [];
  for (const text of texts) {
    const r = parseOne(text, form.on, question, choices);
    if (!r.ok) return r;
    values.push(r.value);
  }
  const candidate = {
    on: form.on,
    ...(form.on === 'answer' ? { questionId: form.questionId } : {}),
    op: form.op,
    value: isListOp(form.op) ? values : values[0],
  };
  const parsed = ruleConditionSchema.safeParse(candidate);
  return parsed.success
    ? { ok: true, condition: parsed.data }
    : { ok: false, problem: form.on === 'answer' && !question ? 'valueChoice' : 'valueUnfit' };
}

function valueText(v: unknown, money: boolean): string {
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  if (money && typeof v === 'number') return centsToDecimalString(v).replace(/\.00$/, '');
  return String(v);
}

/** A saved condition as the editor shows it. */
export function conditionToForm(
  c: RuleCondition,
  key: number,
  questions: readonly Question[],
): ConditionForm {
  const questionId = c.on === 'answer' ? c.questionId : '';
  const money =
    c.on === 'amount' ||
    (c.on === 'answer' && questions.find((q) => q.id === questionId)?.type === 'money');
  const values: unknown[] = Array.isArray(c.value) ? c.value : [c.value];
  return {
    key,
    on: c.on,
    questionId,
    op: c.op,
    value: values.map((v) => valueText(v, money)).join(`${LIST_SEPARATOR} `),
  };
}

export interface BuiltRules {
  rules: DecisionRule[];
  /** Condition rows that are not a condition yet, by their key. */
  problems: Map<number, ValueProblem>;
  /** Rules without a label, by their id. */
  unlabelled: Set<string>;
}

/** The rules the table stands for; only complete when `problems` and `unlabelled` are empty. */
export function buildRules(forms: readonly RuleForm[], questions: readonly Question[]): BuiltRules {
  const problems = new Map<number, ValueProblem>();
  const unlabelled = new Set<string>();
  const rules = forms.map((r) => {
    if (!r.label.trim()) unlabelled.add(r.id);
    const conditions: RuleCondition[] = [];
    for (const c of r.conditions) {
      const built = conditionFromForm(c, questions);
      if (built.ok) conditions.push(built.condition);
      else problems.set(c.key, built.problem);
    }
    return { id: r.id, label: r.label.trim(), outcome: r.outcome, conditions };
  });
  return { rules, problems, unlabelled };
}

let counter = 0;
/** A key for a new condition row, or a rule id that no other rule of the table has (letters and digits). */
export const nextKey = () => ++counter;
export const newRuleId = () => `r${Date.now().toString(36)}${(++counter).toString(36)}`;
