import type { Kysely } from 'kysely';
import type { Config } from '../../platform/config.ts';
import { uuidv7 } from '../../platform/db/ids.ts';
import { insertPayeeAccount } from '../../testing/payee-account.ts';
import { insertPaymentRow, insertRequestRow } from '../../testing/request-rows.ts';
import type { Database } from '../../platform/db/schema.ts';

let seq = 0;

/**
 * An approved request with a sealed payee account and its pending payment, as the approvals module's final
 * approval leaves them. For tests and the demo seed of the payments side.
 */
export async function insertApprovedPayment(
  db: Kysely<Database>,
  config: Config,
  o: {
    applicantId: string;
    programId: string;
    amountCents: number;
    accountNumber?: string;
    routingNumber?: string;
    holderName?: string;
    accountType?: 'checking' | 'savings';
    reference?: string;
  },
): Promise<{ requestId: string; paymentId: string; payeeAccountId: string; reference: string }> {
  seq += 1;
  const requestId = uuidv7();
  const paymentId = uuidv7();
  const reference =
    o.reference ??
    `HMS-P${Date.now().toString(36).toUpperCase().slice(-5)}${String(seq).padStart(3, '0')}`;
  const accountNumber = o.accountNumber ?? `${100000 + seq}${String(seq).padStart(3, '0')}`;
  const now = new Date();
  const payeeAccountId = await db.transaction().execute(async (trx) => {
    const payeeAccountId = await insertPayeeAccount(trx, config, {
      userId: o.applicantId,
      holderName: o.holderName ?? 'Casey Citizen',
      accountNumber,
      routingNumber: o.routingNumber,
      accountType: o.accountType,
    });
    await insertRequestRow(trx, {
      id: requestId,
      reference,
      program_id: o.programId,
      applicant_id: o.applicantId,
      status: 'approved',
      amount_requested_cents: o.amountCents,
      approved_amount_cents: o.amountCents,
      submitted_at: now,
      decided_at: now,
      updated_at: now,
    });
    await insertPaymentRow(trx, {
      id: paymentId,
      request_id: requestId,
      payee_account_id: payeeAccountId,
      amount_cents: o.amountCents,
      status: 'pending',
      updated_at: now,
    });
    return payeeAccountId;
  });
  return { requestId, paymentId, payeeAccountId, reference };
}
