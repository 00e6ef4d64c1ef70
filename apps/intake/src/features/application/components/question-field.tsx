import type { DocumentInfo } from '../../../shared/documents/documents-api.ts';
import type { Question } from '@hms/contracts/question-set';
import {
  CheckboxGroup,
  LoadingState,
  RadioGroup,
  SelectField,
  TextAreaField,
  TextField,
  useLanguage,
  useT,
} from '@hms/ui';
import { Controller, type Control, type UseFormRegister } from 'react-hook-form';
import { lazy, Suspense } from 'react';
import { applicationMessages } from '../messages.ts';
import { fieldId } from './form-values.ts';

// Only receipt-style steps need the upload field (and its file checks): loaded when such a step is shown.
const DocumentField = lazy(async () => ({
  default: (await import('../../../shared/documents/document-field.tsx')).DocumentField,
}));

type Values = Record<string, unknown>;

export interface QuestionFieldProps {
  question: Question;
  register: UseFormRegister<Values>;
  control: Control<Values>;
  error: string | undefined;
  requestId: string;
  documents: DocumentInfo[];
}

const INPUT_TYPES: Partial<
  Record<
    Question['type'],
    { type: string; inputMode?: 'numeric' | 'decimal' | 'tel' | 'email'; autoComplete?: string }
  >
> = {
  text: { type: 'text' },
  email: { type: 'email', inputMode: 'email', autoComplete: 'email' },
  phone: { type: 'tel', inputMode: 'tel', autoComplete: 'tel' },
  number: { type: 'text', inputMode: 'decimal' },
  money: { type: 'text', inputMode: 'decimal' },
  date: { type: 'date' },
};

/** One question of a program's question set, rendered from its data with the USWDS pattern for its type. */
export function QuestionField({
  question: q,
  register,
  control,
  error,
  requestId,
  documents,
}: QuestionFieldProps) {
  const { language } = useLanguage();
  const tr = useT(applicationMessages);
  const id = fieldId(q.id);
  const label = q.label[language];
  const hint = q.hint?.[language];
  const options = (q.options ?? []).map((o) => ({ value: o.value, label: o.label[language] }));

  switch (q.type) {
    case 'select':
      return (
        <SelectField
          id={id}
          label={label}
          hint={hint}
          error={error}
          options={options}
          placeholder={tr('selectPlaceholder')}
          {...register(q.id)}
        />
      );
    case 'radio':
      return (
        <RadioGroup
          id={id}
          label={label}
          hint={hint}
          error={error}
          options={options}
          {...register(q.id)}
        />
      );
    case 'textarea':
      return <TextAreaField id={id} label={label} hint={hint} error={error} {...register(q.id)} />;
    case 'checkbox':
      return (
        <CheckboxGroup
          id={id}
          label={label}
          hint={hint}
          error={error}
          options={q.options ? options : undefined}
          {...register(q.id)}
        />
      );
    case 'document':
      return (
        <Controller
          control={control}
          name={q.id}
          render={({ field }) => (
            <Suspense fallback={<LoadingState />}>
              <DocumentField
                id={id}
                label={label}
                hint={hint}
                error={error}
                requestId={requestId}
                questionId={q.id}
                maxFiles={q.maxFiles ?? 10}
                known={documents}
                value={Array.isArray(field.value) ? (field.value as string[]) : []}
                onChange={field.onChange}
              />
            </Suspense>
          )}
        />
      );
    default: {
      const input = INPUT_TYPES[q.type] ?? { type: 'text' };
      return (
        <TextField
          id={id}
          label={label}
          hint={hint}
          error={error}
          type={input.type}
          inputMode={input.inputMode}
          autoComplete={input.autoComplete ?? 'off'}
          spellCheck={q.type === 'text' ? undefined : false}
          className={q.type === 'money' || q.type === 'number' ? 'usa-input--small' : undefined}
          {...register(q.id)}
        />
      );
    }
  }
}
