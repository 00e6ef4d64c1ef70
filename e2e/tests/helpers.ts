import { expect, type Locator, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'hms-demo-2026';

export const demoUsers = {
  citizen: 'citizen@example.gov',
  approver: 'approver@example.gov',
  senior_approver: 'senior@example.gov',
  finance: 'finance@example.gov',
  finance_supervisor: 'supervisor@example.gov',
  admin: 'admin@example.gov',
} as const;

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('button', { name: /sign out/i })).toBeVisible();
}

/**
 * Moves focus to `target` the way a keyboard user does: Tab through the page (arrow keys inside a radio group),
 * failing when the element cannot be reached within `maxPresses`. Proves reachability, unlike locator.focus().
 */
export async function tabTo(page: Page, target: Locator, maxPresses = 120): Promise<void> {
  await target.waitFor();
  for (let i = 0; i < maxPresses; i += 1) {
    const where = await target.evaluate((el) => {
      const active = document.activeElement;
      if (active === el) return 'here';
      const sameRadioGroup =
        active instanceof HTMLInputElement &&
        el instanceof HTMLInputElement &&
        active.type === 'radio' &&
        el.type === 'radio' &&
        active.name === el.name;
      return sameRadioGroup ? 'group' : 'elsewhere';
    });
    if (where === 'here') return;
    await page.keyboard.press(where === 'group' ? 'ArrowDown' : 'Tab');
  }
  throw new Error(`Not reachable by keyboard within ${maxPresses} presses: ${target.toString()}`);
}
