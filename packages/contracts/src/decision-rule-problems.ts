import { isPlainDate } from './business-days.ts';
import type { LocalizedText } from './language.ts';
import { CHOICE } from './question-answers.ts';
import { answerValuesProblem, type Question } from './question-set.ts';
import { riskLevels } from './risk.ts';
import {
  accountPrenoteStates,
  type DecisionRule,
  type RuleCondition,
  type RuleOp,
} from './decision-rules.ts';

/**
 * What the rule editor flags, and what publishing refuses. Errors (a condition that names no question of the program,
 * or reads it in a way its answers cannot be read) block publishing; warnings (a rule that can never match, one that
 * an earlier rule fully shadows, one that overlaps an earlier rule with another outcome) are shown to the author,
 * who may have meant them.
 *
 * The analysis is exact for every subject but multi-choice (checkbox with options) answers, which it treats as
 * unknown: it then flags only what is certain (a rule is shadowed only by an earlier one carrying the same
 * conditions on that answer, and may overlap). Shadowing is checked rule against rule, not against the union of
 * several earlier rules.
 */
export type RuleProblemKind =
  'unknown_question' | 'condition_unfit' | 'never_matches' | 'shadowed' | 'overlaps';

export interface RuleProblem {
  kind: RuleProblemKind;
  severity: 'error' | 'warning';
  /** The rule flagged (1-based position and id). */
  position: number;
  ruleId: string;
  /** The condition flagged (0-based), for the errors. */
  conditionIndex: number | null;
  /** The earlier rule it is shadowed by or overlaps (1-based position), for those warnings. */
  otherPosition: number | null;
  message: LocalizedText;
}

// ---------------------------------------------------------------------------------------------------------
// The set of values one condition lets through, per subject ("field"), so that a rule's conditions combine by
// intersection and two rules compare field by field (a rule is a product of its fields' sets).

interface Interval {
  lo: number;
  loIn: boolean;
  hi: number;
  hiIn: boolean;
}
interface OrderedSet {
  kind: 'ordered';
  integer: boolean;
  intervals: Interval[];
}
/** A set of values keyed by JSON: `include` null means "every value" (free text). */
interface DiscreteSet {
  kind: 'discrete';
  include: Set<string> | null;
  exclude: Set<string>;
}
/** Not analysed: the conditions themselves, so only identical conditions compare. */
interface OpaqueSet {
  kind: 'opaque';
  keys: Set<string>;
}
type FieldSet = OrderedSet | DiscreteSet | OpaqueSet;

const all = (lo = -Infinity, hi = Infinity): Interval => ({ lo, loIn: true, hi, hiIn: true });

function normalise(i: Interval, integer: boolean): Interval {
  if (!integer) return i;
  const lo = Number.isFinite(i.lo) ? (i.loIn ? Math.ceil(i.lo) : Math.floor(i.lo) + 1) : i.lo;
  const hi = Number.isFinite(i.hi) ? (i.hiIn ? Math.floor(i.hi) : Math.ceil(i.hi) - 1) : i.hi;
  return { lo, loIn: true, hi, hiIn: true };
}

const intervalEmpty = (i: Interval) => i.lo > i.hi || (i.lo === i.hi && !(i.loIn && i.hiIn));

function intersectInterval(a: Interval, b: Interval): Interval {
  const lo = a.lo > b.lo ? a : b.lo > a.lo ? b : { lo: a.lo, loIn: a.loIn && b.loIn };
  const hi = a.hi < b.hi ? a : b.hi < a.hi ? b : { hi: a.hi, hiIn: a.hiIn && b.hiIn };
  return { lo: lo.lo, loIn: lo.loIn, hi: hi.hi, hiIn: hi.hiIn };
}

function ordered(intervals: Interval[], integer: boolean): OrderedSet {
  return {
    kind: 'ordered',
    integer,
    intervals: intervals.map((i) => normalise(i, integer)).filter((i) => !intervalEmpty(i)),
  };
}

function intersectOrdered(a: OrderedSet, b: OrderedSet): OrderedSet {
  const out: Interval[] = [];
  for (const x of a.intervals) for (const y of b.intervals) out.push(intersectInterval(x, y));
  return ordered(out, a.integer);
}

function complementOrdered(a: OrderedSet): OrderedSet {
  const sorted = [...a.intervals].sort((x, y) => x.lo - y.lo || (x.loIn ? -1 : 1));
  const out: Interval[] = [];
  let from: { lo: number; loIn: boolean } = { lo: -Infinity, loIn: true };
  for (const i of sorted) {
    out.push({ lo: from.lo, loIn: from.loIn, hi: i.lo, hiIn: !i.loIn });
    const cur = { lo: i.hi, loIn: !i.hiIn };
    // Overlapping intervals: the gap starts after the furthest end seen.
    if (cur.lo > from.lo || (cur.lo === from.lo && !cur.loIn)) from = cur;
  }
  out.push({ lo: from.lo, loIn: from.loIn, hi: Infinity, hiIn: true });
  return ordered(
    out.filter((i) => !(i.lo === -Infinity && i.hi === -Infinity)),
    a.integer,
  );
}

function intersectDiscrete(a: DiscreteSet, b: DiscreteSet): DiscreteSet {
  const exclude = new Set([...a.exclude, ...b.exclude]);
  let include =
    a.include && b.include
      ? new Set([...a.include].filter((v) => b.include!.has(v)))
      : (a.include ?? b.include);
  if (include) include = new Set([...include].filter((v) => !exclude.has(v)));
  return { kind: 'discrete', include, exclude: include ? new Set() : exclude };
}

function isEmpty(s: FieldSet): boolean {
  if (s.kind === 'ordered') return s.intervals.length === 0;
  if (s.kind === 'discrete') return s.include !== null && s.include.size === 0;
  return false;
}

function intersect(a: FieldSet, b: FieldSet): FieldSet {
  if (a.kind === 'ordered' && b.kind === 'ordered') return intersectOrdered(a, b);
  if (a.kind === 'discrete' && b.kind === 'discrete') return intersectDiscrete(a, b);
  if (a.kind === 'opaque' && b.kind === 'opaque')
    return { kind: 'opaque', keys: new Set([...a.keys, ...b.keys]) };
  return { kind: 'opaque', keys: new Set(['mixed']) };
}

/** a ⊆ b. */
function subset(a: FieldSet, b: FieldSet): boolean {
  if (isEmpty(a)) return true;
  if (a.kind === 'ordered' && b.kind === 'ordered')
    return isEmpty(intersectOrdered(a, complementOrdered(b)));
  if (a.kind === 'discrete' && b.kind === 'discrete') {
    if (b.include) return a.include !== null && [...a.include].every((v) => b.include!.has(v));
    if (a.include) return [...a.include].every((v) => !b.exclude.has(v));
    return [...b.exclude].every((v) => a.exclude.has(v));
  }
  // More conditions on the same answer make a smaller set: a holds every condition of b.
  if (a.kind === 'opaque' && b.kind === 'opaque') return [...b.keys].every((k) => a.keys.has(k));
  return false;
}

function orderedFrom(
  op: RuleOp,
  values: readonly number[],
  integer: boolean,
  domain: Interval,
): OrderedSet {
  const v = values[0]!;
  const points = values.map((p) => all(p, p));
  let set: OrderedSet;
  switch (op) {
    case 'eq':
    case 'in':
      set = ordered(points, integer);
      break;
    case 'ne':
    case 'not_in':
      set = complementOrdered(ordered(points, integer));
      break;
    case 'lt':
      set = ordered([{ lo: -Infinity, loIn: true, hi: v, hiIn: false }], integer);
      break;
    case 'lte':
      set = ordered([all(-Infinity, v)], integer);
      break;
    case 'gt':
      set = ordered([{ lo: v, loIn: false, hi: Infinity, hiIn: true }], integer);
      break;
    case 'gte':
      set = ordered([all(v, Infinity)], integer);
      break;
  }
  return intersectOrdered(set, ordered([domain], integer));
}

function discreteFrom(
  op: RuleOp,
  values: readonly unknown[],
  universe: readonly unknown[] | null,
): DiscreteSet {
  const keys = new Set(values.map((v) => JSON.stringify(v)));
  const everything = universe ? new Set(universe.map((v) => JSON.stringify(v))) : null;
  if (op === 'eq' || op === 'in')
    return intersectDiscrete(
      { kind: 'discrete', include: keys, exclude: new Set() },
      { kind: 'discrete', include: everything, exclude: new Set() },
    );
  return intersectDiscrete(
    { kind: 'discrete', include: everything, exclude: new Set() },
    { kind: 'discrete', include: null, exclude: keys },
  );
}

const dayNumber = (d: string) =>
  Date.UTC(+d.slice(0, 4), +d.slice(5, 7) - 1, +d.slice(8, 10)) / 864e5;
const ORDER: ReadonlySet<RuleOp> = new Set(['lt', 'lte', 'gt', 'gte']);
const TEXT = new Set(['text', 'textarea', 'email', 'phone']);

/** The field a condition reads (`answer:<id>` for answers). */
export const conditionField = (c: RuleCondition) =>
  c.on === 'answer' ? `answer:${c.questionId}` : c.on;

/** Why a condition cannot read its question (null when it can), in both languages. */
function answerConditionProblem(
  c: Extract<RuleCondition, { on: 'answer' }>,
  q: Question,
): LocalizedText | null {
  const values = Array.isArray(c.value) ? c.value : [c.value];
  const unfit = (en: string, es: string) => ({ en, es });
  if (q.type === 'document')
    return unfit(
      `${q.id} is a file upload: a rule cannot read it.`,
      `${q.id} es un archivo: una regla no puede leerlo.`,
    );
  if (ORDER.has(c.op)) {
    const comparable = q.type === 'number' || q.type === 'money' || q.type === 'date';
    if (!comparable)
      return unfit(
        `${q.id} cannot be compared as more or less: use is, is not, is one of or is none of.`,
        `${q.id} no se puede comparar como mayor o menor: use es, no es, es uno de o no es ninguno de.`,
      );
  }
  if (q.type === 'date' && !values.every((v) => isPlainDate(v)))
    return unfit(
      `${q.id} answers are dates: write them YYYY-MM-DD.`,
      `${q.id} se responde con fechas: escríbalas AAAA-MM-DD.`,
    );
  const problem = answerValuesProblem(values, q);
  return problem ? unfit(problem, problem) : null;
}

/** The set of one condition, or an error when it cannot read its subject. */
function conditionSet(
  c: RuleCondition,
  questions: ReadonlyMap<string, Question>,
): FieldSet | { problem: RuleProblemKind; message: LocalizedText } {
  const values: unknown[] = Array.isArray(c.value) ? c.value : [c.value];
  const opaque = (): OpaqueSet => ({ kind: 'opaque', keys: new Set([JSON.stringify(c)]) });
  switch (c.on) {
    case 'amount':
    case 'approved_requests':
    case 'returned_payments':
      return orderedFrom(c.op, values as number[], true, all(0));
    case 'risk_level':
      return orderedFrom(
        c.op,
        (values as string[]).map((v) => riskLevels.indexOf(v as (typeof riskLevels)[number])),
        true,
        all(0, riskLevels.length - 1),
      );
    case 'eligible':
      return discreteFrom(c.op, values, [true, false]);
    case 'prenote':
      return discreteFrom(c.op, values, accountPrenoteStates);
    case 'answer': {
      const q = questions.get(c.questionId);
      if (!q)
        return {
          problem: 'unknown_question',
          message: {
            en: `The program has no question ${c.questionId}.`,
            es: `El programa no tiene la pregunta ${c.questionId}.`,
          },
        };
      const unfit = answerConditionProblem(c, q);
      if (unfit) return { problem: 'condition_unfit', message: unfit };
      if (q.type === 'number' || q.type === 'money')
        return orderedFrom(
          c.op,
          values as number[],
          q.type === 'money' || q.integer === true,
          all(q.min ?? -Infinity, q.max ?? Infinity),
        );
      if (q.type === 'date')
        return orderedFrom(c.op, (values as string[]).map(dayNumber), true, all());
      if (CHOICE.has(q.type))
        return discreteFrom(c.op, values, q.options?.map((o) => o.value) ?? null);
      if (q.type === 'checkbox' && !q.options) return discreteFrom(c.op, values, [true, false]);
      if (TEXT.has(q.type)) return discreteFrom(c.op, values, null);
      return opaque();
    }
  }
}

type RuleSet = Map<string, FieldSet>;

/** Every condition of one rule as a set per field (their intersection), and the errors met on the way. */
function ruleSet(
  rule: DecisionRule,
  position: number,
  questions: ReadonlyMap<string, Question>,
  problems: RuleProblem[],
): RuleSet {
  const fields: RuleSet = new Map();
  rule.conditions.forEach((c, i) => {
    const set = conditionSet(c, questions);
    const field = conditionField(c);
    if ('problem' in set) {
      problems.push({
        kind: set.problem,
        severity: 'error',
        position,
        ruleId: rule.id,
        conditionIndex: i,
        otherPosition: null,
        message: set.message,
      });
      // Left out of the analysis, as an unknown condition: no warning rests on it.
      const unknown: FieldSet = { kind: 'opaque', keys: new Set([JSON.stringify(c)]) };
      fields.set(field, fields.has(field) ? intersect(fields.get(field)!, unknown) : unknown);
      return;
    }
    fields.set(field, fields.has(field) ? intersect(fields.get(field)!, set) : set);
  });
  return fields;
}

const neverMatches = (r: RuleSet) => [...r.values()].some(isEmpty);

/** Every request `later` matches, `earlier` matches too (both known not to be empty). */
const covers = (earlier: RuleSet, later: RuleSet) =>
  [...earlier].every(([field, set]) => later.has(field) && subset(later.get(field)!, set));

/** Some request matches both. Opaque fields are assumed to meet (a possible overlap is flagged). */
const meets = (a: RuleSet, b: RuleSet) =>
  [...a].every(([field, set]) => !b.has(field) || !isEmpty(intersect(set, b.get(field)!)));

/** The problems of a rule table against the program's questions (see the kinds above), in rule order. */
export function ruleProblems(
  rules: readonly DecisionRule[],
  questions: readonly Question[],
): RuleProblem[] {
  const byId = new Map(questions.map((q) => [q.id, q]));
  const problems: RuleProblem[] = [];
  const sets: RuleSet[] = [];
  rules.forEach((rule, i) => {
    const position = i + 1;
    const set = ruleSet(rule, position, byId, problems);
    sets.push(set);
    const warn = (kind: RuleProblemKind, otherPosition: number | null, message: LocalizedText) =>
      problems.push({
        kind,
        severity: 'warning',
        position,
        ruleId: rule.id,
        conditionIndex: null,
        otherPosition,
        message,
      });
    if (neverMatches(set)) {
      warn('never_matches', null, {
        en: `Rule ${position} can never match: its conditions contradict each other.`,
        es: `La regla ${position} nunca puede aplicarse: sus condiciones se contradicen.`,
      });
      return;
    }
    for (let j = 0; j < i; j++) {
      const earlier = sets[j]!;
      if (neverMatches(earlier)) continue;
      if (covers(earlier, set)) {
        warn('shadowed', j + 1, {
          en: `Rule ${position} never decides anything: rule ${j + 1} comes first and matches every request it matches.`,
          es: `La regla ${position} nunca decide nada: la regla ${j + 1} va antes y aplica a todas las solicitudes a las que ella aplica.`,
        });
        return;
      }
    }
    for (let j = 0; j < i; j++) {
      const earlier = sets[j]!;
      if (neverMatches(earlier) || rules[j]!.outcome === rule.outcome) continue;
      if (meets(earlier, set)) {
        warn('overlaps', j + 1, {
          en: `Rule ${position} overlaps rule ${j + 1}, which has another outcome: where both match, rule ${j + 1} decides.`,
          es: `La regla ${position} se superpone con la regla ${j + 1}, que tiene otro resultado: donde aplican las dos, decide la regla ${j + 1}.`,
        });
      }
    }
  });
  return problems;
}

/** Only the problems that block publishing. */
export const ruleErrors = (problems: readonly RuleProblem[]) =>
  problems.filter((p) => p.severity === 'error');
