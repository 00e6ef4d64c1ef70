import { CHOICE } from '@hms/contracts/question-answers';
import type { Question, QuestionSet, QuestionType, Step } from '@hms/contracts/question-set';

/**
 * The edits the form builder makes to a question set, as pure functions: each returns a new set and leaves the one
 * it was given alone (the builder is a controlled component: its parent holds the value).
 */

/** Where a question is: its step's index and its index in that step. */
export interface QuestionAt {
  step: number;
  index: number;
}

const blankText = () => ({ en: '', es: '' });

/** Settings that only some types take: dropped when the type changes to one that does not take them. */
const TYPE_SETTINGS: Partial<Record<keyof Question, (type: QuestionType) => boolean>> = {
  minLength: (t) => t === 'text' || t === 'textarea',
  maxLength: (t) => t === 'text' || t === 'textarea',
  pattern: (t) => t === 'text' || t === 'textarea',
  min: (t) => t === 'number' || t === 'money',
  max: (t) => t === 'number' || t === 'money',
  integer: (t) => t === 'number',
  minDate: (t) => t === 'date',
  maxDate: (t) => t === 'date',
  accept: (t) => t === 'document',
  maxFiles: (t) => t === 'document',
  options: (t) => CHOICE.has(t) || t === 'checkbox',
  prefill: (t) => t === 'text' || t === 'email' || t === 'phone',
};

/** Every question id of the set. */
export function questionIds(set: QuestionSet): Set<string> {
  return new Set(set.steps.flatMap((s) => s.questions.map((q) => q.id)));
}

/** A new id for a question of `type` that no question of the set has yet: `money1`, `money2`… */
export function freshId(set: QuestionSet, base: string): string {
  const taken = questionIds(set);
  for (let n = 1; ; n += 1) if (!taken.has(`${base}${n}`)) return `${base}${n}`;
}

function defaultOptions() {
  return [
    { value: 'option1', label: blankText() },
    { value: 'option2', label: blankText() },
  ];
}

/** A new, optional question of `type` with blank texts (the builder reports them until they are written). */
export function newQuestion(set: QuestionSet, type: QuestionType): Question {
  const question: Question = { id: freshId(set, type), type, label: blankText(), required: false };
  if (CHOICE.has(type)) question.options = defaultOptions();
  return question;
}

/** The question changed to `type`: settings the new type does not take are dropped, a choice gets two options. */
export function withType(question: Question, type: QuestionType): Question {
  const next: Question = { ...question, type };
  for (const [key, applies] of Object.entries(TYPE_SETTINGS) as [
    keyof Question,
    (t: QuestionType) => boolean,
  ][])
    if (next[key] !== undefined && !applies(type)) delete next[key];
  if (CHOICE.has(type) && (next.options?.length ?? 0) < 2)
    next.options = [...(next.options ?? []), ...defaultOptions()].slice(0, 2);
  return next;
}

function mapStep(set: QuestionSet, s: number, change: (step: Step) => Step): QuestionSet {
  return { ...set, steps: set.steps.map((step, i) => (i === s ? change(step) : step)) };
}

export function updateQuestion(set: QuestionSet, at: QuestionAt, question: Question): QuestionSet {
  return mapStep(set, at.step, (step) => ({
    ...step,
    questions: step.questions.map((q, i) => (i === at.index ? question : q)),
  }));
}

/** Adds `question` at the end of step `s`. */
export function addQuestion(set: QuestionSet, s: number, question: Question): QuestionSet {
  return mapStep(set, s, (step) => ({ ...step, questions: [...step.questions, question] }));
}

/** Removes the question, and every condition that depended on it (a condition on a missing question cannot work). */
export function removeQuestion(set: QuestionSet, at: QuestionAt): QuestionSet {
  const removed = set.steps[at.step]?.questions[at.index];
  const without = mapStep(set, at.step, (step) => ({
    ...step,
    questions: step.questions.filter((_, i) => i !== at.index),
  }));
  if (!removed || questionIds(without).has(removed.id)) return without;
  return {
    ...without,
    steps: without.steps.map((step) => ({
      ...step,
      questions: step.questions.map((q) => {
        if (q.showIf?.questionId !== removed.id) return q;
        const { showIf: _dropped, ...rest } = q;
        return rest;
      }),
    })),
  };
}

/**
 * Moves a question one place up (-1) or down (+1) in the form. At the top of a step it moves to the end of the
 * previous step (at the bottom, to the start of the next), so every place in the form is reachable one move at a
 * time. Returns where it is now, or null when it cannot move (first or last question of the form).
 */
export function moveQuestion(
  set: QuestionSet,
  at: QuestionAt,
  direction: -1 | 1,
): { set: QuestionSet; at: QuestionAt } | null {
  const step = set.steps[at.step];
  const question = step?.questions[at.index];
  if (!step || !question) return null;
  const target = at.index + direction;
  if (target >= 0 && target < step.questions.length) {
    const questions = [...step.questions];
    questions[at.index] = questions[target]!;
    questions[target] = question;
    return {
      set: mapStep(set, at.step, (s) => ({ ...s, questions })),
      at: { step: at.step, index: target },
    };
  }
  const otherStep = at.step + direction;
  const other = set.steps[otherStep];
  if (!other) return null;
  const removed = mapStep(set, at.step, (s) => ({
    ...s,
    questions: s.questions.filter((_, i) => i !== at.index),
  }));
  const moved = mapStep(removed, otherStep, (s) => ({
    ...s,
    questions: direction < 0 ? [...s.questions, question] : [question, ...s.questions],
  }));
  return {
    set: moved,
    at: { step: otherStep, index: direction < 0 ? other.questions.length : 0 },
  };
}

/** The questions before the one at `at`, in form order: the only ones its condition may depend on. */
export function earlierQuestions(set: QuestionSet, at: QuestionAt): Question[] {
  return set.steps.flatMap((step, s) =>
    s < at.step ? step.questions : s === at.step ? step.questions.slice(0, at.index) : [],
  );
}

/** The position of a question in the whole form, from 1. */
export function formPosition(set: QuestionSet, at: QuestionAt): number {
  return (
    set.steps.slice(0, at.step).reduce((n, step) => n + step.questions.length, 0) + at.index + 1
  );
}

export function questionCount(set: QuestionSet): number {
  return set.steps.reduce((n, step) => n + step.questions.length, 0);
}

export function addStep(set: QuestionSet): QuestionSet {
  const taken = new Set(set.steps.map((s) => s.id));
  let n = set.steps.length + 1;
  while (taken.has(`step${n}`)) n += 1;
  return { ...set, steps: [...set.steps, { id: `step${n}`, title: blankText(), questions: [] }] };
}

export function updateStep(set: QuestionSet, s: number, step: Step): QuestionSet {
  return mapStep(set, s, () => step);
}

/** Removes an empty step (a step with questions keeps them: move or remove them first). */
export function removeStep(set: QuestionSet, s: number): QuestionSet {
  if ((set.steps[s]?.questions.length ?? 0) > 0) return set;
  return { ...set, steps: set.steps.filter((_, i) => i !== s) };
}

/** An empty form to start from: one step, no questions yet. */
export function emptyQuestionSet(): QuestionSet {
  return { steps: [{ id: 'step1', title: blankText(), questions: [] }] };
}
