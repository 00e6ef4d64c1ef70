import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { demoUsers, openAdminSection, signIn } from './helpers';

// Programs administered in the browser (issue 11): the list, creating a draft, and the program page with its
// checklist, over the production build, keyboard first and with no axe violations.

test('an admin creates a draft program and sees what blocks it going live', async ({ page }) => {
  const slug = `e2e-program-${Date.now().toString(36)}`;
  await signIn(page, demoUsers.admin);
  await openAdminSection(page, 'Programs', '/admin/programs');
  await expect(page.getByRole('row', { name: /Permit Fee Refund/ })).toContainText('Live');
  await expectNoAxeViolations(page);

  await page.getByRole('link', { name: 'Create a program' }).click();
  await page.getByRole('button', { name: 'Create draft' }).click();
  await expect(page.getByRole('alert')).toBeFocused();
  await page.getByLabel('Web address').fill(slug);
  await page.getByLabel('Name in English').fill('E2E relief');
  await page.getByLabel('Maximum amount, in dollars').fill('2,500');
  await page.getByRole('button', { name: 'Create draft' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'E2E relief' })).toBeVisible();
  await expect(page.getByTestId('check-spanish')).toContainText('Not yet');
  await expect(page.getByTestId('check-budget')).toContainText('Not yet');
  await expectNoAxeViolations(page);

  await page.getByLabel('Budget, in dollars').fill('100,000');
  await page.getByLabel('Second approval above, in dollars').fill('1,000');
  // Going live also needs the days applications are taken.
  await page.getByLabel('Opens on (YYYY-MM-DD)').fill('2027-01-04');
  await page.getByLabel('Last day to apply (YYYY-MM-DD)').fill('2027-03-31');
  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(page.getByText('Draft saved.')).toBeVisible();
  await expect(page.getByTestId('check-budget')).toContainText('Done');
});
