import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { tabTo } from './helpers';
import {
  adminOnSimulation,
  changedSideCount,
  countIn,
  financeOnSimulation,
  line,
  runSimulation,
  simulatePermitRefund,
} from './simulation-screen';

// Issue 14 part 3 over the production build and the demo history (six months of requests decided and paid through
// the services): an administrator replays the Permit Fee Refund's period with a lower budget and reads, beside what
// happened, the day the budget runs out and the approvals it costs; a finance officer reaches the same screen from
// the header, read-only, and runs a lower maximum.

test('an administrator runs a lower budget and sees the run-out date and fewer approvals', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const admin = await adminOnSimulation(browser);
  await expectNoAxeViolations(admin);

  // Running with no program chosen is refused before anything is sent, with the error summary.
  await admin.getByRole('button', { name: 'Run simulation' }).click();
  const summary = admin.getByRole('alert').filter({ hasText: 'There is a problem' });
  await expect(summary).toBeFocused();
  await expect(admin).toHaveTitle(/^Error: /);
  await expectNoAxeViolations(admin);
  await summary.getByRole('link', { name: 'Select a program' }).click();
  await expect(admin.getByLabel('Program', { exact: true })).toBeFocused();
  await admin.getByLabel('Program', { exact: true }).selectOption({ label: 'Permit Fee Refund' });

  // A budget that covers half of what the period approved, on top of what earlier requests committed (read from
  // the API as the screen reads it, for the same program and period).
  const asIs = await simulatePermitRefund(admin);
  expect(asIs.baseline.approvedCount).toBeGreaterThan(4);
  const budgetCents =
    asIs.baseline.committedBeforeCents + Math.floor(asIs.baseline.approvedCents / 2);
  await admin.getByLabel('Budget', { exact: true }).fill((budgetCents / 100).toFixed(2));

  // The keyboard reaches the run button; Enter runs it and the result takes focus.
  const run = admin.getByRole('button', { name: 'Run simulation' });
  await tabTo(admin, run);
  await admin.keyboard.press('Enter');
  const result = admin.getByRole('heading', { level: 2, name: 'Result' });
  await expect(result).toBeFocused();
  await expect(admin).not.toHaveTitle(/^Error: /);

  const runOut = line(admin, 'Budget runs out on');
  await expect(runOut.locator('td').nth(0)).toHaveText('None');
  await expect(runOut.locator('td').nth(1)).not.toHaveText('None');
  await expect(runOut).toContainText('Changed');
  const approvedBefore = await countIn(admin, 'Requests approved', 1);
  const approvedAfter = await countIn(admin, 'Requests approved', 2);
  expect(approvedBefore).toBe(asIs.baseline.approvedCount);
  expect(approvedAfter).toBeLessThan(approvedBefore);
  await expect(line(admin, 'Requests approved')).toContainText('Changed');
  expect(await countIn(admin, 'Refused: budget ran out', 2)).toBeGreaterThan(0);
  // What is not changed says so.
  await expect(line(admin, 'Requests submitted').locator('td').nth(2)).toHaveText('No change');
  await expectNoAxeViolations(admin);
});

test('an administrator replaces an eligibility rule and sees who no longer qualifies', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const admin = await adminOnSimulation(browser, 'Permit Fee Refund');

  // The figures to expect, from the period's own requests: a cap at their mean amount (so some asked for more),
  // run as a lower maximum through the API. Every request of the period was made through the form, whose
  // "How much did you pay?" answer is the amount asked for, so an eligibility rule "at most the mean" on that
  // answer turns away exactly the requests the lower maximum does, by another path (the rules' evaluation).
  const asIs = await simulatePermitRefund(admin);
  expect(asIs.baseline.eligibleCount).toBeGreaterThan(4);
  const capCents =
    Math.floor(asIs.baseline.eligibleCents / asIs.baseline.eligibleCount / 100) * 100;
  const capped = await simulatePermitRefund(admin, { maxAmountCents: capCents });
  const turnedAway = capped.scenario.noLongerQualifying.count as number;
  expect(turnedAway).toBeGreaterThan(0);
  expect(turnedAway).toBeLessThan(asIs.baseline.eligibleCount);

  // The rules start as the live ones; the keyboard ticks the change.
  const change = admin.getByRole('checkbox', { name: 'Change the eligibility rules' });
  await tabTo(admin, change);
  await admin.keyboard.press('Space');
  const rules = admin.getByRole('table', { name: 'Eligibility rules of the scenario' });
  await expect(rules.getByRole('row')).toHaveCount(2);
  await rules.getByRole('button', { name: 'Remove rule 1' }).click();
  await expect(
    admin.getByText('There are no rules: everyone who completes the form can apply.'),
  ).toBeVisible();
  const add = admin.getByRole('group', { name: 'Add a rule' });
  await add.getByLabel('Kind of rule').selectOption('compare');
  await add
    .getByLabel('Question', { exact: true })
    .selectOption({ label: 'How much did you pay?' });
  await add.getByLabel('Comparison').selectOption('lte');
  await add.getByLabel('Value (dollars for money questions)').fill(String(capCents / 100));
  await add
    .getByLabel('Why not, in English (shown to the citizen)')
    .fill('Larger fees are refunded by the city.');
  await add.getByLabel('Why not, in Spanish').fill('La ciudad reembolsa las tarifas más altas.');
  await add.getByRole('button', { name: 'Add a rule' }).click();
  await expect(rules.getByRole('row')).toHaveCount(2);
  await expect(rules).toContainText('How much did you pay?');
  await expectNoAxeViolations(admin);

  await runSimulation(admin);
  // Both columns: what happened keeps every request eligible; the scenario loses the ones turned away.
  expect(await countIn(admin, 'Eligible requests', 1)).toBe(asIs.baseline.eligibleCount);
  expect(await countIn(admin, 'Eligible requests', 2)).toBe(
    asIs.baseline.eligibleCount - turnedAway,
  );
  await expect(line(admin, 'Eligible requests')).toContainText('Changed');
  // Who changes side: the ones turned away no longer qualify; none newly qualifies (intake kept the rest out).
  expect(await changedSideCount(admin, 0)).toBe(turnedAway);
  expect(await changedSideCount(admin, 1)).toBe(0);
  await expectNoAxeViolations(admin);
});

test('an administrator writes a decision rule in the scenario and sees people’s reviews become rule approvals', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const admin = await adminOnSimulation(browser, 'Permit Fee Refund');
  const decision = admin.getByRole('group', { name: 'Decision rules', exact: true });
  // A USWDS radio is drawn by its label (the input itself is off screen): the label is what a person clicks.
  await decision.getByText('Rules written here, based on the live ones').click();
  await expect(
    decision.getByRole('radio', { name: 'Rules written here, based on the live ones' }),
  ).toBeChecked();
  // Whatever is live (an earlier spec may have published rules), the table written here is one rule: approve
  // every refund up to the approval threshold ($1,000), which the period's refunds are under.
  const remove = decision.getByRole('button', { name: 'Remove rule 1' });
  while ((await remove.count()) > 0) await remove.click();
  await decision.getByRole('button', { name: 'Add a rule' }).click();
  const rule = decision.getByTestId('rule-1');
  await expect(rule.getByLabel('What the rule is for')).toBeFocused();
  await rule.getByLabel('What the rule is for').fill('Refunds up to the threshold');
  await rule.getByLabel('Value', { exact: true }).fill('1,000');
  await expectNoAxeViolations(admin);

  await runSimulation(admin);
  // The people's approvals under the threshold are the rule's now: more rule approvals, fewer human reviews.
  expect(await countIn(admin, 'Approved by a decision rule', 2)).toBeGreaterThan(
    await countIn(admin, 'Approved by a decision rule', 1),
  );
  expect(await countIn(admin, 'Human reviews', 2)).toBeLessThan(
    await countIn(admin, 'Human reviews', 1),
  );
  await expectNoAxeViolations(admin);
});

test('a finance officer reaches the simulation from the header, read-only, and runs a lower maximum', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const finance = await financeOnSimulation(browser);
  await expect(finance.getByRole('heading', { level: 1, name: 'Policy simulation' })).toBeVisible();
  await expect(finance.getByText('Saving a scenario or turning it into a draft')).toBeVisible();
  // Nothing of the administration is offered: no side nav, no save.
  await expect(finance.getByRole('navigation', { name: 'Administration sections' })).toHaveCount(0);
  await expect(finance.getByRole('button', { name: /save/i })).toHaveCount(0);

  await finance
    .getByLabel('Program', { exact: true })
    .selectOption({ label: 'Home Energy Efficiency Rebate' });
  // An amount that is not one is named on its field.
  await finance.getByLabel('Maximum amount a request may ask for').fill('ten dollars');
  await finance.getByRole('button', { name: 'Run simulation' }).click();
  await expect(
    finance
      .getByRole('alert')
      .getByRole('link', { name: 'Enter an amount in dollars, like 1,500 or 1,500.50' }),
  ).toBeVisible();
  await finance.getByLabel('Maximum amount a request may ask for').fill('1,000');
  await runSimulation(finance);
  expect(await countIn(finance, 'Eligible requests', 2)).toBeLessThan(
    await countIn(finance, 'Eligible requests', 1),
  );
  expect(await changedSideCount(finance, 0)).toBeGreaterThan(0);
  await expectNoAxeViolations(finance);
});
