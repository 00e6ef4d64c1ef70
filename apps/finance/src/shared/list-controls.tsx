import { SelectField, TextField, useT } from '@hms/ui';
import type { FormEvent } from 'react';
import { FilterGrid } from './filter-grid.tsx';
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
  // The sort and the order, then the list's own filters: each a choice, in the grid beside the search.
  const choices = [
    {
      name: 'sort',
      label: tr('sort'),
      value: value.sort ?? sorts[0] ?? 'date',
      options: sorts.map((s) => ({ value: s, label: labelOf(s) })),
      cell: 'tablet:grid-col-3',
    },
    {
      name: 'order',
      label: tr('order'),
      value: value.order ?? 'desc',
      options: [
        { value: 'desc', label: tr('desc') },
        { value: 'asc', label: tr('asc') },
      ],
      cell: 'tablet:grid-col-4',
    },
    ...filters.map((f) => ({
      name: f.name,
      label: f.label,
      value: f.value ?? '',
      options: [{ value: '', label: tr('any') }, ...f.options],
      cell: 'tablet:grid-col-4',
    })),
  ];
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
    <FilterGrid
      key={`${value.q}|${value.sort}|${value.order}|${filters.map((f) => f.value).join('|')}`}
      className="maxw-none margin-bottom-2"
      onSubmit={onSubmit}
      search
      label={tr('searchForm')}
      apply={tr('apply')}
    >
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
      {choices.map((c) => (
        <div key={c.name} className={c.cell}>
          <SelectField
            id={`list-${c.name}`}
            name={c.name}
            label={c.label}
            defaultValue={c.value}
            options={c.options}
          />
        </div>
      ))}
    </FilterGrid>
  );
}
