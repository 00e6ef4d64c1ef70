import { forwardRef, type InputHTMLAttributes, type ReactNode } from 'react';

export type RadioProps = Omit<
  InputHTMLAttributes<HTMLInputElement>,
  'id' | 'type' | 'className'
> & {
  id: string;
  /** The words beside the button (USWDS draws the button as a pseudo-element of this label). */
  label: ReactNode;
};

/**
 * One USWDS radio button: the real input (it keeps the focus and the arrow keys), then its label. For a controlled
 * group whose buttons differ (one disabled, one checked by the screen's state); a plain group is a `RadioGroup`.
 */
export const Radio = forwardRef<HTMLInputElement, RadioProps>(function Radio(
  { id, label, ...input },
  ref,
) {
  return (
    <div className="usa-radio">
      <input ref={ref} className="usa-radio__input" type="radio" id={id} {...input} />
      <label className="usa-radio__label" htmlFor={id}>
        {label}
      </label>
    </div>
  );
});
