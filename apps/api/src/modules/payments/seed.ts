import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import { uuidv7 } from '../../platform/db/ids.ts';
import * as requests from '../applications/service.ts';
import * as repo from './repo.ts';

/**
 * Demo payments: the approvals demo seed writes requests straight into their final states without going through
 * the decision service, so the payments a final approval creates are missing. Here each approved request with a
 * payee account gets its pending payment and each paid one a settled payment, so finance has work on first start.
 * Idempotent: only requests with no payment at all are touched.
 */
export async function seedPaymentsDemo(db: Kysely<Database>): Promise<{ paymentsCreated: number }> {
  const rows = await requests.finalRequestsWithoutPayment(db);
  if (rows.length === 0) return { paymentsCreated: 0 };
  await db.transaction().execute(async (trx) => {
    for (const r of rows) {
      const at = new Date(r.decided_at ?? r.updated_at);
      await repo.insertDemoPayment(trx, {
        id: uuidv7(at.getTime()),
        request_id: r.id,
        payee_account_id: r.payee_account_id!,
        amount_cents: r.approved_amount_cents!,
        status: r.status === 'paid' ? 'settled' : 'pending',
        settled_at: r.status === 'paid' ? at : null,
        created_at: at,
        updated_at: at,
      });
    }
  });
  return { paymentsCreated: rows.length };
}
