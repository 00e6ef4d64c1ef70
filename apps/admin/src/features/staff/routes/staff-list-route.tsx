import { Pager, QueryState, SelectField, TextField, useT, PageIntro } from '@hms/ui';
import { useQuery } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { staffListQueryOptions, type StaffQuery, type StaffStatus } from '../api/staff.ts';
import { StaffTable } from '../components/staff-table.tsx';
import { staffHelp } from '../help.ts';
import { staffMessages } from '../messages.ts';

const staffStatuses = [
  'active',
  'invited',
  'deactivated',
] as const satisfies readonly StaffStatus[];
const isStatus = (v: string | null): v is StaffStatus =>
  (staffStatuses as readonly string[]).includes(v ?? '');
const PAGE_SIZE = 25;

/** Admin: /admin/users. Search, status and page live in the URL (shareable; the back button works). */
export function StaffListRoute() {
  const tr = useT(staffMessages);
  const [params, setParams] = useSearchParams();
  const q = params.get('q')?.trim() || undefined;
  const rawStatus = params.get('status');
  const status = isStatus(rawStatus) ? rawStatus : undefined;
  const cursor = params.get('cursor') ?? undefined;
  const query: StaffQuery = {
    limit: PAGE_SIZE,
    ...(q ? { q } : {}),
    ...(status ? { status } : {}),
    ...(cursor ? { cursor } : {}),
  };
  const staff = useQuery(staffListQueryOptions(query));

  const search = (next: {
    q?: string | undefined;
    status?: string | undefined;
    cursor?: string;
  }) => {
    const p = new URLSearchParams();
    if (next.q) p.set('q', next.q);
    if (next.status) p.set('status', next.status);
    if (next.cursor) p.set('cursor', next.cursor);
    setParams(p);
  };
  const onSearch = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const s = String(data.get('status') ?? '');
    search({ q: String(data.get('q') ?? '').trim(), status: isStatus(s) ? s : undefined });
  };

  return (
    <>
      <PageIntro title={tr('listTitle')} lead={tr('listLead')} help={staffHelp} />
      <p>
        <Link className="usa-button" to="/admin/users/invite">
          {tr('invitePerson')}
        </Link>
      </p>
      <form
        key={`${q ?? ''}|${status ?? ''}`}
        className="usa-form margin-bottom-3"
        onSubmit={onSearch}
        role="search"
        aria-label={tr('filters')}
      >
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
        <button type="submit" className="usa-button usa-button--outline margin-top-2">
          {tr('apply')}
        </button>
      </form>

      <QueryState query={staff} loading={tr('loading')} empty={<p>{tr('empty')}</p>}>
        {(data) => (
          <>
            <StaffTable people={data.items} />
            <Pager
              label={tr('pages')}
              prevCursor={data.prevCursor}
              nextCursor={data.nextCursor}
              onPage={(c) => search({ q, status, cursor: c })}
            />
          </>
        )}
      </QueryState>
    </>
  );
}
