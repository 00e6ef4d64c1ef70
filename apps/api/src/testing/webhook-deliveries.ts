import type { Kysely } from 'kysely';
import type { Database } from '../platform/db/schema.ts';
import { uuidv7 } from '../platform/db/ids.ts';

export type DeliveryStatus = 'pending' | 'delivered' | 'failed' | 'dead';

/**
 * One webhook endpoint of the FINANCIAL system with a delivery (and its outbox event) in each status given, in that
 * order: what a test of the exchange log or of the finance figures that count deliveries starts from. Returns the
 * deliveries' ids in the order given.
 */
export async function insertDeliveries(
  db: Kysely<Database>,
  createdBy: string,
  statuses: ReadonlyArray<DeliveryStatus>,
): Promise<string[]> {
  const endpointId = uuidv7();
  await db
    .insertInto('webhook_endpoints')
    .values({
      id: endpointId,
      url: 'https://financial.example.gov/hooks',
      event_types: ['payment.created'],
      secret_enc: 'sealed elsewhere',
      key_id: 'test',
      created_by: createdBy,
    })
    .execute();
  const ids: string[] = [];
  for (const status of statuses) {
    const eventId = uuidv7();
    await db
      .insertInto('outbox_events')
      .values({
        id: eventId,
        type: 'payment.created',
        aggregate_type: 'payment',
        aggregate_id: uuidv7(),
        payload: JSON.stringify({}),
      })
      .execute();
    const id = uuidv7();
    await db
      .insertInto('webhook_deliveries')
      .values({
        id,
        endpoint_id: endpointId,
        event_id: eventId,
        event_type: 'payment.created',
        body: '{}',
        status,
      })
      .execute();
    ids.push(id);
  }
  return ids;
}
