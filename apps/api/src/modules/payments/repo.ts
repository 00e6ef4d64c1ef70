import { sql, type Insertable, type Transaction } from 'kysely';
import type { ImportedOrigin } from '@hms/contracts/imported';
import type { PaymentItem, PaymentsQuery } from '@hms/contracts/payments';
import type { Database, Queryable } from '../../platform/db/schema.ts';
import { uuidv7 } from '../../platform/db/ids.ts';
import { deleteRowsOfRequests } from '../../platform/db/rows-of-requests.ts';

/** Payments with what every finance screen shows: request, program, payee (last 4 only). */
export function paymentRows(db: Queryable) {
  return db
    .selectFrom('payments as p')
    .innerJoin('requests as r', 'r.id', 'p.request_id')
    .innerJoin('programs as pr', 'pr.id', 'r.program_id')
    .innerJoin('payee_accounts as pa', 'pa.id', 'p.payee_account_id')
    .select([
      'p.id',
      'p.request_id',
      'p.amount_cents',
      'p.status',
      'p.batch_id',
      'p.trace_number',
      'p.effective_date',
      'p.prenote_ready_on',
      'p.return_code',
      'p.return_reason_en',
      'p.return_reason_es',
      'p.replaces_payment_id',
      'p.created_at',
      'p.payee_account_id',
      'r.reference',
      'r.program_id',
      'r.applicant_id',
      'pr.name_en',
      'pr.name_es',
      'pr.slug as program_slug',
      'pr.sec_code',
      'pr.requires_prenote',
      'pr.practice',
      'pa.holder_name',
      'pa.account_last4',
      'pa.account_type',
      'pa.routing_number',
      // A new account needs a prenote when its program asks for one and no prenote or live entry for it went out.
      sql<boolean>`pr.requires_prenote and not exists (
        select 1 from ach_entries e join ach_batches b on b.id = e.batch_id
        where e.payee_account_id = p.payee_account_id and b.status in ('built', 'released', 'settled')
      )`.as('needs_prenote'),
    ]);
}

export type PaymentRow = Awaited<
  ReturnType<ReturnType<typeof paymentRows>['executeTakeFirstOrThrow']>
>;

/** A payment as the lists show it; `origins` (imports' requestOrigins) marks those of imported requests. */
export function toPaymentItem(
  r: PaymentRow,
  origins?: ReadonlyMap<string, ImportedOrigin>,
): PaymentItem {
  return {
    id: r.id,
    requestId: r.request_id,
    reference: r.reference,
    programId: r.program_id,
    programName: { en: r.name_en, es: r.name_es },
    payeeName: r.holder_name,
    accountLast4: r.account_last4,
    accountType: r.account_type,
    amountCents: r.amount_cents,
    status: r.status,
    needsPrenote: r.status === 'pending' && r.needs_prenote,
    prenoteReadyOn: r.prenote_ready_on,
    batchId: r.batch_id,
    traceNumber: r.trace_number,
    effectiveDate: r.effective_date,
    returnCode: r.return_code,
    returnReason:
      r.return_reason_en === null
        ? null
        : { en: r.return_reason_en, es: r.return_reason_es ?? r.return_reason_en },
    replacesPaymentId: r.replaces_payment_id,
    createdAt: new Date(r.created_at).toISOString(),
    practice: r.practice,
    imported: origins?.get(r.request_id) ?? null,
  };
}

export function paymentsByIds(db: Queryable, ids: readonly string[]) {
  return paymentRows(db).where('p.id', 'in', ids).execute();
}

/** The payments of a batch with their entry kind (prenote or payment) and trace number, in trace order. */
export function paymentEntriesOfBatch(db: Queryable, batchId: string) {
  return paymentRows(db)
    .innerJoin('ach_entries as e', 'e.payment_id', 'p.id')
    .select(['e.kind', 'e.trace_number as entry_trace'])
    .where('e.batch_id', '=', batchId)
    .orderBy('e.trace_number')
    .execute();
}

/** The live (not prenote) payments of a batch still in `released`: what settling the batch moves to settled. */
export function releasedPaymentsOfBatch(db: Queryable, batchId: string) {
  return paymentRows(db)
    .innerJoin('ach_entries as e', 'e.payment_id', 'p.id')
    .where('e.batch_id', '=', batchId)
    .where('e.kind', '=', 'payment')
    .where('p.status', '=', 'released')
    .execute();
}

/**
 * One page of the payments list (ordered by id, after `after`) with the count and sum of everything the filters
 * match. Dates are days in the agency's zone `tz`, compared on the local day of created_at.
 */
export async function paymentPage(
  db: Queryable,
  q: Pick<PaymentsQuery, 'status' | 'programId' | 'createdFrom' | 'createdTo'> & { limit: number },
  tz: string,
  after: string | null,
) {
  let base = paymentRows(db);
  if (q.status) base = base.where('p.status', '=', q.status);
  if (q.programId) base = base.where('r.program_id', '=', q.programId);
  const localDay = sql<string>`to_char(timezone(${tz}, p.created_at), 'YYYY-MM-DD')`;
  if (q.createdFrom) base = base.where(localDay, '>=', q.createdFrom);
  if (q.createdTo) base = base.where(localDay, '<=', q.createdTo);
  // The count and sum are figures finance reports: practice payments (training data) are listed, marked, but never
  // counted in them.
  const totals = await base
    .where('pr.practice', '=', false)
    .clearSelect()
    .select((eb) => [
      eb.fn.countAll<number>().as('n'),
      eb.fn.coalesce(eb.fn.sum<number>('p.amount_cents'), eb.val(0)).as('cents'),
    ])
    .executeTakeFirstOrThrow();
  let page = base.orderBy('p.id').limit(q.limit + 1);
  if (after) page = page.where('p.id', '>', after);
  return { rows: await page.execute(), count: Number(totals.n), cents: Number(totals.cents) };
}

/**
 * prenote_sent → pending once the prenote's batch went out and the configured business days have passed
 * (DOMAIN: "prenote_sent ──N business days──▶ pending"). Run lazily before listing or batching, and by the worker.
 */
export async function promoteMaturedPrenotes(db: Queryable, today: string): Promise<number> {
  const res = await db
    .updateTable('payments')
    .set({ status: 'pending', batch_id: null, trace_number: null, updated_at: new Date() })
    .where('status', '=', 'prenote_sent')
    .where('prenote_ready_on', '<=', today)
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('ach_entries as e')
          .innerJoin('ach_batches as b', 'b.id', 'e.batch_id')
          .select('e.id')
          .whereRef('e.payment_id', '=', 'payments.id')
          .where('e.kind', '=', 'prenote')
          .where('b.status', 'in', ['released', 'settled']),
      ),
    )
    .executeTakeFirst();
  return Number(res.numUpdatedRows);
}

type Trx = Transaction<Database>;

/**
 * Creates the request's payment unless a live one exists (the partial unique index payments_one_live_per_request
 * makes a second impossible even if this code were wrong); returns the live payment's id either way.
 */
export async function createPaymentOnce(
  trx: Trx,
  requestId: string,
  payeeAccountId: string,
  amountCents: number,
  at?: Date,
) {
  const id = uuidv7();
  const when = at ?? new Date();
  const { rows } = await sql<{ id: string }>`
    insert into payments (id, request_id, payee_account_id, amount_cents, status, created_at, updated_at)
    values (${id}::uuid, ${requestId}::uuid, ${payeeAccountId}::uuid, ${amountCents}, 'pending', ${when}, ${when})
    on conflict (request_id) where status not in ('returned', 'cancelled') do nothing
    returning id
  `.execute(trx);
  if (rows[0]) return { id: rows[0].id, created: true };
  const live = await trx
    .selectFrom('payments')
    .select('id')
    .where('request_id', '=', requestId)
    .where('status', 'not in', ['returned', 'cancelled'])
    .executeTakeFirstOrThrow();
  return { id: live.id, created: false };
}

/** The payment that replaces a returned one, to the citizen's new account. */
export async function insertReplacement(
  trx: Trx,
  p: { requestId: string; payeeAccountId: string; amountCents: number; replacesId: string },
): Promise<string> {
  const id = uuidv7();
  await trx
    .insertInto('payments')
    .values({
      id,
      request_id: p.requestId,
      payee_account_id: p.payeeAccountId,
      amount_cents: p.amountCents,
      status: 'pending',
      replaces_payment_id: p.replacesId,
      updated_at: new Date(),
    })
    .execute();
  return id;
}

/** Row locks: a concurrent approval, cancel, build or return waits for the holder's transaction. */
export async function lockPayments(trx: Trx, ids: readonly string[]) {
  return trx
    .selectFrom('payments')
    .select(['id', 'status', 'amount_cents'])
    .where('id', 'in', ids)
    .forUpdate()
    .execute();
}

/** When the in-flight prenote of each account is ready (payments other than `excludeIds` still in prenote_sent). */
export async function prenotesInFlight(
  trx: Trx,
  accountIds: readonly string[],
  excludeIds: readonly string[],
): Promise<Map<string, string | null>> {
  if (accountIds.length === 0) return new Map();
  const rows = await trx
    .selectFrom('payments')
    .select(['payee_account_id', 'prenote_ready_on'])
    .where('status', '=', 'prenote_sent')
    .where('payee_account_id', 'in', accountIds)
    .where('id', 'not in', excludeIds)
    .execute();
  return new Map(rows.map((w) => [w.payee_account_id, w.prenote_ready_on]));
}

/** A payment put in a built batch: live entries become batched, prenotes wait until `prenoteReadyOn`. */
export async function markInBatch(
  trx: Trx,
  e: {
    paymentId: string;
    batchId: string;
    kind: 'payment' | 'prenote';
    traceNumber: string;
    effectiveDate: string;
    prenoteReadyOn: string;
    at: Date;
  },
) {
  const inBatch = { batch_id: e.batchId, trace_number: e.traceNumber, updated_at: e.at };
  await trx
    .updateTable('payments')
    .set(
      e.kind === 'payment'
        ? { ...inBatch, status: 'batched', effective_date: e.effectiveDate }
        : { ...inBatch, status: 'prenote_sent', prenote_ready_on: e.prenoteReadyOn },
    )
    .where('id', '=', e.paymentId)
    .execute();
}

export async function markReleased(trx: Trx, ids: readonly string[], now: Date) {
  if (ids.length === 0) return;
  await trx
    .updateTable('payments')
    .set({ status: 'released', released_at: now, updated_at: now })
    .where('id', 'in', ids)
    .execute();
}

/** The payments of a cancelled batch that are still in it go back to pending, as if never batched. */
export async function unbatch(trx: Trx, ids: readonly string[]) {
  if (ids.length === 0) return;
  await trx
    .updateTable('payments')
    .set({
      status: 'pending',
      batch_id: null,
      trace_number: null,
      effective_date: null,
      prenote_ready_on: null,
      updated_at: new Date(),
    })
    .where('id', 'in', ids)
    .where('status', 'in', ['batched', 'prenote_sent'])
    .execute();
}

export async function markSettled(trx: Trx, id: string, now: Date) {
  await trx
    .updateTable('payments')
    .set({ status: 'settled', settled_at: now, updated_at: now })
    .where('id', '=', id)
    .execute();
}

export async function markReturned(
  trx: Trx,
  id: string,
  r: { code: string; reason: { en: string; es: string }; accountFixable: boolean; at: Date },
) {
  await trx
    .updateTable('payments')
    .set({
      status: 'returned',
      return_code: r.code,
      return_reason_en: r.reason.en,
      return_reason_es: r.reason.es,
      account_fixable: r.accountFixable,
      returned_at: r.at,
      updated_at: r.at,
    })
    .where('id', '=', id)
    .execute();
}

/** The request's most recently returned payment: what a new account after a return replaces. */
export async function latestReturned(db: Queryable, requestId: string) {
  return db
    .selectFrom('payments')
    .select(['id', 'amount_cents', 'account_fixable', 'payee_account_id'])
    .where('request_id', '=', requestId)
    .where('status', '=', 'returned')
    .orderBy('returned_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** The request's latest payment (live or not), as its reviewer sees it. */
export async function latestPaymentOfRequest(db: Queryable, requestId: string) {
  return db
    .selectFrom('payments')
    .select(['id', 'amount_cents', 'status'])
    .where('request_id', '=', requestId)
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** Demo data only: a payment as given, unless the request already has a live one. */
export async function insertDemoPayment(trx: Trx, row: Insertable<Database['payments']>) {
  await trx
    .insertInto('payments')
    .values(row)
    .onConflict((oc) =>
      oc
        .expression(sql`request_id`)
        .where('status', 'not in', ['returned', 'cancelled'])
        .doNothing(),
    )
    .execute();
}

/** Practice space: the payments of these (practice) requests go when the practice data is cleared. */
export function deleteOfRequests(trx: Trx, requestIds: readonly string[]): Promise<number> {
  return deleteRowsOfRequests(trx, 'payments', requestIds);
}

// ── Imports (issue 12): the payment of a request brought in from an agency's old system.

/** Each request's live payment (not returned or cancelled): what an imported row may still change. */
export async function livePaymentsOf(db: Queryable, requestIds: readonly string[]) {
  if (requestIds.length === 0) return [];
  return db
    .selectFrom('payments')
    .select(['id', 'request_id', 'status', 'amount_cents'])
    .where('request_id', 'in', requestIds)
    .where('status', 'not in', ['returned', 'cancelled'])
    .execute();
}

export async function insertPayments(
  trx: Trx,
  rows: ReadonlyArray<Insertable<Database['payments']>>,
) {
  if (rows.length === 0) return;
  await trx.insertInto('payments').values(rows).execute();
}

export async function updatePendingPayment(
  trx: Trx,
  id: string,
  set: {
    payee_account_id: string;
    amount_cents: number;
    status: 'pending' | 'settled' | 'cancelled';
    settled_at: Date | null;
    updated_at: Date;
  },
) {
  await trx
    .updateTable('payments')
    .set(set)
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .execute();
}

/**
 * Whether a payee account is proven by an earlier entry (decision rules, issue 14): `sent` while a prenote to it waits
 * its days, `proven` once a prenote's wait ended or a live payment to it went out, `none` before either.
 */
export async function accountPrenoteState(
  db: Queryable,
  payeeAccountId: string,
): Promise<'none' | 'sent' | 'proven'> {
  const row = await db
    .selectFrom('payments')
    .select([
      sql<boolean>`bool_or(status = 'prenote_sent')`.as('sent'),
      sql<boolean>`bool_or(status in ('released', 'settled') or (prenote_ready_on is not null and status <> 'prenote_sent'))`.as(
        'proven',
      ),
    ])
    .where('payee_account_id', '=', payeeAccountId)
    .executeTakeFirst();
  return row?.sent ? 'sent' : row?.proven ? 'proven' : 'none';
}

/** How many payments to an applicant's requests the bank returned (decision rules' history of the applicant). */
export async function returnedPaymentsOfApplicant(
  db: Queryable,
  applicantId: string,
): Promise<number> {
  const row = await db
    .selectFrom('payments as p')
    .innerJoin('requests as r', 'r.id', 'p.request_id')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('r.applicant_id', '=', applicantId)
    .where('p.status', '=', 'returned')
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}
