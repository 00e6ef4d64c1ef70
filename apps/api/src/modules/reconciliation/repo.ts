import { sql, type Kysely, type RawBuilder, type SqlBool, type Transaction } from 'kysely';
import type { ExceptionReason } from '@hms/contracts/finance-reconciliation';
import type { Database, Queryable } from '../../platform/db/schema.ts';
import { uuidv7 } from '../../platform/db/ids.ts';
import { readSearchTerm } from '../../platform/search-term.ts';

/**
 * Reconciliation's SQL. Two parts:
 * - A named READ MODEL over other modules' tables (ach_batches, ach_entries: batches; ach_returns, ach_nocs,
 *   return_files: returns; payments: payments; requests, payee_accounts: applications; programs). It only reads them:
 *   expected (what each released file carried) against settled and returned, the returns, and the exceptions.
 * - The one table this module owns and writes, reconciliation_resolutions (exceptions closed by hand).
 */

type Db = Kysely<Database>;

/** A period as instants ([start, end) over agency days), each bound optional. */
export interface Bounds {
  start: Date | null;
  end: Date | null;
}

/** A page: by offset for the screens' numbered pages, or after a (sort key, id) for the CSV's keyset walk. */
export type Paging =
  | { kind: 'offset'; limit: number; offset: number }
  | { kind: 'after'; limit: number; after: { key: string; id: string } | null };

export interface ListQuery<S extends string> {
  q: string | null;
  sort: S;
  order: 'asc' | 'desc';
  paging: Paging;
}

const toInt = (v: unknown) => Number(v ?? 0);

/** The finance lists' search (modules/finance): reference, payee name (part), amount, trace number. */
function searchOn(
  q: string,
  c: {
    reference: RawBuilder<unknown>;
    payee: RawBuilder<unknown>;
    amount: RawBuilder<unknown>;
    trace: RawBuilder<unknown>;
  },
): RawBuilder<SqlBool> {
  const s = readSearchTerm(q);
  return sql<SqlBool>`(${c.reference} = ${s.reference}
    or ${c.payee} ilike ${s.like}
    ${s.cents === null ? sql`` : sql`or ${c.amount} = ${s.cents}`}
    ${s.trace === null ? sql`` : sql`or ${c.trace} = ${s.trace}`})`;
}

function within(col: RawBuilder<unknown>, b: Bounds): RawBuilder<SqlBool> {
  return sql<SqlBool>`${b.start === null ? sql`true` : sql`${col} >= ${b.start}`}
    and ${b.end === null ? sql`true` : sql`${col} < ${b.end}`}`;
}

/** A sort: the expression (over the list's derived table `x`), its SQL type (for the keyset cursor) and direction. */
interface SortKey {
  expr: RawBuilder<unknown>;
  type: 'timestamptz' | 'bigint' | 'text' | 'date';
  /** true when "desc" means ascending values (an age sorts by its start date the other way round). */
  reversed?: boolean;
  /** The sort reads the names and references (the list's `wide` rows), not only the list's own columns. */
  wide?: boolean;
}

/**
 * A list: `rows(wide)` is a derived table `x` (with an `id` column) of exactly the rows the list can show, with the
 * columns the filter, sort and totals read; `wide` adds the payee name, reference and trace number (s_payee,
 * s_reference, s_trace) for a search or a sort by them. `detail` joins the columns only shown to the page's rows.
 */
interface ListDef {
  rows: (wide: boolean) => RawBuilder<unknown>;
  where: (wide: boolean) => RawBuilder<SqlBool>;
  amount: RawBuilder<unknown>;
  extraTotals?: RawBuilder<unknown>;
  sort: SortKey;
  detail?: { columns: RawBuilder<unknown>; joins: RawBuilder<unknown> };
  /**
   * The rows are derived (no index gives them in order), so the page and the totals are one pass: the totals as
   * window aggregates over every matching row, computed before the page is cut (count and amount only: no
   * extraTotals).
   */
  totalsInPage?: boolean;
}

/**
 * One page of a list, with the count and sum of every matching row unless left out (the CSV reads without them).
 * The totals and the page's order read only the list's own rows; the shown-only columns are joined to the page's
 * rows after it is cut, so a page costs its 50 rows, not the whole history. The keyset walk continues strictly after
 * (sort key, id), so a CSV of any size streams in bounded memory and never skips or repeats a row while reading.
 */
async function listPage<R>(db: Db, l: ListDef, q: ListQuery<string>, withTotals: boolean) {
  const wide = q.q !== null || (l.sort.wide ?? false);
  const rows = l.rows(wide);
  const where = l.where(wide);
  const asc = (q.order === 'asc') !== (l.sort.reversed ?? false);
  const dir = asc ? sql`asc` : sql`desc`;
  const key = sql`(${l.sort.expr})`;
  const after =
    q.paging.kind === 'after' && q.paging.after !== null
      ? sql`and (${key}, x.id::text) ${asc ? sql`>` : sql`<`} (${q.paging.after.key}::${sql.raw(l.sort.type)}, ${q.paging.after.id})`
      : sql``;
  const offset = q.paging.kind === 'offset' ? sql`offset ${q.paging.offset}` : sql``;
  const totalsSql = sql<Record<string, unknown>>`
    select count(*) as n, coalesce(sum(${l.amount}), 0) as cents ${l.extraTotals ?? sql``}
    from (${rows}) x where ${where}
  `;
  const inPage = withTotals && (l.totalsInPage ?? false);
  const pageSql = sql<R & { sort_key: unknown; total_n?: unknown; total_cents?: unknown }>`
    select x.* ${l.detail ? sql`, ${l.detail.columns}` : sql``}
    from (
      select x.*, ${key}::text as sort_key
        ${inPage ? sql`, count(*) over () as total_n, coalesce(sum(${l.amount}) over (), 0) as total_cents` : sql``}
      from (${rows}) x
      where ${where} ${after}
      order by ${key} ${dir}, x.id::text ${dir}
      limit ${q.paging.limit} ${offset}
    ) x
    ${l.detail?.joins ?? sql``}
    order by ${key} ${dir}, x.id::text ${dir}
  `;
  if (inPage) {
    const page = await pageSql.execute(db);
    const first = page.rows[0];
    // A page past the last row carries no totals: only then are they read on their own.
    if (first !== undefined || q.paging.kind !== 'offset' || q.paging.offset === 0) {
      const t: Record<string, unknown> = { n: first?.total_n ?? 0, cents: first?.total_cents ?? 0 };
      return { rows: page.rows, count: toInt(t.n), cents: toInt(t.cents), totals: t };
    }
    const t = (await totalsSql.execute(db)).rows[0] ?? {};
    return { rows: page.rows, count: toInt(t.n), cents: toInt(t.cents), totals: t };
  }
  const [totals, page] = await Promise.all([
    withTotals ? totalsSql.execute(db) : { rows: [] as Record<string, unknown>[] },
    pageSql.execute(db),
  ]);
  const t = totals.rows[0] ?? {};
  return { rows: page.rows, count: toInt(t.n), cents: toInt(t.cents), totals: t };
}

/** The search over a list's wide rows. */
const wideSearch = (q: string) =>
  searchOn(q, {
    reference: sql`x.s_reference`,
    payee: sql`x.s_payee`,
    amount: sql`x.amount_cents`,
    trace: sql`x.s_trace`,
  });

// ---- Batches: expected against settled and returned

/**
 * Each released (or settled) batch with what its file carried (entry_count − prenote_count money entries,
 * total_cents) against its money entries' outcomes: settled (payment settled, no return), returned (an ach_returns
 * row for the entry, settled before or not), outstanding (neither). A cancelled batch never reached the bank; a
 * prenote moves no money. `mismatch` compares the file's own figures with the entries recorded for it. The entries'
 * figures are reconciliation_batch_figures (kept exact by triggers in every writing transaction, migration 0365), so
 * a list reads one row per batch instead of every entry of the period.
 */
function batchRows(bounds: Bounds): RawBuilder<unknown> {
  return sql`
    select a.*,
      a.expected_cents - a.settled_cents - a.returned_cents as difference_cents,
      (a.expected_count <> a.entries_count or a.expected_cents <> a.entries_cents) as mismatch,
      a.outstanding_count = 0 and (
        (a.expected_count = a.entries_count and a.expected_cents = a.entries_cents)
        or exists (select 1 from reconciliation_resolutions res
                   where res.exception_id = 'file_total_mismatch:' || a.id::text)
      ) as reconciled
    from (
      select b.id, b.status, b.file_date, b.file_id_modifier, b.effective_date, b.released_at,
        b.entry_count - b.prenote_count as expected_count, b.total_cents as expected_cents, b.prenote_count,
        coalesce(f.entries_count, 0) as entries_count,
        coalesce(f.entries_cents, 0) as entries_cents,
        coalesce(f.settled_count, 0) as settled_count,
        coalesce(f.settled_cents, 0) as settled_cents,
        coalesce(f.returned_count, 0) as returned_count,
        coalesce(f.returned_cents, 0) as returned_cents,
        coalesce(f.outstanding_count, 0) as outstanding_count,
        coalesce(f.outstanding_cents, 0) as outstanding_cents
      from ach_batches b
      left join reconciliation_batch_figures f on f.batch_id = b.id
      where b.status in ('released', 'settled') and ${within(sql`b.released_at`, bounds)}
    ) a`;
}

/** A batch matches a search when one of its payments does, or its file total is the amount searched for. */
function batchSearch(q: string): RawBuilder<SqlBool> {
  const s = readSearchTerm(q);
  return sql<SqlBool>`(exists (
      select 1 from ach_entries e2
      join payments p2 on p2.id = e2.payment_id
      join requests r2 on r2.id = p2.request_id
      join payee_accounts pa2 on pa2.id = e2.payee_account_id
      where e2.batch_id = x.id and ${searchOn(q, {
        reference: sql`r2.reference`,
        payee: sql`pa2.holder_name`,
        amount: sql`p2.amount_cents`,
        trace: sql`e2.trace_number`,
      })})
    ${s.cents === null ? sql`` : sql`or x.expected_cents = ${s.cents}`})`;
}

const BATCH_SORT: Record<string, SortKey> = {
  date: { expr: sql`x.released_at`, type: 'timestamptz' },
  expected: { expr: sql`x.expected_cents`, type: 'bigint' },
  difference: { expr: sql`x.difference_cents`, type: 'bigint' },
  outstanding: { expr: sql`x.outstanding_cents`, type: 'bigint' },
};

export async function batchList(
  db: Db,
  bounds: Bounds,
  q: ListQuery<string> & { state: 'reconciled' | 'unreconciled' | null },
  withTotals: boolean,
) {
  return listPage<BatchRow>(
    db,
    {
      // A batch's search reads its entries itself (batchSearch): its rows have no single payee or reference.
      rows: () => batchRows(bounds),
      where:
        () => sql<SqlBool>`${q.state === null ? sql`true` : q.state === 'reconciled' ? sql`x.reconciled` : sql`not x.reconciled`}
        and ${q.q === null ? sql`true` : batchSearch(q.q)}`,
      amount: sql`x.expected_cents`,
      extraTotals: sql`, coalesce(sum(x.difference_cents), 0) as difference`,
      sort: BATCH_SORT[q.sort] ?? BATCH_SORT.date!,
    },
    q,
    withTotals,
  );
}

export interface BatchRow {
  id: string;
  status: 'released' | 'settled';
  file_date: string;
  file_id_modifier: string;
  effective_date: string;
  released_at: Date;
  expected_count: unknown;
  expected_cents: unknown;
  prenote_count: unknown;
  entries_count: unknown;
  entries_cents: unknown;
  settled_count: unknown;
  settled_cents: unknown;
  returned_count: unknown;
  returned_cents: unknown;
  outstanding_count: unknown;
  outstanding_cents: unknown;
  difference_cents: unknown;
  mismatch: boolean;
  reconciled: boolean;
}

// ---- Returns: every entry the bank returned

/** The returns of the period: their own columns (every join below is to a required row, so none drops one). */
function returnRows(bounds: Bounds, wide: boolean): RawBuilder<unknown> {
  return sql`
    select ret.id, ret.payment_id, ret.entry_id, ret.return_file_id, ret.amount_cents, ret.return_code,
      ret.created_at as returned_at
      ${wide ? sql`, r.reference as s_reference, pa.holder_name as s_payee, e.trace_number as s_trace` : sql``}
    from ach_returns ret
    ${
      wide
        ? sql`join ach_entries e on e.id = ret.entry_id
          join payments p on p.id = ret.payment_id
          join requests r on r.id = p.request_id
          join payee_accounts pa on pa.id = e.payee_account_id`
        : sql``
    }
    where ${within(sql`ret.created_at`, bounds)}`;
}

const RETURN_DETAIL = {
  columns: sql`p.request_id, e.batch_id, r.reference, pr.slug, pa.holder_name, e.kind,
    coalesce(p.account_fixable, false) as account_fixable, e.trace_number, f.file_name,
    (select p2.id from payments p2 where p2.replaces_payment_id = p.id order by p2.id limit 1)
      as replacement_payment_id`,
  joins: sql`join ach_entries e on e.id = x.entry_id
    join payments p on p.id = x.payment_id
    join requests r on r.id = p.request_id
    join programs pr on pr.id = r.program_id
    join payee_accounts pa on pa.id = e.payee_account_id
    join return_files f on f.id = x.return_file_id`,
};

const RETURN_SORT: Record<string, SortKey> = {
  date: { expr: sql`x.returned_at`, type: 'timestamptz' },
  amount: { expr: sql`x.amount_cents`, type: 'bigint' },
  reference: { expr: sql`x.s_reference`, type: 'text', wide: true },
  payee: { expr: sql`x.s_payee`, type: 'text', wide: true },
  code: { expr: sql`x.return_code`, type: 'text' },
};

export async function returnList(
  db: Db,
  bounds: Bounds,
  q: ListQuery<string> & { code: string | null },
  withTotals: boolean,
) {
  return listPage<ReturnRow>(
    db,
    {
      rows: (wide) => returnRows(bounds, wide),
      where: () => sql<SqlBool>`${q.code === null ? sql`true` : sql`x.return_code = ${q.code}`}
        and ${q.q === null ? sql`true` : wideSearch(q.q)}`,
      amount: sql`x.amount_cents`,
      sort: RETURN_SORT[q.sort] ?? RETURN_SORT.date!,
      detail: RETURN_DETAIL,
    },
    q,
    withTotals,
  );
}

export interface ReturnRow {
  id: string;
  payment_id: string;
  request_id: string;
  batch_id: string;
  reference: string;
  slug: string;
  holder_name: string;
  amount_cents: unknown;
  kind: 'payment' | 'prenote';
  return_code: string;
  account_fixable: boolean;
  trace_number: string;
  returned_at: Date;
  file_name: string;
  replacement_payment_id: string | null;
}

// ---- Exceptions: every item not reconciled, derived from the states of DOMAIN.md

/**
 * The agency day of an instant, as a date: every open exception derives one, so it stays a date (cheap to compute
 * and to sort) and becomes text only for the page's rows (`to_char` per row cost a third of the whole list).
 */
const agencyDay = (t: RawBuilder<unknown>, timeZone: string) =>
  sql`(${t} at time zone ${timeZone})::date`;

/**
 * return_not_reissued: a returned payment with no replacement payment (the citizen has not given a new account). The
 * one definition behind the exceptions list and Today's "returns to work".
 */
function returnNotReissuedRows(timeZone: string, bounds: Bounds): RawBuilder<unknown> {
  return sql`
    select 'return_not_reissued:' || p.id::text as id, 'return_not_reissued' as reason, null::uuid as file_batch_id,
      p.id as payment_id, ret.entry_id, null::uuid as payee_account_id, p.amount_cents, ret.return_code,
      ${agencyDay(sql`ret.created_at`, timeZone)} as since_day
    from ach_returns ret
    join payments p on p.id = ret.payment_id
    where p.status = 'returned' and ${within(sql`ret.created_at`, bounds)}
      and p.id not in (select p2.replaces_payment_id from payments p2 where p2.replaces_payment_id is not null)`;
}

/**
 * One row per unreconciled item, from four rules:
 * - settlement_late: a money entry of a released batch whose payment is neither settled nor returned, after the
 *   file's effective date (when ACH credits settle) has passed in the agency's calendar;
 * - return_not_reissued: a returned payment with no replacement payment (the citizen has not given a new account);
 * - noc_not_applied: a notification of change still pending a supervisor's decision;
 * - file_total_mismatch: a released file whose entry count or total differs from the entries recorded for it (its
 *   entries' figures from reconciliation_batch_figures, kept by triggers).
 * `since_day` (shown as `since`) is the agency day the item became an exception; the period (from/to on it) is
 * applied inside each rule, on the instant or date it is read from, so a day reads that day's rows. Resolved-by-hand rows carry
 * their resolution. Each row names its entry, payment and payee account; the reference, payee name and trace are
 * joined only when `wide` (a search or sort by them) and otherwise to the page's rows alone. "Has none" is written
 * `not in (subquery)` over columns that are never null (the same answer as `not exists`), so PostgreSQL hashes the
 * few thousand returns, replacements and resolutions once instead of probing an index for every row.
 */
function exceptionRows(f: ExceptionFilter, wide: boolean): RawBuilder<unknown> {
  const { timeZone, today, bounds } = f;
  return sql`
    select u.*, ${
      f.state === 'open'
        ? sql`null::text as resolution, null::text as resolution_note, null::uuid as resolved_by,
          null::timestamptz as resolved_at`
        : sql`res.resolution, res.note as resolution_note, res.resolved_by, res.resolved_at`
    }
      ${wide ? sql`, sr.reference as s_reference, spa.holder_name as s_payee, se.trace_number as s_trace` : sql``}
    from (
      select 'settlement_late:' || p.id::text as id, 'settlement_late' as reason, b.id as file_batch_id,
        p.id as payment_id, e.id as entry_id, null::uuid as payee_account_id, e.amount_cents,
        null::text as return_code, b.effective_date::date as since_day
      from ach_batches b
      join ach_entries e on e.batch_id = b.id and e.kind = 'payment'
      join payments p on p.id = e.payment_id
      where b.status = 'released' and p.status = 'released' and b.effective_date < ${today}
        and ${f.from === null ? sql`true` : sql`b.effective_date >= ${f.from}`}
        and ${f.to === null ? sql`true` : sql`b.effective_date <= ${f.to}`}
        and e.id not in (select ret.entry_id from ach_returns ret)
      union all
      ${returnNotReissuedRows(timeZone, bounds)}
      union all
      select 'noc_not_applied:' || n.id::text, 'noc_not_applied', null, n.payment_id, n.entry_id,
        n.payee_account_id, 0::bigint, n.change_code, ${agencyDay(sql`n.created_at`, timeZone)}
      from ach_nocs n
      where n.status = 'pending' and ${within(sql`n.created_at`, bounds)}
      union all
      select 'file_total_mismatch:' || b.id::text, 'file_total_mismatch', b.id, null, null, null,
        b.total_cents - coalesce(bf.entries_cents, 0), null, ${agencyDay(sql`b.released_at`, timeZone)}
      from ach_batches b
      left join reconciliation_batch_figures bf on bf.batch_id = b.id
      where b.status in ('released', 'settled') and ${within(sql`b.released_at`, bounds)}
        and (b.entry_count - b.prenote_count <> coalesce(bf.entries_count, 0)
          or b.total_cents <> coalesce(bf.entries_cents, 0))
    ) u
    ${f.state === 'open' ? sql`` : sql`join reconciliation_resolutions res on res.exception_id = u.id`}
    ${
      wide
        ? sql`left join ach_entries se on se.id = u.entry_id
          left join payments sp on sp.id = u.payment_id
          left join requests sr on sr.id = sp.request_id
          left join payee_accounts spa on spa.id = coalesce(u.payee_account_id, se.payee_account_id)`
        : sql``
    }
    ${f.state === 'open' ? sql`where u.id not in (select res.exception_id from reconciliation_resolutions res)` : sql``}`;
}

/** What a page of exceptions shows besides its own columns; a file total has no entry, payment or payee. */
const EXCEPTION_DETAIL = {
  columns: sql`to_char(x.since_day, 'YYYY-MM-DD') as since, coalesce(x.file_batch_id, e.batch_id) as batch_id, p.request_id, r.reference, pa.holder_name,
    e.trace_number, ures.display_name as resolved_by_name,
    case when x.reason = 'return_not_reissued' then coalesce(p.account_fixable, false) end as account_fixable`,
  joins: sql`left join ach_entries e on e.id = x.entry_id
    left join payments p on p.id = x.payment_id
    left join requests r on r.id = p.request_id
    left join payee_accounts pa on pa.id = coalesce(x.payee_account_id, e.payee_account_id)
    left join users ures on ures.id = x.resolved_by`,
};

const EXCEPTION_SORT: Record<string, SortKey> = {
  // Oldest first for "desc": the age grows as `since` goes back.
  age: { expr: sql`x.since_day`, type: 'date', reversed: true },
  amount: { expr: sql`x.amount_cents`, type: 'bigint' },
  reference: { expr: sql`coalesce(x.s_reference, '')`, type: 'text', wide: true },
};

export interface ExceptionFilter {
  timeZone: string;
  today: string;
  /** The agency days asked for, on `since`: as dates (from, to) and as the instants of those days (bounds). */
  from: string | null;
  to: string | null;
  bounds: Bounds;
  reason: ExceptionReason | null;
  state: 'open' | 'resolved';
  /** Only this exception (the resolve action looks one up). */
  id?: string;
}

function exceptionWhere(f: ExceptionFilter, q: string | null): RawBuilder<SqlBool> {
  return sql<SqlBool>`${f.reason === null ? sql`true` : sql`x.reason = ${f.reason}`}
    and ${f.id === undefined ? sql`true` : sql`x.id = ${f.id}`}
    and ${q === null ? sql`true` : wideSearch(q)}`;
}

export async function exceptionList(
  db: Db,
  f: ExceptionFilter,
  q: ListQuery<string>,
  withTotals: boolean,
) {
  return listPage<ExceptionRow>(
    db,
    {
      rows: (wide) => exceptionRows(f, wide),
      where: () => exceptionWhere(f, q.q),
      amount: sql`x.amount_cents`,
      sort: EXCEPTION_SORT[q.sort] ?? EXCEPTION_SORT.age!,
      detail: EXCEPTION_DETAIL,
      totalsInPage: true,
    },
    q,
    withTotals,
  );
}

/** The count and sum of the open return_not_reissued exceptions (Today's "returns to work"), and nothing else. */
export async function openReturnsNotReissued(db: Queryable, timeZone: string) {
  const { rows } = await sql<{ n: unknown; cents: unknown }>`
    select count(*) as n, coalesce(sum(x.amount_cents), 0) as cents
    from (${returnNotReissuedRows(timeZone, { start: null, end: null })}) x
    where x.id not in (select res.exception_id from reconciliation_resolutions res)
  `.execute(db);
  return { count: toInt(rows[0]?.n), cents: toInt(rows[0]?.cents) };
}

export interface ExceptionRow {
  id: string;
  reason: ExceptionReason;
  batch_id: string | null;
  payment_id: string | null;
  request_id: string | null;
  reference: string | null;
  holder_name: string | null;
  amount_cents: unknown;
  trace_number: string | null;
  return_code: string | null;
  account_fixable: boolean | null;
  since: string;
  resolution: 'written_off' | 'confirmed_with_bank' | null;
  resolution_note: string | null;
  resolved_by_name: string | null;
  resolved_at: Date | null;
}

// ---- The table this module owns

/** Records a resolution once per exception; false when one was already recorded (the unique exception_id). */
export async function insertResolution(
  trx: Transaction<Database>,
  r: {
    exceptionId: string;
    reason: ExceptionReason;
    resolution: 'written_off' | 'confirmed_with_bank';
    note: string;
    amountCents: number;
    resolvedBy: string;
  },
): Promise<boolean> {
  const inserted = await trx
    .insertInto('reconciliation_resolutions')
    .values({
      id: uuidv7(),
      exception_id: r.exceptionId,
      reason: r.reason,
      resolution: r.resolution,
      note: r.note,
      amount_cents: r.amountCents,
      resolved_by: r.resolvedBy,
    })
    .onConflict((oc) => oc.column('exception_id').doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted !== undefined;
}
