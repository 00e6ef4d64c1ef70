import type { Kysely } from 'kysely';
import type { RequestStatus } from '@hms/contracts/requests';
import type { PaymentStatus } from '@hms/contracts/payments';
import type { Config } from '../../platform/config.ts';
import type { Database } from '../../platform/db/schema.ts';
import { uuidv7 } from '../../platform/db/ids.ts';
import { insertPaymentRow, insertRequestWithAccount } from '../../testing/request-rows.ts';
import { insertReturnFile } from '../../testing/ach-rows.ts';
import { seal } from '../../platform/keyring.ts';
import { expect } from 'vitest';
import type { Agent, TestHarness } from '../../testing/test-app.ts';
import { createPracticeCopy } from '../programs/service.ts';

/** A request (and its payment) as the finance figures read them, with every date set by the test. */
export interface Row {
  ref: string;
  program: string;
  status: RequestStatus;
  requested: number;
  approved?: number;
  submittedAt?: string;
  decidedAt?: string;
  dueAt?: string;
  payment?: {
    status: PaymentStatus;
    createdAt: string;
    releasedAt?: string;
    settledAt?: string;
    returnedAt?: string;
    trace?: string;
    returnCode?: string;
    /** The returned payment this one pays again. */
    replaces?: string;
    prenoteReadyOn?: string;
  };
  holder?: string;
}

/** The ids a row was written under. */
export interface Inserted {
  requestId: string;
  accountId: string;
  paymentId: string | null;
}

export async function insertFinanceRow(
  db: Kysely<Database>,
  config: Config,
  applicantId: string,
  row: Row,
): Promise<Inserted> {
  const { requestId, accountId } = await insertRequestWithAccount(
    db,
    config,
    {
      reference: row.ref,
      program_id: row.program,
      applicant_id: applicantId,
      status: row.status,
      amount_requested_cents: row.requested,
      approved_amount_cents: row.approved ?? null,
      submitted_at: row.submittedAt ?? null,
      decided_at: row.decidedAt ?? null,
      due_at: row.dueAt ?? null,
    },
    row.holder,
  );
  if (!row.payment) return { requestId, accountId, paymentId: null };
  const p = row.payment;
  const paymentId = await insertPaymentRow(db, {
    request_id: requestId,
    payee_account_id: accountId,
    amount_cents: row.approved ?? row.requested,
    status: p.status,
    created_at: p.createdAt,
    released_at: p.releasedAt ?? null,
    settled_at: p.settledAt ?? null,
    returned_at: p.returnedAt ?? null,
    trace_number: p.trace ?? null,
    return_code: p.returnCode ?? null,
    replaces_payment_id: p.replaces ?? null,
    prenote_ready_on: p.prenoteReadyOn ?? null,
  });
  return { requestId, accountId, paymentId };
}

/**
 * The ACH trail of a payment that left (released, settled or returned): a one-entry batch released on the day the
 * payment was, effective that day, settled when the payment was; and, for a returned payment, the bank's return
 * recorded when the payment was returned. It is what the general-ledger journal reads, so a test can check the
 * journal against the overview on the same rows.
 */
export async function insertAchTrail(
  db: Kysely<Database>,
  config: Config,
  staff: { builtBy: string; releasedBy: string },
  row: Row,
  ids: Inserted,
) {
  const p = row.payment;
  if (!p?.releasedAt || ids.paymentId === null) return;
  const cents = row.approved ?? row.requested;
  const batchId = uuidv7();
  const entryId = uuidv7();
  const trace = p.trace ?? `0110000${String(Date.parse(p.releasedAt) % 1e8).padStart(8, '0')}`;
  const file = seal(config, `fixture batch ${row.ref}`);
  const effective = p.releasedAt.slice(0, 10);
  // A file's id modifier is unique per file date: the next free letter or digit of that day.
  const { n } = await db
    .selectFrom('ach_batches')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('file_date', '=', effective)
    .executeTakeFirstOrThrow();
  await db
    .insertInto('ach_batches')
    .values({
      id: batchId,
      status: p.status === 'released' ? 'released' : 'settled',
      file_date: effective,
      file_id_modifier: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'[Number(n)]!,
      effective_date: effective,
      same_day: false,
      entry_count: 1,
      prenote_count: 0,
      total_cents: cents,
      file_enc: file.enc,
      key_id: file.keyId,
      file_sha256: '0'.repeat(64),
      built_by: staff.builtBy,
      built_at: p.releasedAt,
      released_by: staff.releasedBy,
      released_at: p.releasedAt,
      settled_at: p.settledAt ?? p.returnedAt ?? null,
    })
    .execute();
  await db
    .insertInto('ach_entries')
    .values({
      id: entryId,
      batch_id: batchId,
      payment_id: ids.paymentId,
      payee_account_id: ids.accountId,
      program_id: row.program,
      kind: 'payment',
      transaction_code: 22,
      amount_cents: cents,
      trace_number: trace,
      created_at: p.releasedAt,
    })
    .execute();
  if (p.status !== 'returned' || !p.returnedAt) return;
  const fileId = await insertReturnFile(db, {
    fileName: `returns-${row.ref}.ach`,
    uploadedBy: staff.builtBy,
    uploadedAt: p.returnedAt,
  });
  await db
    .insertInto('ach_returns')
    .values({
      id: uuidv7(),
      return_file_id: fileId,
      entry_id: entryId,
      payment_id: ids.paymentId,
      return_code: p.returnCode ?? 'R01',
      amount_cents: cents,
      original_trace_number: trace,
      created_at: p.returnedAt,
    })
    .execute();
}

/**
 * The programs the finance figures are tested over: two seeded ones, and a practice copy of the rebate whose rows no
 * figure may count.
 */
export async function financePrograms(
  t: TestHarness,
): Promise<{ rebate: string; refund: string; practice: string }> {
  const rebate = t.programId('home-energy-rebate');
  const practice = await t.db.kysely
    .transaction()
    .execute((trx) => createPracticeCopy(trx, rebate));
  if (!practice) throw new Error('no practice copy of the rebate');
  return { rebate, refund: t.programId('permit-fee-refund'), practice: practice.id };
}

/**
 * A money figure or list as the finance workspace reads it: 200, never cached by a browser or a proxy, and the body
 * as parsed JSON (the tests read it by path).
 */
export async function readFigures(
  agent: Agent,
  url: string,
): Promise<ReturnType<typeof JSON.parse>> {
  const res = await agent.get(url);
  expect(res.statusCode, res.body).toBe(200);
  expect(res.headers['cache-control']).toBe('no-store');
  return JSON.parse(res.body);
}
