import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import pino from 'pino';
import Fastify from 'fastify';
import { genReqId, loggerOptions, OneLinePerRequest } from './logging.ts';

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, cb) {
      lines.push(String(chunk));
      cb();
    },
  });
  const opts = loggerOptions({ logLevel: 'info' }) as pino.LoggerOptions;
  return { log: pino(opts, stream), lines };
}

describe('logging', () => {
  it('redacts cookies, authorization, set-cookie, passwords, tokens and bank numbers', () => {
    const { log, lines } = capture();
    log.info({
      req: { headers: { cookie: 'hms_session=SECRET1', authorization: 'Bearer SECRET2' } },
      res: { headers: { 'set-cookie': 'hms_session=SECRET3' } },
      password: 'SECRET4',
      body: { password: 'SECRET5', accountNumber: 'SECRET6', routingNumber: 'SECRET7' },
      payee: { account_number: 'SECRET8', token: 'SECRET9' },
      keep: 'visible',
    });
    const out = lines.join('');
    expect(out).not.toMatch(/SECRET\d/);
    expect(out).toContain('[redacted]');
    expect(out).toContain('visible');
  });

  it('accepts only UUID request ids from clients', () => {
    const id = '0190a8f2-7b6c-7d1e-9f00-123456789abc';
    expect(genReqId({ headers: { 'x-request-id': id } })).toBe(id);
    expect(genReqId({ headers: { 'x-request-id': 'x; drop table' } })).not.toBe('x; drop table');
    expect(genReqId({ headers: {} })).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });
});

describe('access log', () => {
  it('writes one line per request, when it is answered, with method, URL, status and time, cookies redacted', async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk, _enc, cb) {
        lines.push(String(chunk));
        cb();
      },
    });
    const app = Fastify({
      logger: { ...(loggerOptions({ logLevel: 'info' }) as object), stream },
      logController: new OneLinePerRequest(),
    });
    app.get('/api/x', async () => ({ ok: true }));
    app.get('/api/boom', async () => {
      throw new Error('boom');
    });
    await app.inject({
      method: 'GET',
      url: '/api/x?a=1',
      headers: { cookie: 'hms_session=SECRET' },
    });
    const entries = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      msg: 'request completed',
      req: { method: 'GET', url: '/api/x?a=1' },
      res: { statusCode: 200 },
    });
    expect(typeof entries[0]!.responseTime).toBe('number');
    expect(typeof entries[0]!.reqId).toBe('string');
    expect(lines.join('')).not.toContain('SECRET');

    lines.length = 0;
    await app.inject({ method: 'GET', url: '/api/boom' });
    const failed = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(
      failed.some((e) => e.level === 50 && (e.err as { message?: string })?.message === 'boom'),
    ).toBe(true);
    await app.close();
  });
});
