import { describe, expect, it } from 'vitest';
import { Agent, createTestApp, useTestApp, type TestContext } from '../testing/test-app.ts';

// Issue 9, items 18 and 19: caching and transport headers, the trusted-proxy setting, and control characters.

const t = useTestApp();

describe('Cache-Control on personal responses', () => {
  it('is no-store on every response to a signed-in caller and on the sign-in answer', async () => {
    const a = new Agent(t.app);
    const signIn = await a.signIn('approver@example.gov');
    expect(signIn.headers['cache-control']).toBe('no-store');
    for (const url of ['/api/me', '/api/inbox', '/api/programs']) {
      const res = await a.get(url);
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['cache-control'], url).toBe('no-store');
    }
    // Even a refusal to a caller holding a session cookie.
    expect((await a.get('/api/admin/outbox')).headers['cache-control']).toBe('no-store');
  });
});

describe('Strict-Transport-Security', () => {
  it('is sent only when the product runs behind TLS (HMS_SECURE_COOKIES=1)', async () => {
    expect(
      (await t.app.inject({ url: '/api/health' })).headers['strict-transport-security'],
    ).toBeUndefined();
    const tls = await createTestApp({ HMS_SECURE_COOKIES: '1' }, { seed: false });
    try {
      const res = await tls.app.inject({ url: '/api/health' });
      expect(res.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    } finally {
      await tls.close();
    }
  });
});

describe('trusted proxies', () => {
  const failFrom = (app: TestContext['app'], remoteAddress: string, forwardedFor: string) =>
    app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      remoteAddress,
      headers: {
        cookie: 'hms_csrf=abc',
        'x-csrf-token': 'abc',
        'x-forwarded-for': forwardedFor,
      },
      payload: { email: 'nobody@example.gov', password: 'wrong-password-1' },
    });
  const ipKeys = async (ctx: TestContext) =>
    (
      await ctx.db.kysely
        .selectFrom('auth_throttle')
        .select('key')
        .where('key', 'like', 'ip:%')
        .orderBy('key')
        .execute()
    ).map((r) => r.key);

  it('secure cookies alone trust no X-Forwarded-For; HMS_TRUSTED_PROXIES trusts only the listed proxies', async () => {
    const secure = await createTestApp({ HMS_SECURE_COOKIES: '1' }, { seed: false });
    try {
      await failFrom(secure.app, '198.51.100.1', '203.0.113.66');
      expect(await ipKeys(secure)).toEqual(['ip:198.51.100.1']);
    } finally {
      await secure.close();
    }
    const proxied = await createTestApp(
      { HMS_SECURE_COOKIES: '1', HMS_TRUSTED_PROXIES: '10.0.0.0/8' },
      { seed: false },
    );
    try {
      await failFrom(proxied.app, '10.1.2.3', '203.0.113.77'); // our load balancer: believed
      await failFrom(proxied.app, '198.51.100.2', '203.0.113.88'); // anyone else: not
      expect(await ipKeys(proxied)).toEqual(['ip:198.51.100.2', 'ip:203.0.113.77']);
    } finally {
      await proxied.close();
    }
  });
});

describe('control characters', () => {
  const fieldsOf = (body: string) =>
    (JSON.parse(body) as { errors: Array<{ field: string }> }).errors.map((e) => e.field);

  it('are refused with a 400 naming the field, in names, answers, token names, webhook descriptions and queries', async () => {
    const citizen = await t.signIn('citizen');
    const name = await citizen.request('PATCH', '/api/me', { displayName: 'Casey\u0000' });
    expect(name.statusCode).toBe(400);
    expect(fieldsOf(name.body)).toEqual(['body.displayName']);
    expect(JSON.parse(name.body).errors[0].message).toMatch(/control character/);

    const draft = JSON.parse((await citizen.post('/api/programs/permit-fee-refund/drafts')).body);
    const answers = (reasonDetails: string) =>
      citizen.request('PUT', `/api/requests/${draft.id}/answers`, {
        version: draft.version,
        step: 'reason',
        answers: { refundReason: 'duplicate', reasonDetails },
      });
    const bad = await answers('paid twice\u0000');
    expect(bad.statusCode).toBe(400);
    expect(fieldsOf(bad.body)).toEqual(['body.answers.reasonDetails']);
    expect((await answers('paid\u001b[31m twice')).statusCode).toBe(400);
    // Multi-line text keeps its line breaks and tabs.
    const ok = await answers('I paid twice:\n\tonce online,\r\n\tonce at the desk.');
    expect(ok.statusCode, ok.body).toBe(200);

    const admin = await t.signIn('admin');
    const token = await admin.post('/api/service-tokens', {
      name: 'FINANCIAL\u0000',
      scopes: ['journal:read'],
    });
    expect(token.statusCode).toBe(400);
    expect(fieldsOf(token.body)).toEqual(['body.name']);
    const hook = await admin.post('/api/webhooks/endpoints', {
      url: 'https://financial.example.gov/hooks',
      description: 'nightly\u0000',
      eventTypes: ['batch.released'],
    });
    expect(hook.statusCode).toBe(400);
    expect(fieldsOf(hook.body)).toEqual(['body.description']);

    const approver = await t.signIn('approver');
    const q = await approver.get('/api/inbox?q=%00');
    expect(q.statusCode).toBe(400);
    expect(fieldsOf(q.body)).toEqual(['query.q']);
  });
});
