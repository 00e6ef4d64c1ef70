import { expect, test } from '@playwright/test';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expectNoAxeViolations } from './axe';
import { demoUsers, openAdminSection, signIn, tabTo } from './helpers';

// Issue 12 item 4 over the production build: an administrator checks the sample payees file with one row broken,
// reads the problem on its line, downloads the file with its error column, checks the fixed file (clean), and
// imports it by keyboard; the result says what was created.

const SAMPLE = fileURLToPath(new URL('../../docs/samples/payees.csv', import.meta.url));

test('imports: check a broken payees file, download its error file, fix, check and import', async ({
  page,
}) => {
  const dir = mkdtempSync(join(tmpdir(), 'hms-e2e-imports-'));
  const sample = readFileSync(SAMPLE, 'utf8');
  // LEG-P-0002's routing number gets a wrong check digit: line 3 of the file.
  const broken = join(dir, 'payees-broken.csv');
  writeFileSync(broken, sample.replace(',021000021,4401234502,', ',021000022,4401234502,'));
  const fixed = join(dir, 'payees.csv');
  writeFileSync(fixed, sample);

  await signIn(page, demoUsers.admin);
  await openAdminSection(page, 'Imports', '/admin/imports');
  const importButton = page.getByRole('button', { name: 'Import', exact: true });
  await expect(importButton).toBeDisabled();

  await page.getByLabel('What the file holds').selectOption('payees');
  await page.getByLabel('CSV or Excel file').setInputFiles(broken);
  // The mapping step: each column of the file with the HMS column it is read as (here, the same names).
  const mappingStep = page.getByRole('group', { name: 'Columns of the file' });
  await expect(mappingStep.getByLabel('File column “external_id”')).toHaveValue('external_id');
  await expect(mappingStep.getByLabel('File column “holder_name”')).toHaveValue('holder_name');
  await page.getByRole('button', { name: 'Check the file (dry run)' }).click();
  const heading = page.getByRole('heading', { level: 2, name: 'Check of payees-broken.csv' });
  await expect(heading).toBeFocused();
  await expect(
    page.getByText('The check rejected 1 of 5 rows. Nothing was changed', { exact: false }),
  ).toBeVisible();
  await expect(page.getByText(/^Columns found: external_id, full_name, email/)).toBeVisible();
  const problems = page.getByRole('table', { name: 'Problems by line and column' });
  await expect(problems.getByRole('row')).toHaveCount(2);
  await expect(problems.getByRole('row').nth(1)).toContainText('routing_number');
  await expect(problems.getByRole('row').nth(1).getByRole('cell').first()).toHaveText('3');
  await expect(importButton).toBeDisabled();
  await expectNoAxeViolations(page);

  // The error file: every row of the file, the problem of line 3 in the error column first.
  const downloading = page.waitForEvent('download');
  await page.getByRole('link', { name: /Download the file with an error column/ }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('payees-broken-errors.csv');
  const errorFile = readFileSync((await download.path())!, 'utf8')
    .trimEnd()
    .split('\r\n');
  expect(errorFile).toHaveLength(6);
  expect(errorFile[0]).toMatch(/^error,external_id,full_name,email,/);
  expect(errorFile[1]).toMatch(/^,LEG-P-0001,/);
  expect(errorFile[2]).toMatch(/^"?routing_number: .*LEG-P-0002,Thomas Reed,/);

  // The fixed file checks clean, and only then can it be imported: by keyboard.
  await page.getByLabel('CSV or Excel file').setInputFiles(fixed);
  await expect(importButton).toBeDisabled();
  await page.getByRole('button', { name: 'Check the file (dry run)' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Check of payees.csv' })).toBeFocused();
  await expect(
    page.getByText(
      'The check found no rejected row. Nothing was changed. You can import this file now.',
    ),
  ).toBeVisible();
  await expect(
    page.getByRole('table', { name: 'What the rows would become' }).getByRole('row', {
      name: 'New 5',
    }),
  ).toBeVisible();
  await expect(page.getByRole('link', { name: /Download the file/ })).toHaveCount(0);
  await expectNoAxeViolations(page);
  await tabTo(page, importButton);
  await page.keyboard.press('Enter');
  const notice = page.getByText(
    'Imported payees.csv: 5 rows. 5 new, 0 changed, 0 already imported and unchanged.',
  );
  await expect(notice).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Imported payees.csv' })).toBeFocused();
  await expect(importButton).toBeDisabled();
  await expectNoAxeViolations(page);

  // The import ran as a background job: reopening the page tells its result again.
  await page.reload();
  await expect(notice).toBeVisible();

  // The same file again: twice is once.
  await page.getByLabel('CSV or Excel file').setInputFiles(fixed);
  await page.getByRole('button', { name: 'Check the file (dry run)' }).click();
  await expect(
    page.getByRole('table', { name: 'What the rows would become' }).getByRole('row', {
      name: 'Already imported, unchanged 5',
    }),
  ).toBeVisible();
});

test('imports: a large check runs as a job, and reloading the page during or after it shows it to its result', async ({
  page,
}) => {
  const dir = mkdtempSync(join(tmpdir(), 'hms-e2e-imports-'));
  const big = join(dir, 'payees-big.csv');
  const header =
    'external_id,full_name,email,phone,language,routing_number,account_number,account_type,holder_name';
  const rows = Array.from(
    { length: 6000 },
    (_, i) =>
      `BIG-${i},Big Payee ${i},big.payee${i}@example.org,,en,011000015,${880_000_000 + i},checking,Big Payee ${i}`,
  );
  writeFileSync(big, [header, ...rows].join('\r\n'));

  await signIn(page, demoUsers.admin);
  await page.goto('/admin/imports');
  await page.getByLabel('CSV or Excel file').setInputFiles(big);
  await page.getByRole('button', { name: 'Check the file (dry run)' }).click();
  const bar = page.getByRole('progressbar', { name: 'Rows done' });
  const result = page.getByRole('heading', { level: 2, name: 'Check of payees-big.csv' });
  // The job may already be over on a fast machine: either its progress or its result is on the page.
  await expect(bar.or(result)).toBeVisible();

  // Reloaded (while the check runs, or once it is over): the page asks for the same job and shows it to its result.
  await page.reload();
  await expect(bar.or(result)).toBeVisible();
  await expect(result).toBeVisible({ timeout: 60_000 });
  await expect(
    page.getByRole('table', { name: 'What the rows would become' }).getByRole('row', {
      name: 'New 6,000',
    }),
  ).toBeVisible();
  await expect(
    page.getByText(/To import this file, choose it again above and check it/),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: 'Import', exact: true })).toBeDisabled();
  await expectNoAxeViolations(page);
});
