import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import {
  approvedRequestStatuses,
  paymentFigureStatuses,
  type PaymentFigure,
  type RequestFigure,
} from '@hms/contracts/finance-overview';
import { paymentStatuses, type PaymentStatus } from '@hms/contracts/payments';
import type { RequestStatus } from '@hms/contracts/requests';
import type { Database } from '../../platform/db/schema.ts';
import { readSearchTerm } from '../../platform/search-term.ts';
import { keysetPages, type SortKeyCursor } from '../../platform/pagination.ts';

/**
 * The finance workspace's read model (issue 13). Every figure is a predicate defined once below; the drill-down lists
 * filter rows with it. The overview, the trends and a list's totals read the same figures from the per-day totals
 * that statement-level triggers keep in the writing transaction (migration 0360: finance_day_totals and
 * finance_durations, written by nothing else), so they are exact at any size and a figure always equals the total
 * of its list; the property test and the bench check both against the rows.
 */

/**
 * A period as agency days from..to (YYYY-MM-DD, inclusive) and as instants [start, end) covering them; `programId`
 * null = every program.
 */
export interface Scope {
  from: string;
  to: string;
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

const PAYMENT_FIGURE_STATUSES: Record<PaymentFigure, readonly string[]> = paymentFigureStatuses;

function paymentFigureWhere(figure: PaymentFigure): RawBuilder<SqlBool> {
  return sql<SqlBool>`p.status in (${sql.join(PAYMENT_FIGURE_STATUSES[figure].map((s) => sql.lit(s)))})`;
}

/** Outside practice programs (training data is never counted) and in the program asked for. */
function programScope(programId: RawBuilder<unknown>, scope: Scope): RawBuilder<SqlBool> {
  return sql<SqlBool>`${programId} not in (select id from programs where practice)
    and ${scope.programId === null ? sql`true` : sql`${programId} = ${scope.programId}::uuid`}`;
}

/**
 * Payments in scope: in the program, in the period. It reads the payments table alone (payments.program_id is the
 * request's program), so the lists' indexes answer it without a join.
 */
function paymentScope(scope: Scope): RawBuilder<SqlBool> {
  return sql<SqlBool>`${programScope(sql`p.program_id`, scope)}
    and ${paymentStatusAt} >= ${scope.start} and ${paymentStatusAt} < ${scope.end}`;
}

const OPEN_PAST_DEADLINE = sql.join(
  ['submitted', 'in_review', 'awaiting_second_approval'].map((s) => sql.lit(s)),
);
const APPROVED_SINCE = sql.join(approvedRequestStatuses.map((s) => sql.lit(s)));
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
  return programScope(sql`r.program_id`, scope);
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

// ---- Figures from the kept per-day totals (migration 0360)

/** The kept figure names: 'requested', 'approved', and 'payment:<status>' per payment status. */
const paymentKey = (status: string) => `payment:${status}`;
const PAYMENT_FIGURE_KEYS: Record<PaymentFigure, readonly string[]> = {
  pendingPayment: PAYMENT_FIGURE_STATUSES.pendingPayment.map(paymentKey),
  released: PAYMENT_FIGURE_STATUSES.released.map(paymentKey),
  paid: PAYMENT_FIGURE_STATUSES.paid.map(paymentKey),
  returned: PAYMENT_FIGURE_STATUSES.returned.map(paymentKey),
};
const EVERY_PAYMENT_KEY = paymentStatuses.map(paymentKey);

/** Kept totals outside practice programs: in the program, over the period's days. */
function keptScope(scope: Scope): RawBuilder<SqlBool> {
  return sql<SqlBool>`t.day >= ${scope.from}::date and t.day <= ${scope.to}::date
    and ${programScope(sql`t.program_id`, scope)}`;
}

export interface Pair {
  cents: number;
  count: number;
}

/** The kept count and cents of each figure key in the period (keys with nothing are absent). */
async function keptTotals(db: Kysely<Database>, scope: Scope, keys: readonly string[]) {
  const { rows } = await sql<{ figure: string; n: unknown; cents: unknown }>`
    select t.figure, sum(t.count) as n, sum(t.cents) as cents
    from finance_day_totals t
    where t.figure in (${sql.join(keys)}) and ${keptScope(scope)}
    group by t.figure
  `.execute(db);
  return new Map(rows.map((r) => [r.figure, { count: toInt(r.n), cents: toInt(r.cents) }]));
}

function sumOf(totals: Map<string, Pair>, keys: readonly string[]): Pair {
  let count = 0;
  let cents = 0;
  for (const key of keys) {
    count += totals.get(key)?.count ?? 0;
    cents += totals.get(key)?.cents ?? 0;
  }
  return { count, cents };
}

/** The whole months inside the period ([start, end) as first days of months), or null when there is none. */
function wholeMonths(from: string, to: string): { start: string; end: string } | null {
  const firstOfNext = (date: string) => {
    const [y, m] = date.split('-').map(Number) as [number, number];
    return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
  };
  const start = from.endsWith('-01') ? from : firstOfNext(from);
  const after = new Date(Date.parse(`${to}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  const end = after.endsWith('-01') ? after : `${to.slice(0, 8)}01`;
  return start < end ? { start, end } : null;
}

export interface Durations {
  count: number;
  medianDays: number | null;
  p90Days: number | null;
}

/**
 * The continuous percentile (as SQL's percentile_cont) of a histogram of tenths of a day, in days: the whole months
 * of the period are read from the monthly histograms and its ragged ends from the daily ones.
 */
async function keptDurations(
  db: Kysely<Database>,
  scope: Scope,
  measure: 'decision' | 'payment',
): Promise<Durations> {
  const months = wholeMonths(scope.from, scope.to);
  const days =
    months === null
      ? sql`t.period >= ${scope.from}::date and t.period <= ${scope.to}::date`
      : sql`((t.period >= ${scope.from}::date and t.period < ${months.start}::date)
          or (t.period >= ${months.end}::date and t.period <= ${scope.to}::date))`;
  const program = programScope(sql`t.program_id`, scope);
  const { rows } = await sql<{ tenths: number; n: unknown }>`
    select tenths, sum(n) as n from (
      select t.tenths, t.count as n from finance_durations t
      where t.measure = ${measure} and t.grain = 'day' and ${days} and ${program}
      ${
        months === null
          ? sql``
          : sql`union all
      select t.tenths, t.count from finance_durations t
      where t.measure = ${measure} and t.grain = 'month'
        and t.period >= ${months.start}::date and t.period < ${months.end}::date and ${program}`
      }
    ) h
    group by tenths having sum(n) <> 0
    order by tenths
  `.execute(db);
  const histogram = rows.map((r) => ({ tenths: Number(r.tenths), n: toInt(r.n) }));
  const count = histogram.reduce((acc, h) => acc + h.n, 0);
  if (count === 0) return { count, medianDays: null, p90Days: null };
  const valueAt = (index: number) => {
    let seen = 0;
    for (const h of histogram) {
      seen += h.n;
      if (index < seen) return h.tenths / 10;
    }
    return histogram.at(-1)!.tenths / 10;
  };
  const percentile = (p: number) => {
    const pos = p * (count - 1);
    const lo = valueAt(Math.floor(pos));
    return lo + (pos - Math.floor(pos)) * (valueAt(Math.ceil(pos)) - lo);
  };
  return { count, medianDays: percentile(0.5), p90Days: percentile(0.9) };
}

export async function paymentFigureTotals(db: Kysely<Database>, scope: Scope) {
  const [totals, daysToPayment] = await Promise.all([
    keptTotals(db, scope, EVERY_PAYMENT_KEY),
    keptDurations(db, scope, 'payment'),
  ]);
  return {
    pendingPayment: sumOf(totals, PAYMENT_FIGURE_KEYS.pendingPayment),
    released: sumOf(totals, PAYMENT_FIGURE_KEYS.released),
    paid: sumOf(totals, PAYMENT_FIGURE_KEYS.paid),
    returned: sumOf(totals, PAYMENT_FIGURE_KEYS.returned),
    daysToPayment,
  };
}

/**
 * Requests open past their review deadline: a fact of now, not of a period, so it is counted from the rows (the
 * open-with-a-deadline index holds only the requests whose clock runs).
 */
async function pastReviewDeadline(db: Kysely<Database>, scope: Scope): Promise<Pair> {
  const { rows } = await sql<{ n: unknown; cents: unknown }>`
    select count(*) as n, coalesce(sum(${requestFigureAmount('pastReviewDeadline')}), 0) as cents
    from requests r
    where ${requestScope(scope)} and ${requestFigureWhere('pastReviewDeadline', scope)}
  `.execute(db);
  return { count: toInt(rows[0]?.n), cents: toInt(rows[0]?.cents) };
}

export async function requestFigureTotals(db: Kysely<Database>, scope: Scope) {
  const [totals, late, daysToDecision] = await Promise.all([
    keptTotals(db, scope, ['requested', 'approved']),
    pastReviewDeadline(db, scope),
    keptDurations(db, scope, 'decision'),
  ]);
  return {
    requested: sumOf(totals, ['requested']),
    approved: sumOf(totals, ['approved']),
    pastReviewDeadline: late,
    daysToDecision,
  };
}

/**
 * Per program, the money committed against its budget by the requests submitted on the agency days from..to, as it
 * stands now (the kept 'committed' figure: the programs module's rule, budget_use_cents, by submission day).
 */
export async function committedByProgram(
  db: Kysely<Database>,
  programIds: readonly string[],
  from: string,
  to: string,
) {
  if (programIds.length === 0) return new Map<string, number>();
  const { rows } = await sql<{ program_id: string; cents: unknown }>`
    select t.program_id, sum(t.cents) as cents
    from finance_day_totals t
    where t.figure = 'committed' and t.day >= ${from}::date and t.day <= ${to}::date
      and t.program_id in (${sql.join(programIds.map((id) => sql`${id}::uuid`))})
    group by t.program_id
  `.execute(db);
  return new Map(rows.map((r) => [r.program_id, toInt(r.cents)]));
}

// ---- Series (the trends page): the same kept figures, day by day.

export interface DayPoint {
  day: string;
  cents: number;
  count: number;
}

/**
 * The approved, paid and returned figures of each day of the period that has any: over the whole period they add up
 * to the overview's figures exactly (the same kept totals).
 */
export async function figureSeries(db: Kysely<Database>, scope: Scope) {
  const keys = {
    approved: 'approved',
    paid: paymentKey('settled'),
    returned: paymentKey('returned'),
  };
  const { rows } = await sql<{ figure: string; day: string; n: unknown; cents: unknown }>`
    select t.figure, to_char(t.day, 'YYYY-MM-DD') as day, sum(t.count) as n, sum(t.cents) as cents
    from finance_day_totals t
    where t.figure in (${sql.join(Object.values(keys))}) and ${keptScope(scope)}
    group by t.figure, t.day
    having sum(t.count) <> 0 or sum(t.cents) <> 0
    order by t.day
  `.execute(db);
  const of = (key: string): DayPoint[] =>
    rows
      .filter((r) => r.figure === key)
      .map((r) => ({ day: r.day, count: toInt(r.n), cents: toInt(r.cents) }));
  return { approved: of(keys.approved), paid: of(keys.paid), returned: of(keys.returned) };
}

/** The returned figure split by ACH return code (null: a return recorded without one), largest first. */
export async function returnsByCode(db: Kysely<Database>, scope: Scope) {
  const { rows } = await sql<{ code: string; n: unknown; cents: unknown }>`
    select t.code, sum(t.count) as n, sum(t.cents) as cents
    from finance_day_totals t
    where t.figure = ${paymentKey('returned')} and ${keptScope(scope)}
    group by t.code
    having sum(t.count) <> 0
    order by 3 desc, t.code = '', t.code
  `.execute(db);
  return rows.map((r) => ({
    code: r.code === '' ? null : r.code,
    count: toInt(r.n),
    cents: toInt(r.cents),
  }));
}

// ---- The kept totals themselves

/**
 * Re-cuts every kept day in `zone` when the totals were kept in another one (the agency changed HMS_TIMEZONE). One
 * transaction: a writer waits for it, then adds its own change to the new rows.
 */
export async function keepTotalsInZone(db: Kysely<Database>, zone: string) {
  await db.transaction().execute(async (trx) => {
    const { rows } = await sql<{ zone: string }>`
      update finance_totals_zone set zone = ${zone} where zone <> ${zone} returning zone
    `.execute(trx);
    if (rows.length > 0) await sql`select finance_totals_rebuild()`.execute(trx);
  });
}

class Rollback extends Error {}

/**
 * Every kept row that differs from the same figure recomputed from the rows now (empty when the triggers kept them
 * right). It rebuilds inside a transaction it then rolls back, so nothing changes; writers wait for it meanwhile.
 */
export async function totalsDrift(db: Kysely<Database>) {
  let drift: { table: string; key: string; kept: string; recomputed: string }[] = [];
  const snapshot = sql`
    select 'finance_day_totals' as tbl, concat_ws(' ', figure, day, program_id, code) as key,
      concat_ws(' ', count, cents) as v
    from finance_day_totals where count <> 0 or cents <> 0
    union all
    select 'finance_durations', concat_ws(' ', measure, grain, period, program_id, tenths), count::text
    from finance_durations where count <> 0`;
  await db
    .transaction()
    .execute(async (trx) => {
      await sql`create temp table finance_totals_kept on commit drop as ${snapshot}`.execute(trx);
      await sql`select finance_totals_rebuild()`.execute(trx);
      const { rows } = await sql<{ tbl: string; key: string; kept: string; now: string }>`
        select coalesce(k.tbl, n.tbl) as tbl, coalesce(k.key, n.key) as key, k.v as kept, n.v as now
        from finance_totals_kept k full join (${snapshot}) n on n.tbl = k.tbl and n.key = k.key
        where k.v is distinct from n.v
        order by 1, 2
      `.execute(trx);
      drift = rows.map((r) => ({
        table: r.tbl,
        key: r.key,
        kept: r.kept ?? '-',
        recomputed: r.now ?? '-',
      }));
      throw new Rollback();
    })
    .catch((e: unknown) => {
      if (!(e instanceof Rollback)) throw e;
    });
  return drift;
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

/** The payments columns a list filters, orders and sums on: the ones the list indexes carry (migrations 0361, 0370). */
const LISTED = sql`p.id, p.request_id, p.payee_name, p.amount_cents, p.program_id, p.status, p.settled_at,
  p.returned_at, p.released_at, p.updated_at, p.created_at`;

/**
 * The payments a search matches, within the list's filter, as a table `p` of the listed columns: each reading of
 * the term (a reference, part of the payee's name, an amount, a trace number) finds its payments by its own index,
 * the name's and the amount's from the index alone. A payment two readings find is kept by the first only (each
 * later reading leaves out what the earlier ones match, a test on the row at hand), so the readings are appended
 * as they come instead of collected and de-duplicated: that hashing cost a third of a broad name search.
 */
function paymentMatches(
  q: string,
  within: RawBuilder<SqlBool>,
  filterFirst: boolean,
): RawBuilder<unknown> {
  const s = readSearchTerm(q);
  const byReference = sql<SqlBool>`p.request_id in (select id from requests where reference = ${s.reference})`;
  // Part of a name, in any case (lower-cased on both sides: the same test whichever way it is read).
  const byName = sql<SqlBool>`lower(p.payee_name) like lower(${s.like})`;
  // A reading: where its rows come from (already within the filter), and the test on a row that it matches, which
  // the readings after it leave out.
  const inFilter = (test: RawBuilder<SqlBool>) => ({
    from: sql`payments p`,
    where: sql<SqlBool>`${test} and ${within}`,
    test,
  });
  const readings: {
    from: RawBuilder<unknown>;
    where: RawBuilder<SqlBool>;
    test: RawBuilder<SqlBool>;
  }[] = [
    inFilter(byReference),
    // With few payments in the filter, their payee names are checked. With many, the names of the payee accounts
    // that match are read from their narrow index (payee_accounts_holder_name_key_idx), then each name's payments
    // from the payments' name index (payments_finance_payee_name_idx), one lookup per name: OFFSET 0 keeps the
    // planner from hashing the whole period instead when it misjudges how many names match.
    filterFirst
      ? {
          from: sql`(select ${LISTED} from payments p where ${within} offset 0) p`,
          where: byName,
          test: byName,
        }
      : {
          from: sql`(select distinct holder_name from payee_accounts
              where holder_name_key like lower(${s.like})) n
            cross join lateral (select ${LISTED} from payments p
              where p.payee_name = n.holder_name and ${within} offset 0) p`,
          where: sql<SqlBool>`true`,
          test: byName,
        },
    ...(s.cents === null ? [] : [inFilter(sql<SqlBool>`p.amount_cents = ${s.cents}`)]),
    ...(s.trace === null ? [] : [inFilter(sql<SqlBool>`p.trace_number = ${s.trace}`)]),
  ];
  const branches = readings.map((r, k) => {
    const earlier = readings.slice(0, k).map((e) => sql`and (${e.test}) is not true`);
    return sql`select ${LISTED} from ${r.from} where ${r.where} ${sql.join(earlier, sql` `)}`;
  });
  return sql`(${sql.join(branches, sql` union all `)}) p`;
}

function requestSearch(q: string): RawBuilder<SqlBool> {
  const s = readSearchTerm(q);
  return sql<SqlBool>`(r.reference = ${s.reference}
    ${s.cents === null ? sql`` : sql`or r.amount_requested_cents = ${s.cents} or r.approved_amount_cents = ${s.cents}`})`;
}

const PAYMENT_SORT: Record<string, RawBuilder<unknown>> = {
  date: paymentStatusAt,
  amount: sql`p.amount_cents`,
  reference: sql`r.reference`,
  payee: sql`p.payee_name`,
};

function paymentListWhere(scope: Scope, q: ListQuery): RawBuilder<SqlBool> {
  return sql<SqlBool>`${paymentScope(scope)}
    and ${q.figure === null ? sql`true` : paymentFigureWhere(q.figure as PaymentFigure)}`;
}

/**
 * A list: the rows it filters, orders and sums (`from`, `where`, `orderBy`, `amount`: as few tables as the filter
 * and order need, so an index can find a page alone), then `detail`, the joins that give a page's rows their
 * `columns`, read for that page only.
 */
interface ListShape {
  from: RawBuilder<unknown>;
  where: RawBuilder<SqlBool>;
  amount: RawBuilder<unknown>;
  orderBy: RawBuilder<unknown>;
  id: RawBuilder<unknown>;
  detail: RawBuilder<unknown>;
  columns: RawBuilder<unknown>;
  /** The list's count and sum from the kept totals, when its filter is a kept figure with no search. */
  kept: ((db: Kysely<Database>) => Promise<Pair>) | null;
  /**
   * Count and sum the rows in the page's own pass (window totals over every match, taken before the page is cut):
   * for a search, whose matches cost more to find than to count, so they are found once, not twice.
   */
  totalsInPage?: boolean;
}

/**
 * `after`: the position after a row in a list's order, its sort key (as text, so a timestamp keeps its
 * microseconds) and id. Every sort key is non-null for the rows of its figure, so the row comparison never drops a row.
 */
function pageSql<R>(l: ListShape, q: ListQuery, after: SortKeyCursor | null, withTotals = false) {
  const dir = q.order === 'asc' ? sql`asc` : sql`desc`;
  const past =
    after === null
      ? sql`true`
      : q.order === 'asc'
        ? sql`(${l.orderBy}, ${l.id}) > (${after.key}, ${after.id}::uuid)`
        : sql`(${l.orderBy}, ${l.id}) < (${after.key}, ${after.id}::uuid)`;
  return sql<R & { sort_key: string }>`
    with page as materialized (
      select ${l.id} as id, ${l.orderBy} as k
        ${withTotals ? sql`, count(*) over () as total_n, coalesce(sum(${l.amount}) over (), 0) as total_cents` : sql``}
      from ${l.from}
      where ${l.where} and ${past}
      order by ${l.orderBy} ${dir}, ${l.id} ${dir}
      limit ${q.limit} offset ${after === null ? q.offset : 0}
    )
    select ${l.columns}, page.k::text as sort_key ${withTotals ? sql`, page.total_n, page.total_cents` : sql``}
    from page ${l.detail}
    order by page.k ${dir}, page.id ${dir}
  `;
}

/**
 * One page of a figure's list and the count and sum of every row the filter matches: the total the overview shows
 * for the same figure.
 */
async function listPage<R>(db: Kysely<Database>, l: ListShape, q: ListQuery) {
  const totalsSql = sql<{ n: unknown; cents: unknown }>`
    select count(*) as n, coalesce(sum(${l.amount}), 0) as cents from ${l.from} where ${l.where}
  `;
  const totalsOf = async () => {
    const { rows } = await totalsSql.execute(db);
    return { count: toInt(rows[0]?.n), cents: toInt(rows[0]?.cents) };
  };
  if (l.totalsInPage) {
    const page = await pageSql<R & { total_n: unknown; total_cents: unknown }>(
      l,
      q,
      null,
      true,
    ).execute(db);
    const first = page.rows[0];
    // A page past the last match carries no totals: only then are they counted on their own.
    const totals =
      first === undefined && q.offset > 0
        ? await totalsOf()
        : { count: toInt(first?.total_n ?? 0), cents: toInt(first?.total_cents ?? 0) };
    return { rows: page.rows as R[], ...totals };
  }
  const [totals, page] = await Promise.all([
    l.kept === null ? totalsOf() : l.kept(db),
    pageSql<R>(l, q, null).execute(db),
  ]);
  return { rows: page.rows, ...totals };
}

/** Every row of a list, a keyset page at a time (platform/pagination.ts#keysetPages). */
function allRows<R>(db: Kysely<Database>, l: ListShape, q: ListQuery, pageSize: number) {
  return keysetPages(pageSize, async (after) => {
    const { rows } = await pageSql<R & { id: string }>(
      l,
      { ...q, limit: pageSize, offset: 0 },
      after,
    ).execute(db);
    return { rows, items: rows as R[] };
  });
}

/**
 * Below this many payments in the filter, a list sorted by the payee's name or the reference, or searching a
 * payee's name, reads the filter's payments first; above it, it walks the name index (or the requests' reference
 * index) in order and stops after the page, or reads the matching names' payments. The planner cannot tell the two
 * apart from its estimates of a period; the kept totals can, exactly.
 */
const READ_FIRST_BELOW = 20_000;

function paymentListShape(scope: Scope, q: ListQuery, filterFirst = false): ListShape {
  const where = paymentListWhere(scope, q);
  // A search's matches are already within the filter; OFFSET 0 keeps the planner from folding the filter into a walk.
  const rows =
    q.q !== null
      ? paymentMatches(q.q, where, filterFirst)
      : filterFirst
        ? sql`(select ${LISTED} from payments p where ${where} offset 0) p`
        : sql`payments p`;
  return {
    from: q.sort === 'reference' ? sql`${rows} join requests r on r.id = p.request_id` : rows,
    where: q.q === null && !filterFirst ? where : sql<SqlBool>`true`,
    amount: sql`p.amount_cents`,
    orderBy: PAYMENT_SORT[q.sort] ?? paymentStatusAt,
    id: sql`p.id`,
    detail: sql`join payments p on p.id = page.id
        join requests r on r.id = p.request_id
        join programs pr on pr.id = r.program_id`,
    columns: sql`p.id, p.request_id, r.reference, pr.slug, p.payee_name as holder_name, p.amount_cents, p.status,
        ${paymentStatusAt} as status_at, p.batch_id, p.trace_number, p.return_code`,
    totalsInPage: q.q !== null,
    kept:
      q.q === null
        ? async (db) => {
            const keys =
              q.figure === null
                ? EVERY_PAYMENT_KEY
                : PAYMENT_FIGURE_KEYS[q.figure as PaymentFigure];
            return sumOf(await keptTotals(db, scope, keys), keys);
          }
        : null,
  };
}

/**
 * The list's shape, reading the filter's payments first when they are few and the list sorts by a joined column or
 * searches a payee's name (the count of the filter without the search, from the kept totals).
 */
async function paymentListShapeFor(
  db: Kysely<Database>,
  scope: Scope,
  q: ListQuery,
  readFirstBelow: number,
) {
  if (q.q === null && q.sort !== 'payee' && q.sort !== 'reference')
    return paymentListShape(scope, q);
  const unsearched = paymentListShape(scope, { ...q, q: null });
  const { count } = await unsearched.kept!(db);
  return paymentListShape(scope, q, count < readFirstBelow);
}

/** One page of payments and the totals of the filter; `readFirstBelow` is for tests that try both ways. */
export async function paymentList(
  db: Kysely<Database>,
  scope: Scope,
  q: ListQuery,
  readFirstBelow = READ_FIRST_BELOW,
) {
  return listPage<PaymentListRow>(db, await paymentListShapeFor(db, scope, q, readFirstBelow), q);
}

/** Every payment the list's filters match, in its order, a page at a time (the CSV export). */
export async function* allPayments(
  db: Kysely<Database>,
  scope: Scope,
  q: ListQuery,
  pageSize: number,
) {
  yield* allRows<PaymentListRow>(
    db,
    await paymentListShapeFor(db, scope, q, READ_FIRST_BELOW),
    q,
    pageSize,
  );
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
    from: sql`requests r`,
    where: sql<SqlBool>`${requestScope(scope)} and ${requestFigureWhere(q.figure, scope)}
        and ${q.q === null ? sql`true` : requestSearch(q.q)}`,
    amount,
    orderBy: (REQUEST_SORT[q.sort] ?? REQUEST_SORT.date!)(q.figure),
    id: sql`r.id`,
    detail: sql`join requests r on r.id = page.id join programs pr on pr.id = r.program_id`,
    columns: sql`r.id, r.reference, pr.slug, r.status, ${amount} as amount_cents,
        r.amount_requested_cents, r.approved_amount_cents, r.submitted_at, r.decided_at, r.due_at`,
    kept:
      q.q === null && q.figure !== 'pastReviewDeadline'
        ? async (db) => sumOf(await keptTotals(db, scope, [q.figure]), [q.figure])
        : null,
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
