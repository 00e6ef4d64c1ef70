import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './axe.ts';

/**
 * Module Federation must load React, ReactDOM, react-router, TanStack Query and the workspace api-client and ui
 * packages exactly once (from the shell), and remotes must use the shell's QueryClient.
 */
test('shared singletons load once and the remote reads the shell’s query cache', async ({
  page,
}) => {
  const scripts: string[] = [];
  const programRequests: string[] = [];
  page.on('request', (req) => {
    const url = new URL(req.url());
    if (req.resourceType() === 'script' || url.pathname.endsWith('.js')) scripts.push(url.pathname);
    if (url.pathname === '/api/programs') programRequests.push(url.pathname);
  });

  // The shell's own home page fetches the program catalog into its QueryClient…
  await page.goto('/');
  await expect(page.getByRole('link', { name: 'See all services' })).toBeVisible();
  expect(programRequests).toHaveLength(1);

  // …then a client-side navigation mounts the intake remote, whose catalog uses the same query.
  await page.getByRole('link', { name: 'See all services' }).click();
  await expect(page).toHaveURL(/\/services$/);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.locator('main').getByRole('heading', { level: 2 }).first()).toBeVisible();
  expect(scripts.some((s) => s.startsWith('/remotes/intake/'))).toBe(true);
  // Read from the shared cache: had the remote its own QueryClient, it would have fetched again.
  expect(programRequests).toHaveLength(1);

  // Network log: each script once, and no remote ships its own copy of a shared library.
  const counts = new Map<string, number>();
  for (const s of scripts) counts.set(s, (counts.get(s) ?? 0) + 1);
  expect([...counts].filter(([, n]) => n > 1)).toEqual([]);
  const sharedPattern = /react|router|tanstack|query|api-client|hms_mf_2_ui/i;
  const remoteCopies = scripts.filter(
    (s) => s.startsWith('/remotes/') && sharedPattern.test(s.split('/').pop()!),
  );
  expect(remoteCopies).toEqual([]);

  // The federation runtime agrees: every shared module in every scope was provided by the shell.
  const providers = await page.evaluate(() => {
    type Info = { from: string };
    const share = (
      globalThis as unknown as {
        __FEDERATION__: {
          __SHARE__: Record<string, Record<string, Record<string, Record<string, Info>>>>;
        };
      }
    ).__FEDERATION__.__SHARE__;
    const out: Record<string, string[]> = {};
    for (const scopes of Object.values(share))
      for (const pkgs of Object.values(scopes))
        for (const [name, versions] of Object.entries(pkgs))
          for (const [version, info] of Object.entries(versions))
            (out[name] ??= []).push(`${version} from ${info.from}`);
    return out;
  });
  for (const name of [
    'react',
    'react-dom',
    'react-router',
    '@tanstack/react-query',
    '@hms/api-client',
    '@hms/ui',
  ]) {
    const entries = providers[name] ?? [];
    expect(entries.length, `${name} is registered`).toBeGreaterThan(0);
    expect(new Set(entries), `${name} has one version, provided by the shell`).toEqual(
      new Set([entries[0]]),
    );
    expect(entries[0]).toMatch(/from shell$/);
  }
  await expectNoAxeViolations(page);
});
