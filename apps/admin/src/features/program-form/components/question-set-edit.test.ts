import { fieldErrorCodes } from '@hms/contracts/error-codes';
import type { Question, QuestionSet } from '@hms/contracts/question-set';
import {
  questionSetProblemParams,
  questionSetProblems,
} from '@hms/contracts/question-set-problems';
import { fieldErrorText, loadErrorMessages } from '@hms/ui';
import { describe, expect, it } from 'vitest';
import {
  addStep,
  earlierQuestions,
  moveQuestion,
  newQuestion,
  removeQuestion,
  withType,
} from './question-set-edit.ts';

const t = (en: string, es: string) => ({ en, es });
const q = (id: string, over: Partial<Question> = {}): Question => ({
  id,
  type: 'text',
  label: t(id, id),
  required: false,
  ...over,
});
const ids = (set: QuestionSet) => set.steps.map((s) => s.questions.map((x) => x.id));

const SET: QuestionSet = {
  steps: [
    { id: 'a', title: t('A', 'A'), questions: [q('one'), q('two')] },
    {
      id: 'b',
      title: t('B', 'B'),
      questions: [q('three', { showIf: { questionId: 'one', equals: 'x' } })],
    },
  ],
};

describe('question set edits', () => {
  it('moves a question within its step, then across into the next step, and stops at the ends', () => {
    const down = moveQuestion(SET, { step: 0, index: 0 }, 1)!;
    expect(ids(down.set)).toEqual([['two', 'one'], ['three']]);
    const across = moveQuestion(down.set, down.at, 1)!;
    expect(ids(across.set)).toEqual([['two'], ['one', 'three']]);
    expect(across.at).toEqual({ step: 1, index: 0 });
    const back = moveQuestion(across.set, across.at, -1)!;
    expect(ids(back.set)).toEqual([['two', 'one'], ['three']]);
    expect(moveQuestion(SET, { step: 0, index: 0 }, -1)).toBeNull();
    expect(moveQuestion(SET, { step: 1, index: 0 }, 1)).toBeNull();
    expect(ids(SET)).toEqual([['one', 'two'], ['three']]); // the value given is never changed
  });

  it('removing a question removes the conditions that depended on it', () => {
    const next = removeQuestion(SET, { step: 0, index: 0 });
    expect(ids(next)).toEqual([['two'], ['three']]);
    expect(next.steps[1]!.questions[0]!.showIf).toBeUndefined();
  });

  it('lists only the questions before one as candidates for its condition', () => {
    expect(earlierQuestions(SET, { step: 1, index: 0 }).map((x) => x.id)).toEqual(['one', 'two']);
    expect(earlierQuestions(SET, { step: 0, index: 1 }).map((x) => x.id)).toEqual(['one']);
    expect(earlierQuestions(SET, { step: 0, index: 0 })).toEqual([]);
  });

  it('creates questions with fresh ids, and drops the settings a new type does not take', () => {
    expect(newQuestion(SET, 'money').id).toBe('money1');
    expect(newQuestion(SET, 'radio').options).toHaveLength(2);
    const changed = withType(q('n', { type: 'number', min: 1, max: 5, integer: true }), 'date');
    expect(changed).toEqual({ id: 'n', type: 'date', label: t('n', 'n'), required: false });
    expect(addStep(SET).steps.map((s) => s.id)).toEqual(['a', 'b', 'step3']);
  });
});

describe('question set problem messages', () => {
  it('fill every placeholder in English and Spanish for the problems questionSetProblems reports', async () => {
    await Promise.all([loadErrorMessages('en'), loadErrorMessages('es')]);
    const broken: QuestionSet = {
      steps: [
        {
          id: 'a',
          title: t('About', ''),
          questions: [
            q('one', {
              showIf: { questionId: 'four', equals: 1 },
              pattern: { regex: '(', message: t('m', 'm') },
              minLength: 9,
              maxLength: 2,
            }),
            q('one', { label: t('', 'Uno'), hint: t('Hint', '') }),
            q('2bad', {
              type: 'radio',
              options: [
                { value: 'x', label: t('X', '') },
                { value: '', label: t('Z', 'Z') },
              ],
            }),
            q('four', { type: 'number', min: 5, max: 1, minDate: 'today' }),
            q('five', { type: 'date', minDate: '2030-01-01', maxDate: '2020-01-01' }),
            q('six', { type: 'money', min: 1.5 }),
            q('seven', { type: 'document', accept: [], maxFiles: 0 }),
            q('eight', {
              type: 'checkbox',
              options: [
                { value: 'y', label: t('', '') },
                { value: 'y', label: t('', 'Y') },
              ],
            }),
            q('nine', {
              type: 'email',
              prefill: 'name',
              pattern: { regex: '(', message: t('m', 'm') },
            }),
            q('ten', { showIf: { questionId: 'seven', equals: 'x' } }),
            q('eleven', { showIf: { questionId: 'four', equals: 'many' } }),
            q('twelve', { showIf: { questionId: 'nope', equals: 'x' } }),
            q('thirteen', { showIf: { questionId: 'one', equals: '' } }),
            q('fourteen', { type: 'date', maxDate: '2020-02-30' }),
            q('fifteen', { type: 'select' }),
          ],
        },
        { id: 'a', title: t('', 'B'), questions: [] },
        { id: '9', title: t('', ''), questions: [q('x1', { label: t('', '') })] },
      ],
    };
    const problems = questionSetProblems(broken);
    const codes = new Set<string>(problems.map((p) => p.code));
    // Nearly every code: the ones left out need a whole form (no steps).
    const questionSetCodes = fieldErrorCodes.filter((c) => c.startsWith('question_set.'));
    expect(questionSetCodes.filter((c) => !codes.has(c))).toEqual(['question_set.no_steps']);
    for (const p of problems)
      for (const language of ['en', 'es'] as const) {
        const text = fieldErrorText(
          { message: p.message, code: p.code, params: questionSetProblemParams(p, language) },
          language,
        );
        expect(text, `${p.code} ${language}`).not.toBe(p.message);
        expect(text, `${p.code} ${language}`).not.toMatch(/[{}]/);
      }
  });
});
