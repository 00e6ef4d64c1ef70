import type { Question } from '@hms/contracts/question-set';
import {
  CheckboxGroup,
  RadioGroup,
  SelectField,
  TextAreaField,
  TextField,
  useLanguage,
  useT,
} from '@hms/ui';
import type { ReactNode } from 'react';
import { Controller, type Control, type UseFormRegister } from 'react-hook-form';
import { intakeFormMessages } from './messages.ts';
import { fieldId } from './form-values.ts';

type Values = Record<string, unknown>;

/** What a document question's field gets: its words, its error, and the chosen document ids as a controlled value. */
export interface DocumentSlotProps {
  id: string;
  label: string;
  hint: string | undefined;
  error: string | undefined;
  question: Question;
  value: string[];
  onChange: (ids: string[]) => void;
}

/**
 * Renders a document (file upload) question. The citizen form passes the real upload field (which sends files to
 * the request); the form builder's preview passes one that uploads nothing.
 */
export type RenderDocument = (props: DocumentSlotProps) => ReactNode;

export interface QuestionFieldProps {
  question: Question;
  register: UseFormRegister<Values>;
  control: Control<Values>;
  error: string | undefined;
  renderDocument: RenderDocument;
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
  renderDocument,
}: QuestionFieldProps) {
  const { language } = useLanguage();
  const tr = useT(intakeFormMessages);
  // What every field of a question gets, whatever its type: its id, its words and its error.
  const field = { id: fieldId(q.id), label: q.label[language], hint: q.hint?.[language], error };
  const options = (q.options ?? []).map((o) => ({ value: o.value, label: o.label[language] }));

  switch (q.type) {
    case 'select':
      return (
        <SelectField
          {...field}
          options={options}
          placeholder={tr('selectPlaceholder')}
          {...register(q.id)}
        />
      );
    case 'radio':
      return <RadioGroup {...field} options={options} {...register(q.id)} />;
    case 'textarea':
      return <TextAreaField {...field} {...register(q.id)} />;
    case 'checkbox':
      return (
        <CheckboxGroup {...field} options={q.options ? options : undefined} {...register(q.id)} />
      );
    case 'document':
      return (
        <Controller
          control={control}
          name={q.id}
          render={({ field: { value, onChange } }) => (
            <>
              {renderDocument({
                ...field,
                question: q,
                value: Array.isArray(value) ? (value as string[]) : [],
                onChange,
              })}
            </>
          )}
        />
      );
    default: {
      const input = INPUT_TYPES[q.type] ?? { type: 'text' };
      return (
        <TextField
          {...field}
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
