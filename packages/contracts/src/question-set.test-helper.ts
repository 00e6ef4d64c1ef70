// Test-only (ESLint keeps *.test-helper files out of shipped code): the pieces of question sets that the contracts,
// the citizen form and the form builder tests each write, in one place.
import type { LocalizedText, Question, QuestionType, Step } from './question-set.ts';

/** A text in both languages, as a question set holds it. */
export const t = (en: string, es: string): LocalizedText => ({ en, es });

/**
 * A required choice question (select, radio or checkbox); each option is its value and its label in English and
 * Spanish. `more` adds fields or overrides them (an error name, a condition, not required).
 */
export function choiceQuestion(
  id: string,
  type: 'select' | 'radio' | 'checkbox',
  label: LocalizedText,
  options: Array<[value: string, en: string, es: string]>,
  more: Partial<Question> = {},
): Question {
  return {
    id,
    type,
    label,
    required: true,
    options: options.map(([value, en, es]) => ({ value, label: t(en, es) })),
    ...more,
  };
}

/** The options of a yes/no question, for `choiceQuestion`. */
export const YES_NO: Array<[value: string, en: string, es: string]> = [
  ['yes', 'Yes', 'Sí'],
  ['no', 'No', 'No'],
];

/** A required question that offers no options (text, number, money, date…); `more` adds fields or overrides them. */
export function question(
  id: string,
  type: Exclude<QuestionType, 'select' | 'radio' | 'checkbox'>,
  label: LocalizedText,
  more: Partial<Question> = {},
): Question {
  return { id, type, label, required: true, ...more };
}

/** A step of a question set: its id, its title and its questions, in order. */
export const step = (id: string, title: LocalizedText, questions: Question[]): Step => ({
  id,
  title,
  questions,
});

/** A radio question "Sector" (retail or farm), the one the decision-rule screens condition rules on. */
export const sectorQuestion = (): Question =>
  choiceQuestion('sector', 'radio', t('Sector', 'Sector'), [
    ['retail', 'Retail', 'Comercio'],
    ['farm', 'Farm', 'Granja'],
  ]);
