import { forwardRef, type InputHTMLAttributes, type ReactNode } from 'react';

export type CheckboxProps = Omit<
  InputHTMLAttributes<HTMLInputElement>,
  'id' | 'type' | 'className'
> & {
  id: string;
  /** The words beside the box (USWDS draws the box as a pseudo-element of this label). */
  label: ReactNode;
  /** More classes for the `usa-checkbox` wrapper, after it (e.g. a margin utility). */
  className?: string;
};

/** One USWDS checkbox: the real input (it keeps the focus and the Space key), then its label. */
export const Checkbox = forwardRef<HTMLInputElement, CheckboxProps>(function Checkbox(
  { id, label, className, ...input },
  ref,
) {
  return (
    <div className={className ? `usa-checkbox ${className}` : 'usa-checkbox'}>
      <input ref={ref} className="usa-checkbox__input" id={id} type="checkbox" {...input} />
      <label className="usa-checkbox__label" htmlFor={id}>
        {label}
      </label>
    </div>
  );
});
