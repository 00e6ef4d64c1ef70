import { forwardRef, type InputHTMLAttributes } from 'react';

export type TableCheckboxProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'type'> & {
  id: string;
  /** What ticking the box does, e.g. "Select payment HMS-…" (read by screen readers; the row shows the rest). */
  label: string;
};

/**
 * The select box of a table row (or the "select all" box of its header). USWDS draws the box as a pseudo-element of
 * the label; `.usa-table .usa-checkbox__label` in styles.css gives that label the box's size, so the box stays inside
 * its own row. The real input keeps the focus and the Space key.
 */
export const TableCheckbox = forwardRef<HTMLInputElement, TableCheckboxProps>(
  function TableCheckbox({ id, label, ...input }, ref) {
    return (
      <div className="usa-checkbox">
        <input ref={ref} className="usa-checkbox__input" id={id} type="checkbox" {...input} />
        <label className="usa-checkbox__label" htmlFor={id}>
          <span className="usa-sr-only">{label}</span>
        </label>
      </div>
    );
  },
);
