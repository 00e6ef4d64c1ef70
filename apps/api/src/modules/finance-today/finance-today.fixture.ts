import type { Kysely } from 'kysely';
import type { PaymentStatus } from '@hms/contracts/payments';
import type { Config } from '../../platform/config.ts';
import type { BatchStatus, Database } from '../../platform/db/schema.ts';
import { uuidv7 } from '../../platform/db/ids.ts';
import { insertReturnFile } from '../../testing/ach-rows.ts';
import { insertAchTrail, insertFinanceRow, type Row } from '../finance/finance.fixture.ts';

type Db = Kysely<Database>;

/** A request with its payee account and payment, every field the Today figures read set by the test (the finance fixture's row). */
export async function insertPayment(
  db: Db,
  config: Config,
  p: {
    ref: string;
    program: string;
    applicant: string;
    status: PaymentStatus;
    cents: number;
    createdAt: string;
    replaces?: string;
    prenoteReadyOn?: string;
    /** A returned payment left in a batch built and released by these two: its ACH entry and the bank's return. */
    achTrail?: { builtBy: string; releasedBy: string };
  },
) {
  const row: Row = {
    ref: p.ref,
    program: p.program,
    status: p.status === 'returned' ? 'payment_returned' : 'approved',
    requested: p.cents,
    approved: p.cents,
    submittedAt: p.createdAt,
    decidedAt: p.createdAt,
    payment: {
      status: p.status,
      createdAt: p.createdAt,
      ...(p.status === 'returned' ? { releasedAt: p.createdAt, returnedAt: p.createdAt } : {}),
      ...(p.replaces ? { replaces: p.replaces } : {}),
      ...(p.prenoteReadyOn ? { prenoteReadyOn: p.prenoteReadyOn } : {}),
    },
  };
  const ids = await insertFinanceRow(db, config, p.applicant, row);
  if (p.achTrail) await insertAchTrail(db, config, p.achTrail, row, ids);
  return {
    requestId: ids.requestId,
    accountId: ids.accountId,
    paymentId: ids.paymentId!,
    program: p.program,
  };
}

export type InsertedPayment = Awaited<ReturnType<typeof insertPayment>>;

let trace = 0;

/** A batch (the file itself is not read by these figures) with one entry per payment given. */
export async function insertBatch(
  db: Db,
  b: { status: BatchStatus; builtBy: string; payments: Array<InsertedPayment & { cents: number }> },
) {
  const id = uuidv7();
  await db
    .insertInto('ach_batches')
    .values({
      id,
      status: b.status,
      file_date: '2019-05-06',
      file_id_modifier: String.fromCharCode(65 + (trace % 26)),
      effective_date: '2019-05-07',
      same_day: false,
      entry_count: b.payments.length,
      prenote_count: 0,
      total_cents: b.payments.reduce((t, p) => t + p.cents, 0),
      file_enc: 'not read by these tests',
      key_id: 'test',
      file_sha256: '0'.repeat(64),
      built_by: b.builtBy,
    })
    .execute();
  const entries: string[] = [];
  for (const p of b.payments) {
    const entryId = uuidv7();
    trace += 1;
    await db
      .insertInto('ach_entries')
      .values({
        id: entryId,
        batch_id: id,
        payment_id: p.paymentId,
        payee_account_id: p.accountId,
        program_id: p.program,
        kind: 'payment',
        transaction_code: 22,
        amount_cents: p.cents,
        trace_number: `01100001${String(trace).padStart(7, '0')}`,
      })
      .execute();
    entries.push(entryId);
  }
  return { id, entries };
}

/** A notification of change on `entryId` for `payment`'s account, in the state given. */
export async function insertNoc(
  db: Db,
  uploadedBy: string,
  n: {
    entryId: string;
    changeCode: string;
    payment: InsertedPayment;
    status: 'pending' | 'applied' | 'dismissed';
  },
) {
  const fileId = await insertReturnFile(db, { fileName: 'noc.ach', uploadedBy });
  await db
    .insertInto('ach_nocs')
    .values({
      id: uuidv7(),
      return_file_id: fileId,
      entry_id: n.entryId,
      payment_id: n.payment.paymentId,
      payee_account_id: n.payment.accountId,
      change_code: n.changeCode,
      corrected_enc: 'sealed elsewhere',
      key_id: 'test',
      corrected_summary: JSON.stringify({ accountLast4: '9999' }),
      status: n.status,
    })
    .execute();
}
