import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { api, demoUsers, readMail, signIn, submitNewPermitRefund } from './helpers';

// Issue 11, item 5 over the production build: an administrator invites an approver by email; the invitee follows
// the emailed one-time link, chooses a password, signs in and works the inbox; deactivated, their next step lands on
// sign-in and the request they held is back in the queue; the used link never works again.

/** The invitation link in the newest email to this address, as a path (`/invitation#token=…`). */
async function invitationLink(to: string): Promise<string> {
  await expect.poll(async () => (await readMail(to)).length).toBeGreaterThan(0);
  for (const mail of (await readMail(to)).reverse()) {
    const m = /https?:\/\/[^\s/]+(\/invitation#token=[A-Za-z0-9_-]{43})/.exec(mail.body);
    if (m) return m[1]!;
  }
  throw new Error(`No invitation link was emailed to ${to}.`);
}

test('invite an approver, who activates the account from the email; deactivation ends their session and frees their claim', async ({
  browser,
}) => {
  // Three people take turns (admin, the invited approver, a citizen's request): more than the 60 s default.
  test.setTimeout(180_000);
  const stamp = `${Date.now()}${Math.random().toString(36).slice(2, 6)}`;
  const email = `dora-${stamp}@example.gov`;
  const password = `kettle orbit violet ${stamp}`;

  // The administrator invites Dora as an approver.
  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, demoUsers.admin);
  await admin.goto('/admin/users');
  await expect(admin.getByRole('heading', { level: 1, name: 'Staff' })).toBeVisible();
  await expectNoAxeViolations(admin);
  await admin.getByRole('link', { name: 'Invite a person' }).click();
  await expect(admin.getByRole('heading', { level: 1, name: 'Invite a person' })).toBeVisible();
  await admin.getByLabel('Full name').fill(`Dora ${stamp}`);
  await admin.getByLabel('Email', { exact: true }).fill(email);
  await admin.locator('label[for="invite-roles"]').click();
  await expect(admin.getByRole('checkbox', { name: /^Approver/ })).toBeChecked();
  // Separation of duties: the finance supervisor role cannot be added to an approver.
  await expect(admin.getByRole('checkbox', { name: /^Finance supervisor/ })).toBeDisabled();
  await expectNoAxeViolations(admin);
  await admin.getByRole('button', { name: 'Send invitation' }).click();
  await expect(admin.getByText(`Invitation sent to ${email}.`)).toBeVisible();
  await expect(admin.getByRole('heading', { name: 'Invitation' })).toBeVisible();
  await expectNoAxeViolations(admin);
  const personUrl = admin.url();

  // Dora opens the link from the email, chooses a password and signs in.
  const link = await invitationLink(email);
  const dora = await (await browser.newContext()).newPage();
  await dora.goto(link);
  await expect(dora.getByText(`Welcome, Dora ${stamp}.`, { exact: false })).toBeVisible();
  await expectNoAxeViolations(dora);
  await dora.getByLabel('New password', { exact: true }).fill(password);
  await dora.getByLabel('Confirm your new password').fill(password);
  await dora.getByRole('button', { name: 'Activate my account' }).click();
  await expect(dora).toHaveURL(/\/sign-in$/);
  await expect(dora.getByText(/Your account is ready/)).toBeVisible();
  await expect(dora.getByLabel('Email')).toHaveValue(email);
  await dora.getByLabel('Password', { exact: true }).fill(password);
  await dora.getByRole('button', { name: 'Sign in' }).click();
  await expect(dora.getByRole('button', { name: /sign out/i })).toBeVisible();
  await dora.goto('/approvals');
  await expect(dora.getByRole('heading', { level: 1, name: 'Approval inbox' })).toBeVisible();

  // A citizen's request, which Dora claims.
  const applicantName = `Queue ${stamp.slice(-8).replace(/\d/g, (d) => 'abcdefghij'[Number(d)]!)}`;
  const citizen = await (await browser.newContext()).newPage();
  const { id, reference } = await submitNewPermitRefund(citizen, {
    prefix: 'staffq',
    name: applicantName,
  });
  await api(dora, 'POST', `/api/requests/${id}/claim`);
  await dora.goto('/approvals?queue=mine');
  await expect(dora.getByRole('link', { name: reference })).toBeVisible();

  // The administrator deactivates her, after a confirmation step.
  await admin.goto(personUrl);
  await expect(admin.getByRole('heading', { level: 1, name: `Dora ${stamp}` })).toBeVisible();
  await expect(admin.getByText('Active', { exact: true })).toBeVisible();
  await admin.getByRole('button', { name: 'Deactivate' }).click();
  await expect(admin.getByRole('alertdialog')).toContainText('1 request(s) they hold');
  await admin.getByRole('button', { name: 'Yes, deactivate' }).click();
  await expect(admin.getByText(`Dora ${stamp} was deactivated and signed out.`)).toBeVisible();

  // Dora's next step lands on sign-in; her session is gone on the server.
  await dora.goto('/approvals?queue=mine');
  await expect(dora).toHaveURL(/\/sign-in/);
  expect((await dora.request.get('/api/me')).status()).toBe(401);

  // The request is back in the queue: another approver can claim it.
  const senior = await (await browser.newContext()).newPage();
  await signIn(senior, demoUsers.senior_approver);
  await senior.goto(`/approvals?queue=unassigned&q=${encodeURIComponent(applicantName)}`);
  await expect(senior.getByRole('button', { name: `Claim ${reference}` })).toBeVisible();

  // The used link never works again.
  await dora.goto(link);
  await expect(dora.getByText(/This invitation link does not work/)).toBeVisible();
  await expect(dora.getByLabel('New password', { exact: true })).toHaveCount(0);
});
