import { describe, expect, it } from 'vitest';
import { seedPrograms } from '@hms/contracts/programs-seed';
import { allQuestions, buildAnswersSchema } from '@hms/contracts/question-set';
import { demoAnswers } from './demo-answers.ts';

const people = [
  { name: 'Maria Lopez', email: 'maria.lopez@example.com' },
  { name: 'Wei Chen', email: 'wei.chen@example.com' },
  { name: 'Casey Citizen', email: 'citizen@example.gov' },
  { name: 'Olivia Brown', email: 'olivia.brown@example.com' },
];

describe('demo answers of the approval inbox seed', () => {
  for (const program of seedPrograms) {
    it(`are valid answers to ${program.slug} (documents aside: the demo uploads none)`, () => {
      const documents = new Set(
        allQuestions(program.questionSet)
          .filter((q) => q.type === 'document')
          .map((q) => q.id),
      );
      const schema = buildAnswersSchema(program.questionSet, { language: 'en' });
      for (const person of people) {
        const amount = Math.min(program.maxAmountCents, 150_000);
        const answers = demoAnswers(program.slug, person, amount, new Date('2026-11-20T15:00:00Z'));
        expect(Object.keys(answers).length).toBeGreaterThan(5);
        const result = schema.safeParse(answers);
        const problems = result.success
          ? []
          : result.error.issues.filter((i) => !documents.has(String(i.path[0])));
        expect(problems).toEqual([]);
      }
    });
  }
});
