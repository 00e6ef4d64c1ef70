import { isApiProblem } from '@hms/api-client';
import { fieldErrorText, loadErrorMessages, useLanguage } from '@hms/ui';
import { useState } from 'react';
import type { FieldValues, Path, UseFormReturn } from 'react-hook-form';
import { fieldNameOf } from './form-values.ts';

/**
 * Submitting a form whose answers the API checks again: `save` gets the valid values. When the API refuses fields
 * (400 with field errors), each message goes on its field in the reader's language and the error summary takes focus
 * again (give it `focusKey`); any other failure is the form's `problem`, for its alert.
 */
export function useServerCheckedSubmit<In extends FieldValues, Out>(
  form: UseFormReturn<In, unknown, Out>,
  save: (values: Out) => Promise<void>,
) {
  const { language } = useLanguage();
  const [problem, setProblem] = useState<unknown>(null);
  const [serverErrors, setServerErrors] = useState(0);
  const submit = form.handleSubmit(async (values) => {
    setProblem(null);
    try {
      await save(values);
    } catch (err) {
      if (isApiProblem(err) && err.status === 400 && err.errors.length > 0) {
        await loadErrorMessages(language);
        for (const e of err.errors)
          form.setError(fieldNameOf(e.field) as Path<In>, {
            type: 'server',
            message: fieldErrorText(e, language),
          });
        setServerErrors((n) => n + 1);
      } else setProblem(err);
    }
  });
  return {
    submit,
    problem,
    setProblem,
    focusKey: `${form.formState.submitCount}:${serverErrors}`,
  };
}
