import { auditActions } from '@hms/contracts/audit';
import { auditActionLabels } from '@hms/contracts/labels';
import {
  FilterForm,
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
import { auditExportHref, auditQueryOptions, type AuditQuery } from '../api/audit.ts';
import { AuditTable } from '../components/audit-table.tsx';
import { VerificationStatus } from '../components/verification-status.tsx';
import { auditMessages } from '../messages.ts';
import { ListPager, usePagedSearch } from '../../../shared/paged-list.tsx';

const PAGE_SIZE = 50;
type Filter = 'actor' | 'action' | 'entityType' | 'entityId' | 'from' | 'to';
const FIELDS: FormField<Filter>[] = [
  { name: 'actor', id: 'audit-actor' },
  { name: 'action', id: 'audit-action' },
  { name: 'entityType', id: 'audit-entity-type' },
  { name: 'entityId', id: 'audit-entity-id' },
  { name: 'from', id: 'audit-from' },
  { name: 'to', id: 'audit-to' },
];
const TEXT = 'text' as const;
const FILTERS = {
  actor: TEXT,
  action: auditActions,
  entityType: TEXT,
  entityId: TEXT,
  from: TEXT,
  to: TEXT,
};

/** Admin: search the audit log (who, what, which record, when), page it, export it as filtered, see the chain check. */
export function AuditRoute() {
  const tr = useT(auditMessages);
  const { language } = useLanguage();
  // The filters in the URL (a GET form: shareable, and the back button works).
  const { filters: search, query } = usePagedSearch(FILTERS, PAGE_SIZE);
  const filters: Omit<AuditQuery, 'cursor' | 'limit'> = search.values;
  const audit = useQuery(auditQueryOptions(query));
  const errors = useFormErrors(FIELDS);

  const checkRange = ({ from, to }: typeof filters) =>
    errors.check({ to: from && to && to < from ? tr('toBeforeFrom') : undefined });

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
      <FilterForm
        filters={search}
        label={tr('filters')}
        submitLabel={tr('search')}
        clearLabel={tr('clear')}
        errors={errors.summary}
        check={checkRange}
      >
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
          {(['from', 'to'] as const).map((name) => (
            <div key={name} className="tablet:grid-col-6">
              {filter(name, `audit-${name}`, {
                type: 'date',
                hint: tr('dateHint'),
                error: errors.error(name),
              })}
            </div>
          ))}
        </div>
      </FilterForm>

      <QueryState
        query={audit}
        loading={tr('loading')}
        empty={<p>{tr('empty')}</p>}
        isEmpty={(data) => data.items.length === 0 && !search.cursor}
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
            <ListPager label={tr('pages')} page={data} filters={search} />
          </>
        )}
      </QueryState>
    </>
  );
}
