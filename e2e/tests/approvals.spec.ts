import { expect, test, type Browser, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { demoUsers, signIn } from './helpers';

// Issue 4 over the production build, on the demo seed: an approver works a request from the queue to approval with
// the keyboard, a senior approver gives a second-level approval, and a second browser sees a claim live.

async function staffPage(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email);
  return page;
}

test('an approver claims a request from the queue and approves it (keyboard, confirmation, payment)', async ({
  browser,
}) => {
  const page = await staffPage(browser, demoUsers.approver);
  await page.goto('/approvals?queue=unassigned&q=Fatima');
  await expect(page.getByRole('heading', { level: 1, name: 'Approval inbox' })).toBeVisible();
  const row = page.getByRole('row').filter({ hasText: 'Fatima' }).first();
  await expect(row).toBeVisible();
  await expectNoAxeViolations(page);
  const reference = (await row.getByRole('link').first().textContent())!.trim();
  await row.getByRole('button', { name: `Claim ${reference}` }).click();
  // Claimed, it leaves the unassigned queue and appears in "Assigned to me".
  await expect(page.getByRole('link', { name: reference })).toHaveCount(0);

  await page.goto('/approvals?queue=mine');
  await page.getByRole('link', { name: reference }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Review ${reference}` })).toBeVisible();
  await expect(page.getByRole('heading', { name: /Risk signals/ })).toBeVisible();
  // The answers under the questions the applicant was asked, read as they read them (money in dollars).
  const answers = page.locator('dl.hms-answers');
  await expect(answers.getByText('Address of the home')).toBeVisible();
  await expect(answers.getByText('How much did the upgrade cost in total?')).toBeVisible();
  await expect(answers).toContainText(/\$\d{1,3}(,\d{3})*\.\d{2}/);
  await expect(answers).not.toContainText('homeAddress');
  await expectNoAxeViolations(page);
  await page.keyboard.press('a');
  const amount = page.getByLabel('Approved amount in dollars');
  await expect(amount).toBeFocused();
  // An amount above the limits is caught before the confirmation, with the error-summary pattern.
  const proposed = await amount.inputValue();
  await amount.fill('999999');
  await page.getByRole('button', { name: 'Continue' }).click();
  const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
  await expect(summary).toBeFocused();
  await expect(page).toHaveTitle(/^Error: /);
  await expect(amount).toHaveAttribute('aria-invalid', 'true');
  await expectNoAxeViolations(page);
  await summary.getByRole('link', { name: /Approve at most/ }).click();
  await expect(amount).toBeFocused();
  await amount.fill(proposed);
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByText(new RegExp(`Approve \\$[\\d,.]+ for ${reference}\\?`))).toBeVisible();
  await expect(page).not.toHaveTitle(/^Error: /);
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Yes, confirm' }).click();
  await expect(page.getByText('Decision recorded: Approved.')).toBeVisible();
  await expect(page.getByText(/pending/)).toBeVisible();
});

test('above the threshold: first approval, then a different senior approver gives the second', async ({
  browser,
}) => {
  // James Carter's grant request waits for a second approval after Avery Approver's first one (demo seed).
  const senior = await staffPage(browser, demoUsers.senior_approver);
  await senior.goto('/approvals?queue=awaiting_second_approval');
  const row = senior.getByRole('row').filter({ hasText: 'James Carter' }).first();
  const reference = (await row.getByRole('link').first().textContent())!.trim();
  await row.getByRole('link', { name: reference }).click();
  await expect(senior.getByText('Approved at first level')).toBeVisible();
  await senior.getByRole('button', { name: 'Approve (a)' }).click();
  await senior.getByRole('button', { name: 'Continue' }).click();
  await senior.getByRole('button', { name: 'Yes, confirm' }).click();
  await expect(senior.getByText('Decision recorded: Approved.')).toBeVisible();
});

test('a claim in one browser shows up in another within a second (server-sent events)', async ({
  browser,
}) => {
  const watcher = await staffPage(browser, demoUsers.senior_approver);
  await watcher.goto('/approvals?queue=unassigned&q=Lucas');
  const row = watcher.getByRole('row').filter({ hasText: 'Lucas' }).first();
  await expect(row).toContainText('Nobody');
  const reference = (await row.getByRole('link').first().textContent())!.trim();

  const actor = await staffPage(browser, demoUsers.approver);
  await actor.goto('/approvals?queue=unassigned&q=Lucas');
  await actor.getByRole('button', { name: `Claim ${reference}` }).click();
  // No reload in the watcher: the live event refetches its queue, where the claimed request no longer belongs.
  await expect(watcher.getByRole('link', { name: reference })).toHaveCount(0, { timeout: 1500 });
});

// The more-information round trip is walked end to end in info-loop.spec.ts.
