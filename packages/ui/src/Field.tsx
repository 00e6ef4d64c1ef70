import {
  forwardRef,
  type ForwardedRef,
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
function describedBy(
  id: string,
  hint: unknown,
  error: unknown,
  note?: unknown,
): string | undefined {
  const ids = [
    hint ? `${id}-hint` : null,
    note ? `${id}-note` : null,
    error ? `${id}-error` : null,
  ].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

/** The control's own attributes that tie it to its label's hint, note and error. */
export function controlAria(id: string, hint: unknown, error: unknown, note?: unknown) {
  return {
    id,
    'aria-describedby': describedBy(id, hint, error, note),
    'aria-invalid': error ? true : undefined,
  } as const;
}

/**
 * The USWDS error message of a field or a group (none when there is no error): give the control or the group
 * `aria-describedby` its id.
 */
export function ErrorMessage({ id, children }: { id: string; children: string | undefined }) {
  return children ? (
    <span className="usa-error-message" id={id}>
      {children}
    </span>
  ) : null;
}

function HintAndError({
  id,
  hint,
  note,
  error,
}: Omit<FieldChrome, 'label'> & { note?: ReactNode }) {
  return (
    <>
      {hint ? (
        <div className="usa-hint" id={`${id}-hint`}>
          {hint}
        </div>
      ) : null}
      {note ? (
        <div className="usa-hint" id={`${id}-note`}>
          {note}
        </div>
      ) : null}
      <ErrorMessage id={`${id}-error`}>{error}</ErrorMessage>
    </>
  );
}

/**
 * The USWDS form group of a single control: the label, then the hint, a second hint (`note`, e.g. what files are
 * accepted) and the error, then the control (spread {@link controlAria} into it) and anything under it.
 */
export function FieldGroup({
  id,
  label,
  hint,
  note,
  error,
  children,
}: FieldChrome & { note?: ReactNode; children: ReactNode }) {
  return (
    <div className={`usa-form-group${error ? ' usa-form-group--error' : ''}`}>
      <label className={`usa-label${error ? ' usa-label--error' : ''}`} htmlFor={id}>
        {label}
      </label>
      <HintAndError id={id} hint={hint} note={note} error={error} />
      {children}
    </div>
  );
}

/**
 * A fieldset of radios or checkboxes with a legend (for screen readers only when `legendHidden`). The first box
 * has the group's `id`, so the error summary's link lands where keyboard focus belongs for the group.
 */
function ChoiceFieldset({
  kind,
  id,
  label,
  hint,
  error,
  legendHidden = false,
  choices,
  withValue,
  input,
  inputRef,
}: FieldChrome & {
  kind: 'radio' | 'checkbox';
  legendHidden?: boolean;
  choices: readonly { value: string; label: ReactNode }[];
  /** Each box carries its option's value (false: a lone checkbox, whose answer is checked or not). */
  withValue: boolean;
  input: InputHTMLAttributes<HTMLInputElement>;
  inputRef: ForwardedRef<HTMLInputElement>;
}) {
  return (
    <div className={`usa-form-group${error ? ' usa-form-group--error' : ''}`}>
      <fieldset className="usa-fieldset" aria-describedby={describedBy(id, hint, error)}>
        <legend
          className={`usa-legend${legendHidden ? ' usa-sr-only' : ''}${error ? ' usa-label--error' : ''}`}
        >
          {label}
        </legend>
        <HintAndError id={id} hint={hint} error={error} />
        {choices.map((choice, index) => {
          const choiceId = index === 0 ? id : `${id}-${choice.value}`;
          return (
            <div className={kind === 'radio' ? 'usa-radio' : 'usa-checkbox'} key={choice.value}>
              <input
                ref={inputRef}
                className={kind === 'radio' ? 'usa-radio__input' : 'usa-checkbox__input'}
                type={kind}
                id={choiceId}
                aria-invalid={error ? true : undefined}
                {...input}
                {...(withValue ? { value: choice.value } : {})}
              />
              <label
                className={kind === 'radio' ? 'usa-radio__label' : 'usa-checkbox__label'}
                htmlFor={choiceId}
              >
                {choice.label}
              </label>
            </div>
          );
        })}
      </fieldset>
    </div>
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
    <FieldGroup id={id} label={label} hint={hint} error={error}>
      <input
        ref={ref}
        className={`usa-input${error ? ' usa-input--error' : ''}${className ? ` ${className}` : ''}`}
        {...controlAria(id, hint, error)}
        {...input}
      />
    </FieldGroup>
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
    <FieldGroup id={id} label={label} hint={hint} error={error}>
      <select
        ref={ref}
        className={`usa-select${error ? ' usa-input--error' : ''}`}
        {...controlAria(id, hint, error)}
        {...select}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldGroup>
  );
});

export type RadioGroupProps = FieldChrome &
  Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'type'> & {
    options: Option[];
  };

/** A fieldset of radios with a legend; the error summary links to the first radio (`id`). */
export const RadioGroup = forwardRef<HTMLInputElement, RadioGroupProps>(function RadioGroup(
  { id, label, hint, error, options, ...input },
  ref,
) {
  return (
    <ChoiceFieldset
      kind="radio"
      {...{ id, label, hint, error, input }}
      choices={options}
      withValue
      inputRef={ref}
    />
  );
});

export type TextAreaFieldProps = FieldChrome &
  Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id'>;

/** A labelled textarea; spread react-hook-form's `register(name)` into it. */
export const TextAreaField = forwardRef<HTMLTextAreaElement, TextAreaFieldProps>(
  function TextAreaField({ id, label, hint, error, ...textarea }, ref) {
    return (
      <FieldGroup id={id} label={label} hint={hint} error={error}>
        <textarea
          ref={ref}
          className={`usa-textarea${error ? ' usa-input--error' : ''}`}
          {...controlAria(id, hint, error)}
          {...textarea}
        />
      </FieldGroup>
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
    return (
      <ChoiceFieldset
        kind="checkbox"
        {...{ id, label, hint, error, input }}
        legendHidden={!options}
        choices={options ?? [{ value: 'true', label }]}
        withValue={Boolean(options)}
        inputRef={ref}
      />
    );
  },
);
