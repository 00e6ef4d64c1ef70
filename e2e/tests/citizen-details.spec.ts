import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import {
  startApplication,
  api,
  continueStep,
  demoUsers,
  registerCitizen,
  signIn,
  submitNewPermitRefund,
  tabTo,
} from './helpers';

// Issue 9, items 12 and 13: the home page decided on the server, a first paint that says it is loading, service
// cards that are links, one draft per service (continue, delete), the contact step filled in from the account,
// phone numbers and dates as people write them, "Information needed" that says what is paused, and My requests
// at 320 px.

const html = { accept: 'text/html,application/xhtml+xml' };

const register = (page: Page, name = 'Pat Example') =>
  registerCitizen(page, { prefix: 'details', name });

/** The CSRF header the web client sends, for the few set-up calls made straight to the API. */
async function csrf(request: APIRequestContext): Promise<Record<string, string>> {
  const state = await request.storageState();
  return { 'x-csrf-token': state.cookies.find((c) => c.name === 'hms_csrf')?.value ?? '' };
}

test.describe('the home page', () => {
  test('a signed-out visitor gets the public page, whose service cards link to each service', async ({
    page,
  }) => {
    // The HTML itself says it is loading, inside #root and before any script: a slow phone shows it at once.
    const raw = await page.request.get('/', { headers: html, maxRedirects: 0 });
    expect(raw.status()).toBe(200);
    const body = await raw.text();
    const root = body.slice(body.indexOf('<div id="root">'), body.indexOf('<noscript>'));
    expect(root).toMatch(/role="status"[^>]*>Loading…</);
    // Every script is a module script (deferred): none holds back the first paint of that markup.
    for (const tag of body.match(/<script\b[^>]*>/g) ?? []) expect(tag).toContain('type="module"');

    await page.goto('/');
    await expect(
      page.getByRole('heading', { level: 1, name: 'Get help paying for what matters' }),
    ).toBeVisible();
    // React replaced the static loading line.
    await expect(page.getByText('Loading…')).toHaveCount(0);
    const card = page.getByRole('heading', { level: 3 }).getByRole('link').first();
    const name = (await card.innerText()).trim();
    await expectNoAxeViolations(page);
    await tabTo(page, card);
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/services\/[a-z0-9-]+$/);
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  });

  test('a signed-in person is sent to their area by the server, before any page loads', async ({
    page,
  }) => {
    await signIn(page, demoUsers.approver);
    const res = await page.request.get('/', { headers: html, maxRedirects: 0 });
    expect(res.status()).toBe(303);
    expect(res.headers().location).toBe('/approvals');
    expect(res.headers()['cache-control']).toBe('no-store');

    const navigations: string[] = [];
    page.on('response', (r) => {
      if (r.request().isNavigationRequest())
        navigations.push(`${r.status()} ${new URL(r.url()).pathname}`);
    });
    await page.goto('/');
    await expect(page).toHaveURL(/\/approvals$/);
    expect(navigations.slice(0, 2)).toEqual(['303 /', '200 /approvals']);
  });
});

test.describe('drafts', () => {
  test('"Start application" twice continues the same draft; a draft can be deleted after confirming', async ({
    page,
  }) => {
    await register(page);
    await startApplication(page, 'permit-fee-refund');
    await expect(page.getByRole('heading', { level: 1, name: 'The permit' })).toBeVisible();
    const draftUrl = new URL(page.url()).pathname;
    const draftId = /\/my-requests\/([^/]+)\/apply/.exec(draftUrl)![1];

    // Back on the service page: it offers the draft, not a second one.
    await page.goto('/services/permit-fee-refund');
    const resume = page.getByRole('link', { name: 'Continue your application' });
    await expect(resume).toBeVisible();
    await expect(page.getByRole('button', { name: 'Start application' })).toHaveCount(0);
    await expectNoAxeViolations(page);
    await resume.click();
    await expect(page).toHaveURL(new RegExp(`/my-requests/${draftId}/apply`));

    await page.goto('/my-requests');
    await expect(page.getByRole('row', { name: /HMS-/ })).toHaveCount(1);
    const row = page.getByRole('row', { name: /HMS-/ });
    const reference = (await row.getByRole('link').innerText()).trim();
    // A draft with no amount yet does not read as a $0.00 request.
    await expect(row).toContainText('Not given yet');
    await expect(row).not.toContainText('$0.00');

    // Delete, change our mind, then delete for real.
    const del = row.getByRole('button', { name: `Delete draft ${reference}` });
    await tabTo(page, del);
    await page.keyboard.press('Enter');
    const confirm = page.getByRole('heading', {
      name: `Delete your draft ${reference} (Permit Fee Refund)?`,
    });
    await expect(confirm).toBeFocused();
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'No, keep it' }).click();
    await expect(del).toBeFocused();
    await del.click();
    await page.getByRole('button', { name: 'Yes, delete the draft' }).click();
    await expect(
      page.getByRole('status').filter({ hasText: `Draft ${reference} was deleted.` }),
    ).toBeFocused();
    await expect(page.getByRole('heading', { name: 'You have no requests yet' })).toBeVisible();
    await expectNoAxeViolations(page);
    expect((await page.request.get(`/api/requests/${draftId}`)).status()).toBe(404);

    // The service page offers a fresh start again.
    await page.goto('/services/permit-fee-refund');
    await expect(page.getByRole('button', { name: 'Start application' })).toBeVisible();
  });
});

test.describe('answers as people write them', () => {
  test('contact step filled in from the account, phone as written, check answers shows routing and masked account; Spanish dates; 320 px', async ({
    page,
  }) => {
    const email = await register(page, 'Robin Lee');
    await startApplication(page, 'permit-fee-refund');
    await page.getByLabel('Permit number').fill('BP-2026-04321');
    await page.getByLabel('When did you pay the fee?').fill('2026-02-03');
    await page.getByLabel('How much did you pay?').fill('120');
    await continueStep(page);
    await page.locator('label', { hasText: 'I paid twice' }).click();
    await page.getByLabel('Tell us what happened').fill('I was charged twice.');
    await continueStep(page);

    await expect(page.getByRole('heading', { level: 1, name: 'How we contact you' })).toBeVisible();
    await expect(page.getByLabel('Full name')).toHaveValue('Robin Lee');
    await expect(page.getByLabel('Email address')).toHaveValue(email);
    await page.getByLabel('Phone number (optional)').fill('202.555.0147');
    await continueStep(page);

    await page.getByLabel('Name on the account').fill('Robin Lee');
    await page.locator('label', { hasText: 'Checking' }).click();
    await page.getByLabel('Routing number').fill('011000015');
    await page.getByLabel('Account number', { exact: true }).fill('123456789');
    await page.getByLabel('Enter the account number again').fill('123456789');
    await page.locator('label', { hasText: 'I agree to this authorization' }).click();
    await continueStep(page);

    await expect(
      page.getByRole('heading', { level: 1, name: 'Check your answers before you submit' }),
    ).toBeVisible();
    const rowOf = (label: string) =>
      page.locator('dl > div').filter({ has: page.locator('dt', { hasText: label }) });
    await expect(rowOf('Phone number (optional)').locator('dd').first()).toHaveText(
      '(202) 555-0147',
    );
    await expect(page.getByText('+12025550147')).toHaveCount(0);
    await expect(page.getByText('February 3, 2026')).toBeVisible();
    await expect(rowOf('Routing number').locator('dd').first()).toHaveText('011000015');
    await expect(rowOf('Account number').locator('dd').first()).toContainText('••••6789');
    await expect(rowOf('Name on the account').locator('dd').first()).toHaveText('Robin Lee');
    await expectNoAxeViolations(page);

    // The phone field, opened again from check answers, reads as it was typed, not as stored.
    await rowOf('Phone number (optional)')
      .getByRole('link', { name: /Change/ })
      .click();
    await expect(page.getByLabel('Phone number (optional)')).toHaveValue('(202) 555-0147');
    await page.goBack();

    await page.locator('label', { hasText: 'I confirm this declaration' }).click();
    await page.getByRole('button', { name: 'Submit application' }).click();
    await expect(page.getByRole('heading', { name: 'Application submitted' })).toBeVisible();
    const reference = (await page.locator('strong.font-mono-lg').innerText()).trim();

    // A second, unfinished application so My requests holds a draft and a submitted request.
    await startApplication(page, 'home-energy-rebate');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

    // In Spanish, every date is written in words in Spanish.
    await page.goto('/my-requests');
    await page.getByRole('button', { name: /español/i }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Mis solicitudes' })).toBeVisible();
    const submitted = page.getByRole('row', { name: new RegExp(reference) });
    await expect(submitted).toContainText(/\d{1,2} de [a-záéíóúñ]+ de \d{4}/);
    const table = page.getByRole('table');
    expect(await table.innerText()).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    await submitted.getByRole('link', { name: reference }).click();
    await expect(page.getByText(/\d{1,2} de [a-záéíóúñ]+ de \d{4}/).first()).toBeVisible();
    await expect(page.getByText('Decisión a más tardar el', { exact: true })).toBeVisible();
    expect(await page.locator('main').innerText()).not.toMatch(/\d{4}-\d{2}-\d{2}/);

    // At 320 px the table stacks: every column of every row is on screen, labelled, with no sideways scroll.
    await page.getByRole('button', { name: /english/i }).click();
    await page.setViewportSize({ width: 320, height: 900 });
    await page.goto('/my-requests');
    await expect(page.getByRole('row', { name: /HMS-/ })).toHaveCount(2);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      320,
    );
    await expect(page.locator('thead')).toBeHidden();
    for (const row of await page.getByRole('row', { name: /HMS-/ }).all()) {
      const cells = row.locator('th, td');
      await expect(cells).toHaveCount(7);
      for (const cell of await cells.all()) {
        await expect(cell).toBeVisible();
        const box = (await cell.boundingBox())!;
        expect(box.x).toBeGreaterThanOrEqual(0);
        expect(box.x + box.width).toBeLessThanOrEqual(320);
        // The column name shown before the value (USWDS stacked table: data-label in ::before).
        const label = await cell.evaluate((el) => getComputedStyle(el, '::before').content);
        expect(label).not.toBe('none');
        expect(label.length).toBeGreaterThan(2);
      }
    }
    await expectNoAxeViolations(page);
  });
});

test.describe('information needed', () => {
  test('has its own colour, says when we asked and that the clock is paused, and shows no decision date', async ({
    page,
    browser,
  }) => {
    // A request of this test's own (shared demo requests belong to the specs that walk them), claimed and asked about
    // by an approver. The set-up goes through the API: the approver's screens have their own tests. A second draft
    // gives the page another status to compare colours with.
    const submitted = await submitNewPermitRefund(page, { prefix: 'needsinfo', name: 'Nia Info' });
    const target = submitted;
    await api(page, 'POST', '/api/programs/permit-fee-refund/drafts');
    const staff = await browser.newContext();
    const approver = await staff.newPage();
    await signIn(approver, demoUsers.approver);
    const claimed = await approver.request.post(`/api/requests/${target.id}/claim`, {
      headers: await csrf(approver.request),
    });
    expect(claimed.status(), await claimed.text()).toBe(200);
    const review = (await (await approver.request.get(`/api/review/${target.id}`)).json()) as {
      version: number;
    };
    const asked = await approver.request.post(`/api/requests/${target.id}/decisions`, {
      headers: await csrf(approver.request),
      data: {
        kind: 'request_info',
        version: review.version,
        question: 'Please send the invoice for the insulation work.',
      },
    });
    expect(asked.status(), await asked.text()).toBeLessThan(300);
    await staff.close();

    await page.goto('/my-requests');
    const tag = page
      .getByRole('row', { name: new RegExp(target.reference) })
      .getByText('Information needed');
    await expect(tag).toBeVisible();
    const tags = await page
      .locator('.usa-tag')
      .evaluateAll((els) =>
        els.map((t) => ({ text: t.textContent, bg: getComputedStyle(t).backgroundColor })),
      );
    const colours = {
      needsInfo: tags.filter((t) => t.text === 'Information needed').map((t) => t.bg),
      others: tags.filter((t) => t.text !== 'Information needed').map((t) => t.bg),
    };
    expect(colours.needsInfo.length).toBeGreaterThan(0);
    expect(colours.others.length).toBeGreaterThan(0);
    for (const other of colours.others) expect(colours.needsInfo).not.toContain(other);
    await expectNoAxeViolations(page);

    await page.getByRole('link', { name: target.reference }).click();
    await expect(page.getByRole('heading', { name: 'We need more information' })).toBeVisible();
    await expect(
      page.getByText('Please send the invoice for the insulation work.').first(),
    ).toBeVisible();
    await expect(page.getByText('Information asked for on')).toBeVisible();
    await expect(
      page.getByText(/We asked on [A-Z][a-z]+ \d{1,2}, \d{4}\. Please answer as soon as you can/),
    ).toBeVisible();
    await expect(page.getByText('Decision due by')).toHaveCount(0);
    await expectNoAxeViolations(page);
  });
});
