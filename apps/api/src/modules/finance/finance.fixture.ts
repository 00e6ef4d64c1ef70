import type { Kysely } from 'kysely';
import type { RequestStatus } from '@hms/contracts/requests';
import type { PaymentStatus } from '@hms/contracts/payments';
import type { Config } from '../../platform/config.ts';
import type { Database } from '../../platform/db/schema.ts';
import { uuidv7 } from '../../platform/db/ids.ts';
import { seal } from '../../platform/keyring.ts';

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
  };
  holder?: string;
}

export async function insertFinanceRow(
  db: Kysely<Database>,
  config: Config,
  applicantId: string,
  row: Row,
) {
  const requestId = uuidv7();
  const accountId = uuidv7();
  const sealed = seal(config, '12345678');
  await db
    .insertInto('payee_accounts')
    .values({
      id: accountId,
      user_id: applicantId,
      holder_name: row.holder ?? `Payee ${row.ref}`,
      account_type: 'checking',
      routing_number: '011000015',
      account_number_enc: sealed.enc,
      account_last4: '5678',
      key_id: sealed.keyId,
    })
    .execute();
  await db
    .insertInto('requests')
    .values({
      id: requestId,
      reference: row.ref,
      program_id: row.program,
      program_version: 1,
      applicant_id: applicantId,
      status: row.status,
      answers: '{}',
      amount_requested_cents: row.requested,
      approved_amount_cents: row.approved ?? null,
      submitted_at: row.submittedAt ?? null,
      decided_at: row.decidedAt ?? null,
      due_at: row.dueAt ?? null,
      payee_account_id: accountId,
      updated_at: new Date(),
    })
    .execute();
  if (row.payment) {
    const p = row.payment;
    await db
      .insertInto('payments')
      .values({
        id: uuidv7(),
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
        updated_at: new Date(),
      })
      .execute();
  }
}
