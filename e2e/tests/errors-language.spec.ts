import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { startApplication, continueStep, registerCitizen } from './helpers';

// Issue 9 item 14: errors and notifications in the reader's language, over the production build.

const register = (page: Page) => registerCitizen(page, { prefix: 'errors' });

test.describe('errors and messages in the reader language', () => {
  test('in Spanish, a save refused by the server (changed in another tab) is explained in Spanish', async ({
    page,
    context,
  }) => {
    await register(page);
    await page.getByRole('button', { name: /español/i }).click();
    await page.goto('/services/permit-fee-refund');
    await page.getByRole('button', { name: 'Comenzar la solicitud' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'El permiso' })).toBeVisible();
    // The tab title is wholly Spanish, site name included.
    await expect(page).toHaveTitle(/ \| HMS — Servicios de Salud y Dinero$/);

    const other = await context.newPage();
    await other.goto(page.url());
    await other.getByLabel('Número de permiso').fill('BP-2026-11111');
    await other.getByLabel('¿Cuándo pagó la tarifa?').fill('2026-02-03');
    await other.getByLabel('¿Cuánto pagó?').fill('100');
    await continueStep(other);
    await expect(other.getByRole('heading', { level: 1 })).not.toHaveText('El permiso');

    await page.getByLabel('Número de permiso').fill('BP-2026-22222');
    await page.getByLabel('¿Cuándo pagó la tarifa?').fill('2026-02-04');
    await page.getByLabel('¿Cuánto pagó?').fill('200');
    await continueStep(page);
    const notice = page.getByRole('alert').filter({ hasText: 'Esta solicitud se cambió' });
    await expect(notice).toBeFocused();
    // The message for the code request.stale_version, not the server's English detail.
    await expect(notice).toContainText(
      'Esto se cambió en otro dispositivo, en otra pestaña o por otra persona',
    );
    await expect(notice).not.toContainText(/another device|Conflict/);
    await expectNoAxeViolations(page);
  });

  test('a notification sent in English reads in Spanish after the language switch', async ({
    page,
  }) => {
    await register(page);
    // Apply in English, so the "we received your request" notification is sent in English.
    await startApplication(page, 'permit-fee-refund');
    await page.getByLabel('Permit number').fill('BP-2026-01234');
    await page.getByLabel('When did you pay the fee?').fill('2026-02-03');
    await page.getByLabel('How much did you pay?').fill('250');
    await continueStep(page);
    await page.getByText('I paid twice').click();
    await page.getByLabel('Tell us what happened').fill('I paid on 3 and 4 February.');
    await continueStep(page);
    await page.getByLabel('Full name').fill('Pat Example');
    await page.getByLabel('Email address').fill('pat@example.com');
    await continueStep(page);
    await page.getByLabel('Name on the account').fill('Pat Example');
    await page.getByText('Checking', { exact: true }).click();
    await page.getByLabel('Routing number').fill('011000015');
    await page.getByLabel('Account number', { exact: true }).fill('123456789');
    await page.getByLabel('Enter the account number again').fill('123456789');
    await page.getByText('I agree to this authorization').click();
    await continueStep(page);
    await page.getByText('I confirm this declaration').click();
    await page.getByRole('button', { name: 'Submit application' }).click();
    await expect(page.getByRole('heading', { name: 'Application submitted' })).toBeVisible();

    await page.goto('/my-requests/notifications');
    await expect(
      page.getByRole('heading', { level: 2, name: /We received your request/ }),
    ).toBeVisible();

    await page.getByRole('button', { name: /español/i }).click();
    await expect(
      page.getByRole('heading', { level: 2, name: /Recibimos su solicitud HMS-/ }),
    ).toBeVisible();
    await expect(page.getByText(/Su solicitud para .+ fue enviada/)).toBeVisible();
    await expect(page.getByText(/We received your request/)).toHaveCount(0);
    await expect(page).toHaveTitle(/ \| HMS — Servicios de Salud y Dinero$/);
    await expectNoAxeViolations(page);

    // Read again later (a fresh load, the profile now Spanish): still Spanish.
    await page.reload();
    await expect(
      page.getByRole('heading', { level: 2, name: /Recibimos su solicitud HMS-/ }),
    ).toBeVisible();
  });
});
