import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { api, demoUsers, openAdminSection, signedInPage, tabTo } from './helpers';

// Issue 14 part 3 over the production build and the demo history (six months of requests decided and paid through
// the services): an administrator replays the Permit Fee Refund's period with a lower budget and reads, beside what
// happened, the day the budget runs out and the approvals it costs; a finance officer reaches the same screen from
// the header, read-only, and runs a lower maximum.

/** The comparison line of one figure. */
const line = (page: Page, figure: string) =>
  page
    .getByRole('table', { name: 'What happened and the scenario, side by side' })
    .getByRole('row', { name: new RegExp(`^${figure}`) });

/** A cell's count: the number before its amount, "24 ($14,745.00)" → 24. */
const countIn = async (page: Page, figure: string, column: 1 | 2) =>
  Number(
    (await line(page, figure)
      .locator('td')
      .nth(column - 1)
      .textContent())!
      .split(' ')[0]!
      .replace(/,/g, ''),
  );

test('an administrator runs a lower budget and sees the run-out date and fewer approvals', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const admin = await signedInPage(browser, demoUsers.admin);
  await openAdminSection(admin, 'Policy simulation', '/admin/simulations');
  await expectNoAxeViolations(admin);

  // Running with no program chosen is refused before anything is sent, with the error summary.
  await admin.getByRole('button', { name: 'Run simulation' }).click();
  const summary = admin.getByRole('alert').filter({ hasText: 'There is a problem' });
  await expect(summary).toBeFocused();
  await expect(admin).toHaveTitle(/^Error: /);
  await expectNoAxeViolations(admin);
  await summary.getByRole('link', { name: 'Select a program' }).click();
  await expect(admin.getByLabel('Program')).toBeFocused();
  await admin.getByLabel('Program').selectOption({ label: 'Permit Fee Refund' });

  // A budget that covers half of what the period approved, on top of what earlier requests committed (read from
  // the API as the screen reads it, for the same program and period).
  const from = await admin.getByLabel('From').inputValue();
  const to = await admin.getByLabel('To').inputValue();
  const asIs = await api(admin, 'POST', '/api/simulations', {
    program: 'permit-fee-refund',
    from,
    to,
  });
  expect(asIs.baseline.approvedCount).toBeGreaterThan(4);
  const budgetCents =
    asIs.baseline.committedBeforeCents + Math.floor(asIs.baseline.approvedCents / 2);
  await admin.getByLabel('Budget', { exact: true }).fill((budgetCents / 100).toFixed(2));

  // The keyboard reaches the run button; Enter runs it and the result takes focus.
  const run = admin.getByRole('button', { name: 'Run simulation' });
  await tabTo(admin, run);
  await admin.keyboard.press('Enter');
  const result = admin.getByRole('heading', { level: 2, name: 'Result' });
  await expect(result).toBeFocused();
  await expect(admin).not.toHaveTitle(/^Error: /);

  const runOut = line(admin, 'Budget runs out on');
  await expect(runOut.locator('td').nth(0)).toHaveText('None');
  await expect(runOut.locator('td').nth(1)).not.toHaveText('None');
  await expect(runOut).toContainText('Changed');
  const approvedBefore = await countIn(admin, 'Requests approved', 1);
  const approvedAfter = await countIn(admin, 'Requests approved', 2);
  expect(approvedBefore).toBe(asIs.baseline.approvedCount);
  expect(approvedAfter).toBeLessThan(approvedBefore);
  await expect(line(admin, 'Requests approved')).toContainText('Changed');
  expect(await countIn(admin, 'Refused: budget ran out', 2)).toBeGreaterThan(0);
  // What is not changed says so.
  await expect(line(admin, 'Requests submitted').locator('td').nth(2)).toHaveText('No change');
  await expectNoAxeViolations(admin);
});

test('a finance officer reaches the simulation from the header, read-only, and runs a lower maximum', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const finance = await signedInPage(browser, demoUsers.finance);
  await finance.getByRole('link', { name: 'Policy simulation' }).click();
  await expect(finance).toHaveURL(/\/simulations$/);
  await expect(finance.getByRole('heading', { level: 1, name: 'Policy simulation' })).toBeVisible();
  await expect(finance.getByText('Saving a scenario or turning it into a draft')).toBeVisible();
  // Nothing of the administration is offered: no side nav, no save.
  await expect(finance.getByRole('navigation', { name: 'Administration sections' })).toHaveCount(0);
  await expect(finance.getByRole('button', { name: /save/i })).toHaveCount(0);

  await finance.getByLabel('Program').selectOption({ label: 'Home Energy Efficiency Rebate' });
  // An amount that is not one is named on its field.
  await finance.getByLabel('Maximum amount a request may ask for').fill('ten dollars');
  await finance.getByRole('button', { name: 'Run simulation' }).click();
  await expect(
    finance
      .getByRole('alert')
      .getByRole('link', { name: 'Enter an amount in dollars, like 1,500 or 1,500.50' }),
  ).toBeVisible();
  await finance.getByLabel('Maximum amount a request may ask for').fill('1,000');
  await finance.getByRole('button', { name: 'Run simulation' }).click();
  await expect(finance.getByRole('heading', { level: 2, name: 'Result' })).toBeFocused();
  expect(await countIn(finance, 'Eligible requests', 2)).toBeLessThan(
    await countIn(finance, 'Eligible requests', 1),
  );
  const byLanguage = finance.getByRole('table', {
    name: 'Requests that change side, by the applicant’s language',
  });
  const english = Number(
    await byLanguage
      .getByRole('row', { name: /^English/ })
      .locator('td')
      .first()
      .textContent(),
  );
  const spanish = Number(
    await byLanguage
      .getByRole('row', { name: /^Spanish/ })
      .locator('td')
      .first()
      .textContent(),
  );
  expect(english + spanish).toBeGreaterThan(0);
  await expectNoAxeViolations(finance);
});
