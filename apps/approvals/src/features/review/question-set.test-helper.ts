import type { QuestionSet } from '@hms/contracts/question-set';
import { question, step, t } from '@hms/contracts/question-set.test-helper';

/** A small question set for review fixtures: the answers `homeAddress` and `householdSize` have questions here. */
export const sampleQuestionSet: QuestionSet = {
  steps: [
    step('home', t('Your home', 'Su hogar'), [
      question('homeAddress', 'text', t('Home address', 'Dirección')),
      question('householdSize', 'number', t('People in your household', 'Personas en su hogar')),
    ]),
  ],
};
