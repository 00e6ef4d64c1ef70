import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { demoUsers, signIn } from './helpers';

// The administration area over the production build: the shell mounts the finance remote's AdminArea at /admin for
// admins only; service tokens, webhook endpoints and the email outbox live there.

async function signOut(page: Page) {
  await page.getByRole('button', { name: /sign out/i }).click();
  await expect(page.getByRole('link', { name: /sign in/i }).first()).toBeVisible();
}

/** Calls the API with the page's session and CSRF cookie, as the web client does. */
async function api(page: Page, method: 'GET' | 'POST', path: string, data?: unknown) {
  const csrf = (await page.context().cookies()).find((c) => c.name === 'hms_csrf')?.value ?? '';
  const res = await page.request.fetch(path, {
    method,
    headers: { 'x-csrf-token': csrf },
    ...(data === undefined ? {} : { data }),
  });
  expect(res.ok(), `${method} ${path}: ${res.status()} ${await res.text()}`).toBe(true);
  return res.json();
}

test('an admin lands on /admin, creates and revokes a service token, and reads the email outbox', async ({
  page,
}) => {
  // An email to find in the outbox: the citizen withdraws their newest submitted request (demo seed), which
  // queues a "You withdrew your request …" email (no SMTP server in this run, so it stays queued). The request
  // in review that payments.spec approves is left alone.
  await signIn(page, demoUsers.citizen);
  const mine = await api(page, 'GET', '/api/requests/mine?limit=100');
  const submitted = mine.items.find((r: { status: string }) => r.status === 'submitted');
  expect(submitted, 'the demo citizen has a submitted request').toBeTruthy();
  await api(page, 'POST', `/api/requests/${submitted.id}/withdraw`, {
    reason: 'e2e: admin outbox',
  });
  await signOut(page);

  await signIn(page, demoUsers.admin);
  await expect(page).toHaveURL(/\/admin$/);
  const primary = page.getByRole('navigation', { name: 'Primary navigation' });
  await expect(primary.getByRole('link', { name: 'Admin', exact: true })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Administration' })).toBeVisible();
  const sections = page.getByRole('navigation', { name: 'Administration sections' });
  await expect(sections.getByRole('link')).toHaveText([
    'Overview',
    'Service tokens',
    'Webhook endpoints',
    'Email outbox',
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

  // The email outbox: the queued withdrawal email, recipient masked.
  await sections.getByRole('link', { name: 'Email outbox' }).click();
  await expect(page).toHaveURL(/\/admin\/outbox$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Email outbox' })).toBeVisible();
  await expect(page.getByText(/No mail server is configured/)).toBeVisible();
  const row = page.getByRole('row', {
    name: new RegExp(`You withdrew your request ${submitted.reference}`),
  });
  await expect(row).toBeVisible();
  await expect(row).toContainText('Queued');
  await expect(row).toContainText('c•••n@example.gov');
  await expect(row).not.toContainText(demoUsers.citizen);
  await expectNoAxeViolations(page);

  // Filter by status through the URL: nothing has been sent.
  await page.getByLabel('Show').selectOption('sent');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page).toHaveURL(/\/admin\/outbox\?status=sent$/);
  await expect(page.getByText('No emails with this status.')).toBeVisible();
  await expectNoAxeViolations(page);
  await page.goto('/admin/outbox?status=queued');
  await expect(
    page.getByRole('row', { name: new RegExp(`You withdrew your request ${submitted.reference}`) }),
  ).toBeVisible();
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
