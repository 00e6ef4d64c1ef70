import type { Kysely } from 'kysely';
import type { Readable } from 'node:stream';
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
import { csvStream, type CsvColumns } from '../../platform/csv.ts';
import { numberedPageMeta } from '../../platform/pagination.ts';
import * as repo from './repo.ts';
import { iso } from '../../platform/response-fields.ts';

type Db = Kysely<Database>;

export interface Period {
  from: string;
  to: string;
  program: string | null;
  scope: repo.Scope;
}

/**
 * The program a finance read is filtered on: its id, or null for every program. An unknown slug is the caller's
 * mistake, named by field (the budgets and trends modules resolve their filter here too: one message, one rule).
 */
export async function resolveProgram(db: Db, slug: string | undefined): Promise<string | null> {
  if (slug === undefined) return null;
  const programId = await repo.programIdBySlug(db, slug);
  if (programId === null) {
    throw badRequest('validation.failed', 'No program has this slug.', [
      {
        field: 'query.program',
        message: 'program must be the slug of a program from /api/programs.',
      },
    ]);
  }
  return programId;
}

/**
 * The period asked for, as the agency's days and as instants. Default: this month to today in the agency's zone.
 * A reversed range is the caller's mistake, named by field.
 */
export async function resolvePeriod(
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
  const programId = await resolveProgram(db, q.program);
  return {
    from,
    to,
    program: q.program ?? null,
    scope: {
      from,
      to,
      start: startOfZonedDay(from, timeZone),
      end: startOfZonedDay(to, timeZone, 1),
      programId,
    },
  };
}

/**
 * The overview's approved, paid and returned figures of each agency day of the period that has any: the same kept
 * totals the overview sums, so the days add up to it.
 */
export function figureSeries(db: Db, period: Period) {
  return repo.figureSeries(db, period.scope);
}

/**
 * Called at start-up: the kept per-day totals are cut in the agency's time zone; when HMS_TIMEZONE changed since
 * they were kept, they are re-cut once (seconds at a million requests) before the API serves a figure.
 */
export function keepTotalsInZone(db: Db, timeZone: string) {
  return repo.keepTotalsInZone(db, timeZone);
}

/** Per program, the money committed now by the requests submitted on the agency days from..to (budgets' rate). */
export function committedByProgram(
  db: Db,
  programIds: readonly string[],
  from: string,
  to: string,
) {
  return repo.committedByProgram(db, programIds, from, to);
}

/** Kept totals that differ from the figures recomputed from the rows now (empty when all is well). */
export function totalsDrift(db: Db) {
  return repo.totalsDrift(db);
}

/** The overview's returned figure split by return code. */
export function returnsByCode(db: Db, period: Period) {
  return repo.returnsByCode(db, period.scope);
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

/** What a finance list page says about itself (contracts' listMeta): its period and program, where it is, its totals. */
function listMeta(
  period: Period,
  q: { page: number; pageSize: number },
  totals: { count: number; cents: number },
) {
  return {
    from: period.from,
    to: period.to,
    program: period.program,
    ...numberedPageMeta(q, totals),
  };
}

function paymentItem(r: repo.PaymentListRow): FinancePaymentsPage['items'][number] {
  return {
    id: r.id,
    requestId: r.request_id,
    reference: r.reference,
    programSlug: r.slug,
    payeeName: r.holder_name,
    amountCents: Number(r.amount_cents),
    status: r.status,
    statusAt: iso(r.status_at),
    batchId: r.batch_id,
    traceNumber: r.trace_number,
    returnCode: r.return_code,
  };
}

function requestItem(r: repo.RequestListRow): FinanceRequestsPage['items'][number] {
  return {
    id: r.id,
    reference: r.reference,
    programSlug: r.slug,
    status: r.status,
    amountCents: Number(r.amount_cents),
    amountRequestedCents: Number(r.amount_requested_cents),
    approvedAmountCents: r.approved_amount_cents === null ? null : Number(r.approved_amount_cents),
    submittedAt: iso(r.submitted_at),
    decidedAt: iso(r.decided_at),
    dueAt: iso(r.due_at),
  };
}

export async function paymentsPage(
  db: Db,
  timeZone: string,
  q: FinancePaymentsFilters,
): Promise<FinancePaymentsPage> {
  const period = await resolvePeriod(db, timeZone, q);
  const list = await repo.paymentList(db, period.scope, listQuery(q));
  return {
    ...listMeta(period, q, list),
    figure: q.figure ?? null,
    items: list.rows.map(paymentItem),
  };
}

export async function requestsPage(
  db: Db,
  timeZone: string,
  q: FinanceRequestsFilters,
): Promise<FinanceRequestsPage> {
  const period = await resolvePeriod(db, timeZone, q);
  const list = await repo.requestList(db, period.scope, { ...listQuery(q), figure: q.figure });
  return { ...listMeta(period, q, list), figure: q.figure, items: list.rows.map(requestItem) };
}

/** CSV rows are read a page of this size at a time, so a long period streams in bounded memory. */
const CSV_PAGE = 5000;

const money = (cents: number | null) => (cents === null ? null : centsToDecimalString(cents));

const PAYMENT_CSV: CsvColumns<FinancePaymentsPage['items'][number]> = [
  ['reference', (p) => p.reference],
  ['program', (p) => p.programSlug],
  ['payee', (p) => p.payeeName],
  ['amount', (p) => money(p.amountCents)],
  ['status', (p) => p.status],
  ['status_at', (p) => p.statusAt],
  ['batch_id', (p) => p.batchId],
  ['trace_number', (p) => p.traceNumber],
  ['return_code', (p) => p.returnCode],
];

const REQUEST_CSV: CsvColumns<FinanceRequestsPage['items'][number]> = [
  ['reference', (r) => r.reference],
  ['program', (r) => r.programSlug],
  ['status', (r) => r.status],
  ['amount', (r) => money(r.amountCents)],
  ['amount_requested', (r) => money(r.amountRequestedCents)],
  ['amount_approved', (r) => money(r.approvedAmountCents)],
  ['submitted_at', (r) => r.submittedAt],
  ['decided_at', (r) => r.decidedAt],
  ['due_at', (r) => r.dueAt],
];

async function* mapPages<R, T>(pages: AsyncIterable<R[]>, item: (row: R) => T) {
  for await (const rows of pages) yield rows.map(item);
}

/**
 * Every payment the filters match (all pages, in the list's sort), as CSV with the amount in dollars and cents. The
 * period and program are checked first, so a bad filter is a 400 rather than a broken download.
 */
export async function paymentsCsv(
  db: Db,
  timeZone: string,
  q: FinancePaymentsFilters,
  pageSize = CSV_PAGE,
): Promise<Readable> {
  const period = await resolvePeriod(db, timeZone, q);
  const rows = repo.allPayments(db, period.scope, listQuery(q), pageSize);
  return csvStream(PAYMENT_CSV, mapPages(rows, paymentItem));
}

/** Every request the filters match, as CSV; like paymentsCsv. */
export async function requestsCsv(
  db: Db,
  timeZone: string,
  q: FinanceRequestsFilters,
  pageSize = CSV_PAGE,
): Promise<Readable> {
  const period = await resolvePeriod(db, timeZone, q);
  const rows = repo.allRequests(db, period.scope, { ...listQuery(q), figure: q.figure }, pageSize);
  return csvStream(REQUEST_CSV, mapPages(rows, requestItem));
}
