import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expectNoAxeViolations } from './axe';
import { demoUsers, signIn } from './helpers';

// Issue 12: an imported request is marked as such in every screen that shows it. An admin imports the sample payees
// and a small requests file through the API (the upload the /admin/imports screen uses); then the approver sees the
// mark in the inbox and on the review page (where it came from, its note, no made-up answers), and finance sees it on
// the pending payment. Imported payees are accounts without a password (they cannot sign in), so there is no
// citizen's screen to check.

const PAYEES = fileURLToPath(new URL('../../docs/samples/payees.csv', import.meta.url));

async function upload(page: Page, kind: 'payees' | 'requests', name: string, content: string) {
  if (!(await page.context().cookies()).some((c) => c.name === 'hms_csrf'))
    await page.request.get('/api/health');
  const csrf = (await page.context().cookies()).find((c) => c.name === 'hms_csrf')?.value ?? '';
  const res = await page.request.post('/api/admin/imports', {
    headers: { 'x-csrf-token': csrf },
    multipart: {
      kind,
      dryRun: 'false',
      file: { name, mimeType: 'text/csv', buffer: Buffer.from(content) },
    },
  });
  expect(res.ok(), `import ${name}: ${res.status()} ${await res.text()}`).toBe(true);
  return (await res.json()) as { report: { rejected: number; created: number } };
}

test('an imported request is marked in the inbox, on its review page and in finance', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const run = Date.now().toString(36).toUpperCase();
  const file = `legacy-requests-${run}.csv`;
  const open = `MARK-${run}-1`;
  const approved = `MARK-${run}-2`;
  // Dates of their own, so the screens' date filters find exactly these two.
  const requests = [
    'external_id,program,payee_external_id,amount,status,submitted_at,decided_at,paid_at,decided_by_email,note',
    `${open},permit-fee-refund,LEG-P-0002,123.45,in_review,2019-03-04,,,,Called in by phone`,
    `${approved},permit-fee-refund,LEG-P-0003,67.89,approved,2019-03-05,2019-03-06,,,`,
  ].join('\r\n');

  await signIn(page, demoUsers.admin);
  expect((await upload(page, 'payees', 'payees.csv', readFileSync(PAYEES, 'utf8'))).report).toEqual(
    expect.objectContaining({ rejected: 0 }),
  );
  expect((await upload(page, 'requests', file, requests)).report).toEqual(
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
