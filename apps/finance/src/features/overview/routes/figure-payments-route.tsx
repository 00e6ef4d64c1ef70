import {
  financePaymentSorts,
  paymentFigures,
  type PaymentFigure,
} from '@hms/contracts/finance-overview';
import { paymentStatusLabels } from '@hms/contracts/labels';
import {
  DataTable,
  PageIntro,
  QueryState,
  formatCents,
  formatDateTime,
  useLabel,
  useLanguage,
  useT,
} from '@hms/ui';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { csvHref, figurePaymentsQueryOptions, type FigurePaymentsPage } from '../api/overview.ts';
import { ListControls } from '../components/list-controls.tsx';
import { ListFrame } from '../components/list-frame.tsx';
import { readListParams, withListParams } from '../list-params.ts';
import { figureListMessages, overviewMessages } from '../messages.ts';
import { periodSearch, usePeriod } from '../period-params.ts';

const PAGE_SIZE = 50;
type Row = FigurePaymentsPage['items'][number];

/** The payments one overview figure counts (or every payment of the period), as the API lists them. */
export function FigurePaymentsRoute() {
  const tr = useT(figureListMessages);
  const names = useT(overviewMessages);
  const label = useLabel();
  const { language } = useLanguage();
  const { period, params, setParams } = usePeriod();
  const rawFigure = params.get('figure') ?? '';
  const figure = (paymentFigures as readonly string[]).includes(rawFigure)
    ? (rawFigure as PaymentFigure)
    : undefined;
  const list = readListParams(params, financePaymentSorts);
  const query = { ...period, ...(figure ? { figure } : {}), ...list, pageSize: PAGE_SIZE };
  const payments = useQuery(figurePaymentsQueryOptions(query));
  const title = figure ? tr('paymentsTitle', { figure: names(figure) }) : tr('paymentsAll');
  const columns = [
    { header: tr('reference'), rowHeader: true, cell: (p: Row) => p.reference },
    { header: tr('programCol'), cell: (p: Row) => p.programSlug },
    { header: tr('payee'), cell: (p: Row) => p.payeeName },
    { header: tr('amount'), numeric: true, cell: (p: Row) => formatCents(p.amountCents, language) },
    { header: tr('status'), cell: (p: Row) => label(paymentStatusLabels[p.status]) },
    { header: tr('statusAt'), cell: (p: Row) => formatDateTime(p.statusAt, language) },
    {
      header: tr('batch'),
      cell: (p: Row) =>
        p.batchId ? (
          <Link to={`/finance/batches/${p.batchId}`}>{p.traceNumber ?? tr('batch')}</Link>
        ) : (
          (p.traceNumber ?? '—')
        ),
    },
    { header: tr('returnCode'), cell: (p: Row) => p.returnCode ?? '—' },
  ];
  return (
    <>
      <p>
        <Link to={`/finance?${periodSearch(period)}`}>← {tr('back')}</Link>
      </p>
      <PageIntro title={title} />
      <ListControls
        value={list}
        sorts={financePaymentSorts}
        onApply={(next) => setParams(withListParams(params, { ...next }))}
      />
      <QueryState query={payments} loading={tr('loading')} empty={<p>{tr('empty')}</p>}>
        {(page) => (
          <>
            <p className="usa-intro">
              {tr('lead', {
                from: page.from,
                to: page.to,
                program: page.program ?? names('allPrograms'),
              })}
            </p>
            <ListFrame
              totalCount={page.totalCount}
              totalCents={page.totalCents}
              page={page.page}
              pageSize={page.pageSize}
              csvHref={csvHref('/api/finance/payments', query)}
              onPage={(p) => setParams(withListParams(params, { page: p }))}
            >
              <DataTable caption={tr('caption')} columns={columns} rows={page.items} />
            </ListFrame>
          </>
        )}
      </QueryState>
    </>
  );
}
