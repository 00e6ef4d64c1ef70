import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { demoUsers, importFile, signIn } from './helpers';

// Issue 12: an imported request is marked as such in every screen that shows it. An admin imports two payees
// and a small requests file through the API (the upload the /admin/imports screen uses); then the approver sees the
// mark in the inbox and on the review page (where it came from, its note, no made-up answers), and finance sees it on
// the pending payment. Imported payees are accounts without a password (they cannot sign in), so there is no
// citizen's screen to check.

test('an imported request is marked in the inbox, on its review page and in finance', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const run = Date.now().toString(36).toUpperCase();
  const file = `legacy-requests-${run}.csv`;
  const open = `MARK-${run}-1`;
  const approved = `MARK-${run}-2`;
  // Dates of their own, so the screens' date filters find exactly these two.
  // Payees of this run's own (ids, emails, bank accounts), so other specs' imports of the sample file are untouched.
  const account = (n: number) => `${Date.now()}${n}`.slice(-12);
  const payees = [
    'external_id,full_name,email,phone,language,routing_number,account_number,account_type,holder_name',
    `MARK-P-${run}-1,Marta Legacy,mark.${run.toLowerCase()}.1@example.org,,es,011000015,${account(1)},checking,Marta Legacy`,
    `MARK-P-${run}-2,Omar Legacy,mark.${run.toLowerCase()}.2@example.org,,en,021000021,${account(2)},savings,Omar Legacy`,
  ].join('\r\n');
  const requests = [
    'external_id,program,payee_external_id,amount,status,submitted_at,decided_at,paid_at,decided_by_email,note',
    `${open},permit-fee-refund,MARK-P-${run}-1,123.45,in_review,2019-03-04,,,,Called in by phone`,
    `${approved},permit-fee-refund,MARK-P-${run}-2,67.89,approved,2019-03-05,2019-03-06,,,`,
  ].join('\r\n');

  await signIn(page, demoUsers.admin);
  expect((await importFile(page, 'payees', `payees-${run}.csv`, payees)).report).toEqual(
    expect.objectContaining({ rejected: 0, created: 2 }),
  );
  expect((await importFile(page, 'requests', file, requests)).report).toEqual(
    expect.objectContaining({ rejected: 0, created: 2 }),
  );
  await page.getByRole('button', { name: /sign out/i }).click();

  // The approver's inbox: the row says Imported, and names the id and the file to a screen reader.
  await signIn(page, demoUsers.approver);
  await page.goto('/approvals?queue=all&submittedFrom=2019-03-04&submittedTo=2019-03-04');
  const table = page.getByRole('table');
  await expect(table.getByRole('row')).toHaveCount(2);
  const row = table.getByRole('row').nth(1);
  const tag = row.locator('[data-imported="true"]');
  await expect(tag).toContainText('Imported');
  await expect(tag).toContainText(`Imported from ${file}, external id ${open}`);
  await expectNoAxeViolations(page);

  // Its review page: where it came from, the old system's note, and no empty answer fields.
  await row.getByRole('link').first().click();
  await expect(page.getByRole('heading', { level: 1, name: /^Review HMS-/ })).toBeVisible();
  const notice = page.locator('.usa-alert[data-imported="true"]');
  await expect(notice).toContainText(
    `This request was imported from ${file} (external id ${open})`,
  );
  await expect(notice).toContainText('Note from the previous system: Called in by phone');
  const answers = page.locator('section[aria-labelledby="answers-h"]');
  await expect(answers).toContainText(`None. This request was imported from ${file}`);
  await expect(answers.locator('dl')).toHaveCount(0);
  await expectNoAxeViolations(page);

  await page.getByRole('button', { name: /sign out/i }).click();

  // Finance: the approved request's pending payment carries the mark.
  await signIn(page, demoUsers.finance);
  await page.goto('/finance/payments?createdFrom=2019-03-06&createdTo=2019-03-06');
  const payment = page.getByRole('row').filter({ has: page.locator('[data-imported="true"]') });
  await expect(payment).toHaveCount(1);
  await expect(payment.locator('[data-imported="true"]')).toContainText(
    `Imported from ${file}, external id ${approved}`,
  );
  await expect(payment).toContainText('$67.89');
  await expectNoAxeViolations(page);
});
