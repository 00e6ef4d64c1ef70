import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { demoUsers, importFile, signIn } from './helpers';

// Issue 13: a finance officer lands on Today (the work waiting now), whose waiting-to-batch figure counts the two
// approved payments this test brings in; then opens the overview for a past month, reads the Paid figure, opens the list behind it
// and downloads it as CSV; the settled rows of the file add up to the figure to the cent. The month's history is
// imported (as an agency brings its old system's payments), so the figures include it: imported history counts.

const cents = (dollars: string) => Math.round(Number(dollars.replace(/[$,]/g, '')) * 100);

test('today → overview → the Paid figure → its list → CSV whose settled rows add up to the figure', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const run = Date.now().toString(36).toUpperCase();
  const account = (n: number) => `${Date.now()}${n}`.slice(-12);
  const payees = [
    'external_id,full_name,email,phone,language,routing_number,account_number,account_type,holder_name',
    `FO-P-${run}-1,Rosa Ledger,fo.${run.toLowerCase()}.1@example.org,,es,011000015,${account(1)},checking,Rosa ${run}`,
    `FO-P-${run}-2,Tom Ledger,fo.${run.toLowerCase()}.2@example.org,,en,021000021,${account(2)},savings,Tom Ledger`,
  ].join('\r\n');
  const requests = [
    'external_id,program,payee_external_id,amount,status,submitted_at,decided_at,paid_at,decided_by_email,note',
    `FO-${run}-1,permit-fee-refund,FO-P-${run}-1,210.55,paid,2018-01-03,2018-01-05,2018-01-12,,`,
    `FO-${run}-2,permit-fee-refund,FO-P-${run}-2,89.10,paid,2018-01-04,2018-01-08,2018-01-19,,`,
    // Approved, not yet paid: each becomes a payment waiting to be batched (what Today counts).
    `FO-${run}-3,permit-fee-refund,FO-P-${run}-1,12.34,approved,2018-02-03,2018-02-05,,,`,
    `FO-${run}-4,permit-fee-refund,FO-P-${run}-2,5.66,approved,2018-02-04,2018-02-06,,,`,
  ].join('\r\n');
  // What waits to be batched before this test adds its two (specs run one at a time on one server).
  await signIn(page, demoUsers.finance);
  const before = (await (await page.request.get('/api/finance/today')).json()) as {
    waitingToBatch: { count: number; cents: number };
  };
  await page.getByRole('button', { name: /sign out/i }).click();
  await signIn(page, demoUsers.admin);
  await importFile(page, 'payees', `fo-payees-${run}.csv`, payees);
  await importFile(page, 'requests', `fo-requests-${run}.csv`, requests);
  await page.getByRole('button', { name: /sign out/i }).click();

  // The finance landing page is Today: the two approved payments joined the ones waiting to be batched.
  await signIn(page, demoUsers.finance);
  await expect(page).toHaveURL(/\/finance$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: /^Next cut-off: / })).toBeVisible();
  const waiting = page.locator('[data-today="waitingToBatch"]');
  await expect(waiting.getByRole('link')).toHaveText(
    `Payments: ${before.waitingToBatch.count + 2}`,
  );
  const waitingCents = before.waitingToBatch.cents + 12_34 + 5_66;
  const waitingMoney = `$${(waitingCents / 100).toLocaleString('en-US', { minimumFractionDigits: 2 })}`;
  await expect(waiting).toContainText(waitingMoney);
  await expect(page.getByText(/^Computed at /)).toBeVisible();
  await expectNoAxeViolations(page);
  // Its figure opens the list it counts: the pending payments, with the same total.
  await waiting.getByRole('link').click();
  await expect(page).toHaveURL(/\/finance\/payments$/);
  await expect(
    page.getByText(
      `${(before.waitingToBatch.count + 2).toLocaleString('en-US')} payments, ${waitingMoney} in total match the filters.`,
    ),
  ).toBeVisible();
  await page.goBack();

  // On to the overview, by keyboard from the finance sections; choose January 2018 and the permit fee refund.
  const sections = page.getByRole('navigation', { name: 'Finance sections' });
  await sections.getByRole('link', { name: 'Overview', exact: true }).focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/finance\/overview$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible();
  await page.getByLabel('From (date)').fill('2018-01-01');
  await page.getByLabel('To (date, included)').fill('2018-01-31');
  await page.getByLabel('Program', { exact: true }).selectOption('permit-fee-refund');
  await page.getByRole('button', { name: 'Show' }).press('Enter');
  await expect(page).toHaveURL(/from=2018-01-01&to=2018-01-31&program=permit-fee-refund/);
  await expect(
    page.getByRole('heading', { level: 2, name: 'Money from 2018-01-01 to 2018-01-31' }),
  ).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Computed at' })).toBeVisible();
  const paid = page.getByRole('link', { name: /^Open the list: Paid, / });
  await expect(paid).toBeVisible();
  const paidText = (await paid.textContent())!;
  expect(cents(paidText)).toBeGreaterThanOrEqual(210_55 + 89_10);
  const tile = page.locator('[data-figure="paid"]');
  await tile.getByText('What this counts').click();
  await expect(tile).toContainText('Payments settled in the period and not returned since.');
  await expectNoAxeViolations(page);

  // The figure opens exactly the payments it counts: their total is the figure.
  await paid.click();
  await expect(page.getByRole('heading', { level: 1, name: 'Payments: Paid' })).toBeVisible();
  await expect(page.getByTestId('list-total')).toContainText(paidText);
  await expect(page.getByRole('rowheader').first()).toBeVisible();
  await page.getByLabel('Search', { exact: true }).fill(`Rosa ${run}`);
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByTestId('list-total')).toContainText('1 rows, $210.55 in total.');
  await expectNoAxeViolations(page);
  await page.getByLabel('Search', { exact: true }).fill('');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByTestId('list-total')).toContainText(paidText);

  // The CSV holds exactly these rows; the settled ones add up to the figure, to the cent.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: /^Download these .* rows \(CSV\)$/ }).click(),
  ]);
  const csv = await readFile((await download.path())!, 'utf8');
  const [header, ...rows] = csv.trim().split('\r\n');
  expect(header).toBe(
    'reference,program,payee,amount,status,status_at,batch_id,trace_number,return_code',
  );
  const settled = rows.map((r) => r.split(',')).filter((c) => c[4] === 'settled');
  expect(settled.length).toBe(rows.length);
  expect(settled.reduce((t, c) => t + cents(c[3]!), 0)).toBe(cents(paidText));
  expect(rows.some((r) => r.includes(`Rosa ${run}`) && r.includes(',210.55,settled,'))).toBe(true);
});
