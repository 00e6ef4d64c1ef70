import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { PaymentFigure, RequestFigure } from '@hms/contracts/finance-overview';
import type { PaymentStatus } from '@hms/contracts/payments';
import type { RequestStatus } from '@hms/contracts/requests';
import type { Database } from '../../platform/db/schema.ts';

/**
 * The finance workspace's read model (issue 13): it reads payments, requests and programs and writes nothing. Every
 * figure is a predicate defined once below; the overview sums rows with it and the drill-down list filters rows
 * with it, so a figure always equals the total of its list.
 */

/** A period as instants: [start, end) covering the agency-zone days from..to; `programId` null = every program. */
export interface Scope {
  start: Date;
  end: Date;
  programId: string | null;
}

/**
 * When a payment reached its current status: the date the period filter reads, so that each payment falls in one
 * period only, in the state it is in now.
 */
const paymentStatusAt = sql<Date>`(case p.status
  when 'settled' then coalesce(p.settled_at, p.updated_at)
  when 'returned' then coalesce(p.returned_at, p.updated_at)
  when 'released' then coalesce(p.released_at, p.updated_at)
  when 'cancelled' then p.updated_at
  else p.created_at end)`;

const PAYMENT_FIGURE_STATUSES: Record<PaymentFigure, readonly string[]> = {
  pendingPayment: ['pending', 'prenote_sent', 'batched'],
  released: ['released'],
  paid: ['settled'],
  returned: ['returned'],
};

function paymentFigureWhere(figure: PaymentFigure): RawBuilder<SqlBool> {
  return sql<SqlBool>`p.status in (${sql.join(PAYMENT_FIGURE_STATUSES[figure].map((s) => sql.lit(s)))})`;
}

/** Payments in scope: outside practice programs (training data is never counted), in the program, in the period. */
function paymentScope(scope: Scope): RawBuilder<SqlBool> {
  return sql<SqlBool>`not pr.practice
    and ${scope.programId === null ? sql`true` : sql`r.program_id = ${scope.programId}::uuid`}
    and ${paymentStatusAt} >= ${scope.start} and ${paymentStatusAt} < ${scope.end}`;
}

const OPEN_PAST_DEADLINE = sql.join(
  ['submitted', 'in_review', 'awaiting_second_approval'].map((s) => sql.lit(s)),
);
const APPROVED_SINCE = sql.join(['approved', 'paid', 'payment_returned'].map((s) => sql.lit(s)));
const DECIDED = sql.join(
  ['approved', 'paid', 'payment_returned', 'rejected'].map((s) => sql.lit(s)),
);

/** The requests a request figure counts (the program filter is applied beside it). */
function requestFigureWhere(figure: RequestFigure, scope: Scope): RawBuilder<SqlBool> {
  switch (figure) {
    case 'requested':
      return sql<SqlBool>`r.status <> 'draft' and r.submitted_at >= ${scope.start} and r.submitted_at < ${scope.end}`;
    case 'approved':
      return sql<SqlBool>`r.status in (${APPROVED_SINCE}) and r.decided_at >= ${scope.start} and r.decided_at < ${scope.end}`;
    case 'pastReviewDeadline':
      return sql<SqlBool>`r.status in (${OPEN_PAST_DEADLINE}) and r.due_at < now()`;
  }
}

/** The amount a request figure sums: what was asked for, or what was approved. */
function requestFigureAmount(figure: RequestFigure): RawBuilder<number> {
  return figure === 'approved'
    ? sql<number>`coalesce(r.approved_amount_cents, r.amount_requested_cents)`
    : sql<number>`r.amount_requested_cents`;
}

function requestScope(scope: Scope): RawBuilder<SqlBool> {
  return sql<SqlBool>`not pr.practice
    and ${scope.programId === null ? sql`true` : sql`r.program_id = ${scope.programId}::uuid`}`;
}

export async function programIdBySlug(db: Kysely<Database>, slug: string) {
  const row = await db
    .selectFrom('programs')
    .select('id')
    .where('slug', '=', slug)
    .executeTakeFirst();
  return row?.id ?? null;
}

const toInt = (v: unknown) => Number(v ?? 0);
const toDays = (v: unknown) => (v === null || v === undefined ? null : Number(v));

export async function paymentFigureTotals(db: Kysely<Database>, scope: Scope) {
  const f = (figure: PaymentFigure, alias: string) => sql`
    count(*) filter (where ${paymentFigureWhere(figure)}) as ${sql.ref(`${alias}_count`)},
    coalesce(sum(p.amount_cents) filter (where ${paymentFigureWhere(figure)}), 0) as ${sql.ref(`${alias}_cents`)}`;
  const { rows } = await sql<Record<string, unknown>>`
    select ${f('pendingPayment', 'pending')}, ${f('released', 'released')}, ${f('paid', 'paid')},
      ${f('returned', 'returned')},
      count(*) filter (where ${paymentFigureWhere('paid')} and r.submitted_at is not null) as pay_n,
      percentile_cont(0.5) within group (order by extract(epoch from ${paymentStatusAt} - r.submitted_at) / 86400)
        filter (where ${paymentFigureWhere('paid')} and r.submitted_at is not null) as pay_p50,
      percentile_cont(0.9) within group (order by extract(epoch from ${paymentStatusAt} - r.submitted_at) / 86400)
        filter (where ${paymentFigureWhere('paid')} and r.submitted_at is not null) as pay_p90
    from payments p
    join requests r on r.id = p.request_id
    join programs pr on pr.id = r.program_id
    where ${paymentScope(scope)}
  `.execute(db);
  const r = rows[0]!;
  const pair = (alias: string) => ({
    cents: toInt(r[`${alias}_cents`]),
    count: toInt(r[`${alias}_count`]),
  });
  return {
    pendingPayment: pair('pending'),
    released: pair('released'),
    paid: pair('paid'),
    returned: pair('returned'),
    daysToPayment: {
      count: toInt(r.pay_n),
      medianDays: toDays(r.pay_p50),
      p90Days: toDays(r.pay_p90),
    },
  };
}

export async function requestFigureTotals(db: Kysely<Database>, scope: Scope) {
  const f = (figure: RequestFigure, alias: string) => sql`
    count(*) filter (where ${requestFigureWhere(figure, scope)}) as ${sql.ref(`${alias}_count`)},
    coalesce(sum(${requestFigureAmount(figure)}) filter (where ${requestFigureWhere(figure, scope)}), 0)
      as ${sql.ref(`${alias}_cents`)}`;
  const decidedInPeriod = sql`r.status in (${DECIDED}) and r.submitted_at is not null
    and r.decided_at >= ${scope.start} and r.decided_at < ${scope.end}`;
  const decisionDays = sql`extract(epoch from r.decided_at - r.submitted_at) / 86400`;
  // One pass over the requests of the program; each figure's own index range would be faster at a million rows
  // only for narrow periods, and the bench (bench/finance) measures this shape.
  const { rows } = await sql<Record<string, unknown>>`
    select ${f('requested', 'requested')}, ${f('approved', 'approved')},
      ${f('pastReviewDeadline', 'late')},
      count(*) filter (where ${decidedInPeriod}) as dec_n,
      percentile_cont(0.5) within group (order by ${decisionDays}) filter (where ${decidedInPeriod}) as dec_p50,
      percentile_cont(0.9) within group (order by ${decisionDays}) filter (where ${decidedInPeriod}) as dec_p90
    from requests r
    join programs pr on pr.id = r.program_id
    where ${requestScope(scope)}
      and (${requestFigureWhere('requested', scope)} or ${decidedInPeriod}
        or ${requestFigureWhere('pastReviewDeadline', scope)})
  `.execute(db);
  const r = rows[0]!;
  const pair = (alias: string) => ({
    cents: toInt(r[`${alias}_cents`]),
    count: toInt(r[`${alias}_count`]),
  });
  return {
    requested: pair('requested'),
    approved: pair('approved'),
    pastReviewDeadline: pair('late'),
    daysToDecision: {
      count: toInt(r.dec_n),
      medianDays: toDays(r.dec_p50),
      p90Days: toDays(r.dec_p90),
    },
  };
}

// ---- Series (the trends page): the same figures, split into consecutive buckets of the period.

/**
 * The bucket (1-based) an instant falls in, given the bucket boundaries t0 < t1 < … < tn (bucket i is [t(i-1), t(i))).
 * Boundaries are computed by the caller in the agency time zone, so a day is the agency's day across DST changes.
 */
function bucketOf(at: RawBuilder<unknown>, bounds: readonly Date[]): RawBuilder<number> {
  return sql<number>`width_bucket(${at}, array[${sql.join(
    bounds.map((b) => sql`${b.toISOString()}::timestamptz`),
  )}])`;
}

export interface SeriesPoint {
  bucket: number;
  cents: number;
  count: number;
}

/**
 * The approved, paid and returned figures of each bucket, with the predicates and dates the overview sums with: over
 * the whole period the buckets add up to the overview's figures exactly. Buckets with nothing are absent.
 */
export async function figureSeries(db: Kysely<Database>, scope: Scope, bounds: readonly Date[]) {
  const [requests, payments] = await Promise.all([
    sql<{ b: unknown; n: unknown; cents: unknown }>`
      select ${bucketOf(sql`r.decided_at`, bounds)} as b, count(*) as n,
        coalesce(sum(${requestFigureAmount('approved')}), 0) as cents
      from requests r
      join programs pr on pr.id = r.program_id
      where ${requestScope(scope)} and ${requestFigureWhere('approved', scope)}
      group by 1
    `.execute(db),
    sql<Record<string, unknown>>`
      select ${bucketOf(paymentStatusAt, bounds)} as b,
        count(*) filter (where ${paymentFigureWhere('paid')}) as paid_n,
        coalesce(sum(p.amount_cents) filter (where ${paymentFigureWhere('paid')}), 0) as paid_cents,
        count(*) filter (where ${paymentFigureWhere('returned')}) as returned_n,
        coalesce(sum(p.amount_cents) filter (where ${paymentFigureWhere('returned')}), 0) as returned_cents
      from payments p
      join requests r on r.id = p.request_id
      join programs pr on pr.id = r.program_id
      where ${paymentScope(scope)} and (${paymentFigureWhere('paid')} or ${paymentFigureWhere('returned')})
      group by 1
    `.execute(db),
  ]);
  const point = (b: unknown, n: unknown, cents: unknown): SeriesPoint => ({
    bucket: toInt(b),
    count: toInt(n),
    cents: toInt(cents),
  });
  return {
    approved: requests.rows.map((r) => point(r.b, r.n, r.cents)),
    paid: payments.rows.map((r) => point(r.b, r.paid_n, r.paid_cents)),
    returned: payments.rows.map((r) => point(r.b, r.returned_n, r.returned_cents)),
  };
}

/** The returned figure split by ACH return code (null: a return recorded without one), largest first. */
export async function returnsByCode(db: Kysely<Database>, scope: Scope) {
  const { rows } = await sql<{ code: string | null; n: unknown; cents: unknown }>`
    select p.return_code as code, count(*) as n, coalesce(sum(p.amount_cents), 0) as cents
    from payments p
    join requests r on r.id = p.request_id
    join programs pr on pr.id = r.program_id
    where ${paymentScope(scope)} and ${paymentFigureWhere('returned')}
    group by 1
    order by 3 desc, 1 nulls last
  `.execute(db);
  return rows.map((r) => ({ code: r.code, count: toInt(r.n), cents: toInt(r.cents) }));
}

// ---- Drill-down lists

export interface ListQuery {
  figure: PaymentFigure | RequestFigure | null;
  q: string | null;
  sort: string;
  order: 'asc' | 'desc';
  limit: number;
  offset: number;
}

/** A search term read as what it could be: a reference, an amount in dollars, a trace number, or part of a name. */
function parseSearch(q: string) {
  const amount = /^\$?\s*(\d{1,9})(?:\.(\d{1,2}))?$/.exec(q.replace(/,/g, ''));
  return {
    reference: q.toUpperCase(),
    cents: amount ? Number(amount[1]) * 100 + Number((amount[2] ?? '0').padEnd(2, '0')) : null,
    trace: /^\d{15}$/.test(q) ? q : null,
    like: `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`,
  };
}

function paymentSearch(q: string): RawBuilder<SqlBool> {
  const s = parseSearch(q);
  return sql<SqlBool>`(r.reference = ${s.reference}
    or pa.holder_name ilike ${s.like}
    ${s.cents === null ? sql`` : sql`or p.amount_cents = ${s.cents}`}
    ${s.trace === null ? sql`` : sql`or p.trace_number = ${s.trace}`})`;
}

function requestSearch(q: string): RawBuilder<SqlBool> {
  const s = parseSearch(q);
  return sql<SqlBool>`(r.reference = ${s.reference}
    ${s.cents === null ? sql`` : sql`or r.amount_requested_cents = ${s.cents} or r.approved_amount_cents = ${s.cents}`})`;
}

const PAYMENT_SORT: Record<string, RawBuilder<unknown>> = {
  date: paymentStatusAt,
  amount: sql`p.amount_cents`,
  reference: sql`r.reference`,
  payee: sql`pa.holder_name`,
};

function paymentListWhere(scope: Scope, q: ListQuery): RawBuilder<SqlBool> {
  return sql<SqlBool>`${paymentScope(scope)}
    and ${q.figure === null ? sql`true` : paymentFigureWhere(q.figure as PaymentFigure)}
    and ${q.q === null ? sql`true` : paymentSearch(q.q)}`;
}

/** Where a list is read from, what it filters on, what it sums and how it is ordered. */
interface ListShape {
  from: RawBuilder<unknown>;
  where: RawBuilder<SqlBool>;
  amount: RawBuilder<unknown>;
  columns: RawBuilder<unknown>;
  orderBy: RawBuilder<unknown>;
  id: RawBuilder<unknown>;
}

/**
 * The position after a row in a list's order: its sort key (as text, so a timestamp keeps its microseconds) and id.
 * Every sort key is non-null for the rows of its figure, so the row comparison below never drops a row.
 */
export interface Cursor {
  key: string;
  id: string;
}

function pageSql<R>(l: ListShape, q: ListQuery, after: Cursor | null) {
  const dir = q.order === 'asc' ? sql`asc` : sql`desc`;
  const past =
    after === null
      ? sql`true`
      : q.order === 'asc'
        ? sql`(${l.orderBy}, ${l.id}) > (${after.key}, ${after.id}::uuid)`
        : sql`(${l.orderBy}, ${l.id}) < (${after.key}, ${after.id}::uuid)`;
  return sql<R & { sort_key: string }>`
    select ${l.columns}, (${l.orderBy})::text as sort_key from ${l.from}
    where ${l.where} and ${past}
    order by ${l.orderBy} ${dir} nulls last, ${l.id} ${dir}
    limit ${q.limit} offset ${after === null ? q.offset : 0}
  `;
}

/**
 * One page of a figure's list and the count and sum of every row the filter matches: the total the overview shows
 * for the same figure.
 */
async function listPage<R>(db: Kysely<Database>, l: ListShape, q: ListQuery) {
  const [totals, page] = await Promise.all([
    sql<{ n: unknown; cents: unknown }>`
      select count(*) as n, coalesce(sum(${l.amount}), 0) as cents from ${l.from} where ${l.where}
    `.execute(db),
    pageSql<R>(l, q, null).execute(db),
  ]);
  return {
    rows: page.rows,
    count: toInt(totals.rows[0]?.n),
    cents: toInt(totals.rows[0]?.cents),
  };
}

/**
 * Every row of a list, a page at a time, each page read after the last row of the one before (keyset), so an
 * export of a long period costs the same per page at its end as at its start.
 */
async function* allRows<R>(db: Kysely<Database>, l: ListShape, q: ListQuery, pageSize: number) {
  let after: Cursor | null = null;
  for (;;) {
    const { rows } = await pageSql<R>(l, { ...q, limit: pageSize, offset: 0 }, after).execute(db);
    yield rows as R[];
    const last = rows.at(-1);
    if (last === undefined || rows.length < pageSize) return;
    after = { key: last.sort_key, id: (last as unknown as { id: string }).id };
  }
}

function paymentListShape(scope: Scope, q: ListQuery): ListShape {
  return {
    from: sql`payments p
        join requests r on r.id = p.request_id
        join programs pr on pr.id = r.program_id
        join payee_accounts pa on pa.id = p.payee_account_id`,
    where: paymentListWhere(scope, q),
    amount: sql`p.amount_cents`,
    columns: sql`p.id, p.request_id, r.reference, pr.slug, pa.holder_name, p.amount_cents, p.status,
        ${paymentStatusAt} as status_at, p.batch_id, p.trace_number, p.return_code`,
    orderBy: PAYMENT_SORT[q.sort] ?? paymentStatusAt,
    id: sql`p.id`,
  };
}

export function paymentList(db: Kysely<Database>, scope: Scope, q: ListQuery) {
  return listPage<PaymentListRow>(db, paymentListShape(scope, q), q);
}

/** Every payment the list's filters match, in its order, a page at a time (the CSV export). */
export function allPayments(db: Kysely<Database>, scope: Scope, q: ListQuery, pageSize: number) {
  return allRows<PaymentListRow>(db, paymentListShape(scope, q), q, pageSize);
}

export interface PaymentListRow {
  id: string;
  request_id: string;
  reference: string;
  slug: string;
  holder_name: string;
  amount_cents: number;
  status: PaymentStatus;
  status_at: Date;
  batch_id: string | null;
  trace_number: string | null;
  return_code: string | null;
}

const REQUEST_SORT: Record<string, (figure: RequestFigure) => RawBuilder<unknown>> = {
  date: (figure) =>
    figure === 'approved'
      ? sql`r.decided_at`
      : figure === 'pastReviewDeadline'
        ? sql`r.due_at`
        : sql`r.submitted_at`,
  amount: (figure) => requestFigureAmount(figure),
  reference: () => sql`r.reference`,
};

type RequestListQuery = ListQuery & { figure: RequestFigure };

function requestListShape(scope: Scope, q: RequestListQuery): ListShape {
  const amount = requestFigureAmount(q.figure);
  return {
    from: sql`requests r join programs pr on pr.id = r.program_id`,
    where: sql<SqlBool>`${requestScope(scope)} and ${requestFigureWhere(q.figure, scope)}
        and ${q.q === null ? sql`true` : requestSearch(q.q)}`,
    amount,
    columns: sql`r.id, r.reference, pr.slug, r.status, ${amount} as amount_cents,
        r.amount_requested_cents, r.approved_amount_cents, r.submitted_at, r.decided_at, r.due_at`,
    orderBy: (REQUEST_SORT[q.sort] ?? REQUEST_SORT.date!)(q.figure),
    id: sql`r.id`,
  };
}

export function requestList(db: Kysely<Database>, scope: Scope, q: RequestListQuery) {
  return listPage<RequestListRow>(db, requestListShape(scope, q), q);
}

/** Every request the list's filters match, in its order, a page at a time (the CSV export). */
export function allRequests(
  db: Kysely<Database>,
  scope: Scope,
  q: RequestListQuery,
  pageSize: number,
) {
  return allRows<RequestListRow>(db, requestListShape(scope, q), q, pageSize);
}

export interface RequestListRow {
  id: string;
  reference: string;
  slug: string;
  status: RequestStatus;
  amount_cents: number;
  amount_requested_cents: number;
  approved_amount_cents: number | null;
  submitted_at: Date | null;
  decided_at: Date | null;
  due_at: Date | null;
}
