import type { Kysely } from 'kysely';
import type { CreateWebhookEndpointBody } from '@hms/contracts/integration';
import { auditUserChange } from '../../platform/audit.ts';
import type { Config } from '../../platform/config.ts';
import { uuidv7 } from '../../platform/db/ids.ts';
import type { Database } from '../../platform/db/schema.ts';
import { badRequest, conflict, notFound } from '../../platform/errors.ts';
import { seal } from '../../platform/keyring.ts';
import { newWebhookSecret } from './signing.ts';
import * as repo from './repo.ts';
import { enqueueDelivery } from './worker.ts';
import { UnsafeWebhookUrl, vetWebhookUrl, type Resolver } from './address-guard.ts';
import { iso } from '../../platform/response-fields.ts';

function toEndpoint(r: {
  id: string;
  url: string;
  description: string;
  event_types: string[];
  enabled: boolean;
  created_at: Date;
}) {
  return {
    id: r.id,
    url: r.url,
    description: r.description,
    eventTypes: r.event_types,
    enabled: r.enabled,
    createdAt: iso(r.created_at),
  };
}

export async function listEndpoints(db: Kysely<Database>) {
  const rows = await repo.listEndpoints(db);
  return { items: rows.map(toEndpoint) };
}

export async function createEndpoint(
  db: Kysely<Database>,
  config: Config,
  userId: string,
  body: CreateWebhookEndpointBody,
  ip: string | null,
  resolve?: Resolver,
) {
  try {
    await vetWebhookUrl(body.url, config.webhookAllowedHosts, resolve);
  } catch (err) {
    if (!(err instanceof UnsafeWebhookUrl)) throw err;
    throw badRequest('webhook.url_refused', err.message, [
      { field: 'body.url', message: err.message },
    ]);
  }
  const secret = newWebhookSecret();
  const sealed = seal(config, secret);
  const id = uuidv7();
  return db.transaction().execute(async (trx) => {
    const row = await repo.insertEndpoint(trx, {
      id,
      url: body.url,
      description: body.description ?? '',
      event_types: [...new Set(body.eventTypes)],
      secret_enc: sealed.enc,
      key_id: sealed.keyId,
      created_by: userId,
    });
    await auditUserChange(
      trx,
      { id: userId, ip },
      'webhook_endpoint.created',
      'webhook_endpoint',
      id,
      { url: body.url, eventTypes: body.eventTypes },
    );
    return { ...toEndpoint(row), secret };
  });
}

export async function disableEndpoint(
  db: Kysely<Database>,
  userId: string,
  id: string,
  ip: string | null,
) {
  return db.transaction().execute(async (trx) => {
    const row = await repo.disableEndpoint(trx, id);
    if (!row) throw notFound('webhook.endpoint_not_found', `No webhook endpoint with id ${id}.`);
    await auditUserChange(
      trx,
      { id: userId, ip },
      'webhook_endpoint.disabled',
      'webhook_endpoint',
      id,
    );
    return toEndpoint(row);
  });
}

export async function listDeliveries(
  db: Kysely<Database>,
  q: {
    status?: 'pending' | 'delivered' | 'failed' | 'dead' | undefined;
    cursor?: string | undefined;
    limit: number;
  },
) {
  const { rows, ...links } = await repo.deliveriesPage(db, q);
  return {
    ...links,
    items: rows.map((r) => ({
      id: r.id,
      endpointId: r.endpoint_id,
      endpointUrl: r.url,
      eventId: r.event_id,
      eventType: r.event_type,
      status: r.status,
      attempts: r.attempts,
      lastStatusCode: r.last_status_code,
      lastError: r.last_error,
      nextAttemptAt: iso(r.next_attempt_at),
      deliveredAt: iso(r.delivered_at),
      createdAt: iso(r.created_at),
    })),
  };
}

/** Sends the same delivery again: same webhook-id (event id), same body, fresh timestamp and signature. */
export async function redeliver(
  db: Kysely<Database>,
  userId: string,
  id: string,
  ip: string | null,
) {
  await db.transaction().execute(async (trx) => {
    const d = await repo.lockDelivery(trx, id);
    if (!d) throw notFound('webhook.delivery_not_found', `No webhook delivery with id ${id}.`);
    const queued = await repo.queuedDeliveryJob(trx, id);
    if (queued)
      throw conflict(
        'webhook.delivery_queued',
        'This delivery is already queued; wait for the attempt in progress.',
      );
    await repo.markDeliveryPending(trx, id);
    await enqueueDelivery(trx, id, new Date());
    await auditUserChange(
      trx,
      { id: userId, ip },
      'webhook_delivery.redelivered',
      'webhook_delivery',
      id,
    );
  });
  return (await listDeliveries(db, { limit: 200 })).items.find((x) => x.id === id)!;
}
