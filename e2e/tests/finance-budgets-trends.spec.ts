import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { demoUsers, importFile, signIn } from './helpers';

// Issue 13 items 3, 4 and 7: a finance officer reads a program's budget and a week of its trends, as chart and as
// table, after the agency imported its old system's history for that program (imported history counts). March 2016
// holds nothing else, so the trend figures are exactly the imported ones; the budget is checked as the figures before
// the import plus what was imported.

const cents = (text: string) => {
  const negative = /[-−(]/.test(text);
  const value = Math.round(Number(text.replace(/[^0-9.]/g, '')) * 100);
  return negative ? -value : value;
};

const PROGRAM = 'small-business-relief';

interface BudgetRow {
  program: string;
  committedCents: number;
  paidCents: number;
  obligatedCents: number;
  remainingCents: number;
}

async function budgetOf(page: Page): Promise<BudgetRow> {
  const res = await page.request.get(`/api/finance/budgets?program=${PROGRAM}`);
  expect(res.status()).toBe(200);
  return ((await res.json()) as { programs: BudgetRow[] }).programs[0]!;
}

const cell = (page: Page, row: string, column: string) =>
  page.locator(`tr[data-program="${row}"] [data-column="${column}"]`);

test('budgets and trends show imported history, as charts and as tables', async ({ page }) => {
  test.setTimeout(150_000);
  const run = Date.now().toString(36).toUpperCase();
  const account = (n: number) => `${Date.now()}${n}`.slice(-12);

  await signIn(page, demoUsers.finance);
  const before = await budgetOf(page);
  await page.getByRole('button', { name: /sign out/i }).click();

  const payees = [
    'external_id,full_name,email,phone,language,routing_number,account_number,account_type,holder_name',
    `BT-P-${run}-1,Ana Budget,bt.${run.toLowerCase()}.1@example.org,,es,011000015,${account(1)},checking,Ana ${run}`,
    `BT-P-${run}-2,Ben Budget,bt.${run.toLowerCase()}.2@example.org,,en,021000021,${account(2)},savings,Ben ${run}`,
  ].join('\r\n');
  // 1 March 2016 is a Tuesday: the weeks are 1–6, 7–13, 14–20 March…
  const requests = [
    'external_id,program,payee_external_id,amount,status,submitted_at,decided_at,paid_at,decided_by_email,note',
    `BT-${run}-1,${PROGRAM},BT-P-${run}-1,410.25,paid,2016-03-01,2016-03-02,2016-03-08,,`,
    `BT-${run}-2,${PROGRAM},BT-P-${run}-2,189.50,paid,2016-03-03,2016-03-09,2016-03-15,,`,
    `BT-${run}-3,${PROGRAM},BT-P-${run}-1,75.00,approved,2016-03-04,2016-03-10,,,`,
  ].join('\r\n');
  await signIn(page, demoUsers.admin);
  await importFile(page, 'payees', `bt-payees-${run}.csv`, payees);
  const imported = await importFile(page, 'requests', `bt-requests-${run}.csv`, requests);
  expect(imported.report.rejected).toBe(0);
  await page.getByRole('button', { name: /sign out/i }).click();

  // Budgets: the program's row is what it was plus the import (paid 410.25 + 189.50, obligated 75.00).
  await signIn(page, demoUsers.finance);
  const nav = page.getByRole('navigation', { name: 'Finance sections' });
  await nav.getByRole('link', { name: 'Budgets' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Budgets' })).toBeVisible();
  await page.getByLabel('Program', { exact: true }).selectOption(PROGRAM);
  await page.getByRole('button', { name: 'Show', exact: true }).press('Enter');
  await expect(page).toHaveURL(new RegExp(`/finance/budgets\\?program=${PROGRAM}$`));
  await expect(page.getByRole('status').filter({ hasText: 'Computed at' })).toBeVisible();
  const imported$ = 410_25 + 189_50 + 75_00;
  await expect
    .poll(async () => cents((await cell(page, PROGRAM, 'paid').textContent()) ?? ''))
    .toBe(before.paidCents + 410_25 + 189_50);
  expect(cents((await cell(page, PROGRAM, 'obligated').textContent())!)).toBe(
    before.obligatedCents + 75_00,
  );
  expect(cents((await cell(page, PROGRAM, 'committed').textContent())!)).toBe(
    before.committedCents + imported$,
  );
  expect(cents((await cell(page, PROGRAM, 'remaining').textContent())!)).toBe(
    before.remainingCents - imported$,
  );
  await expect(cell(page, PROGRAM, 'status')).toHaveText(
    before.remainingCents - imported$ < 0 ? /Over budget by/ : 'Within budget',
  );
  // The chart is drawn (its own chunk), described in words, with the table as its alternative.
  await expect(page.locator('figure .recharts-surface').first()).toBeVisible();
  await expect(page.locator('figure .recharts-legend-wrapper')).toContainText('Obligated');
  await page.getByText('What these figures mean').click();
  await expect(page.getByText(/The day the remaining balance reaches zero/)).toBeVisible();
  await expectNoAxeViolations(page);

  // Trends: March 2016 for the program, week by week.
  await nav.getByRole('link', { name: 'Trends' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Trends' })).toBeVisible();
  await page.getByLabel('From (date)').fill('2016-03-01');
  await page.getByLabel('To (date, included)').fill('2016-03-31');
  await page.getByLabel('Program', { exact: true }).selectOption(PROGRAM);
  await page.getByRole('button', { name: 'Show', exact: true }).press('Enter');
  await expect(page).toHaveURL(/from=2016-03-01&to=2016-03-31&program=small-business-relief$/);
  await page.getByRole('button', { name: 'Week', exact: true }).press('Enter');
  await expect(page).toHaveURL(
    /from=2016-03-01&to=2016-03-31&program=small-business-relief&interval=week/,
  );
  await expect(page.getByRole('button', { name: 'Week', exact: true })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await expect(
    page.getByRole('heading', {
      level: 2,
      name: /^Money from March 1, 2016 to March 31, 2016, by week$/,
    }),
  ).toBeVisible();
  await expect(page.locator('figure .recharts-surface').first()).toBeVisible();
  await page.getByText('Show as table', { exact: true }).click();
  const bucket = (start: string, column: string) =>
    page.locator(`tr[data-bucket="${start}"] [data-column="${column}"]`);
  // Week 1–6 March: BT-1 approved 410.25. Week 7–13: BT-2 and BT-3 approved (264.50), BT-1 paid (410.25).
  // Week 14–20: BT-2 paid 189.50.
  await expect(bucket('2016-03-01', 'approvedCents')).toHaveText('$410.25');
  await expect(bucket('2016-03-07', 'approvedCents')).toHaveText('$264.50');
  await expect(bucket('2016-03-07', 'approvedCount')).toHaveText('2');
  await expect(bucket('2016-03-07', 'paidCents')).toHaveText('$410.25');
  await expect(bucket('2016-03-14', 'paidCents')).toHaveText('$189.50');
  await expect(bucket('2016-03-21', 'paidCents')).toHaveText('$0.00');
  await expect(bucket('total', 'approvedCents')).toHaveText('$674.75');
  await expect(bucket('total', 'paidCents')).toHaveText('$599.75');
  await expect(bucket('total', 'returnedCount')).toHaveText('0');
  await expect(page.getByText('No payment was returned in this period')).toBeVisible();
  await expectNoAxeViolations(page);

  // The day series, chosen by keyboard: BT-1 was paid on 8 March.
  await page.getByRole('button', { name: 'Day', exact: true }).press('Enter');
  await expect(page.locator('tr[data-bucket="2016-03-08"] [data-column="paidCents"]')).toHaveText(
    '$410.25',
  );
});
