import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import {
  api,
  demoUsers,
  openAdminSection,
  readMail,
  signIn,
  submitNewPermitRefund,
  tabTo,
} from './helpers';

// The administration area over the production build: the shell mounts the admin remote's AdminArea at /admin for
// admins only; service tokens, webhook endpoints and the email outbox live there.

test('an admin lands on /admin, creates and revokes a service token, and reads the email outbox', async ({
  page,
}) => {
  // Seven screens, each checked with axe, plus a citizen's set-up and a wait for the mailbox: on the shared 2-core
  // machine that runs out of the default 60 s at the last step.
  test.setTimeout(120_000);
  // An email to find in the outbox, made by this test alone (shared demo requests belong to other specs): a new
  // citizen submits a permit refund through the API, which queues "We received your request …"; the test mailbox
  // (mail-catcher.mjs) receives it.
  const { email, reference } = await submitNewPermitRefund(page, {
    prefix: 'outbox',
    name: 'Olive Outbox',
  });
  await api(page, 'POST', '/api/auth/sign-out');

  await signIn(page, demoUsers.admin);
  await expect(page).toHaveURL(/\/admin$/);
  const primary = page.getByRole('navigation', { name: 'Primary navigation' });
  await expect(primary.getByRole('link', { name: 'Admin', exact: true })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Administration' })).toBeVisible();
  const sections = page.getByRole('navigation', { name: 'Administration sections' });
  await expect(sections.getByRole('link')).toHaveText([
    'Overview',
    'Programs',
    'Policy simulation',
    'Practice space',
    'Staff',
    'Imports',
    'Export',
    'Service tokens',
    'Webhook endpoints',
    'Email outbox',
    'Sign-in throttle',
    'Quality sampling',
    'Settings',
    'Audit log',
  ]);
  await expectNoAxeViolations(page);

  // Service token: the secret is shown once, and is gone after leaving the page.
  await sections.getByRole('link', { name: 'Service tokens' }).click();
  await expect(page).toHaveURL(/\/admin\/tokens$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Service tokens' })).toBeVisible();
  await expectNoAxeViolations(page);
  const name = `e2e token ${Date.now()}`;
  await page.getByLabel('Name').fill(name);
  // USWDS draws its own checkbox: the keyboard works on the real input (Space toggles it).
  await page.getByLabel(/journal:read/).focus();
  await page.keyboard.press('Space');
  await expect(page.getByLabel(/journal:read/)).toBeChecked();
  await page.getByRole('button', { name: 'Create token' }).click();
  const secret = page.getByTestId('secret');
  await expect(secret).toHaveText(/^hms_st_/);
  await expect(page.getByText('Copy this token now; it will not be shown again:')).toBeVisible();
  await expect(page.getByRole('row', { name: new RegExp(name) })).toContainText('Active');
  await expectNoAxeViolations(page);

  await sections.getByRole('link', { name: 'Webhook endpoints' }).click();
  await expect(page).toHaveURL(/\/admin\/webhooks$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Webhook endpoints' })).toBeVisible();
  await expectNoAxeViolations(page);
  await sections.getByRole('link', { name: 'Service tokens' }).click();
  await expect(page.getByRole('row', { name: new RegExp(name) })).toBeVisible();
  await expect(page.getByTestId('secret')).toHaveCount(0);

  // Revoke, after confirming.
  await page.getByRole('button', { name: `Revoke ${name}` }).click();
  await expect(page.getByRole('button', { name: 'Yes, revoke' })).toBeFocused();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Yes, revoke' }).click();
  await expect(page.getByRole('row', { name: new RegExp(name) })).toContainText('Revoked');
  await expect(page.getByRole('button', { name: `Revoke ${name}` })).toHaveCount(0);

  // The email outbox: the queued confirmation email, recipient masked.
  await sections.getByRole('link', { name: 'Email outbox' }).click();
  await expect(page).toHaveURL(/\/admin\/outbox$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Email outbox' })).toBeVisible();
  const subject = `We received your request ${reference}`;
  await expect.poll(async () => (await readMail(email)).map((m) => m.subject)).toContain(subject);
  await page.reload();
  const row = page.getByRole('row', { name: new RegExp(subject) });
  await expect(row).toBeVisible();
  await expect(row).toContainText('Sent');
  await expect(row).toContainText('o•••x@example.com');
  await expect(row).not.toContainText(email);
  await expectNoAxeViolations(page);

  // Filter by status through the URL: nothing is dead; the email is among the sent ones.
  await page.getByLabel('Show').selectOption('dead');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page).toHaveURL(/\/admin\/outbox\?status=dead$/);
  await expect(page.getByText('No emails with this status.')).toBeVisible();
  await expectNoAxeViolations(page);
  await page.goto('/admin/outbox?status=sent');
  await expect(page.getByRole('row', { name: new RegExp(subject) })).toBeVisible();
});

test('an admin sees an account whose sign-ins are being slowed and clears it', async ({ page }) => {
  const email = `throttled${Date.now()}@example.com`;
  for (let i = 0; i < 4; i++) {
    if (!(await page.context().cookies()).some((c) => c.name === 'hms_csrf'))
      await page.request.get('/api/health');
    const csrf = (await page.context().cookies()).find((c) => c.name === 'hms_csrf')?.value ?? '';
    const res = await page.request.post('/api/auth/sign-in', {
      headers: { 'x-csrf-token': csrf },
      data: { email, password: `wrong-guess-${i}` },
    });
    expect(res.status()).toBe(401);
  }
  await signIn(page, demoUsers.admin);
  await openAdminSection(page, 'Sign-in throttle', '/admin/sign-in-throttle');
  const row = page.getByRole('row', { name: new RegExp(email) });
  await expect(row).toContainText('4');
  await expectNoAxeViolations(page);
  await tabTo(page, page.getByRole('button', { name: `Clear ${email}` }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status')).toContainText(`Cleared ${email}`);
  await expect(page.getByRole('row', { name: new RegExp(email) })).toHaveCount(0);
  await expectNoAxeViolations(page);
});

test('finance staff who open /admin get the not-allowed page', async ({ page }) => {
  await signIn(page, demoUsers.finance);
  const primary = page.getByRole('navigation', { name: 'Primary navigation' });
  await expect(primary.getByRole('link', { name: 'Admin', exact: true })).toHaveCount(0);
  await page.goto('/admin/tokens');
  await expect(
    page.getByRole('heading', { level: 1, name: 'You do not have access to this page' }),
  ).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Administration sections' })).toHaveCount(0);
  await expectNoAxeViolations(page);
  // The finance area no longer carries the admin sections.
  await page.goto('/finance');
  await expect(
    page
      .getByRole('navigation', { name: 'Finance sections' })
      .getByRole('link', { name: 'Service tokens' }),
  ).toHaveCount(0);
});
