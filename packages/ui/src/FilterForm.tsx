import type { FormEvent, ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ButtonGroup } from './ButtonGroup.tsx';
import { ErrorSummary, type ErrorSummaryProps } from './ErrorSummary.tsx';

/** A list's filters by URL name: free text, or one of the API's choices (a URL can hold anything). */
export type FilterSpec = Record<string, 'text' | readonly string[]>;

/** The filters' values: text trimmed, a choice narrowed to the choices; an empty or unknown one is absent. */
export type FilterValues<S extends FilterSpec> = {
  [K in keyof S]?: S[K] extends readonly (infer T)[] ? T : string;
};

export interface SearchFilters<S extends FilterSpec> {
  values: FilterValues<S>;
  /** The server's cursor of the page shown; undefined on the first page. */
  cursor: string | undefined;
  /** The filters a submitted form asks for. */
  read: (form: HTMLFormElement) => FilterValues<S>;
  /** Shows these filters from the first page; empty ones are left out of the URL. */
  apply: (values: FilterValues<S>) => void;
  /** The same filters, another page. */
  toPage: (cursor: string) => void;
  /** Changes whenever the filters do, so a form of them shows the URL's values after back/forward. */
  formKey: string;
}

function narrow<S extends FilterSpec>(
  spec: S,
  get: (name: string) => string | null | undefined,
): FilterValues<S> {
  const values: Record<string, string> = {};
  for (const [name, kind] of Object.entries(spec)) {
    const value = get(name)?.trim();
    if (value && (kind === 'text' || kind.includes(value))) values[name] = value;
  }
  return values as FilterValues<S>;
}

/**
 * A list's filters and page cursor kept in the URL's query string (as a GET form would): a filtered page can be
 * shared, and the back button goes back to the previous filters.
 */
export function useSearchFilters<S extends FilterSpec>(spec: S): SearchFilters<S> {
  const [params, setParams] = useSearchParams();
  const values = narrow(spec, (name) => params.get(name));
  const search = (next: FilterValues<S>, page?: string) => {
    const p = new URLSearchParams();
    for (const [name, value] of Object.entries(next)) if (value) p.set(name, String(value));
    if (page) p.set('cursor', page);
    setParams(p);
  };
  return {
    values,
    cursor: params.get('cursor') ?? undefined,
    read: (form) => {
      const data = new FormData(form);
      return narrow(spec, (name) => String(data.get(name) ?? ''));
    },
    apply: (next) => search(next),
    toPage: (c) => search(values, c),
    formKey: Object.keys(spec)
      .map((name) => String(values[name] ?? ''))
      .join('|'),
  };
}

export interface FilterFormProps<S extends FilterSpec> {
  /** The filters the form shows and applies. */
  filters: SearchFilters<S>;
  /** Names the form for assistive technology, e.g. "Filter staff". */
  label: string;
  /** The submit button's words. */
  submitLabel: string;
  /**
   * With a "clear" link (back to the unfiltered list): the filters are many, so the form is large and its buttons a
   * group; without it, a single outline button applies a short filter.
   */
  clearLabel?: string;
  /** The form's own checks of the filters (e.g. a date range), listed first. */
  errors?: ErrorSummaryProps;
  /** A free-text search: the form is also a search landmark. */
  search?: boolean;
  /**
   * The form's own checks of the filters it is about to apply (e.g. a date range); true when one failed, and the
   * filters stay as they were.
   */
  check?: (values: FilterValues<S>) => boolean;
  children: ReactNode;
}

/**
 * The filter form above a list: its fields, then the button that applies them. It is a GET form in spirit (the
 * filters go to the URL through {@link useSearchFilters}); checks speak through the error summary, not the browser.
 */
export function FilterForm<S extends FilterSpec>({
  filters,
  label,
  submitLabel,
  clearLabel,
  errors,
  search,
  check,
  children,
}: FilterFormProps<S>) {
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const values = filters.read(e.currentTarget);
    if (!check?.(values)) filters.apply(values);
  };
  return (
    <form
      key={filters.formKey}
      method="get"
      className={`usa-form${clearLabel ? ' usa-form--large' : ''} margin-bottom-3`}
      onSubmit={onSubmit}
      role={search ? 'search' : undefined}
      aria-label={label}
      noValidate
    >
      {errors ? <ErrorSummary {...errors} /> : null}
      {children}
      {clearLabel ? (
        <ButtonGroup className="margin-top-2">
          <button type="submit" className="usa-button">
            {submitLabel}
          </button>
          <Link className="usa-button usa-button--unstyled" to={{ search: '' }}>
            {clearLabel}
          </Link>
        </ButtonGroup>
      ) : (
        <button type="submit" className="usa-button usa-button--outline margin-top-2">
          {submitLabel}
        </button>
      )}
    </form>
  );
}
