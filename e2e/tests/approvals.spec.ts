import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { expectErrorSummary, claimAndReview, demoUsers, queueRow, signedInPage } from './helpers';

// Issue 4 over the production build, on the demo seed: an approver works a request from the queue to approval with
// the keyboard, a senior approver gives a second-level approval, and a second browser sees a claim live.

test('an approver claims a request from the queue and approves it (keyboard, confirmation, payment)', async ({
  browser,
}) => {
  const page = await signedInPage(browser, demoUsers.approver);
  const { row, reference } = await queueRow(page, 'unassigned', 'Fatima');
  await expect(page.getByRole('heading', { level: 1, name: 'Approval inbox' })).toBeVisible();
  await expect(row).toBeVisible();
  await expectNoAxeViolations(page);
  // Claimed, it leaves the unassigned queue and appears in "Assigned to me".
  await claimAndReview(page, row, reference);
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
  const summary = await expectErrorSummary(page);
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
  const senior = await signedInPage(browser, demoUsers.senior_approver);
  const { row, reference } = await queueRow(senior, 'awaiting_second_approval', 'James Carter');
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
  const watcher = await signedInPage(browser, demoUsers.senior_approver);
  const { row, reference } = await queueRow(watcher, 'unassigned', 'Lucas');
  await expect(row).toContainText('Nobody');

  const actor = await signedInPage(browser, demoUsers.approver);
  await actor.goto('/approvals?queue=unassigned&q=Lucas');
  await actor.getByRole('button', { name: `Claim ${reference}` }).click();
  // No reload in the watcher: the live event refetches its queue, where the claimed request no longer belongs.
  await expect(watcher.getByRole('link', { name: reference })).toHaveCount(0, { timeout: 1500 });
});

// The more-information round trip is walked end to end in info-loop.spec.ts.
