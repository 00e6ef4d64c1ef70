import { forwardRef } from 'react';
import { Checkbox, type CheckboxProps } from './Checkbox.tsx';

export type TableCheckboxProps = Omit<CheckboxProps, 'label' | 'className'> & {
  /** What ticking the box does, e.g. "Select payment HMS-…" (read by screen readers; the row shows the rest). */
  label: string;
};

/**
 * The select box of a table row (or the "select all" box of its header). USWDS draws the box as a pseudo-element of
 * the label; `.usa-table .usa-checkbox__label` in styles.css gives that label the box's size, so the box stays inside
 * its own row. Its words are for screen readers only.
 */
export const TableCheckbox = forwardRef<HTMLInputElement, TableCheckboxProps>(
  function TableCheckbox({ label, ...input }, ref) {
    return <Checkbox ref={ref} label={<span className="usa-sr-only">{label}</span>} {...input} />;
  },
);
