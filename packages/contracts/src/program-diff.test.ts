import { describe, expect, it } from 'vitest';
import { definitionToDraft, type ProgramDraft } from './program-admin.ts';
import { diffDrafts } from './program-diff.ts';
import { smallBusinessRelief } from './programs-seed.ts';
import type { Question } from './question-set.ts';
import { choiceQuestion, t, YES_NO } from './question-set.test-helper.ts';

const base = definitionToDraft(smallBusinessRelief, 'BENEFIT');

/** The draft with `extra` appended to its first step. */
function withQuestions(draft: ProgramDraft, ...extra: Question[]): ProgramDraft {
  const [first, ...rest] = draft.questionSet.steps;
  return {
    ...draft,
    questionSet: {
      steps: [{ ...first!, questions: [...first!.questions, ...extra] }, ...rest],
    },
  };
}

const damaged: Question = choiceQuestion(
  'damaged',
  'radio',
  t('Was the shop damaged?', '¿Sufrió daños el local?'),
  YES_NO,
);
const repairs: Question = {
  id: 'repairs',
  type: 'money',
  label: { en: 'Cost of repairs', es: 'Costo de las reparaciones' },
  required: false,
};

describe('the readable diff of two drafts', () => {
  it('names question settings in words and shows their values as a reader would say them', () => {
    const before = withQuestions(base, damaged, repairs);
    const after = withQuestions(base, damaged, {
      ...repairs,
      required: true,
      max: 2_500_00,
      showIf: { questionId: 'damaged', equals: 'yes' },
    });
    const byPath = Object.fromEntries(diffDrafts(before, after).map((c) => [c.path, c]));
    expect(byPath['questionSet.repairs.showIf']).toMatchObject({
      label: {
        en: 'Question “Cost of repairs”: shown when',
        es: 'Pregunta «Costo de las reparaciones»: se muestra cuando',
      },
      change: 'added',
      before: null,
      after: '“Was the shop damaged?” is Yes',
    });
    expect(byPath['questionSet.repairs.required']).toMatchObject({ before: 'no', after: 'yes' });
    expect(byPath['questionSet.repairs.max']).toMatchObject({ after: '$2,500.00' });
    expect(Object.keys(byPath).sort()).toEqual([
      'questionSet.repairs.max',
      'questionSet.repairs.required',
      'questionSet.repairs.showIf',
    ]);
  });

  it('lists a choice question’s options by their labels, and texts in both languages', () => {
    const after = withQuestions(base, {
      ...damaged,
      label: { en: 'Was the shop hit?', es: '¿Fue afectado el local?' },
      options: [...damaged.options!, { value: 'unsure', label: { en: 'Not sure', es: 'No sé' } }],
    });
    const changes = diffDrafts(withQuestions(base, damaged), after);
    expect(changes.find((c) => c.path === 'questionSet.damaged.options')).toMatchObject({
      before: 'Yes, No',
      after: 'Yes, No, Not sure',
    });
    expect(changes.find((c) => c.path === 'questionSet.damaged.label')).toMatchObject({
      before: 'Was the shop damaged? / ¿Sufrió daños el local?',
      after: 'Was the shop hit? / ¿Fue afectado el local?',
    });
  });
});
