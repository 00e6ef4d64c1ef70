import { SelectField, TextField, useT } from '@hms/ui';
import type { FormEvent } from 'react';
import { figureListMessages } from '../messages.ts';

export interface ListControlsValue {
  q?: string;
  sort?: string;
  order?: 'asc' | 'desc';
}

/** Search, sort and order of a figure's list; applying them goes back to the first page. */
export function ListControls({
  value,
  sorts,
  onApply,
}: {
  value: ListControlsValue;
  sorts: readonly ('date' | 'amount' | 'reference' | 'payee')[];
  onApply: (next: ListControlsValue) => void;
}) {
  const tr = useT(figureListMessages);
  const sortLabel = {
    date: tr('sortDate'),
    amount: tr('sortAmount'),
    reference: tr('sortReference'),
    payee: tr('sortPayee'),
  };
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const order = String(data.get('order') ?? 'desc');
    onApply({
      q: String(data.get('q') ?? '').trim() || undefined,
      sort: String(data.get('sort') ?? '') || undefined,
      order: order === 'asc' ? 'asc' : 'desc',
    });
  };
  return (
    <form
      key={`${value.q}|${value.sort}|${value.order}`}
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
            defaultValue={value.sort ?? 'date'}
            options={sorts.map((s) => ({ value: s, label: sortLabel[s] }))}
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
      </div>
      <button type="submit" className="usa-button usa-button--outline margin-top-2">
        {tr('apply')}
      </button>
    </form>
  );
}
