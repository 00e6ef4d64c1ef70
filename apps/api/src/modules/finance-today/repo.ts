import { sql } from 'kysely';
import type { Queryable } from '../../platform/db/schema.ts';

/**
 * The finance Today page's read model (issue 13): the work waiting now, read from payments, the bank's notifications
 * of change and the webhook deliveries. It writes nothing; practice programs (training data) never count.
 */

interface PaymentFigureRow {
  waiting_count: string | number;
  waiting_cents: string | number;
  waiting_oldest: Date | string | null;
  prenote_count: string | number;
  prenote_cents: string | number;
  changed_count: string | number;
  changed_cents: string | number;
}

/**
 * One pass over the payments that are not done: pending (waiting to be batched), prenote_sent (held for the prenote),
 * pending to an account with a notification of change not yet decided (held: the account changed), and returned
 * with no payment replacing it yet (a return to work).
 */
export async function paymentFigures(db: Queryable) {
  const { rows } = await sql<PaymentFigureRow>`
    with live as (
      select p.id, p.status, p.amount_cents, p.created_at,
        (p.status = 'pending' and exists (
          select 1 from ach_nocs n where n.payee_account_id = p.payee_account_id and n.status = 'pending'
        )) as account_changed
      from payments p
      join requests rq on rq.id = p.request_id
      join programs pr on pr.id = rq.program_id
      where pr.practice = false and p.status in ('pending', 'prenote_sent')
    )
    select
      count(*) filter (where status = 'pending') as waiting_count,
      coalesce(sum(amount_cents) filter (where status = 'pending'), 0) as waiting_cents,
      min(created_at) filter (where status = 'pending') as waiting_oldest,
      count(*) filter (where status = 'prenote_sent') as prenote_count,
      coalesce(sum(amount_cents) filter (where status = 'prenote_sent'), 0) as prenote_cents,
      count(*) filter (where account_changed) as changed_count,
      coalesce(sum(amount_cents) filter (where account_changed), 0) as changed_cents
    from live
  `.execute(db);
  const r = rows[0]!;
  return {
    waiting: {
      count: Number(r.waiting_count),
      cents: Number(r.waiting_cents),
      oldest: r.waiting_oldest === null ? null : new Date(r.waiting_oldest),
    },
    prenoteInFlight: { count: Number(r.prenote_count), cents: Number(r.prenote_cents) },
    accountChanged: { count: Number(r.changed_count), cents: Number(r.changed_cents) },
  };
}

/** Notifications of change waiting for a supervisor's decision, on payments outside practice programs. */
export async function pendingNocCount(db: Queryable): Promise<number> {
  const { rows } = await sql<{ n: string | number }>`
    select count(*) as n
    from ach_nocs n
    join payments p on p.id = n.payment_id
    join requests rq on rq.id = p.request_id
    join programs pr on pr.id = rq.program_id
    where n.status = 'pending' and pr.practice = false
  `.execute(db);
  return Number(rows[0]!.n);
}

/** Webhook deliveries being retried (failed) and given up on (dead). */
export async function failingDeliveries(db: Queryable) {
  const { rows } = await sql<{ failed: string | number; dead: string | number }>`
    select count(*) filter (where status = 'failed') as failed,
           count(*) filter (where status = 'dead') as dead
    from webhook_deliveries
    where status in ('failed', 'dead')
  `.execute(db);
  return { failed: Number(rows[0]!.failed), dead: Number(rows[0]!.dead) };
}
