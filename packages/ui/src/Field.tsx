import {
  forwardRef,
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
} from 'react';

interface FieldChrome {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
}

/** ids of the hint and error, in reading order, for aria-describedby. */
function describedBy(id: string, hint: unknown, error: unknown): string | undefined {
  const ids = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

function HintAndError({ id, hint, error }: Omit<FieldChrome, 'label'>) {
  return (
    <>
      {hint ? (
        <div className="usa-hint" id={`${id}-hint`}>
          {hint}
        </div>
      ) : null}
      {error ? (
        <span className="usa-error-message" id={`${id}-error`}>
          {error}
        </span>
      ) : null}
    </>
  );
}

export type TextFieldProps = FieldChrome & Omit<InputHTMLAttributes<HTMLInputElement>, 'id'>;

// forwardRef: react-hook-form's `register(name)` hands the input a ref it reads values and focus from.
/** A labelled text input; spread react-hook-form's `register(name)` into it. */
export const TextField = forwardRef<HTMLInputElement, TextFieldProps>(function TextField(
  { id, label, hint, error, className, ...input },
  ref,
) {
  return (
    <div className={`usa-form-group${error ? ' usa-form-group--error' : ''}`}>
      <label className={`usa-label${error ? ' usa-label--error' : ''}`} htmlFor={id}>
        {label}
      </label>
      <HintAndError id={id} hint={hint} error={error} />
      <input
        ref={ref}
        id={id}
        className={`usa-input${error ? ' usa-input--error' : ''}${className ? ` ${className}` : ''}`}
        aria-describedby={describedBy(id, hint, error)}
        aria-invalid={error ? true : undefined}
        {...input}
      />
    </div>
  );
});

export interface Option {
  value: string;
  label: string;
}

export type SelectFieldProps = FieldChrome &
  Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id'> & {
    options: Option[];
    /** Text of an empty first option, e.g. "- Select -". */
    placeholder?: string;
  };

export const SelectField = forwardRef<HTMLSelectElement, SelectFieldProps>(function SelectField(
  { id, label, hint, error, options, placeholder, ...select },
  ref,
) {
  return (
    <div className={`usa-form-group${error ? ' usa-form-group--error' : ''}`}>
      <label className={`usa-label${error ? ' usa-label--error' : ''}`} htmlFor={id}>
        {label}
      </label>
      <HintAndError id={id} hint={hint} error={error} />
      <select
        ref={ref}
        id={id}
        className={`usa-select${error ? ' usa-input--error' : ''}`}
        aria-describedby={describedBy(id, hint, error)}
        aria-invalid={error ? true : undefined}
        {...select}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
});

export type RadioGroupProps = FieldChrome &
  Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'type'> & {
    options: Option[];
  };

/**
 * A fieldset of radios with a legend. The error summary links to the first radio (`id`), which is
 * where keyboard focus belongs for the group.
 */
export const RadioGroup = forwardRef<HTMLInputElement, RadioGroupProps>(function RadioGroup(
  { id, label, hint, error, options, ...input },
  ref,
) {
  return (
    <div className={`usa-form-group${error ? ' usa-form-group--error' : ''}`}>
      <fieldset className="usa-fieldset" aria-describedby={describedBy(id, hint, error)}>
        <legend className={`usa-legend${error ? ' usa-label--error' : ''}`}>{label}</legend>
        <HintAndError id={id} hint={hint} error={error} />
        {options.map((option, index) => {
          const optionId = index === 0 ? id : `${id}-${option.value}`;
          return (
            <div className="usa-radio" key={option.value}>
              <input
                ref={ref}
                className="usa-radio__input"
                type="radio"
                id={optionId}
                value={option.value}
                aria-invalid={error ? true : undefined}
                {...input}
              />
              <label className="usa-radio__label" htmlFor={optionId}>
                {option.label}
              </label>
            </div>
          );
        })}
      </fieldset>
    </div>
  );
});

export type TextAreaFieldProps = FieldChrome &
  Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id'>;

/** A labelled textarea; spread react-hook-form's `register(name)` into it. */
export const TextAreaField = forwardRef<HTMLTextAreaElement, TextAreaFieldProps>(
  function TextAreaField({ id, label, hint, error, ...textarea }, ref) {
    return (
      <div className={`usa-form-group${error ? ' usa-form-group--error' : ''}`}>
        <label className={`usa-label${error ? ' usa-label--error' : ''}`} htmlFor={id}>
          {label}
        </label>
        <HintAndError id={id} hint={hint} error={error} />
        <textarea
          ref={ref}
          id={id}
          className={`usa-textarea${error ? ' usa-input--error' : ''}`}
          aria-describedby={describedBy(id, hint, error)}
          aria-invalid={error ? true : undefined}
          {...textarea}
        />
      </div>
    );
  },
);

export type CheckboxGroupProps = FieldChrome &
  Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'type' | 'value'> & {
    /** Boxes to choose from (the answer is the list of ticked values); none: one box, ticked or not (a boolean). */
    options?: Option[] | undefined;
  };

/**
 * A fieldset of checkboxes with a legend, or a single checkbox labelled by `label` (its legend then only for screen
 * readers). The error summary links to the first box (`id`).
 */
export const CheckboxGroup = forwardRef<HTMLInputElement, CheckboxGroupProps>(
  function CheckboxGroup({ id, label, hint, error, options, ...input }, ref) {
    const boxes = options ?? [{ value: 'true', label }];
    return (
      <div className={`usa-form-group${error ? ' usa-form-group--error' : ''}`}>
        <fieldset className="usa-fieldset" aria-describedby={describedBy(id, hint, error)}>
          <legend
            className={`usa-legend${options ? '' : ' usa-sr-only'}${error ? ' usa-label--error' : ''}`}
          >
            {label}
          </legend>
          <HintAndError id={id} hint={hint} error={error} />
          {boxes.map((box, index) => {
            const boxId = index === 0 ? id : `${id}-${box.value}`;
            return (
              <div className="usa-checkbox" key={box.value}>
                <input
                  ref={ref}
                  className="usa-checkbox__input"
                  type="checkbox"
                  id={boxId}
                  aria-invalid={error ? true : undefined}
                  {...input}
                  {...(options ? { value: box.value } : {})}
                />
                <label className="usa-checkbox__label" htmlFor={boxId}>
                  {box.label}
                </label>
              </div>
            );
          })}
        </fieldset>
      </div>
    );
  },
);
