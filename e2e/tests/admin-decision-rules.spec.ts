import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import {
  startApplication,
  api,
  demoUsers,
  openAdminSection,
  queueRow,
  registerCitizen,
  signedInPage,
  signIn,
} from './helpers';

// Decision rules written in the browser (issue 14): an administrator writes "approve when the amount is at most
// $200 and there is no risk", tests it with a typed case and cases from a CSV file, sees a failing case keep it from
// going live, fixes the case, publishes, and switches automated approvals on. Keyboard first, no axe violations.
// Then the outcome: a citizen's $120 refund is approved at submission by the rule, paid, and says so; a $250 one
// waits in the approvals inbox for a person.

const CSV = [
  'name,expected,amount,risk_level',
  'CSV: $180 without risk,approve,180,none',
  'CSV: $150 with high risk,none,150,high',
  'CSV: $250 without risk,approve,250,none',
].join('\n');

/**
 * A new citizen, registered in this browser, applies for a permit fee refund of `dollars` through the form and opens
 * the request's page; returns its id and reference. The bank account is theirs alone, so no risk signal joins it.
 */
async function applyForPermitRefund(
  page: Page,
  name: string,
  dollars: string,
): Promise<{ id: string; reference: string }> {
  await registerCitizen(page, { prefix: 'rules', name });
  await startApplication(page, 'permit-fee-refund');
  await page.getByLabel('Permit number').fill('BP-2026-07200');
  await page.getByLabel('When did you pay the fee?').fill('2026-02-03');
  await page.getByLabel('How much did you pay?').fill(dollars);
  await page.getByRole('button', { name: 'Save and continue' }).click();
  await page.getByText('I paid twice').click();
  await page.getByLabel('Tell us what happened').fill('I paid on 3 and 4 February.');
  await page.getByRole('button', { name: 'Save and continue' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'How we contact you' })).toBeVisible();
  await page.getByRole('button', { name: 'Save and continue' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Where should we send the money?' }),
  ).toBeVisible();
  const account = String(Date.now()).slice(-10);
  await page.getByLabel('Name on the account').fill(name);
  await page.getByText('Checking', { exact: true }).click();
  await page.getByLabel('Routing number').fill('011000015');
  await page.getByLabel('Account number', { exact: true }).fill(account);
  await page.getByLabel('Enter the account number again').fill(account);
  await page.getByText('I agree to this authorization').click();
  await page.getByRole('button', { name: 'Save and continue' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Check your answers before you submit' }),
  ).toBeVisible();
  await page.getByText('I confirm this declaration').click();
  await page.getByRole('button', { name: 'Submit application' }).click();
  const reference = (await page.locator('strong.font-mono-lg').innerText()).trim();
  await page.goto('/my-requests');
  await page.getByRole('link', { name: reference }).click();
  await expect(page).toHaveURL(/\/my-requests\/[^/]+$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Permit Fee Refund' })).toBeVisible();
  await expect(page.getByText(reference, { exact: true })).toBeVisible();
  return { id: /my-requests\/([^/]+)$/.exec(page.url())![1]!, reference };
}

/** The first version, written and tested in the browser from an empty program. */
async function writeAndPublishVersion1(page: Page): Promise<void> {
  await expect(page.getByTestId('rules-empty')).toContainText('no decision rules yet');
  await expect(page.getByTestId('automation-state')).toHaveText(/^Off/);
  await expectNoAxeViolations(page);

  await page.getByRole('button', { name: 'Start writing rules' }).press('Enter');
  await expect(page.getByRole('heading', { name: 'Draft: version 1' })).toBeVisible();
  await page.getByRole('button', { name: 'Add a rule' }).press('Enter');
  // The new rule's label takes focus: the author types straight away.
  await page.keyboard.type('Small amounts without risk');
  const rule = page.getByTestId('rule-1');
  await expect(rule.getByLabel('What the rule is for')).toHaveValue('Small amounts without risk');
  const first = rule.getByRole('group', { name: 'Condition 1' });
  await expect(first.getByLabel('Reads')).toHaveValue('amount');
  await first.getByLabel('Comparison').selectOption({ label: 'is at most' });
  await first.getByLabel('Value').fill('200');
  await rule.getByRole('button', { name: 'Add a condition to rule 1' }).press('Enter');
  const second = rule.getByRole('group', { name: 'Condition 2' });
  await expect(second.getByLabel('Reads')).toBeFocused();
  await second.getByLabel('Reads').selectOption({ label: 'Risk level' });
  await second.getByLabel('Value').selectOption({ label: 'No risk signals' });
  await expect(rule.getByLabel('Then')).toHaveValue('approve');
  await expect(page.getByTestId('rule-1-checks')).toHaveText('No problems found.');

  // One case typed in…
  await page.getByLabel('Name', { exact: true }).fill('Typed: $150 without risk');
  await page.getByLabel('Expected').selectOption({ label: 'Approve' });
  await page.getByLabel('Amount requested, in dollars').fill('150');
  await page.getByRole('button', { name: 'Add test case' }).press('Enter');
  await expect(page.getByText('Test case added.')).toBeVisible();
  // …and three from a spreadsheet.
  await page.getByLabel('CSV file of test cases').setInputFiles({
    name: 'permit-cases.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(CSV),
  });
  await expect(page.getByText('3 test cases imported from permit-cases.csv.')).toBeVisible();

  const cases = page.getByRole('table', { name: /Test cases and their results/ });
  await expect(cases.getByRole('row', { name: /Typed: \$150/ })).toContainText(
    'rule 1 (Small amounts without risk) decides: Approve',
  );
  await expect(cases.getByRole('row', { name: /\$150 with high risk/ })).toContainText('Pass');
  const failing = cases.getByRole('row', { name: /\$250 without risk/ });
  await expect(failing).toHaveAttribute('data-result', 'fail');
  await expect(failing).toContainText('no rule matches');
  const publish = page.getByRole('button', { name: 'Publish version 1' });
  await expect(publish).toBeDisabled();
  await expect(page.getByTestId('publish-blocked')).toContainText(
    'every test case passes (1 of 4 fail)',
  );
  await expectNoAxeViolations(page);

  // $250 is above the rule's limit: a person decides it, and the case says so.
  await failing.getByRole('button', { name: 'Edit test case 4' }).press('Enter');
  await expect(page.getByLabel('Name', { exact: true })).toBeFocused();
  await page.getByLabel('Expected').selectOption({ label: 'No rule matches: a person decides' });
  await page.getByRole('button', { name: 'Save test case 4' }).press('Enter');
  await expect(cases.getByRole('row', { name: /\$250 without risk/ })).toHaveAttribute(
    'data-result',
    'pass',
  );
  await expect(publish).toBeEnabled();
  await publish.press('Enter');
  await expect(
    page.getByText('Version 1 is live. Requests submitted from now on are decided by it.'),
  ).toBeVisible();
  const versions = page.getByRole('table', { name: /Versions of the decision rules/ });
  const live = versions.getByRole('row', { name: /^1 / });
  await expect(live).toContainText('Live');
  await expect(live).toContainText('Adrian Admin');
}

/** A program that already has versions: a new draft copied from the last one, published as it is. */
async function publishCopyOf(page: Page, last: number): Promise<void> {
  await expect(page.getByTestId('automation-state')).toHaveText(/^Off/);
  await page.getByRole('button', { name: `Start a new draft from version ${last}` }).press('Enter');
  await expect(page.getByRole('heading', { name: `Draft: version ${last + 1}` })).toBeVisible();
  await page.getByRole('button', { name: `Publish version ${last + 1}` }).press('Enter');
  await expect(
    page.getByText(
      `Version ${last + 1} is live. Requests submitted from now on are decided by it.`,
    ),
  ).toBeVisible();
}

test('an admin publishes a decision rule and switches automation on: a qualifying refund is approved at submission, a larger one waits for a person', async ({
  page,
  browser,
}) => {
  await signIn(page, demoUsers.admin);
  let programId = '';
  try {
    await openAdminSection(page, 'Programs', '/admin/programs');
    await page.getByRole('link', { name: 'Permit Fee Refund' }).click();
    await page.getByRole('link', { name: /^Decision rules/ }).click();
    await expect(
      page.getByRole('heading', { level: 1, name: 'Decision rules: Permit Fee Refund' }),
    ).toBeVisible();
    programId = /programs\/([^/]+)\/decision-rules$/.exec(page.url())![1]!;
    // The suite's database may hold versions from an earlier run: then the walk publishes the next one unchanged.
    const earlier: { version: number }[] = (
      await api(page, 'GET', `/api/admin/programs/${programId}/decision-rules`)
    ).versions;
    const published = (earlier[0]?.version ?? 0) + 1;
    if (earlier.length === 0) await writeAndPublishVersion1(page);
    else await publishCopyOf(page, earlier[0]!.version);

    await page.getByRole('button', { name: 'Switch automated approvals on' }).press('Enter');
    const question = page.getByRole('alertdialog');
    await expect(question).toContainText('It takes effect at once');
    await expectNoAxeViolations(page);
    await question.getByRole('button', { name: 'Yes, switch on' }).press('Enter');
    await expect(page.getByTestId('automation-state')).toHaveText(/^On/);
    await expect(
      page.getByRole('button', { name: 'Switch automated approvals off' }),
    ).toBeFocused();

    // What the API now holds, as the next submission will read it.
    const saved = await api(page, 'GET', `/api/admin/programs/${programId}/decision-rules`);
    expect(saved.automation.enabled).toBe(true);
    expect(saved.versions[0]).toMatchObject({ version: published, status: 'live' });
    expect(saved.versions[0].rules[0].conditions).toEqual([
      { on: 'amount', op: 'lte', value: 20_000 },
      { on: 'risk_level', op: 'eq', value: 'none' },
    ]);
    expect(saved.versions[0].testCases).toHaveLength(4);

    // A citizen's $120 refund qualifies: approved at submission, the rule named in the history.
    const citizen = await (await browser.newContext()).newPage();
    const small = await applyForPermitRefund(citizen, 'Rosa Ruled', '120');
    await expect(citizen.locator('dd .usa-tag')).toHaveText('Approved');
    const history = citizen.getByRole('region', { name: 'What has happened' });
    await expect(history).toContainText(
      `Decided by rule 1 of version ${published} of the decision rules`,
    );
    await expectNoAxeViolations(citizen);
    // …and its payment is waiting for the next batch, at the amount asked for.
    const finance = await signedInPage(browser, demoUsers.finance);
    const payments = await api(
      finance,
      'GET',
      `/api/payments?programId=${programId}&status=pending&limit=500`,
    );
    expect(
      payments.items.filter((p: { requestId: string }) => p.requestId === small.id),
    ).toMatchObject([{ reference: small.reference, amountCents: 12_000, status: 'pending' }]);

    // A $250 refund is above the rule's limit: no rule decides, it waits in the approvals inbox.
    const other = await (await browser.newContext()).newPage();
    const suffix = Math.random()
      .toString(36)
      .replace(/[^a-z]/g, '')
      .slice(0, 6);
    const name = `Bruno Bigger ${suffix}`;
    const large = await applyForPermitRefund(other, name, '250');
    await expect(other.locator('dd .usa-tag')).toHaveText('Submitted');
    const approver = await signedInPage(browser, demoUsers.approver);
    const { row, reference } = await queueRow(approver, 'unassigned', name);
    expect(reference).toBe(large.reference);
    await expect(row.getByRole('button', { name: `Claim ${large.reference}` })).toBeVisible();
  } finally {
    // The suite shares one database: later specs submit permit refunds that a person must decide.
    if (programId)
      await api(page, 'PUT', `/api/admin/programs/${programId}/decision-rules/automation`, {
        enabled: false,
      });
  }
});
