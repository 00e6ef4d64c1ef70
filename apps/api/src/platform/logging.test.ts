import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import pino from 'pino';
import { genReqId, loggerOptions } from './logging.ts';

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
