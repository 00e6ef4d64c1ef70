import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../testing/test-app.ts';

let t: TestContext;
let root: string;
beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'hms-static-'));
  mkdirSync(path.join(root, 'shell/dist/assets'), { recursive: true });
  writeFileSync(
    path.join(root, 'shell/dist/index.html'),
    '<!doctype html><html><head><title>HMS shell</title></head><body></body></html>',
  );
  writeFileSync(path.join(root, 'shell/dist/assets/index-Bx7k2pQa.js'), 'console.log(1)');
  mkdirSync(path.join(root, 'intake/dist'), { recursive: true });
  writeFileSync(path.join(root, 'intake/dist/remoteEntry.js'), 'export const x = 1');
  t = await createTestApp({ HMS_STATIC_ROOT: root }, { seed: false });
});
afterAll(async () => {
  await t?.close();
});

describe('static web apps', () => {
  it('serves the shell at / without caching index.html', async () => {
    const res = await t.app.inject({ url: '/', headers: { accept: 'text/html' } });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('HMS shell');
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
  });

  it('caches hashed assets for a year and revalidates remoteEntry.js', async () => {
    const asset = await t.app.inject({ url: '/assets/index-Bx7k2pQa.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toContain('immutable');
    const entry = await t.app.inject({ url: '/remotes/intake/remoteEntry.js' });
    expect(entry.statusCode).toBe(200);
    expect(entry.body).toContain('export const x');
    expect(entry.headers['cache-control']).toBe('no-cache');
  });

  it('falls back to index.html for client-side routes that accept HTML', async () => {
    const res = await t.app.inject({
      url: '/requests/123/status?tab=1',
      headers: { accept: 'text/html,application/xhtml+xml' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('HMS shell');
  });

  it('keeps unknown /api paths and non-HTML requests as 404 problem+json', async () => {
    const api = await t.app.inject({ url: '/api/nope', headers: { accept: 'text/html' } });
    expect(api.statusCode).toBe(404);
    expect(api.headers['content-type']).toContain('application/problem+json');
    const asset = await t.app.inject({ url: '/assets/missing.js', headers: { accept: '*/*' } });
    expect(asset.statusCode).toBe(404);
    const remote = await t.app.inject({
      url: '/remotes/finance/remoteEntry.js',
      headers: { accept: 'text/html' },
    });
    expect(remote.statusCode).toBe(404);
  });

  it("preloads a page's first API reads with the HTML: the request, and on a form step its program too", async () => {
    const id = '01a214eb-fb46-70bd-aa34-842b06dfc357';
    const preloads = async (url: string) =>
      [
        ...(await t.app.inject({ url, headers: { accept: 'text/html' } })).body.matchAll(
          /<link rel="preload" as="fetch" crossorigin href="([^"]+)">/g,
        ),
      ].map((m) => m[1]);
    expect(await preloads(`/my-requests/${id}/apply/household`)).toEqual(
      expect.arrayContaining([`/api/requests/${id}`, `/api/requests/${id}/program`]),
    );
    const status = await preloads(`/my-requests/${id}`);
    expect(status).toContain(`/api/requests/${id}`);
    expect(status).not.toContain(`/api/requests/${id}/program`);
  });
});
