import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { returnFileFor } from '../../apps/api/src/modules/returns/bank-return-file.ts';
import { expectNoAxeViolations } from './axe';
import {
  expectErrorSummary,
  api,
  demoUsers,
  releaseBatchOfTwo,
  signIn,
  signedInPage,
} from './helpers';

// Issue 9, items 8–10 over the production build at a 1280 px wide screen: a payment's checkbox is inside its own row,
// the finance tables are never clipped without a cue, the FINANCIAL exchange log pages on the server, and an admin
// form answers with the error summary (linked field errors, "Error:" title).

const WIDE = { viewport: { width: 1280, height: 900 } };

test.use(WIDE);

/**
 * Every table on the page either fits its scroll container or says, visibly, that it scrolls sideways (the cue that
 * describes the region). Returns what was measured, for the failure message.
 */
async function expectNoSilentClipping(page: Page) {
  const regions = page.locator('.usa-table-container--scrollable');
  await expect(regions.first()).toBeVisible();
  for (const region of await regions.all()) {
    const m = await region.evaluate((el) => {
      const cueId = el.getAttribute('aria-describedby');
      const cue = cueId ? document.getElementById(cueId) : null;
      const cueBox = cue?.getBoundingClientRect();
      return {
        name: el.getAttribute('aria-label') ?? el.querySelector('caption')?.textContent ?? '',
        scrollWidth: el.scrollWidth,
        clientWidth: el.clientWidth,
        cueVisible: !!cue && !!cueBox && cueBox.width > 0 && cueBox.height > 0,
        overflowX: getComputedStyle(el).overflowX,
      };
    });
    const fits = m.scrollWidth <= m.clientWidth + 1;
    expect(fits || (m.cueVisible && m.overflowX === 'scroll'), JSON.stringify(m)).toBe(true);
  }
}

test("each payment's checkbox sits inside its own row, and ticking it ticks that payment", async ({
  page,
}) => {
  await signIn(page, demoUsers.finance);
  await page.goto('/finance/payments');
  await expect(page.getByRole('heading', { level: 1, name: 'Pending payments' })).toBeVisible();
  const region = page.getByRole('region', { name: 'Pending payments; select rows to batch' });
  const regionBox = (await region.boundingBox())!;
  const rows = region.locator('tbody tr');
  expect(await rows.count()).toBeGreaterThan(1);
  for (const row of await rows.all()) {
    const rowBox = (await row.boundingBox())!;
    // USWDS draws the visible box as the label's ::before; the label is sized to it.
    const box = await row.locator('.usa-checkbox__label').evaluate((label) => {
      const r = label.getBoundingClientRect();
      const before = getComputedStyle(label, '::before');
      return {
        x: r.x,
        y: r.y + parseFloat(before.marginTop),
        width: parseFloat(before.width),
        height: parseFloat(before.height),
      };
    });
    const inside = (outer: typeof rowBox) =>
      box.y >= outer.y - 0.5 &&
      box.y + box.height <= outer.y + outer.height + 0.5 &&
      box.x >= outer.x - 0.5 &&
      box.x + box.width <= outer.x + outer.width + 0.5;
    expect(inside(rowBox), `checkbox ${JSON.stringify(box)} in row ${JSON.stringify(rowBox)}`).toBe(
      true,
    );
    // Not cut off by the scroll container either (the last row's box used to be).
    expect(inside(regionBox), `checkbox in the scroll container`).toBe(true);
  }

  // A pointer click in the middle of the last row's drawn box ticks the last row's payment, and only it.
  const last = rows.last();
  await last.scrollIntoViewIfNeeded();
  const label = (await last.locator('.usa-checkbox__label').boundingBox())!;
  await page.mouse.click(label.x + label.width / 2, label.y + label.height / 2);
  await expect(last.getByRole('checkbox')).toBeChecked();
  await expect(rows.first().getByRole('checkbox')).not.toBeChecked();
  await expectNoAxeViolations(page);
});

test('an invalid admin form shows the error summary: focused, linked to each field, "Error:" in the title', async ({
  page,
}) => {
  await signIn(page, demoUsers.admin);
  await page.goto('/admin/webhooks');
  await expect(page.getByRole('heading', { level: 1, name: 'Webhook endpoints' })).toBeVisible();

  // The form's own checks: nothing entered, every event unticked.
  // USWDS draws its own checkbox: the keyboard works on the real input (Space toggles it).
  for (const box of await page.locator('input[name="events"]').all()) {
    await box.focus();
    await page.keyboard.press('Space');
    await expect(box).not.toBeChecked();
  }
  await page.getByRole('button', { name: 'Add endpoint' }).click();
  const summary = await expectErrorSummary(page);
  await expect(page).toHaveTitle(/^Error: Webhook endpoints/);
  await expect(summary.getByRole('link')).toHaveText([
    'Enter the receiver URL.',
    'Choose at least one event.',
  ]);
  await summary.getByRole('link', { name: 'Choose at least one event.' }).click();
  await expect(page.getByLabel('request.approved')).toBeFocused();
  await expectNoAxeViolations(page);

  // The server's field error (problem+json errors[].field = body.url) lands on the URL field and in the summary.
  await page.getByLabel('URL').fill('http://financial.example.gov/hooks');
  await page.getByLabel('payment.created').focus();
  await page.keyboard.press('Space');
  await page.getByRole('button', { name: 'Add endpoint' }).click();
  const serverLink = summary.getByRole('link', { name: /https/ });
  await expect(serverLink).toBeVisible();
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('link')).toHaveCount(1);
  await expect(page.getByText(/See errors for each field/)).toHaveCount(0);
  const urlError = page.locator('#endpoint-url-error');
  await expect(urlError).toHaveText((await serverLink.textContent())!);
  await expect(page.getByLabel('URL')).toHaveAttribute('aria-invalid', 'true');
  await serverLink.press('Enter');
  await expect(page.getByLabel('URL')).toBeFocused();
  await expect(page).toHaveTitle(/^Error: /);
  await expectNoAxeViolations(page);

  // Fixed: the endpoint is added, the summary and the "Error:" title go away.
  await page.getByLabel('URL').fill('https://localhost:9/hooks/form-check');
  await page.getByRole('button', { name: 'Add endpoint' }).click();
  await expect(page.getByTestId('secret')).toBeVisible();
  await expect(summary).toHaveCount(0);
  await expect(page).toHaveTitle(/^Webhook endpoints/);
});

test('batches, the FINANCIAL exchange log and returns fit at 1280 px or say they scroll; the log pages on the server', async ({
  browser,
}) => {
  // Deliveries to page through: 13 receivers hear of one released and settled batch of two payments
  // (13 × (1 batch.released + 2 payment.settled) = 39 deliveries, more than a page of 25).
  const admin = await signedInPage(browser, demoUsers.admin, WIDE);
  const stamp = Date.now();
  for (let i = 0; i < 13; i += 1)
    await api(admin, 'POST', '/api/webhooks/endpoints', {
      url: `https://localhost:9/hooks/paging-${stamp}-${i}`,
      eventTypes: ['batch.released', 'payment.settled'],
    });
  await admin.context().close();

  const finance = await signedInPage(browser, demoUsers.finance, WIDE);
  const { batchId, supervisor } = await releaseBatchOfTwo(browser, finance, WIDE);
  await api(supervisor, 'POST', `/api/batches/${batchId}/settle`, {});
  await supervisor.context().close();
  await expect
    .poll(
      async () =>
        (await api(finance, 'GET', '/api/webhooks/deliveries?limit=200')).items.filter(
          (d: { endpointUrl: string }) => d.endpointUrl.includes(`paging-${stamp}`),
        ).length,
      { timeout: 30_000 },
    )
    .toBe(39);

  // Batches.
  await finance.goto('/finance/batches');
  await expect(finance.getByRole('heading', { level: 1, name: 'Batches' })).toBeVisible();
  await expectNoSilentClipping(finance);
  await expectNoAxeViolations(finance);

  // The exchange log: 25 a page, next and previous move through it on the server.
  await finance.goto('/finance/integration');
  await expect(
    finance.getByRole('heading', { level: 1, name: 'FINANCIAL system exchange' }),
  ).toBeVisible();
  const log = finance.getByRole('region', { name: 'Webhook deliveries, newest first' });
  // A delivery is one event to one receiver (status and attempts change as the worker retries).
  const rowKeys = () =>
    log
      .locator('tbody tr')
      .evaluateAll((rows) =>
        rows.map(
          (r) => `${r.querySelector('th')?.textContent} → ${r.querySelector('td')?.textContent}`,
        ),
      );
  await expect(log.locator('tbody tr')).toHaveCount(25);
  await expectNoSilentClipping(finance);
  await expectNoAxeViolations(finance);
  const firstPage = await rowKeys();
  const pager = finance.getByRole('navigation', { name: 'Pages of deliveries' });
  await expect(pager.getByRole('button', { name: /Previous page/ })).toBeDisabled();
  await pager.getByRole('button', { name: /Next page/ }).click();
  await expect(finance).toHaveURL(/\/finance\/integration\?cursor=/);
  await expect(pager.getByRole('button', { name: /Previous page/ })).toBeEnabled();
  await expect.poll(async () => (await rowKeys())[0]).not.toBe(firstPage[0]);
  const secondPage = await rowKeys();
  expect(secondPage.some((row) => firstPage.includes(row))).toBe(false);
  await expectNoAxeViolations(finance);
  await pager.getByRole('button', { name: /Previous page/ }).click();
  await expect.poll(async () => rowKeys()).toEqual(firstPage);
  await expect(pager.getByRole('button', { name: /Previous page/ })).toBeDisabled();
  // The back button returns to the page before, as the page is in the URL.
  await finance.goBack();
  await expect.poll(async () => rowKeys()).toEqual(secondPage);

  // Returns: the bank sends a notification of change for one entry; the import result and the NOC table.
  const detail = await api(finance, 'GET', `/api/batches/${batchId}`);
  const dir = mkdtempSync(join(tmpdir(), 'hms-noc-'));
  const file = join(dir, 'noc.ach');
  writeFileSync(
    file,
    returnFileFor(
      {
        odfiRouting: '121042882',
        nocs: [
          {
            traceNumber: detail.entries[0].traceNumber,
            code: 'C03',
            correctedData: '021000021   123123123',
          },
        ],
      },
      'Q',
    ),
  );
  await finance.goto('/finance/returns');
  await finance.getByLabel('Return file from the bank').setInputFiles(file);
  await finance.getByRole('button', { name: 'Import file' }).click();
  await expect(finance.getByRole('table', { name: 'Entries in the file' })).toBeVisible();
  await expect(
    finance.getByRole('row', { name: new RegExp(detail.entries[0].payment.reference) }).first(),
  ).toBeVisible();
  await expectNoSilentClipping(finance);
  await expectNoAxeViolations(finance);
  await finance.context().close();
});
