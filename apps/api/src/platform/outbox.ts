import type { Transaction } from 'kysely';
import type { Database } from './db/schema.ts';
import { uuidv7 } from './db/ids.ts';

/**
 * An integration event (batch.released, payment.returned, payment.settled, payment.created) written in the caller's
 * transaction; the webhook worker fans it out to the subscribed endpoints after commit. A request's step passes its
 * own id, so the event and the step share it.
 */
export async function emitEvent(
  trx: Transaction<Database>,
  type: string,
  aggregate: { type: string; id: string },
  payload: Record<string, unknown>,
  id: string = uuidv7(),
  /** When the change happened, when that is not now (the demo seed's replayed history). */
  at?: Date,
): Promise<string> {
  await trx
    .insertInto('outbox_events')
    .values({
      id,
      type,
      aggregate_type: aggregate.type,
      aggregate_id: aggregate.id,
      payload: JSON.stringify(payload),
      ...(at ? { created_at: at } : {}),
    })
    .execute();
  return id;
}
