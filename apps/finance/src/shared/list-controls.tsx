import { SelectField, TextField, useT } from '@hms/ui';
import type { FormEvent } from 'react';
import { listMessages } from './list-messages.ts';

export interface ListControlsValue {
  q?: string;
  sort?: string;
  order?: 'asc' | 'desc';
}

/** A filter of one list beside the search: a choice among a few values ('' = any). */
export interface ListFilter {
  name: string;
  label: string;
  value: string | undefined;
  options: ReadonlyArray<{ value: string; label: string }>;
}

const COMMON_SORTS = ['date', 'amount', 'reference', 'payee'] as const;

/**
 * Search, filters, sort and order of a finance list; applying them goes back to the first page. The common sorts
 * have their words here; a list with its own sorts names them in `sortLabels`.
 */
export function ListControls({
  value,
  sorts,
  sortLabels = {},
  filters = [],
  onApply,
}: {
  value: ListControlsValue;
  sorts: readonly string[];
  sortLabels?: Readonly<Record<string, string>>;
  filters?: readonly ListFilter[];
  onApply: (next: ListControlsValue & Record<string, string | undefined>) => void;
}) {
  const tr = useT(listMessages);
  const common: Record<(typeof COMMON_SORTS)[number], string> = {
    date: tr('sortDate'),
    amount: tr('sortAmount'),
    reference: tr('sortReference'),
    payee: tr('sortPayee'),
  };
  const labelOf = (s: string) =>
    sortLabels[s] ?? ((COMMON_SORTS as readonly string[]).includes(s) ? common[s as 'date'] : s);
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const order = String(data.get('order') ?? 'desc');
    const picked: Record<string, string | undefined> = {};
    for (const f of filters) picked[f.name] = String(data.get(f.name) ?? '') || undefined;
    onApply({
      ...picked,
      q: String(data.get('q') ?? '').trim() || undefined,
      sort: String(data.get('sort') ?? '') || undefined,
      order: order === 'asc' ? 'asc' : 'desc',
    });
  };
  return (
    <form
      key={`${value.q}|${value.sort}|${value.order}|${filters.map((f) => f.value).join('|')}`}
      className="usa-form usa-form--large maxw-none margin-bottom-2"
      onSubmit={onSubmit}
      role="search"
      aria-label={tr('searchForm')}
    >
      <div className="grid-row grid-gap">
        <div className="tablet:grid-col-5">
          <TextField
            id="list-q"
            name="q"
            type="search"
            label={tr('search')}
            hint={tr('searchHint')}
            defaultValue={value.q ?? ''}
            maxLength={100}
          />
        </div>
        <div className="tablet:grid-col-3">
          <SelectField
            id="list-sort"
            name="sort"
            label={tr('sort')}
            defaultValue={value.sort ?? sorts[0] ?? 'date'}
            options={sorts.map((s) => ({ value: s, label: labelOf(s) }))}
          />
        </div>
        <div className="tablet:grid-col-4">
          <SelectField
            id="list-order"
            name="order"
            label={tr('order')}
            defaultValue={value.order ?? 'desc'}
            options={[
              { value: 'desc', label: tr('desc') },
              { value: 'asc', label: tr('asc') },
            ]}
          />
        </div>
        {filters.map((f) => (
          <div key={f.name} className="tablet:grid-col-4">
            <SelectField
              id={`list-${f.name}`}
              name={f.name}
              label={f.label}
              defaultValue={f.value ?? ''}
              options={[{ value: '', label: tr('any') }, ...f.options]}
            />
          </div>
        ))}
      </div>
      <button type="submit" className="usa-button usa-button--outline margin-top-2">
        {tr('apply')}
      </button>
    </form>
  );
}
