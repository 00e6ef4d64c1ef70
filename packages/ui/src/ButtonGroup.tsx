import { Children, type ReactNode } from 'react';

export interface ButtonGroupProps {
  /** More classes for the `<ul>`, after `usa-button-group` (e.g. a margin utility). */
  className?: string;
  /** The buttons; each becomes one item. `null`, `false` and `undefined` children (a button not offered) are skipped. */
  children: ReactNode;
}

/** A USWDS button group: the buttons as items of a list, so a screen reader says how many choices there are. */
export function ButtonGroup({ className, children }: ButtonGroupProps) {
  return (
    <ul className={className ? `usa-button-group ${className}` : 'usa-button-group'}>
      {Children.map(children, (child) =>
        child === null || child === undefined || typeof child === 'boolean' ? null : (
          <li className="usa-button-group__item">{child}</li>
        ),
      )}
    </ul>
  );
}
