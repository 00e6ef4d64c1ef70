import { paymentKeys } from '@hms/api-client';
import {
  Checkbox,
  EmptyState,
  ErrorMessage,
  HelpPanel,
  ErrorSummary,
  PageTitle,
  ProblemAlert,
  QueryState,
  SelectField,
  formatCents,
  formatNumber,
  useFormErrors,
  useLanguage,
  useLabel,
  useT,
  type FormField,
} from '@hms/ui';
import { paymentStatusLabels } from '@hms/contracts/labels';
import { paymentStatuses, type PaymentStatus } from '@hms/contracts/payments';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { buildBatchMutationOptions, paymentsQueryOptions } from '../api/payments.ts';
import { PaymentsStatusTable } from '../components/payments-status-table.tsx';
import { PaymentsTable } from '../components/payments-table.tsx';
import { DateFields } from '../../../shared/date-fields.tsx';
import { FilterGrid } from '../../../shared/filter-grid.tsx';
import { ProgramSelect } from '../../../shared/program-select.tsx';
import { buildHelp, statusHelp } from '../help.ts';
import { paymentsMessages } from '../messages.ts';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const isStatus = (v: string | null): v is PaymentStatus =>
  (paymentStatuses as readonly string[]).includes(v ?? '');

// The build step's one field is the selection; its errors (ours, or the API's body.paymentIds) link to the
// "select all" box, the first box of the table.
const BUILD_FIELDS: FormField<'paymentIds' | 'sameDay'>[] = [
  { name: 'paymentIds', id: 'select-all-payments' },
  { name: 'sameDay', id: 'same-day' },
];

/** Filters live in the URL (shareable, back button works); selection lives in the page. */
export function PaymentsRoute() {
  const tr = useT(paymentsMessages);
  const label = useLabel();
  const { language } = useLanguage();
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const programId = params.get('programId') ?? '';
  const createdFrom = params.get('createdFrom') ?? '';
  const createdTo = params.get('createdTo') ?? '';
  const rawStatus = params.get('status');
  const status: PaymentStatus = isStatus(rawStatus) ? rawStatus : 'pending';
  const batchable = status === 'pending';
  const query = {
    status,
    limit: 500,
    ...(programId ? { programId } : {}),
    ...(DATE.test(createdFrom) ? { createdFrom } : {}),
    ...(DATE.test(createdTo) ? { createdTo } : {}),
  };
  const payments = useQuery(paymentsQueryOptions(query));
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [sameDay, setSameDay] = useState(true);
  const buildErrors = useFormErrors(BUILD_FIELDS);
  const selectionError = buildErrors.error('paymentIds');
  const build = useMutation({
    ...buildBatchMutationOptions(),
    onError: buildErrors.fail,
    onSuccess: async (batch) => {
      await queryClient.invalidateQueries({ queryKey: paymentKeys.all });
      void navigate(`/finance/batches/${batch.id}`);
    },
  });

  const onFilter = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const next = new URLSearchParams();
    for (const key of ['status', 'programId', 'createdFrom', 'createdTo']) {
      const v = String(data.get(key) ?? '').trim();
      if (v && !(key === 'status' && v === 'pending')) next.set(key, v);
    }
    setSelected(new Set());
    setParams(next);
  };

  const all = payments.data?.items ?? [];
  // Practice payments (training data) are never batched: the build table leaves them out, and they are listed,
  // marked, below it.
  const items = batchable ? all.filter((p) => !p.practice) : all;
  const practiceItems = batchable ? all.filter((p) => p.practice) : [];
  const chosen = items.filter((p) => selected.has(p.id));
  const onBuild = () => {
    if (buildErrors.check({ paymentIds: chosen.length ? undefined : tr('nothingSelected') }))
      return;
    build.mutate({ paymentIds: chosen.map((p) => p.id), sameDay });
  };

  return (
    <>
      <PageTitle>{batchable ? tr('title') : tr('titleAll')}</PageTitle>
      <p className="usa-intro">{tr('lead')}</p>
      <HelpPanel content={batchable ? buildHelp : statusHelp} />
      <FilterGrid
        className="margin-bottom-3"
        onSubmit={onFilter}
        label={tr('filters')}
        apply={tr('apply')}
      >
        <div className="tablet:grid-col-3">
          <SelectField
            id="status"
            name="status"
            label={tr('status')}
            defaultValue={status}
            options={paymentStatuses.map((s) => ({
              value: s,
              label: label(paymentStatusLabels[s]),
            }))}
          />
        </div>
        <div className="tablet:grid-col-3">
          <ProgramSelect id="programId" name="programId" value={programId} by="id" />
        </div>
        <DateFields
          hint={tr('dateHint')}
          fields={[
            {
              id: 'createdFrom',
              name: 'createdFrom',
              label: tr('createdFrom'),
              value: createdFrom,
            },
            { id: 'createdTo', name: 'createdTo', label: tr('createdTo'), value: createdTo },
          ]}
        />
      </FilterGrid>

      <QueryState
        query={payments}
        loading={tr('loading')}
        empty={
          batchable ? (
            <EmptyState title={tr('emptyTitle')}>
              <p>{tr('emptyBody')}</p>
            </EmptyState>
          ) : (
            <p>{tr('emptyStatus')}</p>
          )
        }
        isEmpty={() => items.length === 0}
      >
        {(data) => (
          <>
            <p>
              {tr('summary', {
                count: formatNumber(data.totalCount, language),
                amount: formatCents(data.totalCents, language),
              })}
            </p>
            {batchable ? null : <PaymentsStatusTable payments={items} />}
            {!batchable ? null : (
              <>
                <ErrorSummary {...buildErrors.summary} />
                {buildErrors.problem ? <ProblemAlert error={buildErrors.problem} /> : null}
                <PaymentsTable
                  payments={items}
                  selected={selected}
                  onToggle={(id) =>
                    setSelected((s) => {
                      const n = new Set(s);
                      if (n.has(id)) n.delete(id);
                      else n.add(id);
                      return n;
                    })
                  }
                  onToggleAll={(ids, select) =>
                    setSelected((s) => {
                      const n = new Set(s);
                      for (const id of ids)
                        if (select) n.add(id);
                        else n.delete(id);
                      return n;
                    })
                  }
                />
                <div className={`usa-form-group${selectionError ? ' usa-form-group--error' : ''}`}>
                  <p aria-live="polite">
                    {tr('selected', {
                      count: formatNumber(chosen.length, language),
                      amount: formatCents(
                        chosen.reduce((t, p) => t + p.amountCents, 0),
                        language,
                      ),
                    })}
                  </p>
                  <ErrorMessage id="build-error">{selectionError}</ErrorMessage>
                  <Checkbox
                    className="margin-bottom-2"
                    id="same-day"
                    label={tr('sameDay')}
                    checked={sameDay}
                    onChange={(e) => setSameDay(e.target.checked)}
                  />
                  <button
                    type="button"
                    className="usa-button"
                    onClick={onBuild}
                    disabled={build.isPending}
                    aria-describedby={selectionError ? 'build-error' : undefined}
                  >
                    {build.isPending ? tr('building') : tr('build')}
                  </button>
                </div>
              </>
            )}
          </>
        )}
      </QueryState>
      {practiceItems.length > 0 ? (
        <section aria-labelledby="practice-payments" className="margin-top-4">
          <h2 id="practice-payments">{tr('practiceHeading')}</h2>
          <p>{tr('practiceLead')}</p>
          <PaymentsStatusTable payments={practiceItems} />
        </section>
      ) : null}
    </>
  );
}
