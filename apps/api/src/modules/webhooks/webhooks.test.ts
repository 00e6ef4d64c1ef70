import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../testing/test-app.ts';
import { insertApprovedPayment } from '../payments/fixtures.ts';
import { backoffSeconds, MAX_ATTEMPTS, runWebhookPass } from './worker.ts';

/**
 * A receiver that verifies Standard Webhooks signatures on its own (spec: HMAC-SHA256 keyed with the base64-decoded
 * secret after "whsec_", over "msg_id.timestamp.body", header "v1,<base64>", possibly several space-separated).
 */
function verify(
  secret: string,
  headers: Record<string, string | string[] | undefined>,
  body: string,
): boolean {
  const id = String(headers['webhook-id']);
  const ts = String(headers['webhook-timestamp']);
  if (Math.abs(Date.now() / 1000 - Number(ts)) > 300) return false;
  const expected = createHmac('sha256', Buffer.from(secret.slice('whsec_'.length), 'base64'))
    .update(`${id}.${ts}.${body}`)
    .digest();
  return String(headers['webhook-signature'])
    .split(' ')
    .some((sig) => {
      const [v, b64] = sig.split(',');
      const got = Buffer.from(b64 ?? '', 'base64');
      return v === 'v1' && got.length === expected.length && timingSafeEqual(got, expected);
    });
}

const t = useTestApp({ HMS_WEBHOOK_ALLOWED_HOSTS: '127.0.0.1' });
let server: Server;
let url: string;
let respondWith = 200;
const received: Array<{ headers: Record<string, string | string[] | undefined>; body: string }> =
  [];

beforeAll(async () => {
  // The test receiver listens on 127.0.0.1: allowed only through the operator's development setting.
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      res.statusCode = respondWith;
      res.end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
});
afterAll(() => {
  server?.close();
});

describe('outbound webhooks', () => {
  it('are signed so an independent Standard Webhooks verifier accepts them; retried with backoff; redelivered with the same id and body', async () => {
    const admin = await t.signIn('admin');
    const created = await admin.post('/api/webhooks/endpoints', {
      url,
      eventTypes: ['batch.released', 'payment.settled'],
    });
    expect(created.statusCode).toBe(201);
    const { secret } = JSON.parse(created.body);
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);

    const citizenId = t.citizenId;
    const programId = t.programId('home-energy-rebate');
    const p = await insertApprovedPayment(t.db.kysely, t.config, {
      applicantId: citizenId,
      programId,
      amountCents: 42_00,
    });
    const fin = await t.signIn('finance');
    const batch = JSON.parse((await fin.post('/api/batches', { paymentIds: [p.paymentId] })).body);
    const sup = await t.signIn('supervisor');
    await sup.post(`/api/batches/${batch.id}/release`);

    respondWith = 500;
    await runWebhookPass(t.db.kysely, t.config);
    expect(received).toHaveLength(1);
    let deliveries = JSON.parse((await fin.get('/api/webhooks/deliveries')).body).items;
    expect(deliveries).toEqual([
      expect.objectContaining({
        eventType: 'batch.released',
        status: 'failed',
        attempts: 1,
        lastStatusCode: 500,
      }),
    ]);
    expect(new Date(deliveries[0].nextAttemptAt).getTime()).toBeGreaterThan(Date.now());

    // Not due yet: a second pass sends nothing. Make it due and it succeeds.
    await runWebhookPass(t.db.kysely, t.config);
    expect(received).toHaveLength(1);
    await t.db.kysely
      .updateTable('jobs')
      .set({ run_at: new Date(Date.now() - 1000) })
      .where('kind', '=', 'webhook.deliver')
      .execute();
    respondWith = 204;
    await runWebhookPass(t.db.kysely, t.config);
    expect(received).toHaveLength(2);
    const [first, second] = received;
    for (const r of received) expect(verify(secret, r.headers, r.body)).toBe(true);
    expect(
      verify(secret.replace(/.$/, secret.endsWith('A') ? 'B' : 'A'), first!.headers, first!.body),
    ).toBe(false);
    expect(verify(secret, first!.headers, first!.body.replace('42', '43'))).toBe(false);
    expect(second!.headers['webhook-id']).toBe(first!.headers['webhook-id']);
    expect(second!.body).toBe(first!.body);
    const payload = JSON.parse(first!.body);
    expect(payload).toMatchObject({
      type: 'batch.released',
      data: {
        batchId: batch.id,
        totalCents: 42_00,
        payments: [expect.objectContaining({ paymentId: p.paymentId })],
      },
    });
    deliveries = JSON.parse((await fin.get('/api/webhooks/deliveries')).body).items;
    expect(deliveries[0]).toMatchObject({ status: 'delivered', attempts: 2 });

    // Redeliver: same webhook-id, same body, fresh signature.
    const re = await fin.post(`/api/webhooks/deliveries/${deliveries[0].id}/redeliver`);
    expect(re.statusCode).toBe(200);
    expect(
      (await fin.post(`/api/webhooks/deliveries/${deliveries[0].id}/redeliver`)).statusCode,
    ).toBe(409);
    await runWebhookPass(t.db.kysely, t.config);
    expect(received).toHaveLength(3);
    expect(received[2]!.headers['webhook-id']).toBe(first!.headers['webhook-id']);
    expect(received[2]!.body).toBe(first!.body);
    expect(verify(secret, received[2]!.headers, received[2]!.body)).toBe(true);
    // Event types the endpoint did not subscribe to are not delivered (payment.created was emitted? not subscribed).
    expect(received.every((r) => JSON.parse(r.body).type === 'batch.released')).toBe(true);
  });

  it('dead-letters a delivery after the last attempt', async () => {
    respondWith = 503;
    const fin = await t.signIn('finance');
    const before = received.length;
    const b = JSON.parse((await fin.get('/api/batches')).body).items[0];
    await fin.post(`/api/batches/${b.id}/settle`, {});
    for (let i = 0; i < MAX_ATTEMPTS; i++) {
      await t.db.kysely
        .updateTable('jobs')
        .set({ run_at: new Date(Date.now() - 1000) })
        .where('status', '=', 'queued')
        .execute();
      await runWebhookPass(t.db.kysely, t.config);
    }
    expect(received.length - before).toBe(MAX_ATTEMPTS);
    const d = JSON.parse((await fin.get('/api/webhooks/deliveries?status=dead')).body).items;
    expect(d).toEqual([
      expect.objectContaining({
        eventType: 'payment.settled',
        status: 'dead',
        attempts: MAX_ATTEMPTS,
      }),
    ]);
  });

  it('backs off exponentially with a cap', () => {
    expect(backoffSeconds(1, 0.5)).toBe(10);
    expect(backoffSeconds(2, 0.5)).toBe(20);
    expect(backoffSeconds(5, 0.5)).toBe(160);
    expect(backoffSeconds(30, 0.5)).toBe(6 * 3600);
  });
});
