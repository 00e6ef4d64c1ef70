import { meQueryOptions, reconciliationKeys } from '@hms/api-client';
import {
  exceptionActionText,
  exceptionReasonText,
  exceptionReasons,
  exceptionSorts,
  reconciliationBatchSorts,
  reconciliationBatchStates,
  reconciliationReturnSorts,
  resolutionKindText,
} from '@hms/contracts/finance-reconciliation';
import { explainedReturnCodes, returnReason } from '@hms/contracts/returns';
import {
  DataTable,
  PageIntro,
  QueryState,
  formatCents,
  formatDateTime,
  formatNumber,
  useFocusWhen,
  useLabel,
  useLanguage,
  useT,
  type Column,
} from '@hms/ui';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ListControls } from '../../../shared/list-controls.tsx';
import { ListFrame } from '../../../shared/list-frame.tsx';
import { PeriodForm } from '../../../shared/period-form.tsx';
import { readPeriod } from '../../../shared/period-params.ts';
import { readListParams, withListParams } from '../../../shared/list-params.ts';
import {
  batchesQueryOptions,
  exceptionsQueryOptions,
  resolveExceptionMutationOptions,
  returnsQueryOptions,
  type BatchesPage,
  type ExceptionsPage,
  type ReturnsPage,
} from '../api/reconciliation.ts';
import { ResolveForm } from '../components/resolve-form.tsx';
import { reconciliationMessages } from '../messages.ts';
import { csvHref } from '../../../shared/list-api.ts';
import { BatchLink } from '../../../shared/batch-link.tsx';
import { PayeeReference } from '../../../shared/payee-reference.tsx';
import { SectionNav } from '../../../shared/section-nav.tsx';
import { ActionOutcome } from '../../../shared/action-outcome.tsx';

const PAGE_SIZE = 50;
type View = 'batches' | 'exceptions' | 'returns';
type Tr = ReturnType<typeof useT<keyof (typeof reconciliationMessages)['en']>>;

const pick = <T extends string>(values: readonly T[], raw: string | null): T | undefined =>
  values.find((v) => v === raw);

/** The three lists of reconciliation, one per URL, so each list's filters, sort and page live in its own URL. */
function Sections() {
  const tr = useT(reconciliationMessages);
  const links = [
    { to: '/finance/reconciliation', key: 'batches', end: true },
    { to: '/finance/reconciliation/exceptions', key: 'exceptions', end: true },
    { to: '/finance/reconciliation/returns', key: 'returns', end: true },
  ] as const;
  return (
    <SectionNav
      label={tr('sections')}
      links={links.map((l) => ({ ...l, text: tr(l.key) }))}
      look="page"
    />
  );
}

/** The agency days a list is cut to (from/to in the URL, each optional); none: the whole history. */
function datesOf(params: URLSearchParams) {
  const { from, to } = readPeriod(params);
  return { ...(from ? { from } : {}), ...(to ? { to } : {}) };
}

export function ReconciliationRoute({ view }: { view: View }) {
  const tr = useT(reconciliationMessages);
  const [params, setParams] = useSearchParams();
  return (
    <>
      <PageIntro title={`${tr('title')}: ${tr(view)}`} lead={tr('intro')} />
      <Sections />
      <PeriodForm
        period={datesOf(params)}
        program={false}
        allTime
        onApply={(next) =>
          setParams((current) => withListParams(current, { from: next.from, to: next.to }))
        }
      />
      {view === 'batches' ? <BatchesList /> : null}
      {view === 'exceptions' ? <ExceptionsList /> : null}
      {view === 'returns' ? <ReturnsList /> : null}
    </>
  );
}

function useMoney() {
  const { language } = useLanguage();
  return {
    money: (cents: number) => formatCents(cents, language),
    when: (iso: string) => formatDateTime(iso, language),
    number: (n: number) => formatNumber(n, language),
  };
}

function BatchesList() {
  const tr = useT(reconciliationMessages);
  const { money, when, number } = useMoney();
  const [params, setParams] = useSearchParams();
  const list = readListParams(params, reconciliationBatchSorts);
  const state = pick(reconciliationBatchStates, params.get('state'));
  const query = { ...list, ...datesOf(params), ...(state ? { state } : {}), pageSize: PAGE_SIZE };
  const page = useQuery(batchesQueryOptions(query));
  const pair = (cents: number, count: number) =>
    tr('entries', { amount: money(cents), count: number(count) });
  const columns: Column<BatchesPage['items'][number]>[] = [
    {
      header: tr('batch'),
      rowHeader: true,
      cell: (b) => <BatchLink batch={b} />,
    },
    { header: tr('effective'), cell: (b) => b.effectiveDate },
    { header: tr('expected'), numeric: true, cell: (b) => pair(b.expectedCents, b.expectedCount) },
    { header: tr('settled'), numeric: true, cell: (b) => pair(b.settledCents, b.settledCount) },
    { header: tr('returned'), numeric: true, cell: (b) => pair(b.returnedCents, b.returnedCount) },
    {
      header: tr('outstanding'),
      numeric: true,
      cell: (b) => pair(b.outstandingCents, b.outstandingCount),
    },
    {
      header: tr('difference'),
      numeric: true,
      cell: (b) => <span className="text-bold">{money(b.differenceCents)}</span>,
    },
    {
      header: tr('state'),
      cell: (b) =>
        b.reconciled ? tr('reconciled') : <span className="usa-tag">{tr('unreconciled')}</span>,
    },
    { header: tr('releasedAt'), cell: (b) => when(b.releasedAt) },
  ];
  return (
    <>
      <ListControls
        value={list}
        sorts={reconciliationBatchSorts}
        sortLabels={{
          expected: tr('sortExpected'),
          difference: tr('sortDifference'),
          outstanding: tr('sortOutstanding'),
        }}
        filters={[
          {
            name: 'state',
            label: tr('state'),
            value: state,
            options: [
              { value: 'unreconciled', label: tr('unreconciled') },
              { value: 'reconciled', label: tr('reconciled') },
            ],
          },
        ]}
        onApply={(next) => setParams(withListParams(params, { ...next }))}
      />
      <QueryState query={page} loading={tr('loading')} empty={<p>{tr('empty')}</p>}>
        {(data) => (
          <ListFrame list={data} csvHref={csvHref('/api/finance/reconciliation/batches', query)}>
            <p data-testid="difference-total">
              {tr('batchesTotal', { amount: money(data.totalDifferenceCents) })}
            </p>
            <DataTable caption={tr('batchesCaption')} columns={columns} rows={data.items} />
          </ListFrame>
        )}
      </QueryState>
    </>
  );
}

function exceptionColumns(
  tr: Tr,
  label: (t: { en: string; es: string }) => string,
  money: (c: number) => string,
  canResolve: boolean,
  onResolve: (e: ExceptionsPage['items'][number]) => void,
): Column<ExceptionsPage['items'][number]>[] {
  const itemOf = (e: ExceptionsPage['items'][number]) =>
    e.reference ?? tr('batchItem', { id: (e.batchId ?? '').slice(0, 8) });
  return [
    {
      header: tr('item'),
      rowHeader: true,
      cell: (e) => <PayeeReference reference={itemOf(e)} payeeName={e.payeeName} />,
    },
    {
      header: tr('reason'),
      cell: (e) => (
        <>
          {label(exceptionReasonText[e.reason])}
          {e.returnCode ? <div className="usa-hint">{e.returnCode}</div> : null}
        </>
      ),
    },
    { header: tr('amount'), numeric: true, cell: (e) => money(e.amountCents) },
    { header: tr('since'), cell: (e) => e.since },
    {
      header: tr('age'),
      numeric: true,
      cell: (e) => tr('ageDays', { days: e.ageBusinessDays }),
    },
    {
      header: tr('action'),
      cell: (e) => {
        if (e.resolution)
          return tr('resolvedBy', {
            kind: label(resolutionKindText[e.resolution.kind]),
            by: e.resolution.by,
            note: e.resolution.note,
          });
        const text = label(exceptionActionText[e.action]);
        return (
          <>
            {e.href ? <Link to={e.href}>{text}</Link> : <span>{text}</span>}
            {canResolve && e.resolvable ? (
              <div className="margin-top-1">
                <button
                  type="button"
                  className="usa-button usa-button--outline"
                  onClick={() => onResolve(e)}
                >
                  {tr('resolveFor', { item: itemOf(e) })}
                </button>
              </div>
            ) : null}
          </>
        );
      },
    },
  ];
}

function ExceptionsList() {
  const tr = useT(reconciliationMessages);
  const label = useLabel();
  const { money } = useMoney();
  const [params, setParams] = useSearchParams();
  const queryClient = useQueryClient();
  const me = useQuery(meQueryOptions());
  const supervisor = me.data?.roles.includes('finance_supervisor') ?? false;
  const list = readListParams(params, exceptionSorts);
  const reason = pick(exceptionReasons, params.get('reason'));
  const state = params.get('state') === 'resolved' ? ('resolved' as const) : undefined;
  const query = {
    ...datesOf(params),
    ...list,
    ...(reason ? { reason } : {}),
    ...(state ? { state } : {}),
    pageSize: PAGE_SIZE,
  };
  const page = useQuery(exceptionsQueryOptions(query));
  const [resolving, setResolving] = useState<{ id: string; item: string } | null>(null);
  const [status, setStatus] = useState('');
  // The resolve form closes once it is recorded: focus goes to the line that says so, not to the page.
  const outcomeRef = useFocusWhen<HTMLDivElement>(status);
  const resolve = useMutation({
    ...resolveExceptionMutationOptions(),
    onSuccess: () => {
      setStatus(tr('resolvedDone', { item: resolving?.item ?? '' }));
      setResolving(null);
      void queryClient.invalidateQueries({ queryKey: reconciliationKeys.all });
    },
  });
  const columns = exceptionColumns(tr, label, money, supervisor, (e) => {
    resolve.reset();
    setResolving({
      id: e.id,
      item: e.reference ?? tr('batchItem', { id: (e.batchId ?? '').slice(0, 8) }),
    });
  });
  return (
    <>
      <ListControls
        value={list}
        sorts={exceptionSorts}
        sortLabels={{ age: tr('sortAge') }}
        filters={[
          {
            name: 'reason',
            label: tr('reason'),
            value: reason,
            options: exceptionReasons.map((r) => ({
              value: r,
              label: label(exceptionReasonText[r]),
            })),
          },
          {
            name: 'state',
            label: tr('resolvedState'),
            value: state,
            options: [{ value: 'resolved', label: tr('resolved') }],
          },
        ]}
        onApply={(next) => setParams(withListParams(params, { ...next }))}
      />
      <div tabIndex={-1} ref={outcomeRef}>
        <ActionOutcome status={status} />
      </div>
      {resolving ? (
        <ResolveForm
          item={resolving.item}
          busy={resolve.isPending}
          onCancel={() => setResolving(null)}
          onSubmit={(v) => resolve.mutateAsync({ exceptionId: resolving.id, ...v })}
        />
      ) : null}
      <QueryState
        query={page}
        loading={tr('loading')}
        empty={<p>{state ? tr('empty') : tr('emptyExceptions')}</p>}
      >
        {(data) => (
          <ListFrame list={data} csvHref={csvHref('/api/finance/reconciliation/exceptions', query)}>
            <DataTable caption={tr('exceptionsCaption')} columns={columns} rows={data.items} />
          </ListFrame>
        )}
      </QueryState>
    </>
  );
}

function ReturnsList() {
  const tr = useT(reconciliationMessages);
  const { language } = useLanguage();
  const { money, when } = useMoney();
  const [params, setParams] = useSearchParams();
  const list = readListParams(params, reconciliationReturnSorts);
  const code = /^R[0-9]{2}$/.test(params.get('code') ?? '') ? params.get('code')! : undefined;
  const query = { ...list, ...datesOf(params), ...(code ? { code } : {}), pageSize: PAGE_SIZE };
  const page = useQuery(returnsQueryOptions(query));
  const columns: Column<ReturnsPage['items'][number]>[] = [
    {
      header: tr('reference'),
      rowHeader: true,
      cell: (r) => <PayeeReference reference={r.reference} payeeName={r.payeeName} />,
    },
    {
      header: tr('amount'),
      numeric: true,
      cell: (r) => (r.kind === 'prenote' ? `${money(0)} (${tr('prenote')})` : money(r.amountCents)),
    },
    { header: tr('code'), cell: (r) => r.returnCode },
    {
      header: tr('trace'),
      cell: (r) => <Link to={`/finance/batches/${r.batchId}`}>{r.traceNumber}</Link>,
    },
    { header: tr('returnedAt'), cell: (r) => when(r.returnedAt) },
    { header: tr('paidAgain'), cell: (r) => (r.replacementPaymentId ? tr('yes') : tr('no')) },
  ];
  return (
    <>
      <ListControls
        value={list}
        sorts={reconciliationReturnSorts}
        sortLabels={{ code: tr('sortCode') }}
        filters={[
          {
            name: 'code',
            label: tr('sortCode'),
            value: code,
            // The codes with a reason of their own; another code (from a link) stays chosen.
            options: [...new Set([...explainedReturnCodes, ...(code ? [code] : [])])]
              .sort()
              .map((c) => ({ value: c, label: `${c}: ${returnReason(c)[language]}` })),
          },
        ]}
        onApply={(next) => setParams(withListParams(params, { ...next }))}
      />
      <QueryState query={page} loading={tr('loading')} empty={<p>{tr('empty')}</p>}>
        {(data) => (
          <ListFrame list={data} csvHref={csvHref('/api/finance/reconciliation/returns', query)}>
            <DataTable caption={tr('returnsCaption')} columns={columns} rows={data.items} />
          </ListFrame>
        )}
      </QueryState>
    </>
  );
}
