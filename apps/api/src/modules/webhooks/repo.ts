import { sql, type Insertable, type Transaction, type Updateable } from 'kysely';
import type { Database, Queryable } from '../../platform/db/schema.ts';
import { uuidv7 } from '../../platform/db/ids.ts';
import { keysetPage } from '../../platform/pagination.ts';

const ENDPOINT_COLUMNS = [
  'id',
  'url',
  'description',
  'event_types',
  'enabled',
  'created_at',
] as const;

export function listEndpoints(db: Queryable) {
  return db
    .selectFrom('webhook_endpoints')
    .select(ENDPOINT_COLUMNS)
    .orderBy('created_at', 'desc')
    .execute();
}

export function insertEndpoint(db: Queryable, values: Insertable<Database['webhook_endpoints']>) {
  return db
    .insertInto('webhook_endpoints')
    .values(values)
    .returning(ENDPOINT_COLUMNS)
    .executeTakeFirstOrThrow();
}

export function disableEndpoint(db: Queryable, id: string) {
  return db
    .updateTable('webhook_endpoints')
    .set({ enabled: false })
    .where('id', '=', id)
    .returning(ENDPOINT_COLUMNS)
    .executeTakeFirst();
}

/** One keyset page of deliveries with their endpoint URL, newest first, optionally of one status. */
export function deliveriesPage(
  db: Queryable,
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

export function lockDelivery(db: Queryable, id: string) {
  return db
    .selectFrom('webhook_deliveries')
    .select(['id', 'status'])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

/** The queued or running delivery job for this delivery, if any. */
export function queuedDeliveryJob(db: Queryable, deliveryId: string) {
  return db
    .selectFrom('jobs')
    .select('id')
    .where('kind', '=', 'webhook.deliver')
    .where('status', 'in', ['queued', 'running'])
    .where((eb) => eb(eb.ref('payload', '->>').key('deliveryId' as never), '=', deliveryId))
    .executeTakeFirst();
}

export async function markDeliveryPending(db: Queryable, id: string) {
  await db
    .updateTable('webhook_deliveries')
    .set({ status: 'pending', next_attempt_at: new Date() })
    .where('id', '=', id)
    .execute();
}

/**
 * Outbox events not fanned out yet, oldest first, claimed FOR UPDATE SKIP LOCKED so several API instances fan out
 * in parallel without doubles.
 */
export function claimUnfannedEvents(trx: Transaction<Database>, limit: number) {
  return trx
    .selectFrom('outbox_events as e')
    .select(['e.id', 'e.type', 'e.payload', 'e.created_at'])
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('webhook_fanout as f')
            .select('f.event_id')
            .whereRef('f.event_id', '=', 'e.id'),
        ),
      ),
    )
    .orderBy('e.id')
    .limit(limit)
    .forUpdate()
    .skipLocked()
    .execute();
}

export function enabledEndpoints(db: Queryable) {
  return db
    .selectFrom('webhook_endpoints')
    .select(['id', 'event_types', 'created_at'])
    .where('enabled', '=', true)
    .execute();
}

export async function markFannedOut(db: Queryable, eventId: string): Promise<void> {
  await db
    .insertInto('webhook_fanout')
    .values({ event_id: eventId })
    .onConflict((oc) => oc.column('event_id').doNothing())
    .execute();
}

/** A pending delivery of the event to the endpoint; false when that pair already has one. */
export async function insertDeliveryOnce(
  db: Queryable,
  d: { id: string; endpointId: string; eventId: string; eventType: string; body: string },
): Promise<boolean> {
  const ins = await db
    .insertInto('webhook_deliveries')
    .values({
      id: d.id,
      endpoint_id: d.endpointId,
      event_id: d.eventId,
      event_type: d.eventType,
      body: d.body,
      status: 'pending',
      next_attempt_at: new Date(),
    })
    .onConflict((oc) => oc.columns(['endpoint_id', 'event_id']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return ins !== undefined;
}

export async function insertJob(
  db: Queryable,
  job: { kind: string; payload: Record<string, unknown>; runAt: Date; maxAttempts: number },
): Promise<void> {
  await db
    .insertInto('jobs')
    .values({
      id: uuidv7(),
      kind: job.kind,
      payload: JSON.stringify(job.payload),
      run_at: job.runAt,
      max_attempts: job.maxAttempts,
    })
    .execute();
}

export interface ClaimedJob {
  id: string;
  payload: Record<string, unknown>;
  attempts: number;
  max_attempts: number;
}

/** Claims due jobs (FOR UPDATE SKIP LOCKED) and leases them; a crashed worker's lease expires and the job is retried. */
export async function claimJobs(db: Queryable, kind: string, limit: number): Promise<ClaimedJob[]> {
  const r = await sql<ClaimedJob>`
    update jobs set status = 'running', attempts = attempts + 1, locked_until = now() + interval '60 seconds'
     where id in (
       select id from jobs
        where kind = ${kind}
          and ((status = 'queued' and run_at <= now()) or (status = 'running' and locked_until < now()))
        order by run_at
        limit ${limit}
        for update skip locked)
    returning id, payload, attempts, max_attempts`.execute(db);
  return r.rows.map((row) => ({
    ...row,
    payload: typeof row.payload === 'string' ? JSON.parse(row.payload) : row.payload,
  }));
}

export async function updateJob(
  db: Queryable,
  id: string,
  set: Pick<Updateable<Database['jobs']>, 'status' | 'run_at' | 'last_error' | 'locked_until'>,
): Promise<void> {
  await db.updateTable('jobs').set(set).where('id', '=', id).execute();
}

/** What one attempt needs: the delivery, its endpoint's address and sealed secret. */
export function deliveryToSend(db: Queryable, id: string) {
  return db
    .selectFrom('webhook_deliveries as d')
    .innerJoin('webhook_endpoints as ep', 'ep.id', 'd.endpoint_id')
    .select(['d.id', 'd.event_id', 'd.body', 'ep.url', 'ep.secret_enc', 'ep.enabled'])
    .where('d.id', '=', id)
    .executeTakeFirst();
}

export async function insertAttempt(
  db: Queryable,
  a: { deliveryId: string; statusCode: number | null; error: string | null; durationMs: number },
): Promise<void> {
  await db
    .insertInto('webhook_attempts')
    .values({
      id: uuidv7(),
      delivery_id: a.deliveryId,
      status_code: a.statusCode,
      error: a.error,
      duration_ms: a.durationMs,
    })
    .execute();
}

/** The delivery after one more attempt: delivered, dead, or failed and waiting for its next attempt. */
export async function recordDeliveryOutcome(
  db: Queryable,
  id: string,
  set: Pick<
    Updateable<Database['webhook_deliveries']>,
    'status' | 'delivered_at' | 'last_status_code' | 'last_error' | 'next_attempt_at'
  >,
): Promise<void> {
  await db
    .updateTable('webhook_deliveries')
    .set({ ...set, attempts: sql<number>`attempts + 1` })
    .where('id', '=', id)
    .execute();
}
