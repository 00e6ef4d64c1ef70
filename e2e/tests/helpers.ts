import { expect, type Page } from '@playwright/test';

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
