import type { FormEvent, ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ButtonGroup } from './ButtonGroup.tsx';
import { ErrorSummary, type ErrorSummaryProps } from './ErrorSummary.tsx';

export interface SearchFilters<K extends string> {
  /** Each filter the URL holds, trimmed; an empty one is absent. */
  values: Partial<Record<K, string>>;
  /** The server's cursor of the page shown; undefined on the first page. */
  cursor: string | undefined;
  /** Shows these filters from the first page; empty ones are left out of the URL. */
  apply: (values: Partial<Record<K, string | undefined>>) => void;
  /** The same filters, another page. */
  toPage: (cursor: string) => void;
  /** Changes whenever the filters do: the form's `key`, so its fields show the URL's values after back/forward. */
  formKey: string;
}

/**
 * A list's filters and page cursor kept in the URL's query string (as a GET form would): a filtered page can be
 * shared, and the back button goes back to the previous filters. Narrowing a value to the API's choices (a status)
 * is the caller's: the URL can hold anything.
 */
export function useSearchFilters<K extends string>(names: readonly K[]): SearchFilters<K> {
  const [params, setParams] = useSearchParams();
  const values: Partial<Record<K, string>> = {};
  for (const name of names) {
    const value = params.get(name)?.trim();
    if (value) values[name] = value;
  }
  const cursor = params.get('cursor') ?? undefined;
  const search = (next: Partial<Record<K, string | undefined>>, page?: string) => {
    const p = new URLSearchParams();
    for (const [name, value] of Object.entries(next) as [string, string | undefined][]) {
      const v = value?.trim();
      if (v) p.set(name, v);
    }
    if (page) p.set('cursor', page);
    setParams(p);
  };
  return {
    values,
    cursor,
    apply: (next) => search(next),
    toPage: (c) => search(values, c),
    formKey: names.map((name) => values[name] ?? '').join('|'),
  };
}

/** The value when it is one of the API's choices, else undefined: a URL or a form field can hold anything. */
export function oneOf<T extends string>(
  choices: readonly T[],
  value: string | null | undefined,
): T | undefined {
  return choices.find((c) => c === value);
}

/** Every named field of a submitted form as text (a select left on its placeholder is ''). */
export function formValues<K extends string>(
  form: HTMLFormElement,
  names: readonly K[],
): Record<K, string> {
  const data = new FormData(form);
  const values = {} as Record<K, string>;
  for (const name of names) values[name] = String(data.get(name) ?? '');
  return values;
}

export interface FilterFormProps {
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
  /** Called with the submitted form (the page is not reloaded). */
  onFilter: (form: HTMLFormElement) => void;
  children: ReactNode;
}

/**
 * The filter form above a list: its fields, then the button that applies them. It is a GET form in spirit (the
 * filters go to the URL through {@link useSearchFilters}); checks speak through the error summary, not the browser.
 */
export function FilterForm({
  label,
  submitLabel,
  clearLabel,
  errors,
  search,
  onFilter,
  children,
}: FilterFormProps) {
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    onFilter(e.currentTarget);
  };
  return (
    <form
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
