import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isErrorCode } from '@hms/contracts/error-codes';
import { problemSchema } from '@hms/contracts/problem';
import { Agent, createTestApp, type TestContext } from '../testing/test-app.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestApp(
    {
      HMS_REMOTES: JSON.stringify({
        intake: 'https://cdn.example.gov/intake/remoteEntry.js',
        approvals: '/remotes/approvals/remoteEntry.js',
        finance: '/remotes/finance/remoteEntry.js',
        admin: '/remotes/admin/remoteEntry.js',
      }),
    },
    {
      seed: false,
      extend: (app) => {
        app.get('/api/test/boom', async () => {
          throw new Error('secret internal detail at /srv/hms');
        });
        app.post('/api/integration/test-ping', { config: { csrf: false } }, async () => ({
          pong: true,
        }));
        app.post('/api/test/ping', async () => ({ pong: true }));
      },
    },
  );
});
afterAll(async () => {
  await t?.close();
});

function expectProblem(
  res: { statusCode: number; headers: Record<string, unknown>; body: string },
  status: number,
) {
  expect(res.statusCode).toBe(status);
  expect(res.headers['content-type']).toContain('application/problem+json');
  const body = JSON.parse(res.body);
  // Every problem carries a documented code, and the whole body matches the published schema.
  expect(isErrorCode(body.code)).toBe(true);
  expect(problemSchema.safeParse(body).success).toBe(true);
  expect(body).toMatchObject({
    status,
    type: expect.stringMatching(/^https:\/\//),
    title: expect.any(String),
    detail: expect.any(String),
    instance: expect.any(String),
  });
  return body as {
    detail: string;
    requestId: string;
    errors?: Array<{ field: string; message: string }>;
  };
}

describe('health and readiness', () => {
  it('health is 200 ok and ready is 200 ready with a live database', async () => {
    expect(JSON.parse((await t.app.inject({ url: '/api/health' })).body)).toEqual({ status: 'ok' });
    const ready = await t.app.inject({ url: '/api/ready' });
    expect(ready.statusCode).toBe(200);
    expect(JSON.parse(ready.body)).toEqual({ status: 'ready' });
  });
});

describe('problem+json errors', () => {
  it('malformed JSON body → 400 saying how to fix it', async () => {
    const a = new Agent(t.app);
    await a.get('/api/health');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      headers: {
        'content-type': 'application/json',
        cookie: `hms_csrf=${a.cookies.get('hms_csrf')}`,
        'x-csrf-token': a.cookies.get('hms_csrf')!,
      },
      payload: '{"email": "a@b.gov", ',
    });
    expect(expectProblem(res, 400).detail).toMatch(/not valid JSON/);
  });

  it('validation errors list each field with its fix', async () => {
    const a = new Agent(t.app);
    const res = await a.post('/api/auth/sign-in', { email: 'nope', password: '' });
    const body = expectProblem(res, 400);
    expect(body.errors).toEqual([
      {
        field: 'body.email',
        message: 'Enter an email address in the correct format, like name@example.com.',
        code: 'field.invalid_format',
      },
      { field: 'body.password', message: 'Enter your password.', code: 'field.required' },
    ]);
  });

  it('unknown API route → 404 problem', async () => {
    const res = await t.app.inject({
      url: '/api/does-not-exist?x=1',
      headers: { accept: 'text/html' },
    });
    expect(expectProblem(res, 404).detail).toContain('GET /api/does-not-exist');
  });

  it('unexpected errors → 500 with a generic detail and the request id, never the message or a stack', async () => {
    const res = await t.app.inject({ url: '/api/test/boom' });
    const body = expectProblem(res, 500);
    expect(res.body).not.toContain('secret');
    expect(res.body).not.toContain('/srv/hms');
    expect(body.detail).toContain(body.requestId);
    expect(res.headers['x-request-id']).toBe(body.requestId);
  });
});

describe('CSRF exemption', () => {
  it('a route with config { csrf: false } accepts a POST without the token; others refuse it', async () => {
    const exempt = await t.app.inject({
      method: 'POST',
      url: '/api/integration/test-ping',
      payload: {},
    });
    expect(exempt.statusCode).toBe(200);
    const guarded = await t.app.inject({ method: 'POST', url: '/api/test/ping', payload: {} });
    expect(expectProblem(guarded, 403).detail).toBe(
      'Missing or invalid CSRF token. Reload the page and try again.',
    );
  });
});

describe('request ids and headers', () => {
  it('honours a UUID x-request-id, replaces anything else, and echoes it', async () => {
    const id = '0190a8f2-7b6c-7d1e-9f00-123456789abc';
    expect(
      (await t.app.inject({ url: '/api/health', headers: { 'x-request-id': id } })).headers[
        'x-request-id'
      ],
    ).toBe(id);
    const other = (
      await t.app.inject({ url: '/api/health', headers: { 'x-request-id': 'evil\nlog line' } })
    ).headers['x-request-id'];
    expect(other).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('sends security headers on every response', async () => {
    for (const url of ['/api/health', '/api/nothing-here']) {
      const res = await t.app.inject({ url });
      expect(res.headers['content-security-policy']).toContain("default-src 'self'");
      expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['referrer-policy']).toBe('same-origin');
    }
  });
});

describe('remotes manifest', () => {
  it('serves HMS_REMOTES overrides', async () => {
    const res = await t.app.inject({ url: '/api/remotes' });
    expect(JSON.parse(res.body)).toEqual({
      remotes: {
        intake: 'https://cdn.example.gov/intake/remoteEntry.js',
        approvals: '/remotes/approvals/remoteEntry.js',
        finance: '/remotes/finance/remoteEntry.js',
        admin: '/remotes/admin/remoteEntry.js',
      },
    });
  });
});

describe('database down', () => {
  // Last in the file: closes the database under the running app.
  it('ready → 503 problem, and routes needing the database → 503', async () => {
    await t.db.close();
    expect(expectProblem(await t.app.inject({ url: '/api/ready' }), 503).detail).toBe(
      'The database is not reachable.',
    );
    expectProblem(await t.app.inject({ url: '/api/programs' }), 503);
    expect((await t.app.inject({ url: '/api/health' })).statusCode).toBe(200);
  });
});
