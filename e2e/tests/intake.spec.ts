import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { DEMO_PASSWORD } from './helpers';

// The citizen journey of issue 3 over the production build: register, apply with the keyboard, submit, follow.

async function register(page: Page, language: 'en' | 'es' = 'en'): Promise<string> {
  const email = `intake-${Date.now()}-${Math.random().toString(36).slice(2, 7)}@example.com`;
  await page.goto('/register');
  if (language === 'es') await page.getByRole('button', { name: /español/i }).click();
  await page.getByLabel(language === 'es' ? /correo/i : 'Email').fill(email);
  await page.getByLabel(language === 'es' ? /nombre/i : /name/i).first().fill('Pat Example');
  await page.getByLabel(language === 'es' ? /contraseña/i : 'Password', { exact: language === 'en' }).first().fill(`${DEMO_PASSWORD}-unique-phrase`);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: /sign out|cerrar sesión/i })).toBeVisible();
  return email;
}

/** Focus a field by its label with Tab-free precision, then type like a person. */
async function typeInto(page: Page, label: string | RegExp, text: string) {
  const field = page.getByLabel(label, { exact: typeof label === 'string' }).first();
  await field.focus();
  await page.keyboard.type(text);
}

async function continueStep(page: Page) {
  await page.getByRole('button', { name: /save and continue|guardar y continuar/i }).focus();
  await page.keyboard.press('Enter');
}

test.describe('citizen intake', () => {
  test('applies to the permit fee refund with the keyboard, sees errors, confirmation and the request', async ({ page }) => {
    await register(page);
    await page.goto('/services/permit-fee-refund');
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Start application' }).focus();
    await page.keyboard.press('Enter');

    // Step 1 with nothing filled in: the error summary takes focus and links to the field.
    await expect(page.getByRole('heading', { level: 1, name: 'The permit' })).toBeVisible();
    await expectNoAxeViolations(page);
    await continueStep(page);
    const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
    await expect(summary).toBeFocused();
    await expectNoAxeViolations(page);
    await summary.getByRole('link', { name: /permit number/i }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByLabel('Permit number')).toBeFocused();

    await page.keyboard.type('BP-2026-01234');
    await page.getByLabel('When did you pay the fee?').fill('2026-02-03');
    await typeInto(page, 'How much did you pay?', '250');
    await continueStep(page);

    await expect(page.getByRole('heading', { level: 1, name: 'Why you are asking for a refund' })).toBeVisible();
    await page.getByLabel('I paid twice').focus();
    await page.keyboard.press('Space');
    await typeInto(page, 'Tell us what happened', 'I paid on 3 and 4 February.');
    await continueStep(page);

    await expect(page.getByRole('heading', { level: 1, name: 'How we contact you' })).toBeVisible();
    await typeInto(page, 'Full name', 'Pat Example');
    await typeInto(page, 'Email address', 'pat@example.com');
    await continueStep(page);

    await expect(page.getByRole('heading', { level: 1, name: 'Where should we send the money?' })).toBeVisible();
    await expect(page.getByText(/I authorize the agency/)).toBeVisible();
    await typeInto(page, 'Name on the account', 'Pat Example');
    await page.getByLabel('Checking').focus();
    await page.keyboard.press('Space');
    await typeInto(page, 'Routing number', '011000015');
    await typeInto(page, 'Account number', '123456789');
    await typeInto(page, 'Enter the account number again', '123456780');
    await page.getByLabel('I agree to this authorization').focus();
    await page.keyboard.press('Space');
    await continueStep(page);
    await expect(page.getByRole('alert').filter({ hasText: 'do not match' })).toBeFocused();
    await expectNoAxeViolations(page);
    await page.getByLabel('Enter the account number again').fill('');
    await typeInto(page, 'Enter the account number again', '123456789');
    await continueStep(page);

    await expect(page.getByRole('heading', { level: 1, name: 'Check your answers before you submit' })).toBeVisible();
    await expect(page.getByText('From your answers, you can apply')).toBeVisible();
    await expect(page.getByText('•••• 6789')).toBeVisible();
    await expect(page.getByRole('link', { name: 'Change Permit number' })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByLabel('I confirm this declaration').focus();
    await page.keyboard.press('Space');
    await page.getByRole('button', { name: 'Submit application' }).focus();
    await page.keyboard.press('Enter');

    await expect(page.getByRole('heading', { name: 'Application submitted' })).toBeVisible();
    const reference = await page.locator('strong.font-mono-lg').innerText();
    expect(reference).toMatch(/^HMS-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]$/);
    await expect(page.getByText(/within 5 business days|within \d+ business days/)).toBeVisible();
    await expectNoAxeViolations(page);

    await page.goto('/my-requests');
    await expect(page.getByRole('link', { name: reference })).toBeVisible();
    await page.getByRole('link', { name: reference }).click();
    await expect(page.getByRole('heading', { name: 'Application submitted' })).toBeVisible();
    await expect(page.getByRole('link', { name: /Notifications, 1 unread/ })).toBeVisible();
    await expectNoAxeViolations(page);

    // Withdraw with confirmation.
    await page.getByRole('button', { name: 'Withdraw request' }).click();
    await expect(page.getByRole('heading', { name: /Are you sure/ })).toBeFocused();
    await page.getByRole('button', { name: 'Yes, withdraw it' }).click();
    await expect(page.getByText('Your request was withdrawn.')).toBeVisible();
    await expect(page.getByText('Withdrawn', { exact: true })).toBeVisible();
  });

  test('a draft is resumed after signing out and in; the page works at 320 px', async ({ page }) => {
    const email = await register(page);
    await page.setViewportSize({ width: 320, height: 800 });
    await page.goto('/services/permit-fee-refund');
    await page.getByRole('button', { name: 'Start application' }).click();
    await page.getByLabel('Permit number').fill('EP-2025-00042');
    await page.getByLabel('When did you pay the fee?').fill('2025-06-30');
    await page.getByLabel('How much did you pay?').fill('99.50');
    await continueStep(page);
    await expect(page.getByRole('heading', { level: 1, name: 'Why you are asking for a refund' })).toBeVisible();
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(scrollWidth).toBeLessThanOrEqual(320);

    await page.getByRole('button', { name: /menu/i }).click();
    await page.getByRole('button', { name: /sign out/i }).click();
    await page.goto('/sign-in');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password', { exact: true }).fill(`${DEMO_PASSWORD}-unique-phrase`);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
    await page.goto('/my-requests');
    await page.getByRole('link', { name: /^HMS-/ }).click();
    // Resumes at the first step not yet saved, with the saved answers kept.
    await expect(page.getByRole('heading', { level: 1, name: 'Why you are asking for a refund' })).toBeVisible();
    await page.getByRole('button', { name: 'Back' }).click();
    await expect(page.getByLabel('Permit number')).toHaveValue('EP-2025-00042');
    await expect(page.getByLabel('How much did you pay?')).toHaveValue('99.50');
  });

  test('the Spanish journey: program page, errors and steps in Spanish', async ({ page }) => {
    await register(page);
    await page.getByRole('button', { name: /español/i }).click();
    await page.goto('/services/home-energy-rebate');
    await expect(page.getByRole('heading', { level: 1, name: 'Reembolso por eficiencia energética en el hogar' })).toBeVisible();
    await page.getByRole('button', { name: 'Comenzar la solicitud' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Su hogar' })).toBeVisible();
    await continueStep(page);
    const summary = page.getByRole('alert').filter({ hasText: 'Hay un problema' });
    await expect(summary).toBeFocused();
    await expect(summary.getByRole('link', { name: /Escriba el número de personas en su hogar/ })).toBeVisible();
    await expectNoAxeViolations(page);
  });
});
