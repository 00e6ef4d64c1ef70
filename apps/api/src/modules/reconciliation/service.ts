import type { Kysely } from 'kysely';
import { Readable } from 'node:stream';
import { businessDaysBetween, startOfZonedDay, toZonedDate } from '@hms/contracts/business-days';
import {
  resolvableReasons,
  type ExceptionAction,
  type ReconciliationBatchesFilters,
  type ReconciliationBatchesPage,
  type ReconciliationExceptionRow,
  type ReconciliationExceptionsFilters,
  type ReconciliationExceptionsPage,
  type ReconciliationReturnsFilters,
  type ReconciliationReturnsPage,
  type ResolveExceptionBody,
} from '@hms/contracts/finance-reconciliation';
import { centsToDecimalString } from '@hms/contracts/money';
import { appendAudit } from '../../platform/audit.ts';
import type { AuthUser } from '../../platform/auth/sessions.ts';
import type { Database } from '../../platform/db/schema.ts';
import { badRequest, conflict, notFound } from '../../platform/errors.ts';
import { toCsv } from '../../platform/csv.ts';
import * as repo from './repo.ts';

type Db = Kysely<Database>;

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());
const int = (v: unknown) => Number(v ?? 0);

/** The agency days asked for as instants; either bound may be left out. A reversed range names the field. */
function boundsOf(timeZone: string, q: { from?: string; to?: string }): repo.Bounds {
  if (q.from !== undefined && q.to !== undefined && q.from > q.to) {
    throw badRequest('validation.date_range_reversed', 'The date range is reversed.', [
      { field: 'query.to', message: 'to must be on or after from.' },
    ]);
  }
  return {
    start: q.from === undefined ? null : startOfZonedDay(q.from, timeZone),
    end: q.to === undefined ? null : startOfZonedDay(q.to, timeZone, 1),
  };
}

type Cursor = { key: string; id: string } | null;
type PageArg = { page: number; pageSize: number } | { after: Cursor; limit: number };

function paging(p: PageArg): repo.Paging {
  return 'after' in p
    ? { kind: 'after', limit: p.limit, after: p.after }
    : { kind: 'offset', limit: p.pageSize, offset: (p.page - 1) * p.pageSize };
}

const meta = (q: { page: number; pageSize: number }, count: number, cents: number) => ({
  page: q.page,
  pageSize: q.pageSize,
  totalCount: count,
  totalCents: cents,
  computedAt: new Date().toISOString(),
});

// ---- Batches

async function batchRows(db: Db, timeZone: string, q: ReconciliationBatchesFilters, p: PageArg) {
  const withTotals = !('after' in p);
  const r = await repo.batchList(
    db,
    boundsOf(timeZone, q),
    { q: q.q ?? null, sort: q.sort, order: q.order, paging: paging(p), state: q.state ?? null },
    withTotals,
  );
  return {
    ...r,
    items: r.rows.map((b) => ({
      id: b.id,
      status: b.status,
      fileDate: b.file_date,
      fileIdModifier: b.file_id_modifier,
      effectiveDate: b.effective_date,
      releasedAt: iso(b.released_at)!,
      expectedCount: int(b.expected_count),
      expectedCents: int(b.expected_cents),
      prenoteCount: int(b.prenote_count),
      settledCount: int(b.settled_count),
      settledCents: int(b.settled_cents),
      returnedCount: int(b.returned_count),
      returnedCents: int(b.returned_cents),
      outstandingCount: int(b.outstanding_count),
      outstandingCents: int(b.outstanding_cents),
      differenceCents: int(b.difference_cents),
      reconciled: b.reconciled,
    })),
  };
}

/** Released batches: what each file carried against what was settled and returned, and the difference. */
export async function batchesPage(
  db: Db,
  timeZone: string,
  q: ReconciliationBatchesFilters,
): Promise<ReconciliationBatchesPage> {
  const r = await batchRows(db, timeZone, q, q);
  return {
    ...meta(q, r.count, r.cents),
    totalDifferenceCents: int(r.totals.difference),
    items: r.items,
  };
}

// ---- Returns

async function returnRows(db: Db, timeZone: string, q: ReconciliationReturnsFilters, p: PageArg) {
  const r = await repo.returnList(
    db,
    boundsOf(timeZone, q),
    { q: q.q ?? null, sort: q.sort, order: q.order, paging: paging(p), code: q.code ?? null },
    !('after' in p),
  );
  return {
    ...r,
    items: r.rows.map((x) => ({
      id: x.id,
      paymentId: x.payment_id,
      requestId: x.request_id,
      batchId: x.batch_id,
      reference: x.reference,
      programSlug: x.slug,
      payeeName: x.holder_name,
      amountCents: int(x.amount_cents),
      kind: x.kind,
      returnCode: x.return_code,
      accountFixable: x.account_fixable,
      traceNumber: x.trace_number,
      returnedAt: iso(x.returned_at)!,
      fileName: x.file_name,
      replacementPaymentId: x.replacement_payment_id,
    })),
  };
}

/** Every entry the bank returned, with its code and whether a replacement payment was made. */
export async function returnsPage(
  db: Db,
  timeZone: string,
  q: ReconciliationReturnsFilters,
): Promise<ReconciliationReturnsPage> {
  const r = await returnRows(db, timeZone, q, q);
  return { ...meta(q, r.count, r.cents), items: r.items };
}

// ---- Exceptions

/** The action that clears an exception, and where in the finance workspace it is taken. */
function actionOf(r: repo.ExceptionRow): { action: ExceptionAction; href: string | null } {
  switch (r.reason) {
    case 'settlement_late':
      return { action: 'settle_batch', href: `/finance/batches/${r.batch_id}` };
    case 'noc_not_applied':
      return { action: 'decide_noc', href: '/finance/returns' };
    case 'return_not_reissued':
      // The citizen can give a new account only when the return was about the account (R02, R03, …); any other
      // return (deceased, refused, stopped) has no path in HMS but a supervisor's resolution.
      return r.account_fixable
        ? { action: 'await_new_account', href: null }
        : { action: 'resolve_by_hand', href: null };
    case 'file_total_mismatch':
      return { action: 'resolve_by_hand', href: `/finance/batches/${r.batch_id}` };
  }
}

function toExceptionRow(r: repo.ExceptionRow, today: string): ReconciliationExceptionRow {
  return {
    id: r.id,
    reason: r.reason,
    batchId: r.batch_id,
    paymentId: r.payment_id,
    requestId: r.request_id,
    reference: r.reference,
    payeeName: r.holder_name,
    amountCents: int(r.amount_cents),
    traceNumber: r.trace_number,
    returnCode: r.return_code,
    since: r.since,
    ageBusinessDays: Math.max(0, businessDaysBetween(r.since, today)),
    ...actionOf(r),
    resolvable: resolvableReasons.has(r.reason) && r.resolution === null,
    resolution:
      r.resolution === null
        ? null
        : {
            kind: r.resolution,
            note: r.resolution_note ?? '',
            by: r.resolved_by_name ?? '',
            at: iso(r.resolved_at)!,
          },
  };
}

function exceptionFilter(
  timeZone: string,
  now: Date,
  q: Pick<ReconciliationExceptionsFilters, 'from' | 'to' | 'reason' | 'state'>,
): repo.ExceptionFilter {
  boundsOf(timeZone, q);
  return {
    timeZone,
    today: toZonedDate(now, timeZone),
    from: q.from ?? null,
    to: q.to ?? null,
    reason: q.reason ?? null,
    state: q.state,
  };
}

async function exceptionRows(
  db: Db,
  timeZone: string,
  q: ReconciliationExceptionsFilters,
  p: PageArg,
  now: Date,
) {
  const f = exceptionFilter(timeZone, now, q);
  const r = await repo.exceptionList(
    db,
    f,
    { q: q.q ?? null, sort: q.sort, order: q.order, paging: paging(p) },
    !('after' in p),
  );
  return { ...r, items: r.rows.map((x) => toExceptionRow(x, f.today)) };
}

/** Every item not reconciled (or, state=resolved, closed by hand), with its age, reason and clearing action. */
export async function exceptionsPage(
  db: Db,
  timeZone: string,
  q: ReconciliationExceptionsFilters,
  now = new Date(),
): Promise<ReconciliationExceptionsPage> {
  const r = await exceptionRows(db, timeZone, q, q, now);
  return { ...meta(q, r.count, r.cents), items: r.items };
}

/**
 * A finance supervisor closes an exception that no action in HMS clears (a return that will not be paid again, a
 * file total the bank confirmed): recorded once, with the note, and audited in the same transaction.
 */
export async function resolveException(
  db: Db,
  timeZone: string,
  user: AuthUser,
  body: ResolveExceptionBody,
  ip: string | null,
): Promise<ReconciliationExceptionRow> {
  const now = new Date();
  const f = { ...exceptionFilter(timeZone, now, { state: 'open' }), id: body.exceptionId };
  const one = { q: null, sort: 'age', order: 'desc' as const };
  const found = await repo.exceptionList(
    db,
    f,
    { ...one, paging: { kind: 'offset', limit: 1, offset: 0 } },
    false,
  );
  const row = found.rows[0];
  if (!row)
    throw notFound(
      'reconciliation.exception_not_found',
      `No open exception ${body.exceptionId}; reload the exceptions list.`,
    );
  if (!resolvableReasons.has(row.reason))
    throw conflict(
      'reconciliation.exception_not_resolvable',
      `A ${row.reason} exception clears when its action is taken (${actionOf(row).href ?? 'see the list'}), not by hand.`,
    );
  await db.transaction().execute(async (trx) => {
    const inserted = await repo.insertResolution(trx, {
      exceptionId: row.id,
      reason: row.reason,
      resolution: body.resolution,
      note: body.note.trim(),
      amountCents: int(row.amount_cents),
      resolvedBy: user.id,
    });
    if (!inserted)
      throw notFound(
        'reconciliation.exception_not_found',
        `Exception ${row.id} was resolved a moment ago by someone else; reload the exceptions list.`,
      );
    await appendAudit(trx, {
      actorId: user.id,
      actorKind: 'user',
      action: 'reconciliation.exception_resolved',
      entityType: row.payment_id ? 'payment' : 'ach_batch',
      entityId: row.payment_id ?? row.batch_id,
      data: {
        exceptionId: row.id,
        reason: row.reason,
        resolution: body.resolution,
        note: body.note.trim(),
        amountCents: int(row.amount_cents),
        reference: row.reference,
      },
      ip,
    });
  });
  const after = await repo.exceptionList(
    db,
    { ...f, state: 'resolved' },
    { ...one, paging: { kind: 'offset', limit: 1, offset: 0 } },
    false,
  );
  return toExceptionRow(after.rows[0]!, f.today);
}

// ---- CSV: every row the filters match, read by keyset pages so any length streams in bounded memory

/** CSV rows are read a page of this size at a time. */
const CSV_PAGE = 2000;

function csvStream<T extends { id: string }>(
  header: readonly string[],
  pageSize: number,
  pageAfter: (
    after: Cursor,
  ) => Promise<{ rows: Array<{ sort_key: unknown; id: string }>; items: T[] }>,
  cells: (item: T) => ReadonlyArray<string | number | null>,
): Readable {
  async function* generate() {
    yield toCsv([header]);
    let after: Cursor = null;
    for (;;) {
      const { rows, items } = await pageAfter(after);
      if (items.length > 0) yield toCsv(items.map(cells));
      if (rows.length < pageSize) return;
      const last = rows[rows.length - 1]!;
      after = { key: String(last.sort_key), id: String(last.id) };
    }
  }
  return Readable.from(generate());
}

const money = (cents: number) => centsToDecimalString(cents);

export function batchesCsv(
  db: Db,
  timeZone: string,
  q: ReconciliationBatchesFilters,
  pageSize = CSV_PAGE,
): Readable {
  return csvStream(
    [
      'batch_id',
      'file_date',
      'file_id_modifier',
      'effective_date',
      'status',
      'released_at',
      'expected_count',
      'expected',
      'settled_count',
      'settled',
      'returned_count',
      'returned',
      'outstanding_count',
      'outstanding',
      'difference',
      'reconciled',
    ],
    pageSize,
    (after) => batchRows(db, timeZone, q, { after, limit: pageSize }),
    (b) => [
      b.id,
      b.fileDate,
      b.fileIdModifier,
      b.effectiveDate,
      b.status,
      b.releasedAt,
      b.expectedCount,
      money(b.expectedCents),
      b.settledCount,
      money(b.settledCents),
      b.returnedCount,
      money(b.returnedCents),
      b.outstandingCount,
      money(b.outstandingCents),
      money(b.differenceCents),
      b.reconciled ? 'yes' : 'no',
    ],
  );
}

export function returnsCsv(
  db: Db,
  timeZone: string,
  q: ReconciliationReturnsFilters,
  pageSize = CSV_PAGE,
): Readable {
  return csvStream(
    [
      'reference',
      'program',
      'payee',
      'amount',
      'kind',
      'return_code',
      'account_fixable',
      'trace_number',
      'returned_at',
      'file_name',
      'batch_id',
      'replacement_payment_id',
    ],
    pageSize,
    (after) => returnRows(db, timeZone, q, { after, limit: pageSize }),
    (r) => [
      r.reference,
      r.programSlug,
      r.payeeName,
      money(r.amountCents),
      r.kind,
      r.returnCode,
      r.accountFixable ? 'yes' : 'no',
      r.traceNumber,
      r.returnedAt,
      r.fileName,
      r.batchId,
      r.replacementPaymentId,
    ],
  );
}

export function exceptionsCsv(
  db: Db,
  timeZone: string,
  q: ReconciliationExceptionsFilters,
  now = new Date(),
  pageSize = CSV_PAGE,
): Readable {
  return csvStream(
    [
      'exception_id',
      'reason',
      'reference',
      'payee',
      'amount',
      'trace_number',
      'return_code',
      'since',
      'age_business_days',
      'action',
      'batch_id',
      'resolution',
      'resolution_note',
    ],
    pageSize,
    (after) => exceptionRows(db, timeZone, q, { after, limit: pageSize }, now),
    (e) => [
      e.id,
      e.reason,
      e.reference,
      e.payeeName,
      money(e.amountCents),
      e.traceNumber,
      e.returnCode,
      e.since,
      e.ageBusinessDays,
      e.action,
      e.batchId,
      e.resolution?.kind ?? null,
      e.resolution?.note ?? null,
    ],
  );
}
