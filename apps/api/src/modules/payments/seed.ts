import { sql, type Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import { uuidv7 } from '../../platform/db/ids.ts';

/**
 * Demo payments: the approvals demo seed writes requests straight into their final states without going through
 * the decision service, so the payments a final approval creates are missing. Here each approved request with a
 * payee account gets its pending payment and each paid one a settled payment, so finance has work on first start.
 * Idempotent: only requests with no payment at all are touched.
 */
export async function seedPaymentsDemo(db: Kysely<Database>): Promise<{ paymentsCreated: number }> {
  const rows = await db
    .selectFrom('requests as r')
    .select([
      'r.id',
      'r.status',
      'r.payee_account_id',
      'r.approved_amount_cents',
      'r.decided_at',
      'r.updated_at',
    ])
    .where('r.status', 'in', ['approved', 'paid'])
    .where('r.payee_account_id', 'is not', null)
    .where('r.approved_amount_cents', '>', 0)
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('payments as p').select('p.id').whereRef('p.request_id', '=', 'r.id'))),
    )
    .execute();
  if (rows.length === 0) return { paymentsCreated: 0 };
  await db.transaction().execute(async (trx) => {
    for (const r of rows) {
      const at = new Date(r.decided_at ?? r.updated_at);
      await trx
        .insertInto('payments')
        .values({
          id: uuidv7(at.getTime()),
          request_id: r.id,
          payee_account_id: r.payee_account_id!,
          amount_cents: r.approved_amount_cents!,
          status: r.status === 'paid' ? 'settled' : 'pending',
          settled_at: r.status === 'paid' ? at : null,
          created_at: at,
          updated_at: at,
        })
        .onConflict((oc) =>
          oc
            .expression(sql`request_id`)
            .where('status', 'not in', ['returned', 'cancelled'])
            .doNothing(),
        )
        .execute();
    }
  });
  return { paymentsCreated: rows.length };
}
