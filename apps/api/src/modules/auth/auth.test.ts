import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { Agent, createTestApp, type TestContext } from '../../testing/test-app.ts';
import { verifyAuditChain } from '../../platform/audit.ts';
import { CSRF_FAILURE } from '../../platform/auth/plugin.ts';
import {
  hashPassword,
  verifyPassword,
  isCommonPassword,
  loadCommonPasswords,
} from '../../platform/auth/password.ts';
import { hashToken } from '../../platform/auth/tokens.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

const strip = (body: string) => {
  const { requestId: _r, ...rest } = JSON.parse(body) as Record<string, unknown>;
  return rest;
};

describe('passwords', () => {
  it('hash with scrypt in a self-describing format and verify in constant time', async () => {
    const h = await hashPassword('correct horse battery staple');
    expect(h).toMatch(/^scrypt\$N=32768,r=8,p=1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(await verifyPassword('correct horse battery staple', h)).toBe(true);
    expect(await verifyPassword('correct horse battery stapler', h)).toBe(false);
    expect(await verifyPassword('x', 'not-a-hash')).toBe(false);
    expect(await hashPassword('correct horse battery staple')).not.toBe(h);
  });

  it('loads at least the 10,000 most common passwords', () => {
    expect(loadCommonPasswords().size).toBeGreaterThanOrEqual(10_000);
    expect(isCommonPassword('password1234')).toBe(true);
    expect(isCommonPassword('PASSWORD1234')).toBe(true);
    expect(isCommonPassword('violet-kettle-orbit-42')).toBe(false);
  });
});

describe('register', () => {
  it('refuses short, common and email-containing passwords with field details', async () => {
    const a = new Agent(t.app);
    const short = await a.post('/api/auth/register', {
      email: 'new1@example.com',
      password: 'short',
      displayName: 'N',
    });
    expect(short.statusCode).toBe(400);
    expect(short.headers['content-type']).toContain('application/problem+json');
    expect(JSON.parse(short.body).errors).toEqual([
      {
        field: 'body.password',
        message: 'Password must be at least 12 characters long.',
        code: 'field.too_short',
        params: { minimum: 12 },
      },
    ]);

    const common = await a.post('/api/auth/register', {
      email: 'new1@example.com',
      password: 'password1234',
      displayName: 'N',
    });
    expect(common.statusCode).toBe(400);
    expect(JSON.parse(common.body).errors[0]).toMatchObject({
      field: 'body.password',
      message: expect.stringContaining('commonly used'),
    });

    const withEmail = await a.post('/api/auth/register', {
      email: 'maria.lopez@example.com',
      password: 'xxMaria.Lopez2026!!',
      displayName: 'M',
    });
    expect(withEmail.statusCode).toBe(400);
    expect(JSON.parse(withEmail.body).errors[0].message).toContain('must not contain your email');

    const badEmail = await a.post('/api/auth/register', {
      email: 'not-an-email',
      password: 'violet-kettle-orbit-42',
      displayName: 'N',
    });
    expect(badEmail.statusCode).toBe(400);
    expect(JSON.parse(badEmail.body).errors[0].field).toBe('body.email');
  });

  it('creates a citizen, lowercases the email, signs in, and audits it', async () => {
    const a = new Agent(t.app);
    const res = await a.post('/api/auth/register', {
      email: '  Rosa.Parks@Example.com ',
      password: 'violet-kettle-orbit-42',
      displayName: 'Rosa',
      language: 'es',
    });
    expect(res.statusCode).toBe(201);
    const body = JSON.parse(res.body);
    expect(body.user).toMatchObject({
      email: 'rosa.parks@example.com',
      roles: ['citizen'],
      language: 'es',
      displayName: 'Rosa',
    });
    const me = await a.get('/api/me');
    expect(me.statusCode).toBe(200);
    expect(JSON.parse(me.body).user.email).toBe('rosa.parks@example.com');
    const audit = await t.db.kysely
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', body.user.id)
      .execute();
    expect(audit.map((r) => r.action)).toContain('auth.register');
  });

  it('answers an existing email with the same 201 message, creates nothing and signs nobody in', async () => {
    const a = new Agent(t.app);
    const res = await a.post('/api/auth/register', {
      email: 'ROSA.PARKS@example.com',
      password: 'another-long-phrase-9',
      displayName: 'Imposter',
    });
    expect(res.statusCode).toBe(201);
    const body = JSON.parse(res.body);
    expect(body.user).toBeNull();
    expect(body.message).toMatch(/sign in/i);
    expect((await a.get('/api/me')).statusCode).toBe(401);
    const users = await t.db.kysely
      .selectFrom('users')
      .select('display_name')
      .where(sql<string>`lower(email)`, '=', 'rosa.parks@example.com')
      .execute();
    expect(users).toEqual([{ display_name: 'Rosa' }]);
  });
});

describe('sign-in', () => {
  it('sets an HttpOnly SameSite=Lax session cookie and a fresh token each time, storing only its hash', async () => {
    const a = new Agent(t.app);
    const first = await a.signIn('citizen@example.gov');
    const cookie = String(first.headers['set-cookie']);
    expect(cookie).toMatch(/hms_session=[A-Za-z0-9_-]{43};/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
    expect(cookie).toContain('Path=/');
    expect(cookie).not.toContain('Secure');
    const token1 = a.cookies.get('hms_session')!;
    await a.signIn('citizen@example.gov');
    const token2 = a.cookies.get('hms_session')!;
    expect(token2).not.toBe(token1);
    const rows = await t.db.kysely
      .selectFrom('sessions')
      .select('token_hash')
      .where('token_hash', 'in', [hashToken(token1), hashToken(token2)])
      .execute();
    // The browser's old session was deleted at the new sign-in; only the new one's hash is stored.
    expect(rows).toEqual([{ token_hash: hashToken(token2) }]);
  });

  it('gives the same status and body for an unknown email and a wrong password', async () => {
    const a = new Agent(t.app);
    const unknown = await a.post('/api/auth/sign-in', {
      email: 'nobody-here@example.gov',
      password: 'whatever-password',
    });
    const wrong = await a.post('/api/auth/sign-in', {
      email: 'senior@example.gov',
      password: 'whatever-password',
    });
    expect(unknown.statusCode).toBe(401);
    expect(wrong.statusCode).toBe(401);
    expect(strip(unknown.body)).toEqual(strip(wrong.body));
    expect(JSON.parse(wrong.body).detail).toBe('Email or password is incorrect.');
  });

  it('locks an account for 15 minutes after 5 failures, with 429 and Retry-After, even for the right password', async () => {
    const a = new Agent(t.app);
    for (let i = 0; i < 5; i++) {
      const r = await a.post('/api/auth/sign-in', {
        email: 'finance@example.gov',
        password: `wrong-${i}-password`,
      });
      expect(r.statusCode).toBe(401);
    }
    const locked = await a.post('/api/auth/sign-in', {
      email: 'Finance@Example.gov',
      password: 'hms-demo-2026',
    });
    expect(locked.statusCode).toBe(429);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(800);
    expect(JSON.parse(locked.body).detail).toMatch(/Wait 15 minutes/);
    // Unknown emails lock the same way: the lock says nothing about whether the account exists.
    for (let i = 0; i < 5; i++)
      await a.post('/api/auth/sign-in', {
        email: 'ghost@example.gov',
        password: `wrong-${i}-password`,
      });
    expect(
      (await a.post('/api/auth/sign-in', { email: 'ghost@example.gov', password: 'x' })).statusCode,
    ).toBe(429);
    // Once the lock has passed, the right password works and clears the counter.
    await t.db.kysely
      .updateTable('auth_throttle')
      .set({
        locked_until: new Date(Date.now() - 1000),
        window_started_at: new Date(Date.now() - 16 * 60_000),
      })
      .where('key', '=', 'acct:finance@example.gov')
      .execute();
    expect(
      (
        await a.post('/api/auth/sign-in', {
          email: 'finance@example.gov',
          password: 'hms-demo-2026',
        })
      ).statusCode,
    ).toBe(200);
    expect(
      await t.db.kysely
        .selectFrom('auth_throttle')
        .select('key')
        .where('key', '=', 'acct:finance@example.gov')
        .execute(),
    ).toEqual([]);
  });

  it('locks an IP address after 50 failures', async () => {
    await t.db.kysely
      .insertInto('auth_throttle')
      .values({
        key: 'ip:203.0.113.9',
        failures: 49,
        window_started_at: new Date(),
        locked_until: null,
      })
      .execute();
    const a = new Agent(t.app);
    const r = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      remoteAddress: '203.0.113.9',
      headers: { cookie: 'hms_csrf=abc', 'x-csrf-token': 'abc' },
      payload: { email: 'admin@example.gov', password: 'wrong-password-1' },
    });
    expect(r.statusCode).toBe(401);
    const r2 = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      remoteAddress: '203.0.113.9',
      headers: { cookie: 'hms_csrf=abc', 'x-csrf-token': 'abc' },
      payload: { email: 'admin@example.gov', password: 'hms-demo-2026' },
    });
    expect(r2.statusCode).toBe(429);
    expect((await a.signIn('admin@example.gov')).statusCode).toBe(200); // other addresses are unaffected
  });
});

describe('sessions', () => {
  it('expire at the absolute TTL', async () => {
    const a = new Agent(t.app);
    await a.signIn('approver@example.gov');
    expect((await a.get('/api/me')).statusCode).toBe(200);
    await t.db.kysely
      .updateTable('sessions')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('token_hash', '=', hashToken(a.cookies.get('hms_session')!))
      .execute();
    const res = await a.get('/api/me');
    expect(res.statusCode).toBe(401);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });

  it('expire after the idle timeout, and activity refreshes last_seen_at at most once a minute', async () => {
    const a = new Agent(t.app);
    await a.signIn('approver@example.gov');
    const hash = hashToken(a.cookies.get('hms_session')!);
    const seen = async () =>
      (
        await t.db.kysely
          .selectFrom('sessions')
          .select('last_seen_at')
          .where('token_hash', '=', hash)
          .executeTakeFirstOrThrow()
      ).last_seen_at;
    const before = await seen();
    await a.get('/api/me');
    expect(await seen()).toEqual(before); // within the minute: no write
    await t.db.kysely
      .updateTable('sessions')
      .set({ last_seen_at: new Date(Date.now() - 29 * 60_000) })
      .where('token_hash', '=', hash)
      .execute();
    expect((await a.get('/api/me')).statusCode).toBe(200);
    expect(Date.now() - new Date(await seen()).getTime()).toBeLessThan(5000); // touched
    await t.db.kysely
      .updateTable('sessions')
      .set({ last_seen_at: new Date(Date.now() - 31 * 60_000) })
      .where('token_hash', '=', hash)
      .execute();
    expect((await a.get('/api/me')).statusCode).toBe(401);
    expect(
      await t.db.kysely
        .selectFrom('sessions')
        .select('id')
        .where('token_hash', '=', hash)
        .execute(),
    ).toEqual([]);
  });

  it('sign-out deletes the session, clears the cookie and is audited', async () => {
    const a = new Agent(t.app);
    const { user } = JSON.parse((await a.signIn('senior@example.gov')).body);
    const token = a.cookies.get('hms_session')!;
    const out = await a.post('/api/auth/sign-out');
    expect(out.statusCode).toBe(204);
    expect(String(out.headers['set-cookie'])).toMatch(/hms_session=;/);
    expect(
      await t.db.kysely
        .selectFrom('sessions')
        .select('id')
        .where('token_hash', '=', hashToken(token))
        .execute(),
    ).toEqual([]);
    // The old token is dead even if a copy of it is replayed.
    const replay = await t.app.inject({
      method: 'GET',
      url: '/api/me',
      headers: { cookie: `hms_session=${token}` },
    });
    expect(replay.statusCode).toBe(401);
    const actions = (
      await t.db.kysely
        .selectFrom('audit_log')
        .select('action')
        .where('actor_id', '=', user.id)
        .execute()
    ).map((r) => r.action);
    expect(actions).toEqual(expect.arrayContaining(['auth.sign_in', 'auth.sign_out']));
    expect(await verifyAuditChain(t.db.kysely)).toMatchObject({ ok: true });
  });
});

describe('CSRF', () => {
  it('sets a readable SameSite=Strict hms_csrf cookie when missing', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    const c = String(res.headers['set-cookie']);
    expect(c).toMatch(/hms_csrf=[A-Za-z0-9_-]{43};/);
    expect(c).toContain('SameSite=Strict');
    expect(c).not.toContain('HttpOnly');
  });

  it('refuses a state change without the header, with a wrong header, or from another origin', async () => {
    const a = new Agent(t.app);
    await a.get('/api/health');
    const missing = await a.post(
      '/api/auth/sign-in',
      { email: 'citizen@example.gov', password: 'hms-demo-2026' },
      { csrf: false },
    );
    expect(missing.statusCode).toBe(403);
    expect(JSON.parse(missing.body).detail).toBe(CSRF_FAILURE);
    const wrong = await a.post(
      '/api/auth/sign-in',
      { email: 'citizen@example.gov', password: 'hms-demo-2026' },
      { csrf: false, headers: { 'x-csrf-token': 'guess' } },
    );
    expect(wrong.statusCode).toBe(403);
    const cross = await a.post(
      '/api/auth/sign-in',
      { email: 'citizen@example.gov', password: 'hms-demo-2026' },
      { headers: { origin: 'https://evil.example.com' } },
    );
    expect(cross.statusCode).toBe(403);
    const same = await a.post(
      '/api/auth/sign-in',
      { email: 'citizen@example.gov', password: 'hms-demo-2026' },
      { headers: { origin: 'http://localhost:80', host: 'localhost:80' } },
    );
    expect(same.statusCode).toBe(200);
  });
});

describe('/api/me', () => {
  it('returns 401 problem when anonymous and the user with roles when signed in', async () => {
    const anon = await t.app.inject({ method: 'GET', url: '/api/me' });
    expect(anon.statusCode).toBe(401);
    expect(JSON.parse(anon.body)).toMatchObject({
      status: 401,
      title: 'Not signed in',
      instance: '/api/me',
    });
    const a = new Agent(t.app);
    await a.signIn('supervisor@example.gov');
    const me = JSON.parse((await a.get('/api/me')).body);
    expect(me.user).toMatchObject({
      email: 'supervisor@example.gov',
      roles: ['finance_supervisor'],
      language: 'en',
    });
  });

  it('PATCH changes language and display name, validating each field', async () => {
    const a = new Agent(t.app);
    await a.signIn('citizen@example.gov');
    const ok = await a.request('PATCH', '/api/me', { language: 'es', displayName: 'Casey C.' });
    expect(ok.statusCode).toBe(200);
    expect(JSON.parse(ok.body).user).toMatchObject({ language: 'es', displayName: 'Casey C.' });
    const bad = await a.request('PATCH', '/api/me', { language: 'fr' });
    expect(bad.statusCode).toBe(400);
    expect(JSON.parse(bad.body).errors[0].field).toBe('body.language');
    const empty = await a.request('PATCH', '/api/me', {});
    expect(empty.statusCode).toBe(400);
  });
});
