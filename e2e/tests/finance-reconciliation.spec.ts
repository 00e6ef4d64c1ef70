import { expect, test } from '@playwright/test';
import { formatCents } from '@hms/contracts/money';
import { returnFileFor } from '../../apps/api/src/modules/returns/bank-return-file.ts';
import { expectNoAxeViolations } from './axe';
import { api, demoUsers, releaseBatchOfTwo, signedInPage } from './helpers';

// Issue 13, item 5 over the production build: a batch of two payments is built, released under dual control, and the
// bank returns one of them. Reconciliation then shows the batch with the difference still outstanding and the return
// as an exception, which a supervisor works to zero by resolving it, with a note, on the screen.

const WIDE = { viewport: { width: 1280, height: 900 } };

test.use(WIDE);

test('a partly returned batch shows its difference and an exception that clears when worked', async ({
  browser,
}) => {
  const finance = await signedInPage(browser, demoUsers.finance, WIDE);
  // Next day: the effective date is still ahead, so nothing is late yet; only the return is an exception.
  const { batchId, supervisor } = await releaseBatchOfTwo(browser, finance, WIDE);
  const detail = await api(finance, 'GET', `/api/batches/${batchId}`);
  const [returned, kept] = detail.entries as Array<{
    traceNumber: string;
    amountCents: number;
    payment: { reference: string };
  }>;
  // R14 (the payee died): nothing in HMS pays it again; only a supervisor's resolution clears it.
  const imported = await api(finance, 'POST', '/api/returns/imports', {
    fileName: `recon-${Date.now()}.ach`,
    content: returnFileFor(
      {
        odfiRouting: '121042882',
        returns: [
          { traceNumber: returned!.traceNumber, amountCents: returned!.amountCents, code: 'R14' },
        ],
      },
      'R',
    ),
  });
  expect(imported.counts.returnsApplied).toBe(1);
  await finance.context().close();

  // Batches: expected = both entries; returned = the first; outstanding and the difference = the second.
  const page = supervisor;
  await page.goto('/finance/reconciliation');
  await expect(
    page.getByRole('heading', { level: 1, name: 'Reconciliation: Batches' }),
  ).toBeVisible();
  await page.getByLabel('Search', { exact: true }).fill(returned!.payment.reference);
  await page.getByRole('button', { name: 'Apply' }).click();
  const table = page.getByRole('table', { name: /Released batches/ });
  await expect(table.locator('tbody tr')).toHaveCount(1);
  const row = table.locator('tbody tr').first();
  const money = (c: number) => formatCents(c, 'en');
  await expect(row).toContainText(`${money(returned!.amountCents + kept!.amountCents)} (2)`);
  await expect(row).toContainText(`${money(returned!.amountCents)} (1)`);
  await expect(row.locator('td').nth(5)).toHaveText(money(kept!.amountCents));
  await expect(row).toContainText('Not reconciled');
  const csv = page.getByRole('link', { name: /Download these 1 rows \(CSV\)/ });
  await expect(csv).toHaveAttribute(
    'href',
    new RegExp(`q=${returned!.payment.reference}.*format=csv`),
  );
  await expectNoAxeViolations(page);

  // Exceptions: the return, with its reason in plain words, its age, and what clears it.
  await page
    .getByRole('navigation', { name: 'Reconciliation lists' })
    .getByRole('link', { name: 'Exceptions' })
    .click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Reconciliation: Exceptions' }),
  ).toBeVisible();
  await page.getByLabel('Search', { exact: true }).fill(returned!.payment.reference);
  await page.getByRole('button', { name: 'Apply' }).click();
  const exceptions = page.getByRole('table', { name: 'Items not reconciled' });
  await expect(exceptions.locator('tbody tr')).toHaveCount(1);
  const exception = exceptions.locator('tbody tr').first();
  await expect(exception).toContainText(
    'Returned by the bank and not paid again yet (no new account, no replacement payment).',
  );
  await expect(exception).toContainText('R14');
  await expect(exception).toContainText('0 business days');
  await expect(exception).toContainText('Resolve by hand with a note');
  await expectNoAxeViolations(page);

  // Worked with the keyboard: the resolve button opens the form (its heading takes focus), the note is required.
  const resolve = exception.getByRole('button', {
    name: `Resolve ${returned!.payment.reference} by hand`,
  });
  await resolve.focus();
  await page.keyboard.press('Enter');
  await expect(
    page.getByRole('heading', { name: `Resolve ${returned!.payment.reference} by hand` }),
  ).toBeFocused();
  await page.getByLabel('Resolution').selectOption('written_off');
  await page.getByLabel('Note (kept in the audit log)').fill('Payee deceased; estate informed.');
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Record the resolution' }).click();
  await expect(page.getByRole('status')).toContainText(`Resolved: ${returned!.payment.reference}.`);
  await expect(
    page.getByText('No open exceptions: everything matching these filters is reconciled.'),
  ).toBeVisible();

  // It is kept, with who and why, under "resolved by hand".
  await page.getByLabel('Show').selectOption('resolved');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(exceptions.locator('tbody tr').first()).toContainText(
    'Written off by Skyler Supervisor: Payee deceased; estate informed.',
  );
  await expectNoAxeViolations(page);

  // Returns: the returned entry, not paid again.
  await page.goto(`/finance/reconciliation/returns?q=${returned!.payment.reference}`);
  const returns = page.getByRole('table', { name: 'Entries the bank returned' });
  await expect(returns.locator('tbody tr')).toHaveCount(1);
  await expect(returns.locator('tbody tr').first()).toContainText('R14');
  await expectNoAxeViolations(page);
  await page.context().close();
});
