import {
  financeRequestSorts,
  requestFigures,
  type RequestFigure,
} from '@hms/contracts/finance-overview';
import { requestStatusLabels } from '@hms/contracts/labels';
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
import { csvHref, figureRequestsQueryOptions, type FigureRequestsPage } from '../api/overview.ts';
import { ListControls } from '../components/list-controls.tsx';
import { ListFrame } from '../components/list-frame.tsx';
import { readListParams, withListParams } from '../list-params.ts';
import { figureListMessages, overviewMessages } from '../messages.ts';
import { periodSearch, usePeriod } from '../period-params.ts';

const PAGE_SIZE = 50;
type Row = FigureRequestsPage['items'][number];

/** The requests one request figure of the overview counts (requested, approved, past the review deadline). */
export function FigureRequestsRoute() {
  const tr = useT(figureListMessages);
  const names = useT(overviewMessages);
  const label = useLabel();
  const { language } = useLanguage();
  const { period, params, setParams } = usePeriod();
  const rawFigure = params.get('figure') ?? '';
  const figure: RequestFigure = (requestFigures as readonly string[]).includes(rawFigure)
    ? (rawFigure as RequestFigure)
    : 'requested';
  const list = readListParams(params, financeRequestSorts);
  const query = { ...period, figure, ...list, pageSize: PAGE_SIZE };
  const requests = useQuery(figureRequestsQueryOptions(query));
  const when = (iso: string | null) => (iso ? formatDateTime(iso, language) : '—');
  const columns = [
    { header: tr('reference'), rowHeader: true, cell: (r: Row) => r.reference },
    { header: tr('programCol'), cell: (r: Row) => r.programSlug },
    { header: tr('status'), cell: (r: Row) => label(requestStatusLabels[r.status].staff) },
    {
      header: tr('requested'),
      numeric: true,
      cell: (r: Row) => formatCents(r.amountRequestedCents, language),
    },
    {
      header: tr('approvedAmount'),
      numeric: true,
      cell: (r: Row) =>
        r.approvedAmountCents === null ? '—' : formatCents(r.approvedAmountCents, language),
    },
    { header: tr('submitted'), cell: (r: Row) => when(r.submittedAt) },
    figure === 'pastReviewDeadline'
      ? { header: tr('due'), cell: (r: Row) => when(r.dueAt) }
      : { header: tr('decided'), cell: (r: Row) => when(r.decidedAt) },
  ];
  return (
    <>
      <p>
        <Link to={`/finance?${periodSearch(period)}`}>← {tr('back')}</Link>
      </p>
      <PageIntro title={tr('requestsTitle', { figure: names(figure) })} />
      <ListControls
        value={list}
        sorts={financeRequestSorts}
        onApply={(next) => setParams(withListParams(params, { ...next }))}
      />
      <QueryState query={requests} loading={tr('loading')} empty={<p>{tr('empty')}</p>}>
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
              csvHref={csvHref('/api/finance/requests', query)}
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
