import type { FormEvent, ReactNode } from 'react';
import { ErrorSummary } from './ErrorSummary.tsx';
import type { FormErrors } from './form-errors.ts';
import { ProblemAlert } from './States.tsx';

/**
 * A form checked by {@link useFormErrors}: the browser's own validation off (the summary says it in the reader's
 * language), the error summary first, then what went wrong that no field owns, then the fields.
 */
export function CheckedForm({
  errors,
  onSubmit,
  className = 'usa-form usa-form--large',
  problemHeadingLevel,
  children,
}: {
  errors: Pick<FormErrors<string>, 'summary' | 'problem'>;
  onSubmit: (e: FormEvent<HTMLFormElement>) => void;
  className?: string;
  /** The problem's heading level: 3 for a form inside a section headed by an h2. */
  problemHeadingLevel?: 2 | 3;
  children: ReactNode;
}) {
  return (
    <form className={className} onSubmit={onSubmit} noValidate>
      <ErrorSummary {...errors.summary} />
      {errors.problem ? (
        <ProblemAlert error={errors.problem} headingLevel={problemHeadingLevel} />
      ) : null}
      {children}
    </form>
  );
}
