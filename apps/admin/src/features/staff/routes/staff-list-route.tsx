import { FilterForm, PageIntro, QueryState, SelectField, TextField, useT } from '@hms/ui';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { staffListQueryOptions, type StaffStatus } from '../api/staff.ts';
import { StaffTable } from '../components/staff-table.tsx';
import { staffHelp } from '../help.ts';
import { staffMessages } from '../messages.ts';
import { ListPager, usePagedSearch } from '../../../shared/paged-list.tsx';

const staffStatuses = [
  'active',
  'invited',
  'deactivated',
] as const satisfies readonly StaffStatus[];
const PAGE_SIZE = 25;

/** Admin: /admin/users. Search, status and page live in the URL (shareable; the back button works). */
export function StaffListRoute() {
  const tr = useT(staffMessages);
  const { filters, query } = usePagedSearch({ q: 'text', status: staffStatuses }, PAGE_SIZE);
  const { q, status } = filters.values;
  const staff = useQuery(staffListQueryOptions(query));

  return (
    <>
      <PageIntro title={tr('listTitle')} lead={tr('listLead')} help={staffHelp} />
      <p>
        <Link className="usa-button" to="/admin/users/invite">
          {tr('invitePerson')}
        </Link>
      </p>
      <FilterForm filters={filters} label={tr('filters')} submitLabel={tr('apply')} search>
        <TextField
          id="staff-q"
          name="q"
          type="search"
          label={tr('search')}
          hint={tr('searchHint')}
          defaultValue={q ?? ''}
          maxLength={100}
        />
        <SelectField
          id="staff-status"
          name="status"
          label={tr('status')}
          defaultValue={status ?? ''}
          placeholder={tr('statusAll')}
          options={staffStatuses.map((s) => ({ value: s, label: tr(`status_${s}`) }))}
        />
      </FilterForm>

      <QueryState query={staff} loading={tr('loading')} empty={<p>{tr('empty')}</p>}>
        {(data) => (
          <>
            <StaffTable people={data.items} />
            <ListPager label={tr('pages')} page={data} filters={filters} />
          </>
        )}
      </QueryState>
    </>
  );
}
