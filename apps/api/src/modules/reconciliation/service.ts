import type { Kysely } from 'kysely';
import type { Readable } from 'node:stream';
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
import { auditUserChange } from '../../platform/audit.ts';
import type { AuthUser } from '../../platform/auth/sessions.ts';
import type { Database } from '../../platform/db/schema.ts';
import { badRequest, conflict, notFound } from '../../platform/errors.ts';
import { csvStream, type CsvColumns } from '../../platform/csv.ts';
import { keysetPages, numberedPageMeta, type SortKeyCursor } from '../../platform/pagination.ts';
import * as repo from './repo.ts';
import { iso } from '../../platform/response-fields.ts';

type Db = Kysely<Database>;

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

type PageArg = { page: number; pageSize: number } | { after: SortKeyCursor | null; limit: number };

function paging(p: PageArg): repo.Paging {
  return 'after' in p
    ? { kind: 'after', limit: p.limit, after: p.after }
    : { kind: 'offset', limit: p.pageSize, offset: (p.page - 1) * p.pageSize };
}

const meta = (q: { page: number; pageSize: number }, count: number, cents: number) => ({
  ...numberedPageMeta(q, { count, cents }),
  computedAt: new Date().toISOString(),
});

// ---- Batches

async function batchRows(db: Db, bounds: repo.Bounds, q: ReconciliationBatchesFilters, p: PageArg) {
  const r = await repo.batchList(
    db,
    bounds,
    { q: q.q ?? null, sort: q.sort, order: q.order, paging: paging(p), state: q.state ?? null },
    !('after' in p),
  );
  return {
    ...r,
    items: r.rows.map((b) => ({
      id: b.id,
      status: b.status,
      fileDate: b.file_date,
      fileIdModifier: b.file_id_modifier,
      effectiveDate: b.effective_date,
      releasedAt: iso(b.released_at),
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
  const r = await batchRows(db, boundsOf(timeZone, q), q, q);
  return {
    ...meta(q, r.count, r.cents),
    totalDifferenceCents: int(r.totals.difference),
    items: r.items,
  };
}

// ---- Returns

async function returnRows(
  db: Db,
  bounds: repo.Bounds,
  q: ReconciliationReturnsFilters,
  p: PageArg,
) {
  const r = await repo.returnList(
    db,
    bounds,
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
      returnedAt: iso(x.returned_at),
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
  const r = await returnRows(db, boundsOf(timeZone, q), q, q);
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
  return {
    timeZone,
    today: toZonedDate(now, timeZone),
    from: q.from ?? null,
    to: q.to ?? null,
    bounds: boundsOf(timeZone, q),
    reason: q.reason ?? null,
    state: q.state,
  };
}

async function exceptionRows(
  db: Db,
  f: repo.ExceptionFilter,
  q: ReconciliationExceptionsFilters,
  p: PageArg,
) {
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
  const r = await exceptionRows(db, exceptionFilter(timeZone, now, q), q, q);
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
    await auditUserChange(
      trx,
      { id: user.id, ip },
      'reconciliation.exception_resolved',
      row.payment_id ? 'payment' : 'ach_batch',
      row.payment_id ?? row.batch_id,
      {
        exceptionId: row.id,
        reason: row.reason,
        resolution: body.resolution,
        note: body.note.trim(),
        amountCents: int(row.amount_cents),
        reference: row.reference,
      },
    );
  });
  const after = await repo.exceptionList(
    db,
    { ...f, state: 'resolved' },
    { ...one, paging: { kind: 'offset', limit: 1, offset: 0 } },
    false,
  );
  return toExceptionRow(after.rows[0]!, f.today);
}

/**
 * Today's "returns to work": the count and sum of the open return_not_reissued exceptions, by the exceptions list's
 * own definition, without building the other kinds of exception.
 */
export async function returnsToWork(db: Db, timeZone: string) {
  return repo.openReturnsNotReissued(db, timeZone);
}

// ---- CSV: every row the filters match, read by keyset pages so any length streams in bounded memory

/** CSV rows are read a page of this size at a time. */
const CSV_PAGE = 2000;

const money = (cents: number) => centsToDecimalString(cents);

const BATCH_CSV: CsvColumns<ReconciliationBatchesPage['items'][number]> = [
  ['batch_id', (b) => b.id],
  ['file_date', (b) => b.fileDate],
  ['file_id_modifier', (b) => b.fileIdModifier],
  ['effective_date', (b) => b.effectiveDate],
  ['status', (b) => b.status],
  ['released_at', (b) => b.releasedAt],
  ['expected_count', (b) => b.expectedCount],
  ['expected', (b) => money(b.expectedCents)],
  ['settled_count', (b) => b.settledCount],
  ['settled', (b) => money(b.settledCents)],
  ['returned_count', (b) => b.returnedCount],
  ['returned', (b) => money(b.returnedCents)],
  ['outstanding_count', (b) => b.outstandingCount],
  ['outstanding', (b) => money(b.outstandingCents)],
  ['difference', (b) => money(b.differenceCents)],
  ['reconciled', (b) => (b.reconciled ? 'yes' : 'no')],
];

const RETURN_CSV: CsvColumns<ReconciliationReturnsPage['items'][number]> = [
  ['reference', (r) => r.reference],
  ['program', (r) => r.programSlug],
  ['payee', (r) => r.payeeName],
  ['amount', (r) => money(r.amountCents)],
  ['kind', (r) => r.kind],
  ['return_code', (r) => r.returnCode],
  ['account_fixable', (r) => (r.accountFixable ? 'yes' : 'no')],
  ['trace_number', (r) => r.traceNumber],
  ['returned_at', (r) => r.returnedAt],
  ['file_name', (r) => r.fileName],
  ['batch_id', (r) => r.batchId],
  ['replacement_payment_id', (r) => r.replacementPaymentId],
];

const EXCEPTION_CSV: CsvColumns<ReconciliationExceptionRow> = [
  ['exception_id', (e) => e.id],
  ['reason', (e) => e.reason],
  ['reference', (e) => e.reference],
  ['payee', (e) => e.payeeName],
  ['amount', (e) => money(e.amountCents)],
  ['trace_number', (e) => e.traceNumber],
  ['return_code', (e) => e.returnCode],
  ['since', (e) => e.since],
  ['age_business_days', (e) => e.ageBusinessDays],
  ['action', (e) => e.action],
  ['batch_id', (e) => e.batchId],
  ['resolution', (e) => e.resolution?.kind ?? null],
  ['resolution_note', (e) => e.resolution?.note ?? null],
];

/**
 * Every batch the filters match, as CSV. The filters are checked before the stream starts, so a bad one is a 400
 * rather than a broken download.
 */
export async function batchesCsv(
  db: Db,
  timeZone: string,
  q: ReconciliationBatchesFilters,
  pageSize = CSV_PAGE,
): Promise<Readable> {
  const bounds = boundsOf(timeZone, q);
  return csvStream(
    BATCH_CSV,
    keysetPages(pageSize, (after) => batchRows(db, bounds, q, { after, limit: pageSize })),
  );
}

/** Every return the filters match, as CSV; like batchesCsv. */
export async function returnsCsv(
  db: Db,
  timeZone: string,
  q: ReconciliationReturnsFilters,
  pageSize = CSV_PAGE,
): Promise<Readable> {
  const bounds = boundsOf(timeZone, q);
  return csvStream(
    RETURN_CSV,
    keysetPages(pageSize, (after) => returnRows(db, bounds, q, { after, limit: pageSize })),
  );
}

/** Every exception the filters match, as CSV, each aged on the day the export started; like batchesCsv. */
export async function exceptionsCsv(
  db: Db,
  timeZone: string,
  q: ReconciliationExceptionsFilters,
  now = new Date(),
  pageSize = CSV_PAGE,
): Promise<Readable> {
  const f = exceptionFilter(timeZone, now, q);
  return csvStream(
    EXCEPTION_CSV,
    keysetPages(pageSize, (after) => exceptionRows(db, f, q, { after, limit: pageSize })),
  );
}
