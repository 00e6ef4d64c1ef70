import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { expectNoAxeViolations } from './axe';
import { demoUsers, openAdminSection, signIn } from './helpers';

// Issue 12 item 7 over the production build: an administrator downloads the payees (account numbers masked by
// default), then, after ticking the box and confirming, with full numbers; then the requests; the audit log shows
// both kinds of export. The demo citizen's seeded account is 300000001.

async function download(page: Page, link: string | RegExp): Promise<string[]> {
  const downloading = page.waitForEvent('download');
  await page.getByRole('link', { name: link }).click();
  const file = await downloading;
  expect(file.suggestedFilename()).toMatch(/^hms-(payees|requests)-\d{4}-\d{2}-\d{2}\.csv$/);
  return readFileSync((await file.path())!, 'utf8')
    .trimEnd()
    .split('\r\n');
}

test('export: payees masked by default, full numbers only when chosen and confirmed, requests, audited', async ({
  page,
}) => {
  await signIn(page, demoUsers.admin);
  await openAdminSection(page, 'Export', '/admin/exports');
  const full = page.getByLabel('Include full account numbers');
  await expect(full).not.toBeChecked();
  await expectNoAxeViolations(page);

  const masked = await download(page, 'Download the export');
  expect(masked[0]).toBe(
    'external_id,full_name,email,phone,language,routing_number,account_number,account_type,holder_name',
  );
  const casey = masked.find((l) => l.includes(',citizen@example.gov,'));
  expect(casey).toMatch(
    /^hms-[0-9a-f-]{36},Casey Citizen,citizen@example.gov,,en,\d{9},\*\*\*\*0001,/,
  );
  expect(masked.join('\n')).not.toContain('300000001');

  // Full numbers: the box (keyboard), then a confirmation that takes the focus, then the download.
  await full.focus();
  await page.keyboard.press('Space');
  await expect(full).toBeChecked();
  await expect(page.getByRole('link', { name: 'Download the export' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Download with full account numbers' }).click();
  await expect(page.getByRole('heading', { name: 'Download full account numbers?' })).toBeFocused();
  await expectNoAxeViolations(page);
  const withNumbers = await download(page, 'Yes, download full account numbers');
  expect(withNumbers.find((l) => l.includes(',citizen@example.gov,'))).toMatch(
    /,300000001,checking,/,
  );
  // Back to masked after the download: a second full-number file needs both steps again.
  await expect(full).not.toBeChecked();

  await page.getByLabel('What to export').selectOption('requests');
  await expect(full).toBeDisabled();
  const requests = await download(page, 'Download the export');
  expect(requests[0]).toBe(
    'external_id,program,payee_external_id,amount,status,submitted_at,decided_at,paid_at,decided_by_email,note',
  );
  expect(requests.length).toBeGreaterThan(1);
  expect(requests.some((l) => l.split(',')[4] === 'draft')).toBe(false);

  await page
    .getByRole('navigation', { name: 'Administration sections' })
    .getByRole('link', { name: 'Audit log' })
    .click();
  // Each export is its own entry: who, the kind, the rows, whether full numbers went out.
  await expect(
    page.getByRole('row', {
      name: /Adrian Admin.*File exported WITH FULL ACCOUNT NUMBERS.*kind: payees.*fullAccountNumbers: true/,
    }),
  ).toHaveCount(1);
  await expect(
    page.getByRole('row', {
      name: /Adrian Admin.*File exported \(account numbers masked\).*kind: payees.*fullAccountNumbers: false/,
    }),
  ).toHaveCount(1);
  await expect(
    page.getByRole('row', { name: /File exported \(account numbers masked\).*kind: requests/ }),
  ).toHaveCount(1);
});
