import { copyFileSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, createTestApp, type TestContext } from '../testing/test-app.ts';

// The shell's real index.html (the source Vite builds from keeps the same #root markup), so these tests check
// what a person's browser receives, not a stand-in.
const SHELL_INDEX = fileURLToPath(new URL('../../../shell/index.html', import.meta.url));

let t: TestContext;
beforeAll(async () => {
  const root = mkdtempSync(path.join(tmpdir(), 'hms-static-home-'));
  mkdirSync(path.join(root, 'shell/dist'), { recursive: true });
  copyFileSync(SHELL_INDEX, path.join(root, 'shell/dist/index.html'));
  t = await createTestApp({ HMS_STATIC_ROOT: root });
});
afterAll(async () => {
  await t?.close();
});

const html = { accept: 'text/html,application/xhtml+xml' };

describe('GET / (the home page)', () => {
  it('sends a signed-out visitor the public page, with a loading line inside #root before any script runs', async () => {
    const res = await t.app.inject({ url: '/', headers: html });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.headers['cache-control']).toBe('no-cache');
    const body = res.body;
    expect(body).toMatch(/<html lang="en">/);
    const root = body.slice(body.indexOf('<div id="root">'), body.indexOf('<noscript>'));
    expect(root).toMatch(/<p[^>]*role="status"[^>]*>Loading…<\/p>/);
    // Every script is a module script (deferred), so none holds back the first paint of that markup.
    for (const tag of body.match(/<script\b[^>]*>/g) ?? []) expect(tag).toContain('type="module"');
  });

  it.each([
    ['citizen@example.gov', '/my-requests'],
    ['approver@example.gov', '/approvals'],
    ['senior@example.gov', '/approvals'],
    ['finance@example.gov', '/finance'],
    ['supervisor@example.gov', '/finance'],
    ['admin@example.gov', '/admin'],
  ])('redirects %s to their area (%s) on the server', async (email, home) => {
    const agent = new Agent(t.app);
    await agent.signIn(email);
    const res = await agent.request('GET', '/', undefined, { headers: html });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(home);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(String(res.headers.vary)).toMatch(/cookie/i);
    expect(res.body).not.toContain('<div id="root">');
  });

  it('serves the public page again once the session has ended', async () => {
    const agent = new Agent(t.app);
    await agent.signIn('citizen@example.gov');
    expect((await agent.request('GET', '/', undefined, { headers: html })).statusCode).toBe(303);
    await agent.post('/api/auth/sign-out');
    const res = await agent.request('GET', '/', undefined, { headers: html });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<div id="root">');
  });

  it('treats an unknown session cookie as signed out', async () => {
    const res = await t.app.inject({
      url: '/',
      headers: { ...html, cookie: 'hms_session=not-a-session' },
    });
    expect(res.statusCode).toBe(200);
  });
});
