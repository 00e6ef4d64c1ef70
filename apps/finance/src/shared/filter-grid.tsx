import type { FormEvent, ReactNode } from 'react';

/**
 * The filter form above a finance list: its fields side by side in the grid (each child a `tablet:grid-col-*`
 * cell), then the outline button that applies them. Give it a `key` that changes with the URL's filters so its
 * uncontrolled fields show them after back/forward.
 */
export function FilterGrid({
  label,
  apply,
  onSubmit,
  className,
  search = false,
  children,
}: {
  /** Names the form for assistive technology. */
  label: string;
  /** The apply button's words. */
  apply: string;
  onSubmit: (e: FormEvent<HTMLFormElement>) => void;
  /** Spacing and width utilities after `usa-form usa-form--large`. */
  className: string;
  /** A free-text search: the form is also a search landmark. */
  search?: boolean;
  children: ReactNode;
}) {
  return (
    <form
      className={`usa-form usa-form--large ${className}`}
      onSubmit={onSubmit}
      role={search ? 'search' : undefined}
      aria-label={label}
    >
      <div className="grid-row grid-gap">{children}</div>
      <button type="submit" className="usa-button usa-button--outline margin-top-2">
        {apply}
      </button>
    </form>
  );
}
