import type { Kysely } from 'kysely';
import { Readable } from 'node:stream';
import { startOfZonedDay, toZonedDate } from '@hms/contracts/business-days';
import type {
  FinanceOverview,
  FinanceOverviewQuery,
  FinancePaymentsFilters,
  FinancePaymentsPage,
  FinanceRequestsFilters,
  FinanceRequestsPage,
} from '@hms/contracts/finance-overview';
import { centsToDecimalString } from '@hms/contracts/money';
import type { Database } from '../../platform/db/schema.ts';
import { badRequest } from '../../platform/errors.ts';
import { toCsv } from '../../platform/csv.ts';
import * as repo from './repo.ts';

type Db = Kysely<Database>;

interface Period {
  from: string;
  to: string;
  program: string | null;
  scope: repo.Scope;
}

/**
 * The period asked for, as the agency's days and as instants. Default: this month to today in the agency's zone.
 * An unknown program slug is the caller's mistake, named by field; a reversed range likewise.
 */
async function resolvePeriod(
  db: Db,
  timeZone: string,
  q: { from?: string; to?: string; program?: string },
): Promise<Period> {
  const today = toZonedDate(new Date(), timeZone);
  const from = q.from ?? `${today.slice(0, 8)}01`;
  const to = q.to ?? (q.from && q.from > today ? q.from : today);
  if (from > to) {
    throw badRequest('validation.date_range_reversed', 'The date range is reversed.', [
      { field: 'query.to', message: 'to must be on or after from.' },
    ]);
  }
  let programId: string | null = null;
  if (q.program !== undefined) {
    programId = await repo.programIdBySlug(db, q.program);
    if (programId === null) {
      throw badRequest('validation.failed', 'No program has this slug.', [
        {
          field: 'query.program',
          message: 'program must be the slug of a program from /api/programs.',
        },
      ]);
    }
  }
  return {
    from,
    to,
    program: q.program ?? null,
    scope: {
      start: startOfZonedDay(from, timeZone),
      end: startOfZonedDay(to, timeZone, 1),
      programId,
    },
  };
}

const round1 = (n: number | null) => (n === null ? null : Math.round(n * 10) / 10);

export async function overview(
  db: Db,
  timeZone: string,
  q: FinanceOverviewQuery,
): Promise<FinanceOverview> {
  const period = await resolvePeriod(db, timeZone, q);
  const [payments, requests] = await Promise.all([
    repo.paymentFigureTotals(db, period.scope),
    repo.requestFigureTotals(db, period.scope),
  ]);
  const settledOrReturned = payments.paid.count + payments.returned.count;
  return {
    from: period.from,
    to: period.to,
    program: period.program,
    requestedCents: requests.requested.cents,
    requestedCount: requests.requested.count,
    approvedCents: requests.approved.cents,
    approvedCount: requests.approved.count,
    pendingPaymentCents: payments.pendingPayment.cents,
    pendingPaymentCount: payments.pendingPayment.count,
    releasedCents: payments.released.cents,
    releasedCount: payments.released.count,
    paidCents: payments.paid.cents,
    paidCount: payments.paid.count,
    returnedCents: payments.returned.cents,
    returnedCount: payments.returned.count,
    pastReviewDeadlineCount: requests.pastReviewDeadline.count,
    returnRate: settledOrReturned === 0 ? null : payments.returned.count / settledOrReturned,
    daysToDecision: {
      count: requests.daysToDecision.count,
      medianDays: round1(requests.daysToDecision.medianDays),
      p90Days: round1(requests.daysToDecision.p90Days),
    },
    daysToPayment: {
      count: payments.daysToPayment.count,
      medianDays: round1(payments.daysToPayment.medianDays),
      p90Days: round1(payments.daysToPayment.p90Days),
    },
    computedAt: new Date().toISOString(),
  };
}

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

function listQuery(q: FinancePaymentsFilters | FinanceRequestsFilters) {
  return {
    figure: q.figure ?? null,
    q: q.q ?? null,
    sort: q.sort,
    order: q.order,
    limit: q.pageSize,
    offset: (q.page - 1) * q.pageSize,
  };
}

export async function paymentsPage(
  db: Db,
  timeZone: string,
  q: FinancePaymentsFilters,
  withTotals = true,
): Promise<FinancePaymentsPage> {
  const period = await resolvePeriod(db, timeZone, q);
  const { rows, count, cents } = await repo.paymentList(db, period.scope, listQuery(q), withTotals);
  return {
    from: period.from,
    to: period.to,
    program: period.program,
    figure: q.figure ?? null,
    page: q.page,
    pageSize: q.pageSize,
    totalCount: count,
    totalCents: cents,
    items: rows.map((r) => ({
      id: r.id,
      requestId: r.request_id,
      reference: r.reference,
      programSlug: r.slug,
      payeeName: r.holder_name,
      amountCents: Number(r.amount_cents),
      status: r.status,
      statusAt: iso(r.status_at)!,
      batchId: r.batch_id,
      traceNumber: r.trace_number,
      returnCode: r.return_code,
    })),
  };
}

export async function requestsPage(
  db: Db,
  timeZone: string,
  q: FinanceRequestsFilters,
  withTotals = true,
): Promise<FinanceRequestsPage> {
  const period = await resolvePeriod(db, timeZone, q);
  const { rows, count, cents } = await repo.requestList(
    db,
    period.scope,
    { ...listQuery(q), figure: q.figure },
    withTotals,
  );
  return {
    from: period.from,
    to: period.to,
    program: period.program,
    figure: q.figure,
    page: q.page,
    pageSize: q.pageSize,
    totalCount: count,
    totalCents: cents,
    items: rows.map((r) => ({
      id: r.id,
      reference: r.reference,
      programSlug: r.slug,
      status: r.status,
      amountCents: Number(r.amount_cents),
      amountRequestedCents: Number(r.amount_requested_cents),
      approvedAmountCents:
        r.approved_amount_cents === null ? null : Number(r.approved_amount_cents),
      submittedAt: iso(r.submitted_at),
      decidedAt: iso(r.decided_at),
      dueAt: iso(r.due_at),
    })),
  };
}

/** CSV rows are read a page of this size at a time, so a long period streams in bounded memory. */
const CSV_PAGE = 5000;

/**
 * Every row the filters match (all pages, in the list's sort), as CSV with the amount in dollars and cents. The
 * header row comes first; a cell a spreadsheet would run as a formula is written as text (platform/csv).
 */
function csvStream<Q extends { page: number; pageSize: number }>(
  header: readonly string[],
  q: Q,
  pageOf: (q: Q) => Promise<{ items: readonly unknown[] }>,
  cells: (item: never) => ReadonlyArray<string | number | null>,
): Readable {
  async function* generate() {
    yield toCsv([header]);
    for (let page = 1; ; page++) {
      const { items } = await pageOf({ ...q, page, pageSize: CSV_PAGE });
      if (items.length > 0) yield toCsv(items.map((i) => cells(i as never)));
      if (items.length < CSV_PAGE) return;
    }
  }
  return Readable.from(generate());
}

export function paymentsCsv(db: Db, timeZone: string, q: FinancePaymentsFilters): Readable {
  return csvStream(
    [
      'reference',
      'program',
      'payee',
      'amount',
      'status',
      'status_at',
      'batch_id',
      'trace_number',
      'return_code',
    ],
    q,
    (page) => paymentsPage(db, timeZone, page, false),
    (p: FinancePaymentsPage['items'][number]) => [
      p.reference,
      p.programSlug,
      p.payeeName,
      centsToDecimalString(p.amountCents),
      p.status,
      p.statusAt,
      p.batchId,
      p.traceNumber,
      p.returnCode,
    ],
  );
}

export function requestsCsv(db: Db, timeZone: string, q: FinanceRequestsFilters): Readable {
  return csvStream(
    [
      'reference',
      'program',
      'status',
      'amount',
      'amount_requested',
      'amount_approved',
      'submitted_at',
      'decided_at',
      'due_at',
    ],
    q,
    (page) => requestsPage(db, timeZone, page, false),
    (r: FinanceRequestsPage['items'][number]) => [
      r.reference,
      r.programSlug,
      r.status,
      centsToDecimalString(r.amountCents),
      centsToDecimalString(r.amountRequestedCents),
      r.approvedAmountCents === null ? null : centsToDecimalString(r.approvedAmountCents),
      r.submittedAt,
      r.decidedAt,
      r.dueAt,
    ],
  );
}
