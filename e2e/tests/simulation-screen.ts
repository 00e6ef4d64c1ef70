import { expect, type Browser, type Page } from '@playwright/test';
import { api, demoUsers, openAdminSection, signedInPage } from './helpers';

// The policy simulation screen as the simulation specs use it: opened by either audience, run, and its result read.

/** An administrator on the simulation screen (the admin side nav's "Policy simulation"), with `program` chosen. */
export async function adminOnSimulation(browser: Browser, program?: string): Promise<Page> {
  const admin = await signedInPage(browser, demoUsers.admin);
  await openAdminSection(admin, 'Policy simulation', '/admin/simulations');
  if (program) await admin.getByLabel('Program', { exact: true }).selectOption({ label: program });
  return admin;
}

/** A finance officer on the simulation screen, reached from the header's link. */
export async function financeOnSimulation(browser: Browser): Promise<Page> {
  const finance = await signedInPage(browser, demoUsers.finance);
  await finance.getByRole('link', { name: 'Policy simulation' }).click();
  await expect(finance).toHaveURL(/\/simulations$/);
  return finance;
}

/** Runs the simulation with the button; the result's heading takes focus. */
export async function runSimulation(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Run simulation' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Result' })).toBeFocused();
}

/**
 * The Permit Fee Refund over the period the form shows, simulated through the API as the screen asks for it (with
 * `changes`, or none: what happened).
 */
export async function simulatePermitRefund(page: Page, changes?: Record<string, unknown>) {
  const from = await page.getByLabel('From', { exact: true }).inputValue();
  const to = await page.getByLabel('To', { exact: true }).inputValue();
  return api(page, 'POST', '/api/simulations', {
    program: 'permit-fee-refund',
    from,
    to,
    ...(changes ? { changes } : {}),
  });
}

/** The comparison line of one figure. */
export const line = (page: Page, figure: string) =>
  page
    .getByRole('table', { name: 'What happened and the scenario, side by side' })
    .getByRole('row', { name: new RegExp(`^${figure}`) });

/** A cell's count: the number before its amount, "24 ($14,745.00)" → 24. */
export const countIn = async (page: Page, figure: string, column: 1 | 2) =>
  Number(
    (await line(page, figure)
      .locator('td')
      .nth(column - 1)
      .textContent())!
      .split(' ')[0]!
      .replace(/,/g, ''),
  );

/** The requests that change side in one column of the by-language table (0: no longer qualify), both languages. */
export async function changedSideCount(page: Page, column: 0 | 1): Promise<number> {
  const byLanguage = page.getByRole('table', {
    name: 'Requests that change side, by the applicant’s language',
  });
  let sum = 0;
  for (const language of ['English', 'Spanish'])
    sum += Number(
      await byLanguage
        .getByRole('row', { name: new RegExp(`^${language}`) })
        .locator('td')
        .nth(column)
        .textContent(),
    );
  return sum;
}
