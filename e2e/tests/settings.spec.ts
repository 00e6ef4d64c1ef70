import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { api, demoUsers, signIn, submitNewPermitRefund } from './helpers';

// Issue 11 item 6 and 7 over the production build: an administrator changes the ACH originator in the browser (bad
// values are refused field by field, nothing is saved), the very next batch file carries the new name with no
// restart, and the audit log shows the change with its before and after, and exports it to CSV as filtered.

const NEW_NAME = 'SPRINGS REBATES';

async function settingsPage(page: Page) {
  await page.goto('/admin/settings');
  await expect(page.getByRole('heading', { level: 1, name: 'Agency settings' })).toBeVisible();
  await expect(page.getByLabel('Company name')).not.toHaveValue('');
}

test('a changed originator is in the next batch file, and the audit log shows and exports the change', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, demoUsers.admin);
  await settingsPage(admin);
  await expectNoAxeViolations(admin);
  const oldName = await admin.getByLabel('Company name').inputValue();
  const oldRouting = await admin.getByLabel('Agency bank (ODFI) routing number').inputValue();

  try {
    // A routing number with a wrong check digit is refused by name; the company name typed beside it is not saved.
    await admin.getByLabel('Company name').fill(NEW_NAME);
    await admin.getByLabel('Agency bank (ODFI) routing number').fill('121042883');
    await admin.getByRole('button', { name: 'Save settings' }).click();
    const summary = admin.getByRole('alert');
    await expect(summary).toBeFocused();
    await expect(
      summary.getByRole('link', { name: /routing number/i }),
      'the error summary names the field',
    ).toBeVisible();
    await expectNoAxeViolations(admin);
    await settingsPage(admin);
    await expect(admin.getByLabel('Company name')).toHaveValue(oldName);

    // A valid change is saved and applies at once.
    await admin.getByLabel('Company name').fill(NEW_NAME);
    await admin.getByRole('button', { name: 'Save settings' }).click();
    await expect(admin.getByText('Settings saved')).toBeVisible();
    await expect(admin.getByLabel('Agency bank (ODFI) routing number')).toHaveValue(oldRouting);

    // A new request is approved, and finance batches it: the file names the agency as just set.
    const citizen = await (await browser.newContext()).newPage();
    const request = await submitNewPermitRefund(citizen, { prefix: 'settings' });
    const approver = await (await browser.newContext()).newPage();
    await signIn(approver, demoUsers.approver);
    const claimed = await api(approver, 'POST', `/api/requests/${request.id}/claim`);
    await api(approver, 'POST', `/api/requests/${request.id}/decisions`, {
      kind: 'approve',
      version: claimed.version,
    });

    const finance = await (await browser.newContext()).newPage();
    await signIn(finance, demoUsers.finance);
    await finance.goto('/finance/payments');
    // USWDS draws its own checkbox: the keyboard works on the real input (Space toggles it).
    const select = finance.getByLabel(`Select payment ${request.reference}`);
    await select.focus();
    await finance.keyboard.press('Space');
    await expect(select).toBeChecked();
    await finance.getByRole('button', { name: 'Build batch' }).click();
    await expect(finance.getByRole('heading', { level: 1, name: /^Batch / })).toBeVisible();
    const batchUrl = finance.url();

    const supervisor = await (await browser.newContext()).newPage();
    await signIn(supervisor, demoUsers.finance_supervisor);
    await supervisor.goto(batchUrl);
    await supervisor.getByRole('button', { name: 'Release batch' }).click();
    await supervisor.getByRole('button', { name: 'Release batch' }).click();
    await expect(supervisor.getByText('Done: the batch is now Released.')).toBeVisible();
    const [download] = await Promise.all([
      supervisor.waitForEvent('download'),
      supervisor.getByRole('button', { name: 'Download NACHA file' }).click(),
    ]);
    const batchHeader = readFileSync((await download.path())!, 'utf8')
      .split(/\r?\n/)
      .find((line) => line.startsWith('5'))!;
    // Company name: positions 5–20 of the batch header record.
    expect(batchHeader.slice(4, 20).trim()).toBe(NEW_NAME);

    // The audit log shows the change with its before and after, and exports exactly what is filtered.
    await admin.goto('/admin/audit');
    await admin.getByLabel('What').selectOption('settings.updated');
    await admin.getByRole('button', { name: 'Search' }).click();
    const row = admin.getByRole('row').filter({ hasText: NEW_NAME }).first();
    await expect(row).toContainText('Agency settings changed');
    await expect(row).toContainText(oldName);
    await expect(row).toContainText('admin@example.gov');
    await expect(admin.getByTestId('audit-verification')).toHaveAttribute('data-ok', 'true');
    await expectNoAxeViolations(admin);
    const [csv] = await Promise.all([
      admin.waitForEvent('download'),
      admin.getByRole('link', { name: 'Export these entries to CSV' }).click(),
    ]);
    const lines = readFileSync((await csv.path())!, 'utf8')
      .trim()
      .split(/\r?\n/);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.slice(1).every((l) => l.includes('settings.updated'))).toBe(true);
    expect(lines.some((l) => l.includes(NEW_NAME))).toBe(true);
  } finally {
    // Later specs read files with the demo originator: put it back.
    const current = await api(admin, 'GET', '/api/admin/settings');
    if (current.companyName !== oldName) {
      const { updatedAt, updatedBy, timeZone, ...values } = current;
      void updatedAt;
      void updatedBy;
      void timeZone;
      await api(admin, 'PUT', '/api/admin/settings', { ...values, companyName: oldName });
    }
  }
});
