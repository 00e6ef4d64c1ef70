import type { Kysely } from 'kysely';
import type { FastifyBaseLogger } from 'fastify';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import type { Config } from '../../platform/config.ts';
import { uuidv7 } from '../../platform/db/ids.ts';
import type { Database } from '../../platform/db/schema.ts';
import { open } from '../../platform/keyring.ts';
import { startPeriodic, type PeriodicTask } from '../../platform/periodic.ts';
import * as requests from '../applications/service.ts';
import * as repo from './repo.ts';
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
    const events = await repo.claimUnfannedEvents(trx, limit);
    if (events.length === 0) return 0;
    const endpoints = await repo.enabledEndpoints(trx);
    let created = 0;
    for (const e of events) {
      await repo.markFannedOut(trx, e.id);
      const type = webhookTypeOf(e.type);
      if (!type) continue;
      // Practice requests (training data) are HMS's own: nothing about them reaches the agency's systems.
      const requestId = (e.payload as { requestId?: unknown }).requestId;
      if (typeof requestId === 'string' && (await requests.isPracticeRequest(trx, requestId)))
        continue;
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
        const inserted = await repo.insertDeliveryOnce(trx, {
          id,
          endpointId: ep.id,
          eventId: e.id,
          eventType: type,
          body,
        });
        if (!inserted) continue;
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
  await repo.insertJob(db, {
    kind: WEBHOOK_JOB,
    payload: { deliveryId },
    runAt,
    maxAttempts: MAX_ATTEMPTS,
  });
}

type Claimed = repo.ClaimedJob & { payload: { deliveryId: string } };

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
  const d = await repo.deliveryToSend(db, job.payload.deliveryId);
  if (!d || !d.enabled) {
    await repo.updateJob(db, job.id, {
      status: 'done',
      last_error: d ? 'endpoint disabled' : 'delivery gone',
    });
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
  const next = new Date(now.getTime() + backoffSeconds(job.attempts) * 1000);
  const outcome = !error
    ? {
        job: { status: 'done' as const },
        delivery: { status: 'delivered' as const, delivered_at: now },
      }
    : job.attempts >= job.max_attempts
      ? {
          job: { status: 'dead' as const },
          delivery: { status: 'dead' as const, next_attempt_at: null },
        }
      : {
          job: { status: 'queued' as const, run_at: next },
          delivery: { status: 'failed' as const, next_attempt_at: next },
        };
  await db.transaction().execute(async (trx) => {
    await repo.insertAttempt(trx, {
      deliveryId: d.id,
      statusCode: status,
      error,
      durationMs: Date.now() - started,
    });
    await repo.updateJob(trx, job.id, {
      ...outcome.job,
      ...(error ? { last_error: error } : {}),
      locked_until: null,
    });
    await repo.recordDeliveryOutcome(trx, d.id, {
      next_attempt_at: null,
      ...outcome.delivery,
      last_status_code: status,
      last_error: error,
    });
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
  const jobs = (await repo.claimJobs(db, WEBHOOK_JOB, 20)) as Claimed[];
  for (const job of jobs) await deliver(db, config, job, send, resolve);
  return jobs.length;
}

/** The background loop started by main.ts; stop() waits for the pass in flight. */
export function startWebhookWorker(
  db: Kysely<Database>,
  config: Config,
  log: FastifyBaseLogger,
  intervalMs = 2000,
): PeriodicTask {
  return startPeriodic({
    name: 'webhook worker',
    log,
    intervalMs,
    firstRunMs: intervalMs,
    pass: async () => void (await runWebhookPass(db, config)),
  });
}
