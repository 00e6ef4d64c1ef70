import { sql, type Kysely } from 'kysely';
import type { FastifyBaseLogger } from 'fastify';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import type { Config } from '../../platform/config.ts';
import { uuidv7 } from '../../platform/db/ids.ts';
import type { Database } from '../../platform/db/schema.ts';
import { open } from '../../platform/keyring.ts';
import { signWebhook, webhookTypeOf } from './signing.ts';
import {
  systemResolver,
  UnsafeWebhookUrl,
  vetWebhookUrl,
  type Resolver,
  type VettedTarget,
} from './address-guard.ts';

export const WEBHOOK_JOB = 'webhook.deliver';
export const MAX_ATTEMPTS = 8;
const BASE_DELAY_S = 10;
const MAX_DELAY_S = 6 * 3600;
const TIMEOUT_MS = 10_000;

/** 10 s, 20 s, 40 s … capped at 6 h; a little jitter so retries of many deliveries do not arrive together. */
export function backoffSeconds(attempt: number, jitter = Math.random()): number {
  const d = Math.min(MAX_DELAY_S, BASE_DELAY_S * 2 ** Math.max(0, attempt - 1));
  return Math.round(d * (0.9 + 0.2 * jitter));
}

/**
 * Turns new outbox events into one delivery (and one job) per subscribed endpoint. Events are claimed with
 * FOR UPDATE SKIP LOCKED, so several API instances fan out in parallel without doubles; the unique
 * (endpoint_id, event_id) pair makes a repeated fan-out harmless.
 */
export async function fanOut(db: Kysely<Database>, limit = 200): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const events = await trx
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
    if (events.length === 0) return 0;
    const endpoints = await trx
      .selectFrom('webhook_endpoints')
      .select(['id', 'event_types', 'created_at'])
      .where('enabled', '=', true)
      .execute();
    let created = 0;
    for (const e of events) {
      await trx
        .insertInto('webhook_fanout')
        .values({ event_id: e.id })
        .onConflict((oc) => oc.column('event_id').doNothing())
        .execute();
      const type = webhookTypeOf(e.type);
      if (!type) continue;
      const body = JSON.stringify({
        type,
        timestamp: new Date(e.created_at).toISOString(),
        data: { eventId: e.id, ...e.payload },
      });
      for (const ep of endpoints) {
        if (!ep.event_types.includes(type)) continue;
        // Endpoints hear about events from their creation on, not the whole history.
        if (new Date(ep.created_at) > new Date(e.created_at)) continue;
        const id = uuidv7();
        const ins = await trx
          .insertInto('webhook_deliveries')
          .values({
            id,
            endpoint_id: ep.id,
            event_id: e.id,
            event_type: type,
            body,
            status: 'pending',
            next_attempt_at: new Date(),
          })
          .onConflict((oc) => oc.columns(['endpoint_id', 'event_id']).doNothing())
          .returning('id')
          .executeTakeFirst();
        if (!ins) continue;
        await enqueueDelivery(trx, id, new Date());
        created += 1;
      }
    }
    return created;
  });
}

export async function enqueueDelivery(
  db: Kysely<Database>,
  deliveryId: string,
  runAt: Date,
): Promise<void> {
  await db
    .insertInto('jobs')
    .values({
      id: uuidv7(),
      kind: WEBHOOK_JOB,
      payload: JSON.stringify({ deliveryId }),
      run_at: runAt,
      max_attempts: MAX_ATTEMPTS,
    })
    .execute();
}

interface Claimed {
  id: string;
  payload: { deliveryId: string };
  attempts: number;
  max_attempts: number;
}

/** Claims due jobs (FOR UPDATE SKIP LOCKED) and leases them; a crashed worker's lease expires and the job is retried. */
async function claim(db: Kysely<Database>, limit: number): Promise<Claimed[]> {
  const r = await sql<Claimed>`
    update jobs set status = 'running', attempts = attempts + 1, locked_until = now() + interval '60 seconds'
     where id in (
       select id from jobs
        where kind = ${WEBHOOK_JOB}
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

export type Sender = (
  target: VettedTarget,
  init: { headers: Record<string, string>; body: string; signal: AbortSignal },
) => Promise<{ status: number }>;

/**
 * POSTs to the vetted address itself: the request's `lookup` answers with the address the guard checked instead of
 * asking DNS again, so a second, different answer (DNS rebinding) is never used. The URL's host still names the
 * server (Host header, TLS SNI and certificate check). Redirects are not followed (node:http never does): a 3xx is
 * recorded as a failed attempt.
 */
export const defaultSender: Sender = (target, init) =>
  new Promise((resolve, reject) => {
    const { url, address, family } = target;
    const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const req = request(
      url,
      {
        method: 'POST',
        headers: { ...init.headers, 'content-length': String(Buffer.byteLength(init.body)) },
        signal: init.signal,
        lookup: ((_host: string, opts: { all?: boolean }, cb: (...args: unknown[]) => void) => {
          if (opts?.all) cb(null, [{ address, family }]);
          else cb(null, address, family);
        }) as unknown as LookupFunction,
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode ?? 0 }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(init.body);
  });

async function deliver(
  db: Kysely<Database>,
  config: Config,
  job: Claimed,
  send: Sender,
  resolve: Resolver,
): Promise<void> {
  const d = await db
    .selectFrom('webhook_deliveries as d')
    .innerJoin('webhook_endpoints as ep', 'ep.id', 'd.endpoint_id')
    .select(['d.id', 'd.event_id', 'd.body', 'ep.url', 'ep.secret_enc', 'ep.enabled'])
    .where('d.id', '=', job.payload.deliveryId)
    .executeTakeFirst();
  if (!d || !d.enabled) {
    await db
      .updateTable('jobs')
      .set({ status: 'done', last_error: d ? 'endpoint disabled' : 'delivery gone' })
      .where('id', '=', job.id)
      .execute();
    return;
  }
  const ts = Math.floor(Date.now() / 1000);
  const headers = {
    'content-type': 'application/json',
    'user-agent': 'HMS-Webhooks/1',
    'webhook-id': d.event_id,
    'webhook-timestamp': String(ts),
    'webhook-signature': signWebhook(open(config, d.secret_enc), d.event_id, ts, d.body),
  };
  const started = Date.now();
  let status: number | null = null;
  let error: string | null = null;
  try {
    // Checked again at every attempt: the host may resolve elsewhere now than at registration.
    const target = await vetWebhookUrl(d.url, config.webhookAllowedHosts, resolve);
    const res = await send(target, {
      headers,
      body: d.body,
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    status = res.status;
    if (status < 200 || status >= 300) error = `HTTP ${status}`;
  } catch (err) {
    error =
      err instanceof UnsafeWebhookUrl
        ? `Not sent: ${err.message}`
        : err instanceof Error
          ? err.message
          : String(err);
  }
  const now = new Date();
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('webhook_attempts')
      .values({
        id: uuidv7(),
        delivery_id: d.id,
        status_code: status,
        error,
        duration_ms: Date.now() - started,
      })
      .execute();
    if (!error) {
      await trx
        .updateTable('jobs')
        .set({ status: 'done', locked_until: null })
        .where('id', '=', job.id)
        .execute();
      await trx
        .updateTable('webhook_deliveries')
        .set({
          status: 'delivered',
          delivered_at: now,
          last_status_code: status,
          last_error: null,
          next_attempt_at: null,
          attempts: sql<number>`attempts + 1`,
        })
        .where('id', '=', d.id)
        .execute();
    } else if (job.attempts >= job.max_attempts) {
      await trx
        .updateTable('jobs')
        .set({ status: 'dead', last_error: error, locked_until: null })
        .where('id', '=', job.id)
        .execute();
      await trx
        .updateTable('webhook_deliveries')
        .set({
          status: 'dead',
          last_status_code: status,
          last_error: error,
          next_attempt_at: null,
          attempts: sql<number>`attempts + 1`,
        })
        .where('id', '=', d.id)
        .execute();
    } else {
      const next = new Date(now.getTime() + backoffSeconds(job.attempts) * 1000);
      await trx
        .updateTable('jobs')
        .set({ status: 'queued', run_at: next, last_error: error, locked_until: null })
        .where('id', '=', job.id)
        .execute();
      await trx
        .updateTable('webhook_deliveries')
        .set({
          status: 'failed',
          last_status_code: status,
          last_error: error,
          next_attempt_at: next,
          attempts: sql<number>`attempts + 1`,
        })
        .where('id', '=', d.id)
        .execute();
    }
  });
}

/** One pass: fan out new events, then deliver what is due. Returns how many deliveries were attempted. */
export async function runWebhookPass(
  db: Kysely<Database>,
  config: Config,
  send: Sender = defaultSender,
  resolve: Resolver = systemResolver,
): Promise<number> {
  await fanOut(db);
  const jobs = await claim(db, 20);
  for (const job of jobs) await deliver(db, config, job, send, resolve);
  return jobs.length;
}

/** The background loop started by main.ts; stop() waits for the pass in flight. */
export function startWebhookWorker(
  db: Kysely<Database>,
  config: Config,
  log: FastifyBaseLogger,
  intervalMs = 2000,
) {
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> = Promise.resolve();
  const tick = () => {
    running = runWebhookPass(db, config)
      .then(() => undefined)
      .catch((err: unknown) => log.error({ err }, 'webhook worker pass failed'))
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, intervalMs);
      });
  };
  timer = setTimeout(tick, intervalMs);
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
