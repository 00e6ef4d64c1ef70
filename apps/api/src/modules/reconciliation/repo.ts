import { sql, type Kysely, type RawBuilder, type SqlBool, type Transaction } from 'kysely';
import type { ExceptionReason } from '@hms/contracts/finance-reconciliation';
import type { Database } from '../../platform/db/schema.ts';
import { uuidv7 } from '../../platform/db/ids.ts';

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
  const s = parseSearch(q);
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
  type: 'timestamptz' | 'bigint' | 'text';
  /** true when "desc" means ascending values (an age sorts by its start date the other way round). */
  reversed?: boolean;
}

/**
 * One page of a derived table `x` (which has an `id` column), with the count and sum of every matching row unless
 * left out (the CSV reads without them). The keyset walk continues strictly after (sort key, id), so a CSV of any size
 * streams in bounded memory and never skips or repeats a row while reading.
 */
async function listPage<R>(
  db: Db,
  l: {
    rows: RawBuilder<unknown>;
    where: RawBuilder<SqlBool>;
    amount: RawBuilder<unknown>;
    extraTotals?: RawBuilder<unknown>;
    sort: SortKey;
  },
  q: ListQuery<string>,
  withTotals: boolean,
) {
  const asc = (q.order === 'asc') !== (l.sort.reversed ?? false);
  const dir = asc ? sql`asc` : sql`desc`;
  const key = sql`(${l.sort.expr})`;
  const after =
    q.paging.kind === 'after' && q.paging.after !== null
      ? sql`and (${key}, x.id::text) ${asc ? sql`>` : sql`<`} (${q.paging.after.key}::${sql.raw(l.sort.type)}, ${q.paging.after.id})`
      : sql``;
  const offset = q.paging.kind === 'offset' ? sql`offset ${q.paging.offset}` : sql``;
  const [totals, page] = await Promise.all([
    withTotals
      ? sql<Record<string, unknown>>`
          select count(*) as n, coalesce(sum(${l.amount}), 0) as cents ${l.extraTotals ?? sql``}
          from (${l.rows}) x where ${l.where}
        `.execute(db)
      : { rows: [] as Record<string, unknown>[] },
    sql<R & { sort_key: unknown }>`
      select x.*, ${key}::text as sort_key from (${l.rows}) x
      where ${l.where} ${after}
      order by ${key} ${dir}, x.id::text ${dir}
      limit ${q.paging.limit} ${offset}
    `.execute(db),
  ]);
  const t = totals.rows[0] ?? {};
  return { rows: page.rows, count: toInt(t.n), cents: toInt(t.cents), totals: t };
}

// ---- Batches: expected against settled and returned

/**
 * Each released (or settled) batch with what its file carried (entry_count − prenote_count money entries,
 * total_cents) against its money entries' outcomes: settled (payment settled, no return), returned (an ach_returns
 * row for the entry, settled before or not), outstanding (neither). A cancelled batch never reached the bank; a
 * prenote moves no money. `mismatch` compares the file's own figures with the entries recorded for it.
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
        count(e.id) as entries_count,
        coalesce(sum(e.amount_cents), 0) as entries_cents,
        count(e.id) filter (where ret.id is null and p.status = 'settled') as settled_count,
        coalesce(sum(e.amount_cents) filter (where ret.id is null and p.status = 'settled'), 0) as settled_cents,
        count(ret.id) as returned_count,
        coalesce(sum(ret.amount_cents), 0) as returned_cents,
        count(e.id) filter (where ret.id is null and p.status <> 'settled') as outstanding_count,
        coalesce(sum(e.amount_cents) filter (where ret.id is null and p.status <> 'settled'), 0)
          as outstanding_cents
      from ach_batches b
      left join ach_entries e on e.batch_id = b.id and e.kind = 'payment'
      left join payments p on p.id = e.payment_id
      left join ach_returns ret on ret.entry_id = e.id
      where b.status in ('released', 'settled') and ${within(sql`b.released_at`, bounds)}
      group by b.id
    ) a`;
}

/** A batch matches a search when one of its payments does, or its file total is the amount searched for. */
function batchSearch(q: string): RawBuilder<SqlBool> {
  const s = parseSearch(q);
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
      rows: batchRows(bounds),
      where: sql<SqlBool>`${q.state === null ? sql`true` : q.state === 'reconciled' ? sql`x.reconciled` : sql`not x.reconciled`}
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

function returnRows(bounds: Bounds): RawBuilder<unknown> {
  return sql`
    select ret.id, ret.payment_id, p.request_id, e.batch_id, r.reference, pr.slug, pa.holder_name,
      ret.amount_cents, e.kind, ret.return_code, coalesce(p.account_fixable, false) as account_fixable,
      e.trace_number, ret.created_at as returned_at, f.file_name,
      (select p2.id from payments p2 where p2.replaces_payment_id = p.id order by p2.id limit 1)
        as replacement_payment_id
    from ach_returns ret
    join ach_entries e on e.id = ret.entry_id
    join payments p on p.id = ret.payment_id
    join requests r on r.id = p.request_id
    join programs pr on pr.id = r.program_id
    join payee_accounts pa on pa.id = e.payee_account_id
    join return_files f on f.id = ret.return_file_id
    where ${within(sql`ret.created_at`, bounds)}`;
}

const RETURN_SORT: Record<string, SortKey> = {
  date: { expr: sql`x.returned_at`, type: 'timestamptz' },
  amount: { expr: sql`x.amount_cents`, type: 'bigint' },
  reference: { expr: sql`x.reference`, type: 'text' },
  payee: { expr: sql`x.holder_name`, type: 'text' },
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
      rows: returnRows(bounds),
      where: sql<SqlBool>`${q.code === null ? sql`true` : sql`x.return_code = ${q.code}`}
        and ${
          q.q === null
            ? sql`true`
            : searchOn(q.q, {
                reference: sql`x.reference`,
                payee: sql`x.holder_name`,
                amount: sql`x.amount_cents`,
                trace: sql`x.trace_number`,
              })
        }`,
      amount: sql`x.amount_cents`,
      sort: RETURN_SORT[q.sort] ?? RETURN_SORT.date!,
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
 * One row per unreconciled item, from four rules:
 * - settlement_late: a money entry of a released batch whose payment is neither settled nor returned, after the
 *   file's effective date (when ACH credits settle) has passed in the agency's calendar;
 * - return_not_reissued: a returned payment with no replacement payment (the citizen has not given a new account);
 * - noc_not_applied: a notification of change still pending a supervisor's decision;
 * - file_total_mismatch: a released file whose entry count or total differs from the entries recorded for it.
 * `since` is the agency day the item became an exception. Resolved-by-hand rows carry their resolution.
 */
function exceptionRows(timeZone: string, today: string): RawBuilder<unknown> {
  const day = (t: RawBuilder<unknown>) => sql`to_char(${t} at time zone ${timeZone}, 'YYYY-MM-DD')`;
  return sql`
    select u.*, res.resolution, res.note as resolution_note, ures.display_name as resolved_by_name,
      res.resolved_at
    from (
      select 'settlement_late:' || p.id::text as id, 'settlement_late' as reason, b.id::text as batch_id,
        p.id::text as payment_id, p.request_id::text as request_id, r.reference, pa.holder_name,
        e.amount_cents, e.trace_number, null::text as return_code, null::boolean as account_fixable,
        b.effective_date as since
      from ach_batches b
      join ach_entries e on e.batch_id = b.id and e.kind = 'payment'
      join payments p on p.id = e.payment_id
      join requests r on r.id = p.request_id
      join payee_accounts pa on pa.id = e.payee_account_id
      where b.status = 'released' and p.status = 'released' and b.effective_date < ${today}
        and not exists (select 1 from ach_returns ret where ret.entry_id = e.id)
      union all
      select 'return_not_reissued:' || p.id::text, 'return_not_reissued', e.batch_id::text, p.id::text,
        p.request_id::text, r.reference, pa.holder_name, p.amount_cents, e.trace_number, ret.return_code,
        coalesce(p.account_fixable, false), ${day(sql`ret.created_at`)}
      from ach_returns ret
      join ach_entries e on e.id = ret.entry_id
      join payments p on p.id = ret.payment_id
      join requests r on r.id = p.request_id
      join payee_accounts pa on pa.id = e.payee_account_id
      where p.status = 'returned'
        and not exists (select 1 from payments p2 where p2.replaces_payment_id = p.id)
      union all
      select 'noc_not_applied:' || n.id::text, 'noc_not_applied', e.batch_id::text, p.id::text,
        p.request_id::text, r.reference, pa.holder_name, 0::bigint, e.trace_number, n.change_code, null,
        ${day(sql`n.created_at`)}
      from ach_nocs n
      join ach_entries e on e.id = n.entry_id
      join payments p on p.id = n.payment_id
      join requests r on r.id = p.request_id
      join payee_accounts pa on pa.id = n.payee_account_id
      where n.status = 'pending'
      union all
      select 'file_total_mismatch:' || b.id::text, 'file_total_mismatch', b.id::text, null, null, null, null,
        b.total_cents - coalesce(sum(e.amount_cents), 0), null, null, null, ${day(sql`b.released_at`)}
      from ach_batches b
      left join ach_entries e on e.batch_id = b.id and e.kind = 'payment'
      where b.status in ('released', 'settled')
      group by b.id
      having b.entry_count - b.prenote_count <> count(e.id) or b.total_cents <> coalesce(sum(e.amount_cents), 0)
    ) u
    left join reconciliation_resolutions res on res.exception_id = u.id
    left join users ures on ures.id = res.resolved_by`;
}

const EXCEPTION_SORT: Record<string, SortKey> = {
  // Oldest first for "desc": the age grows as `since` goes back.
  age: { expr: sql`x.since`, type: 'text', reversed: true },
  amount: { expr: sql`x.amount_cents`, type: 'bigint' },
  reference: { expr: sql`coalesce(x.reference, '')`, type: 'text' },
};

export interface ExceptionFilter {
  timeZone: string;
  today: string;
  from: string | null;
  to: string | null;
  reason: ExceptionReason | null;
  state: 'open' | 'resolved';
  /** Only this exception (the resolve action looks one up). */
  id?: string;
}

function exceptionWhere(f: ExceptionFilter, q: string | null): RawBuilder<SqlBool> {
  return sql<SqlBool>`${f.state === 'open' ? sql`x.resolution is null` : sql`x.resolution is not null`}
    and ${f.from === null ? sql`true` : sql`x.since >= ${f.from}`}
    and ${f.to === null ? sql`true` : sql`x.since <= ${f.to}`}
    and ${f.reason === null ? sql`true` : sql`x.reason = ${f.reason}`}
    and ${f.id === undefined ? sql`true` : sql`x.id = ${f.id}`}
    and ${
      q === null
        ? sql`true`
        : searchOn(q, {
            reference: sql`x.reference`,
            payee: sql`x.holder_name`,
            amount: sql`x.amount_cents`,
            trace: sql`x.trace_number`,
          })
    }`;
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
      rows: exceptionRows(f.timeZone, f.today),
      where: exceptionWhere(f, q.q),
      amount: sql`x.amount_cents`,
      sort: EXCEPTION_SORT[q.sort] ?? EXCEPTION_SORT.age!,
    },
    q,
    withTotals,
  );
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
