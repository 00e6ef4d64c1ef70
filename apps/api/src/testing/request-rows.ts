import type { Insertable, Kysely } from 'kysely';
import type { Config } from '../platform/config.ts';
import type { Database, Queryable } from '../platform/db/schema.ts';
import { uuidv7 } from '../platform/db/ids.ts';
import { insertPayeeAccount } from './payee-account.ts';

type RequestRow = Insertable<Database['requests']>;
type PaymentRow = Insertable<Database['payments']>;

/**
 * A request written straight into requests, for a fixture that sets its status and dates itself instead of walking
 * the citizen's and the approvers' steps. What every such row shares is filled in (a new id, program version 1, no
 * answers, changed now); the rest is the test's.
 */
type RequestRowInput = Omit<RequestRow, 'id' | 'program_version' | 'answers' | 'updated_at'> &
  Partial<Pick<RequestRow, 'id' | 'program_version' | 'answers' | 'updated_at'>>;

export async function insertRequestRow(db: Queryable, row: RequestRowInput): Promise<string> {
  const id = row.id ?? uuidv7();
  await db
    .insertInto('requests')
    .values({ program_version: 1, answers: '{}', updated_at: new Date(), ...row, id })
    .execute();
  return id;
}

/**
 * A request row (as insertRequestRow) paid to a bank account of its own, held by `holderName` (by default
 * "Payee <reference>"): what the finance and reconciliation fixtures put under each payment they write.
 */
export async function insertRequestWithAccount(
  db: Kysely<Database>,
  config: Config,
  row: Omit<RequestRowInput, 'payee_account_id'>,
  holderName = `Payee ${row.reference}`,
): Promise<{ requestId: string; accountId: string }> {
  const accountId = await insertPayeeAccount(db, config, {
    userId: row.applicant_id,
    holderName,
    accountNumber: '12345678',
  });
  const requestId = await insertRequestRow(db, { ...row, payee_account_id: accountId });
  return { requestId, accountId };
}

/** A payment written straight into payments, beside a request row of the same fixture (a new id, changed now). */
export async function insertPaymentRow(
  db: Queryable,
  row: Omit<PaymentRow, 'id' | 'updated_at'> & Partial<Pick<PaymentRow, 'id' | 'updated_at'>>,
): Promise<string> {
  const id = row.id ?? uuidv7();
  await db
    .insertInto('payments')
    .values({ updated_at: new Date(), ...row, id })
    .execute();
  return id;
}
