// Debug helper: lists the layout shifts (with the nodes that moved) while a page loads. node bench/lib/cls-probe.mjs /services
import { chromium } from 'playwright-core';
import { CHROME_FLAGS, CHROME_PATH } from '../../scripts/chromium.mjs';
import { signIn, startServer } from './server.mjs';
const path = process.argv[2] ?? '/services';
const server = await startServer();
const browser = await chromium.launch({
  executablePath: CHROME_PATH,
  args: [...CHROME_FLAGS],
});
try {
  const cookie = process.argv.includes('--signed-in') ? await signIn(server.origin) : undefined;
  const context = await browser.newContext({
    viewport: { width: 412, height: 823 },
    isMobile: true,
    extraHTTPHeaders: cookie ? { cookie } : {},
  });
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.__shifts = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries())
        window.__shifts.push({
          t: Math.round(e.startTime),
          value: e.value,
          sources: (e.sources ?? []).map(
            (s) =>
              `${s.node?.nodeName}.${s.node?.className ?? ''} ${JSON.stringify(s.previousRect)} -> ${JSON.stringify(s.currentRect)}`,
          ),
        });
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await page.goto(server.origin + path);
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(1000);
  console.log(JSON.stringify(await page.evaluate(() => window.__shifts), null, 1));
} finally {
  await browser.close();
  await server.stop();
}
