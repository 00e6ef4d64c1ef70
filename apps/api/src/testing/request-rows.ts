import type { Insertable } from 'kysely';
import type { Database, Queryable } from '../platform/db/schema.ts';
import { uuidv7 } from '../platform/db/ids.ts';

type RequestRow = Insertable<Database['requests']>;
type PaymentRow = Insertable<Database['payments']>;

/**
 * A request written straight into requests, for a fixture that sets its status and dates itself instead of walking
 * the citizen's and the approvers' steps. What every such row shares is filled in (a new id, program version 1, no
 * answers, changed now); the rest is the test's.
 */
export async function insertRequestRow(
  db: Queryable,
  row: Omit<RequestRow, 'id' | 'program_version' | 'answers' | 'updated_at'> &
    Partial<Pick<RequestRow, 'id' | 'program_version' | 'answers' | 'updated_at'>>,
): Promise<string> {
  const id = row.id ?? uuidv7();
  await db
    .insertInto('requests')
    .values({ program_version: 1, answers: '{}', updated_at: new Date(), ...row, id })
    .execute();
  return id;
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
