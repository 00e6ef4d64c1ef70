import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../testing/test-app.ts';
import { emitEvent } from '../../platform/outbox.ts';
import { forbiddenAddressReason, vetWebhookUrl, type Resolver } from './address-guard.ts';
import { createEndpoint } from './service.ts';
import { defaultSender, runWebhookPass, type Sender } from './worker.ts';

// Issue 9, item 15: webhook endpoints must not reach the server's own network (SSRF).

const t = useTestApp();
let server: Server;
let port: number;
const received: Array<{ host: string | undefined; url: string | undefined }> = [];
let redirect = false;

beforeAll(async () => {
  server = createServer((req, res) => {
    received.push({ host: req.headers.host, url: req.url });
    req.resume();
    req.on('end', () => {
      if (redirect) {
        res.statusCode = 302;
        res.setHeader('location', 'http://127.0.0.1:5432/');
      } else res.statusCode = 204;
      res.end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => {
  server?.close();
});

const fakeDns =
  (answers: Record<string, string[]>): Resolver =>
  async (host) =>
    (answers[host] ?? []).map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));

describe('webhook endpoint addresses', () => {
  it('refuses loopback, private, CGNAT, link-local, unique-local, unspecified, multicast, mapped and metadata addresses, in any notation', async () => {
    const admin = await t.signIn('admin');
    const refused = [
      'http://127.0.0.1:5432/',
      'http://localhost:8080/api/auth/sign-out', // through DNS (the hosts file): loopback
      'https://[::1]:8080/hooks',
      'https://2130706433/', // decimal 127.0.0.1
      'https://0x7f.0.0.1/', // hex
      'https://0177.0.0.1/', // octal
      'https://127.1/', // short form
      'https://169.254.169.254/latest/meta-data/',
      'https://10.0.0.5/',
      'https://172.16.3.4/',
      'https://192.168.1.1/',
      'https://100.64.0.1/',
      'https://100.100.100.200/', // Alibaba metadata (CGNAT)
      'https://0.0.0.0/',
      'https://224.0.0.1/',
      'https://[::]/',
      'https://[fe80::1]/',
      'https://[fd00:ec2::254]/', // AWS IPv6 metadata
      'https://[fc00::1]/',
      'https://[::ffff:127.0.0.1]/',
      'https://[::ffff:a9fe:a9fe]/', // 169.254.169.254, mapped
      'https://[64:ff9b::a00:1]/', // NAT64 of 10.0.0.1
    ];
    for (const url of refused) {
      const res = await admin.post('/api/webhooks/endpoints', {
        url,
        eventTypes: ['batch.released'],
      });
      expect(res.statusCode, url).toBe(400);
      const errors = JSON.parse(res.body).errors as Array<{ field: string; message: string }>;
      expect(errors[0]!.field, url).toBe('body.url');
    }
    const res = await admin.post('/api/webhooks/endpoints', {
      url: 'https://2130706433/',
      eventTypes: ['batch.released'],
    });
    expect(JSON.parse(res.body).errors[0].message).toMatch(
      /host 127\.0\.0\.1 is a private, loopback or reserved address.*HMS_WEBHOOK_ALLOWED_HOSTS/,
    );
    expect(await t.db.kysely.selectFrom('webhook_endpoints').select('id').execute()).toEqual([]);
  });

  it('accepts public addresses and checks every address a name resolves to', async () => {
    for (const ip of ['93.184.216.34', '2606:4700:4700::1111', '::ffff:8.8.8.8', '8.8.8.8'])
      expect(forbiddenAddressReason(ip), ip).toBeNull();
    const dns = fakeDns({
      'hooks.partner.example': ['93.184.216.34'],
      'mixed.partner.example': ['93.184.216.34', '10.1.2.3'],
    });
    await expect(vetWebhookUrl('https://hooks.partner.example/h', [], dns)).resolves.toMatchObject({
      address: '93.184.216.34',
    });
    await expect(vetWebhookUrl('https://mixed.partner.example/h', [], dns)).rejects.toThrow(
      /resolves to 10\.1\.2\.3/,
    );
    await expect(vetWebhookUrl('https://nowhere.partner.example/h', [], dns)).rejects.toThrow(
      /could not be found/,
    );
    // The operator's development list lets a named host through, and only that host.
    await expect(vetWebhookUrl('http://127.0.0.1:9/', ['127.0.0.1'], dns)).resolves.toBeTruthy();
    await expect(vetWebhookUrl('https://2130706433/', ['localhost'], dns)).rejects.toThrow();
  });

  it('checks again at each delivery and connects only to the checked address (no DNS rebinding, no redirects)', async () => {
    const adminId = t.userId('admin');
    const host = 'hooks.partner.example';
    // Registered while the name pointed at a public address...
    await createEndpoint(
      t.db.kysely,
      t.config,
      adminId,
      { url: `http://${host}:${port}/hooks`, eventTypes: ['batch.released'] },
      null,
      fakeDns({ [host]: ['93.184.216.34'] }),
    );
    await t.db.kysely
      .transaction()
      .execute((trx) =>
        emitEvent(trx, 'batch.released', { type: 'batch', id: 'b1' }, { batchId: 'b1' }),
      );
    // ...then rebound to loopback: the delivery is not sent, and the log says why.
    const sent: string[] = [];
    const spy: Sender = async (target, init) => {
      sent.push(target.address);
      return defaultSender(target, init);
    };
    await runWebhookPass(t.db.kysely, t.config, spy, fakeDns({ [host]: ['127.0.0.1'] }));
    expect(sent).toEqual([]);
    const [attempt] = await t.db.kysely
      .selectFrom('webhook_attempts')
      .select(['error', 'status_code'])
      .execute();
    expect(attempt).toEqual({
      status_code: null,
      error: expect.stringMatching(
        /^Not sent: url's host hooks\.partner\.example resolves to 127\.0\.0\.1/,
      ),
    });

    // The sender connects to the vetted address, never asking DNS again (this name does not exist), and keeps the
    // name as the Host. A redirect is reported, not followed.
    const target = {
      url: new URL(`http://${host}:${port}/hooks`),
      address: '127.0.0.1',
      family: 4 as const,
    };
    const init = {
      headers: { 'content-type': 'application/json' },
      body: '{}',
      signal: AbortSignal.timeout(5000),
    };
    expect(await defaultSender(target, init)).toEqual({ status: 204 });
    expect(received.at(-1)).toEqual({ host: `${host}:${port}`, url: '/hooks' });
    redirect = true;
    const before = received.length;
    expect(await defaultSender(target, init)).toEqual({ status: 302 });
    expect(received.length).toBe(before + 1);
  });
});
