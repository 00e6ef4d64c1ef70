import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { demoUsers, signIn } from './helpers';

// Issue 9 items 6–7 over the production build, on the demo seed: the review page says what happened and why a
// request is flagged in plain words, in English and Spanish, never the codes the API stores.
const CODES =
  /\b(in_review|needs_info|risk_updated|bank_account_changed|amount_outlier|unverified|checking)\b|request\.\w|→|z-score/;

test('the review page names states, history and risk signals in plain words, in English and Spanish', async ({
  page,
}) => {
  await signIn(page, demoUsers.approver);
  // Priya Patel was paid into another account before: the one risk example of a changed account.
  await page.goto('/approvals?queue=all&q=Priya');
  const row = page.getByRole('row').filter({ hasText: 'Priya' }).first();
  await expect(row).toContainText('High risk');
  await row.getByRole('link').first().click();
  await expect(page.getByRole('heading', { level: 1, name: /^Review HMS-/ })).toBeVisible();

  const risk = page.locator('section[aria-labelledby="risk-h"]');
  const history = page.locator('section[aria-labelledby="timeline-h"]');
  const bank = page.locator('section[aria-labelledby="bank-h"]');
  // The same page in English, then in Spanish after the switch: each section's words, never a code.
  for (const words of [
    {
      risk: [
        'Bank account changed.',
        'this request pays the account ending 0002, but they used the one ending 0001 before',
      ],
      history: ['Application submitted', 'Status now: Submitted', 'Risk check updated'],
      bank: 'Not yet confirmed with the bank',
    },
    {
      switchTo: /español/i,
      risk: ['Cuenta bancaria cambiada.', 'esta solicitud paga a la cuenta terminada en 0002'],
      history: ['Solicitud enviada', 'Estado ahora: Enviada'],
      bank: 'Aún no confirmada con el banco',
    },
  ]) {
    if (words.switchTo) await page.getByRole('button', { name: words.switchTo }).click();
    for (const text of words.risk) await expect(risk).toContainText(text);
    for (const text of words.history) await expect(history).toContainText(text);
    await expect(bank).toContainText(words.bank);
    await expect(page.locator('main')).not.toContainText(CODES);
    await expectNoAxeViolations(page);
  }

  // An unusual amount is compared with what the program usually pays, not given as a statistic.
  await page.goto('/approvals?queue=all&q=Olivia');
  await page
    .getByRole('row')
    .filter({ hasText: 'Olivia' })
    .first()
    .getByRole('link')
    .first()
    .click();
  await expect(risk).toContainText(
    /El importe está muy por encima de lo que este programa suele pagar: \$1,995 frente a un rango habitual de \$\d{3}–\$\d{3}/,
  );
  await page.getByRole('button', { name: /english/i }).click();
  await expect(risk).toContainText(
    /The amount is far above what this program usually pays: \$1,995 vs a typical \$\d{3}–\$\d{3}/,
  );
  await expect(page.locator('main')).not.toContainText(CODES);
});
