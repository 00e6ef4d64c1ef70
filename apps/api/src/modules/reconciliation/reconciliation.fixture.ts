import type { Kysely } from 'kysely';
import type { PaymentStatus } from '@hms/contracts/payments';
import type { RequestStatus } from '@hms/contracts/requests';
import type { Config } from '../../platform/config.ts';
import type { BatchStatus, Database } from '../../platform/db/schema.ts';
import { uuidv7 } from '../../platform/db/ids.ts';
import { insertPaymentRow, insertRequestWithAccount } from '../../testing/request-rows.ts';
import { insertReturnFile } from '../../testing/ach-rows.ts';
import { seal } from '../../platform/keyring.ts';

/**
 * Hand-made batches, entries, returns and notices of change for the reconciliation tests, every date set by the test
 * (the services would stamp today). Written straight into the owners' tables: a test fixture may reach further.
 */
export interface FixtureEntry {
  ref: string;
  amount: number;
  /** The payment's status now. */
  status: PaymentStatus;
  requestStatus?: RequestStatus;
  trace: string;
  holder?: string;
  prenote?: boolean;
  returned?: { code: string; at: string; fixable: boolean; reissued?: boolean };
  noc?: { code: string; at: string };
}

export interface FixtureBatch {
  status: BatchStatus;
  fileDate: string;
  effectiveDate: string;
  releasedAt: string | null;
  /** What the file header carried; by default the sums of the entries. */
  entryCount?: number;
  totalCents?: number;
  entries: FixtureEntry[];
}

export interface Inserted {
  batchId: string;
  payments: Map<string, string>;
  nocs: Map<string, string>;
}

export async function insertBatch(
  db: Kysely<Database>,
  config: Config,
  who: { applicant: string; builder: string; releaser: string; programId: string },
  b: FixtureBatch,
): Promise<Inserted> {
  const batchId = uuidv7();
  const sealed = seal(config, 'file');
  const live = b.entries.filter((e) => !e.prenote);
  const prenotes = b.entries.length - live.length;
  await db
    .insertInto('ach_batches')
    .values({
      id: batchId,
      status: b.status,
      file_date: b.fileDate,
      file_id_modifier: 'Q',
      effective_date: b.effectiveDate,
      same_day: false,
      entry_count: b.entryCount ?? b.entries.length,
      prenote_count: prenotes,
      total_cents: b.totalCents ?? live.reduce((t, e) => t + e.amount, 0),
      file_enc: sealed.enc,
      key_id: sealed.keyId,
      file_sha256: '0'.repeat(64),
      built_by: who.builder,
      built_at: b.releasedAt ?? `${b.fileDate}T12:00:00Z`,
      released_by: b.releasedAt ? who.releaser : null,
      released_at: b.releasedAt,
      settled_at: b.status === 'settled' ? b.releasedAt : null,
    })
    .execute();
  let fileId: string | null = null;
  const payments = new Map<string, string>();
  const nocs = new Map<string, string>();
  for (const e of b.entries) {
    const paymentId = uuidv7();
    const entryId = uuidv7();
    const { requestId, accountId } = await insertRequestWithAccount(
      db,
      config,
      {
        reference: e.ref,
        program_id: who.programId,
        applicant_id: who.applicant,
        status: e.requestStatus ?? 'approved',
        amount_requested_cents: e.amount,
        approved_amount_cents: e.amount,
        submitted_at: `${b.fileDate}T10:00:00Z`,
        decided_at: `${b.fileDate}T11:00:00Z`,
      },
      e.holder,
    );
    await insertPaymentRow(db, {
      id: paymentId,
      request_id: requestId,
      payee_account_id: accountId,
      amount_cents: e.amount,
      status: e.status,
      batch_id: batchId,
      created_at: `${b.fileDate}T11:00:00Z`,
      released_at: b.releasedAt,
      trace_number: e.trace,
      effective_date: b.effectiveDate,
      return_code: e.returned?.code ?? null,
      account_fixable: e.returned?.fixable ?? null,
      returned_at: e.returned?.at ?? null,
    });
    payments.set(e.ref, paymentId);
    await db
      .insertInto('ach_entries')
      .values({
        id: entryId,
        batch_id: batchId,
        payment_id: paymentId,
        payee_account_id: accountId,
        program_id: who.programId,
        kind: e.prenote ? 'prenote' : 'payment',
        transaction_code: e.prenote ? 23 : 22,
        amount_cents: e.prenote ? 0 : e.amount,
        trace_number: e.trace,
      })
      .execute();
    if ((e.returned || e.noc) && fileId === null)
      fileId = await insertReturnFile(db, {
        fileName: `returns-${b.fileDate}.ach`,
        uploadedBy: who.builder,
      });
    if (e.returned) {
      await db
        .insertInto('ach_returns')
        .values({
          id: uuidv7(),
          return_file_id: fileId!,
          entry_id: entryId,
          payment_id: paymentId,
          return_code: e.returned.code,
          amount_cents: e.prenote ? 0 : e.amount,
          original_trace_number: e.trace,
          created_at: e.returned.at,
        })
        .execute();
      if (e.returned.reissued) {
        // The citizen gave a new account: a new pending payment linked to the returned one.
        await db
          .insertInto('payments')
          .values({
            id: uuidv7(),
            request_id: requestId,
            payee_account_id: accountId,
            amount_cents: e.amount,
            status: 'pending',
            replaces_payment_id: paymentId,
            created_at: e.returned.at,
            updated_at: new Date(),
          })
          .execute();
      }
    }
    if (e.noc) {
      const nocId = uuidv7();
      const corrected = seal(config, JSON.stringify({ accountNumber: '99999999' }));
      await db
        .insertInto('ach_nocs')
        .values({
          id: nocId,
          return_file_id: fileId!,
          entry_id: entryId,
          payment_id: paymentId,
          payee_account_id: accountId,
          change_code: e.noc.code,
          corrected_enc: corrected.enc,
          key_id: corrected.keyId,
          corrected_summary: JSON.stringify({
            routingNumber: null,
            accountLast4: '9999',
            accountType: null,
            holderName: null,
          }),
          created_at: e.noc.at,
        })
        .execute();
      nocs.set(e.ref, nocId);
    }
  }
  return { batchId, payments, nocs };
}
