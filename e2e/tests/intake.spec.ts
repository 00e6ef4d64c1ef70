import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import {
  expectErrorSummary,
  startApplication,
  DEMO_PASSWORD,
  registerCitizen,
  tabTo,
} from './helpers';

// The citizen journey of issue 3 over the production build: register, apply with the keyboard, submit, follow.

const register = (page: Page) => registerCitizen(page, { prefix: 'intake' });

/** Tab to a field by its label, then type like a person (replacing what is there: some fields start filled in). */
async function typeInto(page: Page, label: string | RegExp, text: string) {
  const field = page.getByLabel(label, { exact: typeof label === 'string' }).first();
  await tabTo(page, field);
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(text);
}

/** USWDS radios and checkboxes are styled labels over visually hidden inputs: choose them as a keyboard user does. */
async function choose(page: Page, label: string) {
  await tabTo(page, page.getByLabel(label, { exact: true }));
  await page.keyboard.press('Space');
}

async function continueStep(page: Page) {
  await tabTo(page, page.getByRole('button', { name: /save and continue|guardar y continuar/i }));
  await page.keyboard.press('Enter');
}

/**
 * The bank step in English, typed as a keyboard user does, ending with the authorization ticked; `confirm` is the
 * account number typed again (the account number itself unless a test mistypes it).
 */
async function typeBankAccount(
  page: Page,
  {
    holder,
    type,
    account,
    confirm = account,
  }: { holder: string; type: 'Checking' | 'Savings'; account: string; confirm?: string },
) {
  await typeInto(page, 'Name on the account', holder);
  await choose(page, type);
  await typeInto(page, 'Routing number', '011000015');
  await typeInto(page, 'Account number', account);
  await typeInto(page, 'Enter the account number again', confirm);
  await choose(page, 'I agree to this authorization');
}

test.describe('citizen intake', () => {
  test('applies to the permit fee refund with the keyboard, sees errors, confirmation and the request', async ({
    page,
  }) => {
    const email = await register(page);
    await page.goto('/services/permit-fee-refund');
    await expectNoAxeViolations(page);
    await tabTo(page, page.getByRole('button', { name: 'Start application' }));
    await page.keyboard.press('Enter');

    // Step 1 with nothing filled in: the error summary takes focus and links to the field.
    await expect(page.getByRole('heading', { level: 1, name: 'The permit' })).toBeVisible();
    await expectNoAxeViolations(page);
    await continueStep(page);
    const summary = await expectErrorSummary(page);
    await expectNoAxeViolations(page);
    await tabTo(page, summary.getByRole('link', { name: /permit number/i }));
    await page.keyboard.press('Enter');
    await expect(page.getByLabel('Permit number')).toBeFocused();

    await page.keyboard.type('BP-2026-01234');
    await page.getByLabel('When did you pay the fee?').fill('2026-02-03');
    await typeInto(page, 'How much did you pay?', '250');
    await continueStep(page);

    await expect(
      page.getByRole('heading', { level: 1, name: 'Why you are asking for a refund' }),
    ).toBeVisible();
    await tabTo(page, page.getByLabel('I paid twice'));
    await page.keyboard.press('Space');
    await typeInto(page, 'Tell us what happened', 'I paid on 3 and 4 February.');
    await continueStep(page);

    await expect(page.getByRole('heading', { level: 1, name: 'How we contact you' })).toBeVisible();
    // Filled in from the account; the person may change it.
    await expect(page.getByLabel('Full name')).toHaveValue('Pat Example');
    await expect(page.getByLabel('Email address')).toHaveValue(email);
    await typeInto(page, 'Email address', 'pat@example.com');
    await continueStep(page);

    await expect(
      page.getByRole('heading', { level: 1, name: 'Where should we send the money?' }),
    ).toBeVisible();
    await expect(page.getByText(/I authorize the agency/)).toBeVisible();
    await typeBankAccount(page, {
      holder: 'Pat Example',
      type: 'Checking',
      account: '123456789',
      confirm: '123456780',
    });
    await continueStep(page);
    await expect(page.getByRole('alert').filter({ hasText: 'do not match' })).toBeFocused();
    await expectNoAxeViolations(page);
    await page.getByLabel('Enter the account number again').fill('');
    await typeInto(page, 'Enter the account number again', '123456789');
    await continueStep(page);

    await expect(
      page.getByRole('heading', { level: 1, name: 'Check your answers before you submit' }),
    ).toBeVisible();
    await expect(page.getByText('From your answers, you can apply')).toBeVisible();
    await expect(page.getByText('••••6789')).toBeVisible();
    await expect(page.getByRole('link', { name: 'Change Permit number' })).toBeVisible();
    await expectNoAxeViolations(page);
    await tabTo(page, page.getByLabel('I confirm this declaration'));
    await page.keyboard.press('Space');
    await tabTo(page, page.getByRole('button', { name: 'Submit application' }));
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

    // The notification, in the list, marked read from there.
    await page.getByRole('link', { name: /Notifications, 1 unread/ }).click();
    await expect(
      page.getByRole('heading', {
        level: 2,
        name: new RegExp(`We received your request ${reference}`),
      }),
    ).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: /^Mark as read/ }).click();
    await expect(page.getByRole('link', { name: 'Notifications', exact: true })).toBeVisible();
    await page.getByRole('link', { name: 'View the request' }).click();

    // Withdraw with confirmation.
    await page.getByRole('button', { name: 'Withdraw request' }).click();
    await expect(page.getByRole('heading', { name: /Are you sure/ })).toBeFocused();
    await page.getByRole('button', { name: 'Yes, withdraw it' }).click();
    await expect(page.getByText('Your request was withdrawn.')).toBeVisible();
    await expect(page.getByText('Withdrawn', { exact: true })).toBeVisible();
  });

  test('a draft is resumed after signing out and in; the page works at 320 px', async ({
    page,
  }) => {
    const email = await register(page);
    await page.setViewportSize({ width: 320, height: 800 });
    await startApplication(page, 'permit-fee-refund');
    await page.getByLabel('Permit number').fill('EP-2025-00042');
    await page.getByLabel('When did you pay the fee?').fill('2025-06-30');
    await page.getByLabel('How much did you pay?').fill('99.50');
    await continueStep(page);
    await expect(
      page.getByRole('heading', { level: 1, name: 'Why you are asking for a refund' }),
    ).toBeVisible();
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
    await expect(
      page.getByRole('heading', { level: 1, name: 'Why you are asking for a refund' }),
    ).toBeVisible();
    await page.getByRole('button', { name: 'Back' }).click();
    await expect(page.getByLabel('Permit number')).toHaveValue('EP-2025-00042');
    await expect(page.getByLabel('How much did you pay?')).toHaveValue('99.50');
  });

  test('the Spanish journey: program page, errors and steps in Spanish', async ({ page }) => {
    await register(page);
    await page.getByRole('button', { name: /español/i }).click();
    await page.goto('/services/home-energy-rebate');
    await expect(
      page.getByRole('heading', {
        level: 1,
        name: 'Reembolso por eficiencia energética en el hogar',
      }),
    ).toBeVisible();
    await page.getByRole('button', { name: 'Comenzar la solicitud' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Su hogar' })).toBeVisible();
    await continueStep(page);
    const summary = await expectErrorSummary(page, 'Hay un problema');
    await expect(
      summary.getByRole('link', { name: /Escriba el número de personas en su hogar/ }),
    ).toBeVisible();
    await expectNoAxeViolations(page);

    // A whole application in Spanish, to the confirmation with the deadline written in Spanish.
    await page.goto('/services/permit-fee-refund');
    await page.getByRole('button', { name: 'Comenzar la solicitud' }).click();
    await typeInto(page, 'Número de permiso', 'PP-2026-00077');
    await page.getByLabel('¿Cuándo pagó la tarifa?').fill('2026-01-15');
    await typeInto(page, '¿Cuánto pagó?', '75');
    await continueStep(page);
    await choose(page, 'Me cobraron de más');
    await typeInto(page, 'Díganos qué pasó', 'La tarifa correcta era de 50 dólares.');
    await continueStep(page);
    await typeInto(page, 'Nombre completo', 'Ana Pérez');
    await typeInto(page, 'Correo electrónico', 'ana@example.com');
    await continueStep(page);
    await expect(
      page.getByRole('heading', { level: 1, name: '¿Dónde le enviamos el dinero?' }),
    ).toBeVisible();
    await typeInto(page, 'Nombre del titular de la cuenta', 'Ana Pérez');
    await choose(page, 'Ahorros');
    await typeInto(page, 'Número de ruta bancaria', '011000015');
    await typeInto(page, 'Número de cuenta', '4444333322');
    await typeInto(page, 'Escriba el número de cuenta otra vez', '4444333322');
    await choose(page, 'Acepto esta autorización');
    await continueStep(page);
    await expect(
      page.getByText('Según sus respuestas, puede presentar la solicitud'),
    ).toBeVisible();
    await expect(page.getByText('US$75.00').or(page.getByText('$75.00'))).toBeVisible();
    await choose(page, 'Confirmo esta declaración');
    await page.getByRole('button', { name: 'Enviar solicitud' }).click();
    await expect(page.getByRole('heading', { name: 'Solicitud enviada' })).toBeVisible();
    await expect(
      page.getByText(/en un máximo de \d+ días hábiles, antes del \d+ de [a-z]+ de \d{4}/),
    ).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test('applies to the home energy rebate with a receipt upload; a disguised file is refused', async ({
    page,
  }) => {
    await register(page);
    await startApplication(page, 'home-energy-rebate');
    await typeInto(page, 'How many people live in your household?', '3');
    await typeInto(page, /total yearly income/, '64,000');
    await continueStep(page);
    await typeInto(page, 'Address of the home', '12 Elm Street, Springfield');
    await typeInto(page, 'ZIP code', '20001');
    await choose(page, 'I own it');
    await continueStep(page);
    await page.getByLabel('What did you install?').selectOption({ label: 'Heat pump' });
    await page.getByLabel('When was it installed?').fill('2026-03-27');
    await typeInto(page, 'How much did the upgrade cost in total?', '3000');
    await typeInto(page, 'How much rebate are you asking for?', '1500');
    await continueStep(page);

    await expect(page.getByRole('heading', { level: 1, name: 'Receipts' })).toBeVisible();
    const upload = page.getByLabel('Upload your receipt or invoice');
    await upload.setInputFiles({
      name: 'receipt.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('MZ not really a PDF'),
    });
    await expect(page.getByText('The selected file must be a PDF, JPG or PNG')).toBeVisible();
    await expectNoAxeViolations(page);
    const png = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      Buffer.alloc(2048, 7),
    ]);
    // Chosen with the keyboard: the field is busy (disabled) while the file goes up, then focus is back on it, not
    // dropped to the top of the page.
    await tabTo(page, upload);
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser'),
      page.keyboard.press('Space'),
    ]);
    await chooser.setFiles({ name: 'receipt.png', mimeType: 'image/png', buffer: png });
    await expect(page.getByRole('link', { name: 'receipt.png' })).toBeVisible();
    await expect(upload).toBeFocused();
    await continueStep(page);
    await typeInto(page, 'Email address', 'pat@example.com');
    await continueStep(page);

    await typeBankAccount(page, { holder: 'Pat Example', type: 'Savings', account: '55554444' });
    await continueStep(page);
    await expect(page.getByText('From your answers, you can apply')).toBeVisible();
    await expect(page.getByText('receipt.png')).toBeVisible();
    await choose(page, 'I confirm this declaration');
    await page.getByRole('button', { name: 'Submit application' }).click();
    await expect(page.getByRole('heading', { name: 'Application submitted' })).toBeVisible();
  });

  test('an ineligible applicant is told why before submitting', async ({ page }) => {
    await register(page);
    await startApplication(page, 'home-energy-rebate');
    await typeInto(page, 'How many people live in your household?', '2');
    await typeInto(page, /total yearly income/, '250000');
    await continueStep(page);
    await expect(page.getByRole('heading', { level: 1, name: 'Your home' })).toBeVisible();
    const url = new URL(page.url());
    await page.goto(url.pathname.replace(/apply\/.*$/, 'apply/check'));
    await expect(
      page.getByRole('heading', { name: 'Some answers are missing or need fixing' }),
    ).toBeVisible();
    await expect(page.getByRole('button', { name: 'Submit application' })).toHaveCount(0);
    await expectNoAxeViolations(page);
  });

  test('applies to the small business relief grant (business account, checkboxes, tax return upload)', async ({
    page,
  }) => {
    await register(page);
    await startApplication(page, 'small-business-relief');
    await typeInto(page, 'Legal name of the business', 'Corner Bakery LLC');
    await typeInto(page, /Employer Identification Number/, '12-3456789');
    await page.getByLabel('Type of business').selectOption('llc');
    await page.getByLabel('When did the business start?').fill('2015-05-01');
    await typeInto(page, 'How many people does the business employ?', '12');
    await continueStep(page);
    await typeInto(page, 'Revenue in the 12 months before the loss', '480000');
    await typeInto(page, 'By what percentage did revenue fall?', '35');
    await typeInto(
      page,
      'Describe how the business was affected',
      'Road works closed the street in front of the shop for eight months and customers stopped coming.',
    );
    await choose(page, 'Payroll');
    await choose(page, 'Rent or mortgage');
    await typeInto(page, 'How much are you asking for?', '20000');
    await continueStep(page);
    const pdf = Buffer.from('%PDF-1.7\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');
    await page
      .getByLabel(/latest federal tax return/)
      .setInputFiles({ name: 'tax-return-2025.pdf', mimeType: 'application/pdf', buffer: pdf });
    await expect(page.getByRole('link', { name: 'tax-return-2025.pdf' })).toBeVisible();
    await continueStep(page);
    await typeInto(page, 'Full name', 'Robin Baker');
    await typeInto(page, 'Email address', 'robin@example.com');
    await typeInto(page, 'Phone number', '202 555 0123');
    await choose(page, 'I certify that the information I have given is true and complete');
    await continueStep(page);
    await expect(
      page.getByText('The business name on the account, up to 22 characters.'),
    ).toBeVisible();
    await typeBankAccount(page, {
      holder: 'Corner Bakery LLC',
      type: 'Checking',
      account: '9876543210',
    });
    await continueStep(page);
    await expect(page.getByText('Payroll, Rent or mortgage')).toBeVisible();
    await expect(page.getByText('$20,000.00')).toBeVisible();
    await choose(page, 'I confirm this declaration');
    await page.getByRole('button', { name: 'Submit application' }).click();
    await expect(page.getByRole('heading', { name: 'Application submitted' })).toBeVisible();
  });

  test('a stale save from another tab is detected, not overwritten', async ({ page, context }) => {
    await register(page);
    await startApplication(page, 'permit-fee-refund');
    await expect(page.getByRole('heading', { level: 1, name: 'The permit' })).toBeVisible();
    const other = await context.newPage();
    await other.goto(page.url());
    await other.getByLabel('Permit number').fill('BP-2026-11111');
    await other.getByLabel('When did you pay the fee?').fill('2026-02-03');
    await other.getByLabel('How much did you pay?').fill('100');
    await continueStep(other);
    await expect(
      other.getByRole('heading', { level: 1, name: 'Why you are asking for a refund' }),
    ).toBeVisible();

    await page.getByLabel('Permit number').fill('BP-2026-22222');
    await page.getByLabel('When did you pay the fee?').fill('2026-02-04');
    await page.getByLabel('How much did you pay?').fill('200');
    await continueStep(page);
    const notice = page
      .getByRole('alert')
      .filter({ hasText: 'This application was changed somewhere else' });
    await expect(notice).toBeFocused();
    await expectNoAxeViolations(page);
    await notice.getByRole('button', { name: 'Load the latest answers' }).click();
    await expect(page.getByLabel('Permit number')).toHaveValue('BP-2026-11111');
  });
});
