import { describe, expect, it } from 'vitest';
import { Agent, confirmationTokenFor, useTestApp } from '../../testing/test-app.ts';
import { verifyAuditChain } from '../../platform/audit.ts';
import { CSRF_FAILURE } from '../../platform/auth/plugin.ts';
import {
  hashPassword,
  verifyPassword,
  isCommonPassword,
  loadCommonPasswords,
} from '../../platform/auth/password.ts';
import { hashToken } from '../../platform/auth/tokens.ts';
import { ACCOUNT_RULE, IP_RULE, PAIR_RULE, waitSeconds } from '../../platform/auth/throttle.ts';
import { refusedField } from '../../testing/refusals.ts';
import { auditEntries } from '../../testing/rows.ts';

const t = useTestApp();

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

    // Each body with what is wrong with it, and the first error it gets.
    const refusals: Array<[Record<string, string>, Record<string, unknown>]> = [
      [
        { email: 'new1@example.com', password: 'password1234', displayName: 'N' },
        {
          field: 'body.password',
          code: 'password.common',
          message: expect.stringContaining('commonly used'),
        },
      ],
      [
        { email: 'maria.lopez@example.com', password: 'xxMaria.Lopez2026!!', displayName: 'M' },
        {
          code: 'password.contains_email',
          message: expect.stringContaining('must not contain your email'),
        },
      ],
      [
        { email: 'not-an-email', password: 'violet-kettle-orbit-42', displayName: 'N' },
        { field: 'body.email' },
      ],
    ];
    for (const [body, firstError] of refusals) {
      const res = await a.post('/api/auth/register', body);
      expect(res.statusCode, body.email).toBe(400);
      expect(JSON.parse(res.body).errors[0]).toMatchObject(firstError);
    }
  });

  it('answers a new and an existing email identically (status, body, cookies), then the emailed link makes the account', async () => {
    const fresh = new Agent(t.app);
    await fresh.get('/api/health');
    const dupe = new Agent(t.app);
    await dupe.get('/api/health');
    const newRes = await fresh.post('/api/auth/register', {
      email: '  Rosa.Parks@Example.com ',
      password: 'violet-kettle-orbit-42',
      displayName: 'Rosa',
      language: 'es',
    });
    const oldRes = await dupe.post('/api/auth/register', {
      email: 'CITIZEN@example.gov',
      password: 'another-long-phrase-9',
      displayName: 'Imposter',
    });
    for (const r of [newRes, oldRes]) {
      expect(r.statusCode).toBe(202);
      expect(r.headers['set-cookie']).toBeUndefined();
      expect(r.headers['cache-control']).toBe(newRes.headers['cache-control']);
    }
    expect(strip(newRes.body)).toEqual(strip(oldRes.body));
    expect(JSON.parse(newRes.body).message).toMatch(/check your email/i);
    expect((await fresh.get('/api/me')).statusCode).toBe(401);
    expect((await dupe.get('/api/me')).statusCode).toBe(401);

    // The existing owner is told; the account is untouched.
    const toOwner = await t.db.kysely
      .selectFrom('email_outbox')
      .select(['subject', 'body'])
      .where('to_address', '=', 'citizen@example.gov')
      .where('subject', 'like', 'Someone tried%')
      .execute();
    expect(toOwner).toEqual([
      expect.objectContaining({
        subject: 'Someone tried to create an HMS account with your email',
        body: expect.stringContaining('http://localhost:8080/sign-in'),
      }),
    ]);
    expect(toOwner[0]!.body).not.toContain('/register/confirm');
    const owner = await t.db.kysely
      .selectFrom('users')
      .select('display_name')
      .where('email', '=', 'citizen@example.gov')
      .execute();
    expect(owner).not.toEqual([{ display_name: 'Imposter' }]);

    // The new address gets the link (in the language asked for); no account exists until it is followed.
    const [mail] = await t.db.kysely
      .selectFrom('email_outbox')
      .select(['subject', 'body'])
      .where('to_address', '=', 'rosa.parks@example.com')
      .execute();
    expect(mail!.subject).toBe('Confirme su correo para terminar de crear su cuenta de HMS');
    expect(
      await t.db.kysely
        .selectFrom('users')
        .select('id')
        .where('email', '=', 'rosa.parks@example.com')
        .execute(),
    ).toEqual([]);
    const token = await confirmationTokenFor(t.db.kysely, 'rosa.parks@example.com');
    const reader = new Agent(t.app);
    const confirmed = await reader.post('/api/auth/register/confirm', { token });
    expect(confirmed.statusCode).toBe(200);
    const body = JSON.parse(confirmed.body);
    expect(body.user).toMatchObject({
      email: 'rosa.parks@example.com',
      roles: ['citizen'],
      language: 'es',
      displayName: 'Rosa',
    });
    expect(String(confirmed.headers['set-cookie'])).toMatch(/hms_session=/);
    expect(JSON.parse((await reader.get('/api/me')).body).user.email).toBe(
      'rosa.parks@example.com',
    );
    const audit = await auditEntries(t.db.kysely, { entityId: body.user.id });
    expect(audit.map((r) => r.action)).toContain('auth.register');
    // The link works once; a made-up one never.
    expect(refusedField(await new Agent(t.app).post('/api/auth/register/confirm', { token }))).toBe(
      'body.token',
    );
    expect(
      (await new Agent(t.app).post('/api/auth/register/confirm', { token: 'x'.repeat(43) }))
        .statusCode,
    ).toBe(400);
    // The password chosen at registration signs in.
    expect(
      (await new Agent(t.app).signIn('rosa.parks@example.com', 'violet-kettle-orbit-42'))
        .statusCode,
    ).toBe(200);
  });

  it('a second registration for an address confirmed meanwhile cannot take it over', async () => {
    const a = new Agent(t.app);
    await a.post('/api/auth/register', {
      email: 'race@example.com',
      password: 'first-long-phrase-77',
      displayName: 'First',
    });
    const first = await confirmationTokenFor(t.db.kysely, 'race@example.com');
    await a.post('/api/auth/register', {
      email: 'race@example.com',
      password: 'second-long-phrase-88',
      displayName: 'Second',
    });
    const second = await confirmationTokenFor(t.db.kysely, 'race@example.com');
    expect(second).not.toBe(first);
    const ok = await new Agent(t.app).post('/api/auth/register/confirm', { token: second });
    expect(ok.statusCode).toBe(200);
    const late = await new Agent(t.app).post('/api/auth/register/confirm', { token: first });
    expect(late.statusCode).toBe(400);
    const users = await t.db.kysely
      .selectFrom('users')
      .select('display_name')
      .where('email', '=', 'race@example.com')
      .execute();
    expect(users).toEqual([{ display_name: 'Second' }]);
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

  /** A sign-in attempt from a given source address. */
  const signInFrom = (ip: string, email: string, password: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      remoteAddress: ip,
      headers: { cookie: 'hms_csrf=abc', 'x-csrf-token': 'abc' },
      payload: { email, password },
    });
  /** Lets every running wait end, as if time had passed (counts are kept). */
  const endWaits = () =>
    t.db.kysely
      .updateTable('auth_throttle')
      .set({ locked_until: new Date(Date.now() - 1000) })
      .where('locked_until', 'is not', null)
      .execute();

  it('slows the guessing source with growing waits, while the owner from another source signs in', async () => {
    const guesser = '198.51.100.7';
    for (let i = 0; i < 4; i++)
      expect(
        (await signInFrom(guesser, 'finance@example.gov', `wrong-${i}-password`)).statusCode,
      ).toBe(401);
    // The guesser now waits, even with the right password: its next try is refused before any check.
    const held = await signInFrom(guesser, 'Finance@Example.gov', 'hms-demo-2026');
    expect(held.statusCode).toBe(429);
    const firstWait = Number(held.headers['retry-after']);
    expect(firstWait).toBeGreaterThan(0);
    expect(firstWait).toBeLessThanOrEqual(5);
    expect(JSON.parse(held.body).detail).toMatch(/Wait \d+ seconds?/);
    // The owner, from a source that has not been failing, is not locked out.
    expect(
      (await signInFrom('192.0.2.50', 'finance@example.gov', 'hms-demo-2026')).statusCode,
    ).toBe(200);
    // Each further failure doubles the guesser's wait.
    await endWaits();
    expect((await signInFrom(guesser, 'finance@example.gov', 'wrong-5-password')).statusCode).toBe(
      401,
    );
    const longer = await signInFrom(guesser, 'finance@example.gov', 'wrong-6-password');
    expect(longer.statusCode).toBe(429);
    expect(Number(longer.headers['retry-after'])).toBeGreaterThan(firstWait);
    expect(waitSeconds(20, PAIR_RULE)).toBe(15 * 60); // capped
  });

  it('a guesser spread over many addresses slows each failing address, never a fresh one (unknown emails alike)', async () => {
    for (const email of ['senior@example.gov', 'ghost@example.gov']) {
      for (let i = 1; i <= ACCOUNT_RULE.free + 1; i++)
        expect((await signInFrom(`203.0.113.${i}`, email, `wrong-${i}-password`)).statusCode).toBe(
          401,
        );
      // Past the account's free failures every address that failed on it waits...
      const again = await signInFrom('203.0.113.1', email, 'hms-demo-2026');
      expect(again.statusCode).toBe(429);
      expect(Number(again.headers['retry-after'])).toBeGreaterThan(0);
    }
    // ...and the owner from an address that has not been failing still gets in.
    expect((await signInFrom('192.0.2.99', 'senior@example.gov', 'hms-demo-2026')).statusCode).toBe(
      200,
    );
  });

  it('slows an address that fails on many accounts, leaving other addresses alone', async () => {
    await t.db.kysely
      .insertInto('auth_throttle')
      .values({
        key: 'ip:203.0.113.200',
        failures: IP_RULE.free,
        window_started_at: new Date(),
        locked_until: null,
      })
      .execute();
    expect(
      (await signInFrom('203.0.113.200', 'admin@example.gov', 'wrong-password-1')).statusCode,
    ).toBe(401);
    expect(
      (await signInFrom('203.0.113.200', 'approver@example.gov', 'hms-demo-2026')).statusCode,
    ).toBe(429);
    expect((await new Agent(t.app).signIn('approver@example.gov')).statusCode).toBe(200);
  });

  it('lets an admin see throttled accounts and clear one; others may not', async () => {
    for (let i = 1; i <= ACCOUNT_RULE.free + 1; i++)
      await signInFrom(`198.18.0.${i}`, 'approver@example.gov', `wrong-${i}-password`);
    expect(
      (await signInFrom('198.18.0.1', 'approver@example.gov', 'hms-demo-2026')).statusCode,
    ).toBe(429);
    const admin = await t.signIn('admin');
    const list = await admin.get('/api/admin/sign-in-throttle');
    expect(list.statusCode).toBe(200);
    expect(list.headers['cache-control']).toBe('no-store');
    const row = JSON.parse(list.body).items.find(
      (r: { email: string }) => r.email === 'approver@example.gov',
    );
    expect(row).toMatchObject({ failures: ACCOUNT_RULE.free + 1, sources: ACCOUNT_RULE.free + 1 });
    expect(new Date(row.waitUntil).getTime()).toBeGreaterThan(Date.now());

    const citizen = await t.signIn('citizen');
    expect((await citizen.get('/api/admin/sign-in-throttle')).statusCode).toBe(403);
    expect(
      (await citizen.post('/api/admin/sign-in-throttle/clear', { email: 'approver@example.gov' }))
        .statusCode,
    ).toBe(403);

    const cleared = await admin.post('/api/admin/sign-in-throttle/clear', {
      email: 'Approver@example.gov',
    });
    expect(cleared.statusCode).toBe(204);
    expect(
      (await signInFrom('198.18.0.1', 'approver@example.gov', 'hms-demo-2026')).statusCode,
    ).toBe(200);
    const after = JSON.parse((await admin.get('/api/admin/sign-in-throttle')).body).items;
    expect(after.some((r: { email: string }) => r.email === 'approver@example.gov')).toBe(false);
    expect(
      (await admin.post('/api/admin/sign-in-throttle/clear', { email: 'approver@example.gov' }))
        .statusCode,
    ).toBe(404);
    const audit = await auditEntries(t.db.kysely, { action: 'auth.throttle_cleared' });
    expect(audit).toHaveLength(1);
  });
});

describe('sessions', () => {
  it('expire at the absolute TTL', async () => {
    const a = await t.signIn('approver');
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
    const a = await t.signIn('approver');
    const hash = hashToken(a.cookies.get('hms_session')!);
    const seen = async () =>
      (
        await t.db.kysely
          .selectFrom('sessions')
          .select('last_seen_at')
          .where('token_hash', '=', hash)
          .executeTakeFirstOrThrow()
      ).last_seen_at;
    const idleFor = (minutes: number) =>
      t.db.kysely
        .updateTable('sessions')
        .set({ last_seen_at: new Date(Date.now() - minutes * 60_000) })
        .where('token_hash', '=', hash)
        .execute();
    const before = await seen();
    await a.get('/api/me');
    expect(await seen()).toEqual(before); // within the minute: no write
    await idleFor(29);
    expect((await a.get('/api/me')).statusCode).toBe(200);
    expect(Date.now() - new Date(await seen()).getTime()).toBeLessThan(5000); // touched
    await idleFor(31);
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

  it('rotates the CSRF cookie at sign-in and sign-out, so a token known before the session is worthless after', async () => {
    const a = new Agent(t.app);
    await a.get('/api/health');
    const before = a.cookies.get('hms_csrf')!;
    const signIn = await a.signIn('citizen@example.gov');
    expect(String(signIn.headers['set-cookie'])).toMatch(
      /hms_csrf=[A-Za-z0-9_-]{43};.*SameSite=Strict/,
    );
    const after = a.cookies.get('hms_csrf')!;
    expect(after).not.toBe(before);
    // A token read or planted before the session no longer matches what the browser holds.
    const stale = await a.request(
      'PATCH',
      '/api/me',
      { displayName: 'Casey' },
      { csrf: false, headers: { 'x-csrf-token': before } },
    );
    expect(stale.statusCode).toBe(403);
    expect((await a.request('PATCH', '/api/me', { displayName: 'Casey' })).statusCode).toBe(200);
    await a.post('/api/auth/sign-out');
    expect(a.cookies.get('hms_csrf')).not.toBe(after);
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
    const a = await t.signIn('supervisor');
    const me = JSON.parse((await a.get('/api/me')).body);
    expect(me.user).toMatchObject({
      email: 'supervisor@example.gov',
      roles: ['finance_supervisor'],
      language: 'en',
    });
  });

  it('PATCH changes language and display name, validating each field', async () => {
    const a = await t.signIn('citizen');
    const ok = await a.request('PATCH', '/api/me', { language: 'es', displayName: 'Casey C.' });
    expect(ok.statusCode).toBe(200);
    expect(JSON.parse(ok.body).user).toMatchObject({ language: 'es', displayName: 'Casey C.' });
    expect(refusedField(await a.request('PATCH', '/api/me', { language: 'fr' }))).toBe(
      'body.language',
    );
    const empty = await a.request('PATCH', '/api/me', {});
    expect(empty.statusCode).toBe(400);
  });
});
