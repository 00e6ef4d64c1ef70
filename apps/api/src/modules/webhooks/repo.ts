import type { Insertable, Kysely, Transaction } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import { keysetPage } from '../../platform/pagination.ts';

type Db = Kysely<Database> | Transaction<Database>;

const ENDPOINT_COLUMNS = [
  'id',
  'url',
  'description',
  'event_types',
  'enabled',
  'created_at',
] as const;

export function listEndpoints(db: Db) {
  return db
    .selectFrom('webhook_endpoints')
    .select(ENDPOINT_COLUMNS)
    .orderBy('created_at', 'desc')
    .execute();
}

export function insertEndpoint(db: Db, values: Insertable<Database['webhook_endpoints']>) {
  return db
    .insertInto('webhook_endpoints')
    .values(values)
    .returning(ENDPOINT_COLUMNS)
    .executeTakeFirstOrThrow();
}

export function disableEndpoint(db: Db, id: string) {
  return db
    .updateTable('webhook_endpoints')
    .set({ enabled: false })
    .where('id', '=', id)
    .returning(ENDPOINT_COLUMNS)
    .executeTakeFirst();
}

/** One keyset page of deliveries with their endpoint URL, newest first, optionally of one status. */
export function deliveriesPage(
  db: Db,
  q: {
    status?: 'pending' | 'delivered' | 'failed' | 'dead' | undefined;
    cursor?: string | undefined;
    limit: number;
  },
) {
  let query = db
    .selectFrom('webhook_deliveries as d')
    .innerJoin('webhook_endpoints as ep', 'ep.id', 'd.endpoint_id')
    .select([
      'd.id',
      'd.endpoint_id',
      'ep.url',
      'd.event_id',
      'd.event_type',
      'd.status',
      'd.attempts',
      'd.last_status_code',
      'd.last_error',
      'd.next_attempt_at',
      'd.delivered_at',
      'd.created_at',
    ]);
  if (q.status) query = query.where('d.status', '=', q.status);
  // Newest first by id (UUIDv7, so creation order), one keyset page at a time.
  return keysetPage(query, 'd.id', q);
}

export function lockDelivery(db: Db, id: string) {
  return db
    .selectFrom('webhook_deliveries')
    .select(['id', 'status'])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

/** The queued or running delivery job for this delivery, if any. */
export function queuedDeliveryJob(db: Db, deliveryId: string) {
  return db
    .selectFrom('jobs')
    .select('id')
    .where('kind', '=', 'webhook.deliver')
    .where('status', 'in', ['queued', 'running'])
    .where((eb) => eb(eb.ref('payload', '->>').key('deliveryId' as never), '=', deliveryId))
    .executeTakeFirst();
}

export async function markDeliveryPending(db: Db, id: string) {
  await db
    .updateTable('webhook_deliveries')
    .set({ status: 'pending', next_attempt_at: new Date() })
    .where('id', '=', id)
    .execute();
}
