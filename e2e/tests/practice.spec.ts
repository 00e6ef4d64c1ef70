import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import {
  expectErrorSummary,
  api,
  demoUsers,
  openAdminSection,
  signedInPage,
  submitNewPermitRefund,
  tabTo,
} from './helpers';

// Issue 11 item 9 over the production build: an administrator makes a practice copy of a demo program and fills it
// with practice requests; an approver finds them in the inbox marked Practice and approves one; finance sees its
// payment apart, never offered for a batch, and a batch built beside it leaves it out (the API refuses it too); the
// administrator clears the practice data and the inbox no longer has them.

/** The inbox row of one request, found by its reference across every queue. */
function inboxRow(page: Page, reference: string) {
  return page.getByRole('row').filter({ has: page.getByRole('link', { name: reference }) });
}

test('practice space: copy a program, generate requests, approve one, keep it out of batches, clear it', async ({
  browser,
}) => {
  // Four people in turn (and a citizen's set-up) walk the whole round trip.
  test.setTimeout(240_000);

  // 1. The administrator makes a practice copy of the Permit Fee Refund and creates 3 practice requests in it.
  const admin = await signedInPage(browser, demoUsers.admin);
  await openAdminSection(admin, 'Practice space', '/admin/practice');
  await expect(admin.getByRole('row', { name: /^Permit Fee Refund/ })).toContainText(
    'Real program',
  );
  await expectNoAxeViolations(admin);

  await admin.getByLabel('Program to copy').selectOption({ label: 'Permit Fee Refund' });
  await admin.getByRole('button', { name: 'Make a practice copy' }).click();
  await expect(
    admin.getByText(/^Practice copy made: Practice: Permit Fee Refund \(web address practice-/),
  ).toBeVisible();
  const copyRow = admin.getByRole('row', { name: /^Practice: Permit Fee Refund/ });
  await expect(copyRow).toContainText('Practice');
  await expect(admin.getByLabel('Practice program')).toHaveValue(/.+/);
  await expect(admin.getByLabel('Practice program').locator('option:checked')).toHaveText(
    'Practice: Permit Fee Refund',
  );

  // More than 25 at once is refused before anything is sent, with the error summary.
  const count = admin.getByLabel('How many requests');
  await count.fill('30');
  await admin.getByRole('button', { name: 'Create practice requests' }).click();
  const summary = await expectErrorSummary(admin);
  await expect(count).toHaveAttribute('aria-invalid', 'true');
  await expectNoAxeViolations(admin);
  await summary.getByRole('link', { name: 'Create at most 25 requests at a time.' }).click();
  await expect(count).toBeFocused();
  await count.fill('3');
  await admin.getByRole('button', { name: 'Create practice requests' }).click();
  await expect(
    admin.getByText(
      'Practice requests created: 3. They wait in the approval inbox, marked Practice.',
    ),
  ).toBeVisible();
  await expect(admin).not.toHaveTitle(/^Error: /);
  const created = admin.getByRole('table', { name: 'Practice requests just created' });
  const references = (await created.locator('tbody th').allTextContents()).map((r) => r.trim());
  expect(references).toHaveLength(3);
  await expect(copyRow).toContainText('Submitted: 3');
  await expectNoAxeViolations(admin);

  // 2. The approver sees them in the inbox, marked Practice, and works the first one to an approval. (The first
  // practice request of a batch is at or under the program's second-approval threshold, so one approval decides it.)
  const approver = await signedInPage(browser, demoUsers.approver);
  for (const reference of references) {
    await approver.goto(`/approvals?queue=all&q=${reference}`);
    const row = inboxRow(approver, reference);
    await expect(row).toBeVisible();
    await expect(row.locator('[data-practice="true"]')).toHaveText('Practice');
    await expect(row).toContainText('Submitted');
  }
  const reference = references[0]!;
  await approver.goto(`/approvals?queue=unassigned&q=${reference}`);
  await expect(approver.getByRole('heading', { level: 1, name: 'Approval inbox' })).toBeVisible();
  await expectNoAxeViolations(approver);
  await inboxRow(approver, reference)
    .getByRole('button', { name: `Claim ${reference}` })
    .click();
  await expect(approver.getByRole('link', { name: reference })).toHaveCount(0);
  await approver.goto(`/approvals?queue=mine&q=${reference}`);
  await approver.getByRole('link', { name: reference }).click();
  await expect(
    approver.getByRole('heading', { level: 1, name: `Review ${reference}` }),
  ).toBeVisible();
  await expect(
    approver.getByText(/^Practice request: the applicant, answers, files/),
  ).toBeVisible();
  await expectNoAxeViolations(approver);
  await approver.keyboard.press('a');
  await expect(approver.getByLabel('Approved amount in dollars')).toBeFocused();
  await approver.getByRole('button', { name: 'Continue' }).click();
  await expect(
    approver.getByText(new RegExp(`Approve \\$[\\d,.]+ for ${reference}\\?`)),
  ).toBeVisible();
  await approver.getByRole('button', { name: 'Yes, confirm' }).click();
  await expect(approver.getByText('Decision recorded: Approved.')).toBeVisible();
  // Decided, it leaves the open queues; the status filter finds it, still marked Practice.
  await approver.goto(`/approvals?queue=all&status=approved&q=${reference}`);
  await expect(inboxRow(approver, reference)).toContainText('Approved');
  await expect(inboxRow(approver, reference).locator('[data-practice="true"]')).toBeVisible();

  // A real payment of this test's own to batch beside it: a new citizen's permit refund, approved through the API.
  const citizen = await browser.newContext().then((c) => c.newPage());
  const real = await submitNewPermitRefund(citizen, { prefix: 'practicebeside', name: 'Rae Real' });
  const claimed = await api(approver, 'POST', `/api/requests/${real.id}/claim`);
  const decision = await api(approver, 'POST', `/api/requests/${real.id}/decisions`, {
    kind: 'approve',
    version: claimed.version,
  });
  expect(decision.status).toBe('approved');

  // 3. Finance: the practice payment is listed apart, never among the payments to batch.
  const finance = await signedInPage(browser, demoUsers.finance);
  await finance.goto('/finance/payments');
  await expect(finance.getByRole('heading', { level: 1, name: 'Pending payments' })).toBeVisible();
  const toBatch = finance.getByRole('region', { name: 'Pending payments; select rows to batch' });
  await expect(toBatch.getByRole('row', { name: new RegExp(real.reference) })).toBeVisible();
  await expect(toBatch).not.toContainText(reference);
  await expect(finance.getByLabel(`Select payment ${reference}`)).toHaveCount(0);
  const practiceSection = finance.getByRole('region', { name: 'Practice payments (never sent)' });
  const practicePayment = practiceSection.getByRole('row', { name: new RegExp(reference) });
  await expect(practicePayment.locator('[data-practice="true"]')).toHaveText('Practice');
  await expectNoAxeViolations(finance);

  // A batch built now takes the real payment and leaves the practice one out.
  await finance.getByLabel(`Select payment ${real.reference}`).focus();
  await finance.keyboard.press('Space');
  await expect(finance.getByLabel(`Select payment ${real.reference}`)).toBeChecked();
  await finance.getByRole('button', { name: 'Build batch' }).click();
  await expect(finance.getByRole('heading', { level: 1, name: /^Batch / })).toBeVisible();
  const entries = finance.getByRole('region', { name: 'Entries' });
  await expect(entries.getByRole('row', { name: new RegExp(real.reference) })).toBeVisible();
  await expect(entries).not.toContainText(reference);
  // Nor can it be put in a batch by asking the API directly.
  const pending = await api(finance, 'GET', '/api/payments?status=pending&limit=500');
  const practiceId = pending.items.find(
    (p: { reference: string }) => p.reference === reference,
  )?.id;
  expect(practiceId, 'the practice payment is pending').toBeTruthy();
  const csrf = (await finance.context().cookies()).find((c) => c.name === 'hms_csrf')?.value ?? '';
  const refused = await finance.request.post('/api/batches', {
    headers: { 'x-csrf-token': csrf },
    data: { paymentIds: [practiceId], sameDay: false },
  });
  expect(refused.status()).toBe(409);
  expect((await refused.json()).code).toBe('batch.payments_not_batchable');
  // After the batch, the practice payment is still where it was: unbatched, listed apart.
  await finance.goto('/finance/payments');
  await expect(
    finance
      .getByRole('region', { name: 'Practice payments (never sent)' })
      .getByRole('row', { name: new RegExp(reference) }),
  ).toContainText('Waiting to be batched');

  // 4. The administrator clears the practice data, with the keyboard and a confirmation.
  await admin.reload();
  await expect(copyRow).toContainText('Approved: 1');
  await expect(copyRow).toContainText('Submitted: 2');
  await tabTo(admin, admin.getByRole('button', { name: 'Clear practice data' }));
  await admin.keyboard.press('Enter');
  const confirm = admin.getByRole('alertdialog');
  await expect(confirm).toContainText(
    'Delete all 3 practice requests and everything made with them? This cannot be undone.',
  );
  await expect(admin.getByRole('button', { name: 'Yes, clear practice data' })).toBeFocused();
  await expectNoAxeViolations(admin);
  await admin.keyboard.press('Enter');
  const cleared = admin.getByText(
    /^Practice data cleared\. Requests deleted: 3\. Payments: 1\. Files: \d+\. Made-up applicants: 3\.$/,
  );
  await expect(cleared).toBeVisible();
  await expect(admin.getByRole('status').filter({ has: cleared })).toBeFocused();
  await expect(admin.getByText('There are no practice requests to clear.')).toBeVisible();
  await expect(copyRow).not.toContainText('Submitted');
  await expectNoAxeViolations(admin);

  // The inbox no longer has them, nor finance the practice payment.
  for (const r of references) {
    await approver.goto(`/approvals?queue=all&q=${r}`);
    await expect(approver.getByRole('heading', { level: 1, name: 'Approval inbox' })).toBeVisible();
    await expect(approver.getByRole('link', { name: r })).toHaveCount(0);
  }
  await approver.goto(`/approvals?queue=all&status=approved&q=${reference}`);
  await expect(approver.getByRole('heading', { level: 1, name: 'Approval inbox' })).toBeVisible();
  await expect(approver.getByRole('link', { name: reference })).toHaveCount(0);
  const after = await api(approver, 'GET', `/api/inbox?queue=all&status=approved&q=${reference}`);
  expect(after.items).toEqual([]);
  await finance.goto('/finance/payments');
  await expect(finance.getByRole('heading', { level: 1, name: 'Pending payments' })).toBeVisible();
  await expect(finance.getByText(reference)).toHaveCount(0);
});
