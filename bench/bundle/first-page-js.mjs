// Budget check: the JavaScript a phone downloads until the catalog page (/services) is usable, in gzip bytes.
// Usage: node bench/bundle/first-page-js.mjs [--no-build] [--url=/services] [--budget-kb=150]
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROME_FLAGS, CHROME_PATH } from '../../scripts/chromium.mjs';
import { gzipBytes, kb } from '../lib/gzip-size.mjs';
import { buildIfNeeded, root, startServer } from '../lib/server.mjs';
import { arg } from '../lib/args.mjs';

const path = arg('url', '/services');
const budgetKb = Number(arg('budget-kb', '150'));

/** Loads `path` in a fresh (cold-cache) phone-sized page and lists every script response until it is usable. */
export async function firstPageScripts(origin, pagePath, { cookie } = {}) {
  const browser = await chromium.launch({
    executablePath: CHROME_PATH,
    args: [...CHROME_FLAGS],
  });
  try {
    const context = await browser.newContext({
      viewport: { width: 412, height: 823 },
      isMobile: true,
      extraHTTPHeaders: cookie ? { cookie } : {},
    });
    const page = await context.newPage();
    const scripts = [];
    page.on('response', (res) => {
      const type = res.request().resourceType();
      const url = res.url();
      if (type === 'script' || /\.m?js(\?|$)/.test(new URL(url).pathname)) scripts.push(res);
    });
    const t0 = Date.now();
    await page.goto(origin + pagePath, { waitUntil: 'load' });
    // Usable: the route's own heading is on screen, its data has arrived, and nothing more is being fetched.
    await page.locator('main h1').first().waitFor({ state: 'visible', timeout: 30_000 });
    await page.waitForLoadState('networkidle');
    const usableMs = Date.now() - t0;
    const rows = [];
    for (const res of scripts) {
      const sizes = await res.request().sizes();
      const url = res.url();
      rows.push({
        url: url.replace(origin, ''),
        encoding: (await res.allHeaders())['content-encoding'] ?? 'none',
        transferred: sizes.responseBodySize + sizes.responseHeadersSize,
        gzip: await gzipBytes(url),
      });
    }
    return { rows, usableMs };
  } finally {
    await browser.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (!process.argv.includes('--no-build')) buildIfNeeded();
  const server = await startServer();
  let failed;
  try {
    const { rows } = await firstPageScripts(server.origin, path);
    rows.sort((a, b) => b.gzip - a.gzip);
    const total = rows.reduce((s, r) => s + r.gzip, 0);
    const transferred = rows.reduce((s, r) => s + r.transferred, 0);
    console.log(
      `\nJavaScript downloaded until ${path} is usable (cold cache, ${rows.length} files):\n`,
    );
    console.log('  gzip KB  sent KB  file');
    for (const r of rows)
      console.log(
        `  ${String(kb(r.gzip)).padStart(7)}  ${String(kb(r.transferred)).padStart(7)}  ${r.url} (${r.encoding})`,
      );
    console.log(
      `\n  total: ${kb(total)} KB gzip (${kb(transferred)} KB actually sent, the server negotiates brotli); budget ${budgetKb} KB gzip`,
    );
    mkdirSync(join(root, 'bench', 'out'), { recursive: true });
    const out = join(root, 'bench', 'out', 'first-page-js.json');
    writeFileSync(
      out,
      JSON.stringify(
        {
          path,
          date: new Date().toISOString(),
          totalGzip: total,
          totalTransferred: transferred,
          budgetKb,
          files: rows,
        },
        null,
        2,
      ),
    );
    console.log(`  written: ${out}`);
    failed = total > budgetKb * 1024;
    console.log(failed ? `  OVER BUDGET by ${kb(total - budgetKb * 1024)} KB` : '  within budget');
  } finally {
    await server.stop();
  }
  process.exit(failed ? 1 : 0);
}
