import { auditActions, type AuditAction } from '@hms/contracts/audit';
import { auditActionLabels } from '@hms/contracts/labels';
import {
  ErrorSummary,
  Pager,
  QueryState,
  SelectField,
  TextField,
  useFormErrors,
  useLanguage,
  useT,
  type FormField,
  type TextFieldProps,
  PageIntro,
} from '@hms/ui';
import { useQuery } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { auditExportHref, auditQueryOptions, type AuditQuery } from '../api/audit.ts';
import { AuditTable } from '../components/audit-table.tsx';
import { VerificationStatus } from '../components/verification-status.tsx';
import { auditMessages } from '../messages.ts';

const PAGE_SIZE = 50;
const TEXT_FILTERS = ['actor', 'entityType', 'entityId', 'from', 'to'] as const;
type Filter = (typeof TEXT_FILTERS)[number] | 'action';
const FIELDS: FormField<Filter>[] = [
  { name: 'actor', id: 'audit-actor' },
  { name: 'action', id: 'audit-action' },
  { name: 'entityType', id: 'audit-entity-type' },
  { name: 'entityId', id: 'audit-entity-id' },
  { name: 'from', id: 'audit-from' },
  { name: 'to', id: 'audit-to' },
];
const isAction = (v: string | null): v is AuditAction =>
  (auditActions as readonly string[]).includes(v ?? '');

/** The filters in the URL (a GET form: shareable, and the back button works). */
function filtersOf(params: URLSearchParams): Omit<AuditQuery, 'cursor' | 'limit'> {
  const f: Omit<AuditQuery, 'cursor' | 'limit'> = {};
  for (const k of TEXT_FILTERS) {
    const v = params.get(k)?.trim();
    if (v) f[k] = v;
  }
  const action = params.get('action');
  if (isAction(action)) f.action = action;
  return f;
}

/** Admin: search the audit log (who, what, which record, when), page it, export it as filtered, see the chain check. */
export function AuditRoute() {
  const tr = useT(auditMessages);
  const { language } = useLanguage();
  const [params, setParams] = useSearchParams();
  const filters = filtersOf(params);
  const cursor = params.get('cursor') ?? undefined;
  const query: AuditQuery = { ...filters, limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) };
  const audit = useQuery(auditQueryOptions(query));
  const errors = useFormErrors(FIELDS);
  const formKey = JSON.stringify(filters);

  const onSearch = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const next = new URLSearchParams();
    for (const f of FIELDS) {
      const v = String(data.get(f.name) ?? '').trim();
      if (v) next.set(f.name, v);
    }
    const from = next.get('from');
    const to = next.get('to');
    if (errors.check({ to: from && to && to < from ? tr('toBeforeFrom') : undefined })) return;
    setParams(next);
  };

  const toPage = (c: string) => {
    const next = new URLSearchParams(params);
    next.set('cursor', c);
    setParams(next);
  };

  /** A filter's text box, filled from the URL's filters. */
  const filter = (
    name: 'actor' | 'entityType' | 'entityId' | 'from' | 'to',
    id: string,
    props: Omit<TextFieldProps, 'id' | 'name' | 'label'>,
  ) => (
    <TextField id={id} name={name} label={tr(name)} defaultValue={filters[name] ?? ''} {...props} />
  );
  return (
    <>
      <PageIntro title={tr('title')} lead={tr('lead')} />
      <VerificationStatus />
      <form
        key={formKey}
        method="get"
        className="usa-form usa-form--large margin-bottom-3"
        onSubmit={onSearch}
        aria-label={tr('filters')}
        noValidate
      >
        <ErrorSummary {...errors.summary} />
        {filter('actor', 'audit-actor', { hint: tr('actorHint'), maxLength: 200 })}
        <SelectField
          id="audit-action"
          name="action"
          label={tr('action')}
          defaultValue={filters.action ?? ''}
          placeholder={tr('anyAction')}
          options={auditActions.map((a) => ({
            value: a,
            label: `${auditActionLabels[a][language]} (${a})`,
          }))}
        />
        {filter('entityType', 'audit-entity-type', { hint: tr('entityTypeHint'), maxLength: 100 })}
        {filter('entityId', 'audit-entity-id', { maxLength: 200 })}
        <div className="grid-row grid-gap">
          <div className="tablet:grid-col-6">
            {filter('from', 'audit-from', {
              type: 'date',
              hint: tr('dateHint'),
              error: errors.error('from'),
            })}
          </div>
          <div className="tablet:grid-col-6">
            {filter('to', 'audit-to', {
              type: 'date',
              hint: tr('dateHint'),
              error: errors.error('to'),
            })}
          </div>
        </div>
        <ul className="usa-button-group margin-top-2">
          <li className="usa-button-group__item">
            <button type="submit" className="usa-button">
              {tr('search')}
            </button>
          </li>
          <li className="usa-button-group__item">
            <Link className="usa-button usa-button--unstyled" to={{ search: '' }}>
              {tr('clear')}
            </Link>
          </li>
        </ul>
      </form>

      <QueryState
        query={audit}
        loading={tr('loading')}
        empty={<p>{tr('empty')}</p>}
        isEmpty={(data) => data.items.length === 0 && !cursor}
      >
        {(data) => (
          <>
            <p>
              <a className="usa-link" href={auditExportHref(filters)} download>
                {tr('exportCsv')}
              </a>
              <span className="usa-hint display-block">{tr('exportHint')}</span>
            </p>
            <AuditTable entries={data.items} />
            <Pager
              label={tr('pages')}
              prevCursor={data.prevCursor}
              nextCursor={data.nextCursor}
              onPage={toPage}
            />
          </>
        )}
      </QueryState>
    </>
  );
}
