import {
  financePaymentSorts,
  financeRequestSorts,
  paymentFigures,
  requestFigures,
} from '@hms/contracts/finance-overview';
import { paymentStatusLabels, requestStatusLabels } from '@hms/contracts/labels';
import {
  DataTable,
  PageIntro,
  QueryState,
  formatCents,
  formatDateTime,
  useLabel,
  useLanguage,
  useT,
  type Column,
} from '@hms/ui';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { figureListQueryOptions } from '../api/overview.ts';
import type { FigurePaymentsPage, FigureRequestsPage } from '../api/overview.ts';
import { ListControls } from '../../../shared/list-controls.tsx';
import { ListFrame } from '../../../shared/list-frame.tsx';
import { readListParams, withListParams } from '../../../shared/list-params.ts';
import { figureListMessages, overviewMessages } from '../messages.ts';
import { periodMessages } from '../../../shared/period-messages.ts';
import { periodSearch, usePeriod } from '../../../shared/period-params.ts';
import { csvHref } from '../../../shared/list-api.ts';

const PAGE_SIZE = 50;
type PaymentRow = FigurePaymentsPage['items'][number];
type RequestRow = FigureRequestsPage['items'][number];
type Tr = ReturnType<typeof useT<keyof (typeof figureListMessages)['en']>>;

/**
 * The rows behind one overview figure: payments (`kind="payments"`, every payment of the period when no figure is
 * given) or requests (requested by default). Period, figure, search, sort and page live in the URL.
 */
export function FigureListRoute({ kind }: { kind: 'payments' | 'requests' }) {
  const tr = useT(figureListMessages);
  const names = useT(overviewMessages);
  const periodNames = useT(periodMessages);
  const label = useLabel();
  const { language } = useLanguage();
  const { period, params, setParams } = usePeriod();
  const raw = params.get('figure') ?? '';
  const payments = kind === 'payments';
  const figure = payments
    ? paymentFigures.find((f) => f === raw)
    : (requestFigures.find((f) => f === raw) ?? 'requested');
  const sorts = payments ? financePaymentSorts : financeRequestSorts;
  const list = readListParams(params, sorts);
  const query = { ...period, ...(figure ? { figure } : {}), ...list, pageSize: PAGE_SIZE };
  const page = useQuery(figureListQueryOptions(kind, query));
  const money = (cents: number | null) => (cents === null ? '—' : formatCents(cents, language));
  const when = (iso: string | null) => (iso ? formatDateTime(iso, language) : '—');
  const title = !figure
    ? tr('paymentsAll')
    : tr(payments ? 'paymentsTitle' : 'requestsTitle', { figure: names(figure) });
  const columns = payments
    ? paymentColumns(tr, (s) => label(paymentStatusLabels[s]), money, when)
    : requestColumns(tr, (s) => label(requestStatusLabels[s].staff), money, when, figure);
  return (
    <>
      <p>
        <Link to={`/finance/overview?${periodSearch(period)}`}>← {tr('back')}</Link>
      </p>
      <PageIntro title={title} />
      <ListControls
        value={list}
        sorts={sorts}
        onApply={(next) => setParams(withListParams(params, { ...next }))}
      />
      <QueryState query={page} loading={tr('loading')} empty={<p>{tr('empty')}</p>}>
        {(data) => (
          <>
            <p className="usa-intro">
              {tr('lead', {
                from: data.from,
                to: data.to,
                program: data.program ?? periodNames('allPrograms'),
              })}
            </p>
            <ListFrame list={data} csvHref={csvHref(`/api/finance/${kind}`, query)}>
              <DataTable
                caption={tr('caption')}
                columns={columns as Column<(typeof data.items)[number]>[]}
                rows={data.items}
              />
            </ListFrame>
          </>
        )}
      </QueryState>
    </>
  );
}

type Money = (cents: number | null) => string;
type When = (iso: string | null) => string;

function paymentColumns(
  tr: Tr,
  status: (s: PaymentRow['status']) => string,
  money: Money,
  when: When,
): Column<PaymentRow>[] {
  return [
    { header: tr('reference'), rowHeader: true, cell: (p) => p.reference },
    { header: tr('programCol'), cell: (p) => p.programSlug },
    { header: tr('payee'), cell: (p) => p.payeeName },
    { header: tr('amount'), numeric: true, cell: (p) => money(p.amountCents) },
    { header: tr('status'), cell: (p) => status(p.status) },
    { header: tr('statusAt'), cell: (p) => when(p.statusAt) },
    {
      header: tr('batch'),
      cell: (p) =>
        p.batchId ? (
          <Link to={`/finance/batches/${p.batchId}`}>{p.traceNumber ?? tr('batch')}</Link>
        ) : (
          (p.traceNumber ?? '—')
        ),
    },
    { header: tr('returnCode'), cell: (p) => p.returnCode ?? '—' },
  ];
}

function requestColumns(
  tr: Tr,
  status: (s: RequestRow['status']) => string,
  money: Money,
  when: When,
  figure: string | undefined,
): Column<RequestRow>[] {
  return [
    { header: tr('reference'), rowHeader: true, cell: (r) => r.reference },
    { header: tr('programCol'), cell: (r) => r.programSlug },
    { header: tr('status'), cell: (r) => status(r.status) },
    { header: tr('requested'), numeric: true, cell: (r) => money(r.amountRequestedCents) },
    { header: tr('approvedAmount'), numeric: true, cell: (r) => money(r.approvedAmountCents) },
    { header: tr('submitted'), cell: (r) => when(r.submittedAt) },
    figure === 'pastReviewDeadline'
      ? { header: tr('due'), cell: (r) => when(r.dueAt) }
      : { header: tr('decided'), cell: (r) => when(r.decidedAt) },
  ];
}
