import type { QuestionSet } from '@hms/contracts/question-set';

/** A small question set for review fixtures: the answers `homeAddress` and `householdSize` have questions here. */
export const sampleQuestionSet: QuestionSet = {
  steps: [
    {
      id: 'home',
      title: { en: 'Your home', es: 'Su hogar' },
      questions: [
        {
          id: 'homeAddress',
          type: 'text',
          label: { en: 'Home address', es: 'Dirección' },
          required: true,
        },
        {
          id: 'householdSize',
          type: 'number',
          label: { en: 'People in your household', es: 'Personas en su hogar' },
          required: true,
        },
      ],
    },
  ],
};
