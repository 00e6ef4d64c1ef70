import type { DocumentInfo } from '@hms/contracts/documents';
import type { Language, Question } from '@hms/contracts/question-set';
import { formatCents, formatDate, formatNumber } from '@hms/ui';

/** An answer as the person reads it on the check-your-answers page, or null when there is none. */
export function answerText(
  q: Question,
  value: unknown,
  language: Language,
  documents: DocumentInfo[],
  yes: string,
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
      // Noon UTC is the same calendar day in every US zone.
      return typeof value === 'string' ? formatDate(`${value}T12:00:00Z`, language) : null;
    case 'select':
    case 'radio':
      return label(String(value));
    case 'checkbox':
      if (!q.options) return value === true ? yes : null;
      return (value as string[]).map(label).join(', ');
    case 'document':
      return (value as string[])
        .map((id) => documents.find((d) => d.id === id)?.filename ?? id)
        .join(', ');
    default:
      return String(value);
  }
}
