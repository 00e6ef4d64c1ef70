import { sql, type Kysely, type Transaction } from 'kysely';
import type { PaymentItem } from '@hms/contracts/payments';
import type { Database } from '../../platform/db/schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** Payments with what every finance screen shows: request, program, payee (last 4 only). */
export function paymentRows(db: Db) {
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

export function toPaymentItem(r: PaymentRow): PaymentItem {
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
  };
}

/**
 * prenote_sent → pending once the prenote's batch went out and the configured business days have passed
 * (DOMAIN: "prenote_sent ──N business days──▶ pending"). Run lazily before listing or batching, and by the worker.
 */
export function paymentsByIds(db: Db, ids: readonly string[]) {
  return paymentRows(db).where('p.id', 'in', ids).execute();
}

/** The payments of a batch with their entry kind (prenote or payment) and trace number, in trace order. */
export function paymentEntriesOfBatch(db: Db, batchId: string) {
  return paymentRows(db)
    .innerJoin('ach_entries as e', 'e.payment_id', 'p.id')
    .select(['e.kind', 'e.trace_number as entry_trace'])
    .where('e.batch_id', '=', batchId)
    .orderBy('e.trace_number')
    .execute();
}

/** The live (not prenote) payments of a batch still in `released`: what settling the batch moves to settled. */
export function releasedPaymentsOfBatch(db: Db, batchId: string) {
  return paymentRows(db)
    .innerJoin('ach_entries as e', 'e.payment_id', 'p.id')
    .where('e.batch_id', '=', batchId)
    .where('e.kind', '=', 'payment')
    .where('p.status', '=', 'released')
    .execute();
}

export async function promoteMaturedPrenotes(db: Db, today: string): Promise<number> {
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
