import type { Language, Question } from '@hms/contracts/question-set';
import { formatCents, formatNumber, formatPhone, formatPlainDate } from './format.ts';

export interface AnswerTextOptions {
  /** The name of an uploaded document (a document answer holds document ids). */
  documentName: (id: string) => string | undefined;
  /** "Yes" in the page's language, for a single checkbox that was ticked. */
  yes: string;
}

/**
 * An answer as a person reads it (money in dollars, an option's label, a date in words, file names), or null when
 * the question was not answered. The applicant's check-your-answers page and the approver's review page both
 * show answers through this, so they always read the same.
 */
export function answerText(
  q: Question,
  value: unknown,
  language: Language,
  { documentName, yes }: AnswerTextOptions,
): string | null {
  if (
    value === undefined ||
    value === null ||
    value === '' ||
    (Array.isArray(value) && value.length === 0)
  )
    return null;
  const label = (v: string) => q.options?.find((o) => o.value === v)?.label[language] ?? v;
  switch (q.type) {
    case 'money':
      return typeof value === 'number' ? formatCents(value, language) : String(value);
    case 'number':
      return typeof value === 'number' ? formatNumber(value, language) : String(value);
    case 'date':
      return typeof value === 'string' ? formatPlainDate(value, language) : null;
    case 'phone':
      return typeof value === 'string' ? formatPhone(value) : String(value);
    case 'select':
    case 'radio':
      return label(String(value));
    case 'checkbox':
      if (!q.options) return value === true ? yes : null;
      return Array.isArray(value) ? value.map(String).map(label).join(', ') : String(value);
    case 'document':
      return Array.isArray(value)
        ? value.map((id) => documentName(String(id)) ?? String(id)).join(', ')
        : String(value);
    default:
      return String(value);
  }
}
