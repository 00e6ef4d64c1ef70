import { centsToDecimalString } from '@hms/contracts/money';
import { formatPhone } from '@hms/contracts/people-format';
import { allQuestions } from '@hms/contracts/question-answers';
import type { QuestionSet } from '@hms/contracts/question-set';

/** Stored answers (cents, numbers, ids) as the form shows them (dollars, text) so a resumed draft reads naturally. */
export function toFormValues(
  set: QuestionSet,
  answers: Record<string, unknown>,
): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const q of allQuestions(set)) {
    const v = answers[q.id];
    if (v === undefined) {
      if (q.type === 'document') values[q.id] = [];
      else if (q.type === 'checkbox') values[q.id] = q.options ? [] : false;
      else values[q.id] = '';
      continue;
    }
    if (q.type === 'money' && typeof v === 'number') values[q.id] = centsToDecimalString(v);
    else if (q.type === 'number' && typeof v === 'number') values[q.id] = String(v);
    // Stored as E.164; the field shows it as the person typed it, and the validator reads that back to the same value.
    else if (q.type === 'phone' && typeof v === 'string') values[q.id] = formatPhone(v);
    else values[q.id] = v;
  }
  return values;
}

/** `body.answers.householdSize` → `householdSize`; `body.routingNumber` → `routingNumber`. */
export function fieldNameOf(serverField: string): string {
  return serverField.replace(/^body\./, '').replace(/^answers\./, '');
}

export const fieldId = (questionId: string) => `q-${questionId}`;
