import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { api, demoUsers, signedInPage, submitNewPermitRefund } from './helpers';

// Issue 14 part 2, "When will I hear back?", over the production build: a citizen submits a permit fee refund and
// sees the day a decision is expected with the published definition (the demo's six months of permit refunds), in
// English and Spanish; the approver sees the same day on the inbox row and approves; the citizen then sees when the
// money is expected, then the day of the batch it was sent in, and once the bank settled it, the request is paid and
// no estimate is left.

/** A `YYYY-MM-DD` day as the page writes it. */
const longDate = (day: string, locale = 'en-US') =>
  new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(`${day}T00:00:00Z`),
  );

async function estimateOf(page: Page, id: string) {
  return (await api(page, 'GET', `/api/requests/${id}`)).estimate;
}

test('citizen sees the expected decision day, then the expected bank day, until the money is paid', async ({
  page,
  browser,
}) => {
  const { id, reference } = await submitNewPermitRefund(page, {
    prefix: 'estimate',
    name: 'Esther Estimate',
  });

  // The citizen's request: the expected decision and what it rests on.
  const estimate = await estimateOf(page, id);
  // The demo's six months of permit refunds hold about as many decisions as an estimate needs (30), more or fewer
  // depending on the day: the page states whichever basis the API used.
  expect(['history', 'deadline']).toContain(estimate.decision.source);
  const fromHistory = estimate.decision.source === 'history';
  await page.goto(`/my-requests/${id}`);
  const panel = page.getByRole('region', { name: 'When will I hear back?' });
  await expect(panel).toBeVisible();
  await expect(
    panel.getByText(`We expect a decision by ${longDate(estimate.decisionBy)}.`),
  ).toBeVisible();
  await expect(
    panel.getByText(
      fromHistory
        ? `8 in 10 requests like yours were decided within ${estimate.decision.businessDays} business days of being submitted (${estimate.decision.sampleSize} requests decided in the last six months).`
        : `This program has decided too few requests in the last six months (${estimate.decision.sampleSize}) to estimate from its history, so this is its review deadline.`,
    ),
  ).toBeVisible();
  if (!fromHistory) {
    const detail = await api(page, 'GET', `/api/requests/${id}`);
    // The review deadline's day (dueAt is the midnight that ends it).
    expect(estimate.decisionBy).toBe(
      new Intl.DateTimeFormat('en-CA', { timeZone: 'America/New_York' }).format(
        new Date(Date.parse(detail.dueAt) - 1),
      ),
    );
  }
  await expect(panel.getByText(/^Requests ahead of yours in the queue: \d/)).toBeVisible();
  await expect(panel.getByText(/^Last updated /)).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole('button', { name: /español/i }).click();
  const panelEs = page.getByRole('region', { name: '¿Cuándo tendré respuesta?' });
  await expect(
    panelEs.getByText(
      `Esperamos una decisión a más tardar el ${longDate(estimate.decisionBy, 'es-US')}.`,
    ),
  ).toBeVisible();
  await expect(
    panelEs.getByText(
      fromHistory
        ? /^En 8 de cada 10 solicitudes como la suya/
        : /^Este programa ha decidido muy pocas/,
    ),
  ).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: /english/i }).click();
  await expect(panel).toBeVisible();

  // The approver sees the same day on the inbox row, claims the request from the keyboard-reachable button and
  // approves it.
  const approver = await signedInPage(browser, demoUsers.approver);
  await approver.goto(`/approvals?queue=all&q=${encodeURIComponent(reference)}`);
  const row = approver.getByRole('row').filter({ hasText: reference });
  await expect(row.getByText(`Expected decision: ${longDate(estimate.decisionBy)}`)).toBeVisible();
  await expectNoAxeViolations(approver);
  await row.getByRole('button', { name: `Claim ${reference}` }).click();
  await expect(row.getByRole('button', { name: `Claim ${reference}` })).toHaveCount(0);
  const claimed = await api(approver, 'GET', `/api/review/${id}`);
  const decision = await api(approver, 'POST', `/api/requests/${id}/decisions`, {
    kind: 'approve',
    version: claimed.version,
  });
  expect(decision.status).toBe('approved');

  // Approved: the money's expected day, from how the agency's payments moved.
  await page.reload();
  const approved = await estimateOf(page, id);
  expect(approved.payment.source).toBe('history');
  await expect(
    panel.getByText(`We expect the money in your bank account by ${longDate(approved.paymentBy)}.`),
  ).toBeVisible();
  await expect(
    panel.getByText(/^8 in 10 of our approved payments reached the bank within/),
  ).toBeVisible();
  await expect(panel.getByText(/We expect a decision/)).toHaveCount(0);
  await expectNoAxeViolations(page);

  // Finance sends it to the bank: the day is now its batch's effective date.
  const finance = await signedInPage(browser, demoUsers.finance);
  const pending = await api(finance, 'GET', '/api/payments?status=pending&limit=500');
  const payment = pending.items.find((p: { reference: string }) => p.reference === reference);
  expect(payment, 'the approval made a pending payment').toBeTruthy();
  const batch = await api(finance, 'POST', '/api/batches', {
    paymentIds: [payment.id],
    sameDay: false,
  });
  const supervisor = await signedInPage(browser, demoUsers.finance_supervisor);
  await api(supervisor, 'POST', `/api/batches/${batch.id}/release`);
  await page.reload();
  await expect(
    panel.getByText(
      `Your payment has been sent to the banks for ${longDate(batch.effectiveDate)}: your bank posts it to your account that business day.`,
    ),
  ).toBeVisible();

  // The bank settles it: paid, and nothing left to expect.
  await api(finance, 'POST', `/api/batches/${batch.id}/settle`, {});
  await page.reload();
  await expect(page.locator('.usa-tag', { hasText: /^Paid$/ })).toBeVisible();
  await expect(page.getByRole('region', { name: 'When will I hear back?' })).toHaveCount(0);
});
