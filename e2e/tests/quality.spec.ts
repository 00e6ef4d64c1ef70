import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import {
  expectErrorSummary,
  api,
  claimAndReview,
  demoUsers,
  openAdminSection,
  queueRow,
  signedInPage,
  submitNewPermitRefund,
} from './helpers';

// Issue 14 part 1, quality sampling, over the production build on the demo seed: an administrator samples every
// decision of a program, an approver decides one of its requests, and a different approver re-decides it blind with
// the other outcome; the disagreement and the agreement rate (with its interval) show.

test('a sampled approval is re-checked blind by another approver, and the disagreement and rate show', async ({
  page,
  browser,
}) => {
  // Three people (admin, approver, senior) each sign in and walk several pages: longer than one page's budget.
  test.setTimeout(150_000);
  // A request of its own (a citizen's permit refund), not a demo row: earlier specs claim and decide those.
  const { reference } = await submitNewPermitRefund(page, {
    prefix: 'quality',
    name: 'Quinn Quality',
  });
  const program = 'Permit Fee Refund';
  const approver = await signedInPage(browser, demoUsers.approver);
  const { row } = await queueRow(approver, 'unassigned', reference);

  // The administrator samples all of this program's human decisions.
  const admin = await signedInPage(browser, demoUsers.admin);
  await admin.goto('/admin');
  await openAdminSection(admin, 'Quality sampling', '/admin/quality');
  await expectNoAxeViolations(admin);
  await admin.getByRole('link', { name: `Change the shares of ${program}` }).click();
  await expect(
    admin.getByRole('heading', { level: 1, name: `Quality sampling for ${program}` }),
  ).toBeVisible();
  const human = admin.getByLabel('Share of people’s decisions to re-check (%)');
  await human.fill('abc');
  await admin.getByRole('button', { name: 'Save the shares' }).click();
  await expectErrorSummary(admin);
  await expect(human).toHaveAttribute('aria-invalid', 'true');
  await expectNoAxeViolations(admin);
  await human.fill('100');
  await admin.getByRole('button', { name: 'Save the shares' }).click();
  await expect(
    admin.getByRole('status').filter({ hasText: `Shares saved for ${program}` }),
  ).toBeFocused();
  await admin.getByRole('link', { name: 'Back to quality sampling' }).click();
  await expect(admin.locator(`[data-program-shares="${program}"]`)).toContainText('100 %');

  // The approver approves the request: a final decision, drawn into the sample with it.
  await claimAndReview(approver, row, reference);
  await approver.keyboard.press('a');
  await approver.getByRole('button', { name: 'Continue' }).click();
  await approver.getByRole('button', { name: 'Yes, confirm' }).click();
  await expect(approver.getByText('Decision recorded: Approved.')).toBeVisible();
  // Its decider may not check it: the queue says why instead of offering the re-check.
  await approver.goto('/approvals');
  await approver.getByRole('link', { name: /^Quality checks/ }).click();
  await expect(approver.getByRole('heading', { level: 1, name: 'Quality checks' })).toBeVisible();
  const mine = approver.locator(`[data-sample="${reference}"]`);
  await expect(mine).toContainText('You took part in this decision');
  await expect(mine.getByRole('link')).toHaveCount(0);

  // A different approver (here a senior approver) re-decides it blind.
  const checker = await signedInPage(browser, demoUsers.senior_approver);
  await checker.goto('/approvals/quality');
  await expectNoAxeViolations(checker);
  await checker.getByRole('link', { name: `Re-check ${reference}` }).click();
  await expect(
    checker.getByRole('heading', { level: 1, name: `Re-check ${reference}` }),
  ).toBeVisible();
  await expect(checker.getByRole('heading', { name: 'Answers' })).toBeVisible();
  await expect(checker.getByText(/^Quinn Quality, checking account ending \d{4}$/)).toBeVisible();
  await expect(checker.getByRole('heading', { name: 'Risk signals' })).toBeVisible();
  // Blind: nothing says who decided or what.
  await expect(checker.locator('main')).not.toContainText('Avery Approver');
  await expect(checker.locator('main')).not.toContainText('Approved');
  await expectNoAxeViolations(checker);
  // Submitting without an outcome: the error summary takes focus and links to the choice.
  await checker.getByRole('button', { name: 'Record my decision' }).click();
  const error = await expectErrorSummary(checker);
  await expectNoAxeViolations(checker);
  await error.getByRole('link', { name: 'Choose approve or reject' }).click();
  const approve = checker.getByRole('radio', { name: 'Approve' });
  await expect(approve).toBeFocused();
  // Keyboard: the arrow moves to Reject, Tab to the note, Enter in the form's button records it.
  await checker.keyboard.press('ArrowDown');
  await expect(checker.getByRole('radio', { name: 'Reject' })).toBeChecked();
  await checker.keyboard.press('Tab');
  await checker.keyboard.type('The receipt does not show the installer.');
  await checker.keyboard.press('Tab');
  await expect(checker.getByRole('button', { name: 'Record my decision' })).toBeFocused();
  await checker.keyboard.press('Enter');
  const result = checker.locator('[data-recheck-result]');
  await expect(result).toHaveAttribute('data-recheck-result', 'differs');
  await expect(result).toBeFocused();
  await expect(result).toContainText('Your decision differs from the original');
  await expect(result).toContainText('Approved by Avery Approver');
  await expectNoAxeViolations(checker);

  // The disagreement and the rate: 0 of 1 agreed, 0 % with the Wilson interval 0 % to 79.3 %.
  await checker.getByRole('link', { name: 'Back to the quality checks' }).click();
  await expect(checker.locator(`[data-sample="${reference}"]`)).toHaveCount(0);
  const disagreement = checker.locator(`[data-disagreement="${reference}"]`);
  await expect(disagreement).toContainText('Approved by Avery Approver');
  await expect(disagreement).toContainText('Rejected by Sam Senior');
  await expect(disagreement).toContainText('The receipt does not show the installer.');
  const people = checker
    .getByRole('row')
    .filter({ hasText: program })
    .filter({ hasText: 'People' });
  await expect(people).toContainText('0%');
  await expect(people).toContainText('0% – 79.3%');
  await expectNoAxeViolations(checker);

  // Administrators read the same figures (the API allows them; their area has no results page yet).
  const rates = (await api(admin, 'GET', '/api/quality/agreement')) as {
    programs: { programName: string; human: { checked: number; agreed: number } }[];
  };
  expect(rates.programs.find((p) => p.programName === program)?.human).toMatchObject({
    checked: 1,
    agreed: 0,
  });
});
