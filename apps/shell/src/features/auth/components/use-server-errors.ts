import { isApiProblem } from '@hms/api-client';
import { fieldErrorText, loadErrorMessages, type Language, type SummaryError } from '@hms/ui';
import type { FieldErrors, FieldValues, Path, UseFormSetError } from 'react-hook-form';

/** The form field a problem+json field error is about: the API names it by where it was sent (`body.password`). */
export const formFieldOf = (path: string): string => path.replace(/^(body|query)\./, '');

/**
 * Puts the API's field errors (problem+json `errors`) onto the matching form fields, in the reader's language when
 * the error carries a field code (the catalog is loaded first). Resolves to whether any matched.
 */
export async function applyServerFieldErrors<T extends FieldValues>(
  error: unknown,
  fields: readonly Path<T>[],
  setError: UseFormSetError<T>,
  language: Language,
): Promise<boolean> {
  if (!isApiProblem(error)) return false;
  await loadErrorMessages(language);
  let matched = false;
  for (const fieldError of error.errors) {
    const field = fields.find((name) => name === formFieldOf(fieldError.field));
    if (field) {
      setError(field, { type: 'server', message: fieldErrorText(fieldError, language) });
      matched = true;
    }
  }
  return matched;
}

/** The summary rows for the current field errors, in form order, translated when they are catalog keys. */
export function summaryErrors<T extends FieldValues>(
  errors: FieldErrors<T>,
  fields: readonly Path<T>[],
  idFor: (field: Path<T>) => string,
  translate: (message: string) => string,
): SummaryError[] {
  return fields.flatMap((field) => {
    const message = errors[field]?.message;
    return typeof message === 'string' && message
      ? [{ fieldId: idFor(field), message: translate(message) }]
      : [];
  });
}
