import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { returnFileFor } from '../../apps/api/src/modules/returns/bank-return-file.ts';
import { expectNoAxeViolations } from './axe';
import { api, demoUsers, signIn } from './helpers';

// Issue 5 over the production build: an approved request becomes a payment, a finance user batches it, a different
// finance supervisor releases and downloads a file `hms-ach validate` accepts, the bank's return is imported, and
// the citizen's page shows the returned payment.

const REPO = fileURLToPath(new URL('../../', import.meta.url));

async function signOut(page: Page) {
  await page.getByRole('button', { name: /sign out/i }).click();
  await expect(page.getByRole('link', { name: /sign in/i }).first()).toBeVisible();
}

test('approved request → batch → dual-control release → valid NACHA download → return imported → citizen sees it', async ({
  page,
}) => {
  // The approver approves Casey's request that is in review (demo seed): the payment is created once.
  await signIn(page, demoUsers.approver);
  const inbox = await api(page, 'GET', '/api/inbox?queue=all&status=in_review&q=Casey');
  const item = inbox.items.find(
    (i: { applicantName: string }) => i.applicantName === 'Casey Citizen',
  );
  expect(item, 'Casey has a request in review in the demo data').toBeTruthy();
  const decision = await api(page, 'POST', `/api/requests/${item.id}/decisions`, {
    kind: 'approve',
    version: item.version,
  });
  expect(decision.status).toBe('approved');
  await signOut(page);

  // Finance builds a batch with it.
  await signIn(page, demoUsers.finance);
  await page.goto('/finance/payments');
  await expect(page.getByRole('heading', { level: 1, name: 'Pending payments' })).toBeVisible();
  await expectNoAxeViolations(page);
  // USWDS draws its own checkbox: the keyboard works on the real input (Space toggles it).
  await page.getByLabel(`Select payment ${item.reference}`).focus();
  await page.keyboard.press('Space');
  await expect(page.getByLabel(`Select payment ${item.reference}`)).toBeChecked();
  await page.getByLabel('Send same-day when the cut-off allows').focus();
  await page.keyboard.press('Space');
  await page.getByRole('button', { name: 'Build batch' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Batch / })).toBeVisible();
  const batchUrl = page.url();
  await expect(page.getByText('Only a finance supervisor can release a batch.')).toBeVisible();
  await expectNoAxeViolations(page);
  const trace = (await page
    .getByRole('row', { name: new RegExp(item.reference) })
    .getByRole('rowheader')
    .textContent())!.trim();
  await signOut(page);

  // A finance supervisor (not the builder) releases, then downloads.
  await signIn(page, demoUsers.finance_supervisor);
  await page.goto(batchUrl);
  await page.getByRole('button', { name: 'Release batch' }).click();
  await expect(page.getByText(/Release this batch\?/)).toBeFocused();
  await page.getByRole('button', { name: 'Release batch' }).click();
  await expect(page.getByText('Done: the batch is now Released.')).toBeVisible();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download NACHA file' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^HMS-\d{4}-\d{2}-\d{2}-[A-Z0-9]\.ach$/);
  const dir = mkdtempSync(join(tmpdir(), 'hms-ach-'));
  const file = join(dir, download.suggestedFilename());
  await download.saveAs(file);
  expect(readFileSync(file, 'utf8')).toContain(trace);
  const report = JSON.parse(
    execFileSync('node_modules/.bin/hms-ach', ['validate', file], {
      cwd: REPO,
      encoding: 'utf8',
    }),
  );
  expect(report).toMatchObject({ valid: true, errors: [] });
  await expectNoAxeViolations(page);

  // The bank returns it (R03): imported from the returns page.
  await page.goto('/finance/returns');
  const returnFile = join(dir, 'return.ach');
  writeFileSync(
    returnFile,
    returnFileFor({
      odfiRouting: '121042882',
      returns: [{ traceNumber: trace, amountCents: decision.approvedAmountCents, code: 'R03' }],
    }),
  );
  await page.getByLabel('Return file from the bank').setInputFiles(returnFile);
  await page.getByRole('button', { name: 'Import file' }).click();
  const row = page.getByRole('row', { name: new RegExp(trace) });
  await expect(row).toContainText('Applied');
  await expectNoAxeViolations(page);
  // The same file again changes nothing.
  await page.getByRole('button', { name: 'Import file' }).click();
  await expect(page.getByText(/This exact file was imported before/)).toBeVisible();
  await signOut(page);

  // The citizen sees the returned payment on the request's page.
  await signIn(page, demoUsers.citizen);
  await page.goto(`/my-requests/${item.id}`);
  await expect(page.getByText('Payment returned').first()).toBeVisible();
  await expectNoAxeViolations(page);
});
