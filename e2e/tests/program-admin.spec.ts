import { expect, test, type Browser, type Locator, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { demoUsers, registerCitizen, signIn, tabTo } from './helpers';

// Issue 11's journey over the production build: an administrator builds a program in the browser (three questions,
// one asked only after a given answer, and an eligibility rule), a second administrator approves publishing it, a
// citizen applies to it in Spanish and an approver decides. A changed version is then published, and the request
// still reads against the questions it was answered under.

async function signedIn(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email);
  return page;
}

/** USWDS checkboxes and radios are styled labels over visually hidden inputs: tick them from the keyboard. */
async function tick(input: Locator): Promise<void> {
  await input.focus();
  await input.press('Space');
  await expect(input).toBeChecked();
}

/** The card of question `n` in the builder (its accessible name starts "Question n:"). */
const questionCard = (page: Page, n: number): Locator =>
  page.getByRole('listitem', { name: new RegExp(`^Question ${n}:`) });

async function addQuestion(page: Page, typeName: string): Promise<void> {
  await page.getByLabel('Type of the new question').selectOption({ label: typeName });
  await page.getByRole('button', { name: /^Add question/ }).click();
}

async function saveDraft(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(page.getByText('Draft saved.')).toBeVisible();
}

async function askToPublish(page: Page, summary: string): Promise<void> {
  await page.getByLabel('What changes, in a sentence').fill(summary);
  await page.getByRole('button', { name: 'Ask for approval to publish' }).click();
  await expect(page.getByText(/A different administrator must approve it/)).toBeVisible();
  // The asker is not offered the approval the API would refuse them.
  await expect(page.getByRole('button', { name: 'Approve and publish' })).toHaveCount(0);
}

async function approvePublishing(page: Page, programPath: string, version: number): Promise<void> {
  await page.goto(programPath);
  await page.getByRole('button', { name: 'Approve and publish' }).click();
  const versions = page.getByRole('table', { name: 'Published versions' });
  await expect(
    versions
      .getByRole('row')
      .filter({ hasText: `${version}` })
      .first(),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: 'Approve and publish' })).toHaveCount(0);
}

test('an admin builds and a second admin publishes a program; a citizen applies in Spanish; an approver decides; a new version leaves the request as answered', async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const suffix = Date.now().toString(36);
  const slug = `storm-relief-${suffix}`;
  const nameEn = `Storm relief ${suffix}`;
  const nameEs = `Ayuda por tormenta ${suffix}`;

  // 1. The first administrator creates the program and builds its form.
  const admin = await signedIn(browser, demoUsers.admin);
  await admin.goto('/admin/programs');
  await expect(admin.getByRole('heading', { level: 1, name: 'Programs' })).toBeVisible();
  await admin.getByRole('link', { name: 'Create a program' }).click();
  await admin.getByLabel('Web address').fill(slug);
  await admin.getByLabel('Name in English').fill(nameEn);
  await admin.getByLabel('Name in Spanish').fill(nameEs);
  await admin.getByLabel('Maximum amount, in dollars').fill('1,000');
  await admin.getByRole('button', { name: 'Create draft' }).click();
  await expect(admin).toHaveURL(/\/admin\/programs\/[0-9a-f-]{36}$/);
  const programPath = new URL(admin.url()).pathname;

  await admin
    .getByLabel('Who can apply, in English')
    .fill('Households whose home the storm damaged.');
  await admin
    .getByLabel('Who can apply, in Spanish')
    .fill('Hogares cuya vivienda dañó la tormenta.');
  await admin.getByLabel('Description, in English').fill('Help to repair storm damage.');
  await admin
    .getByLabel('Description, in Spanish')
    .fill('Ayuda para reparar daños de la tormenta.');
  await admin.getByLabel('Budget, in dollars').fill('50,000');
  await admin.getByLabel('Second approval above, in dollars').fill('800');
  // Open from yesterday (UTC, so already today in the agency's time zone) for 90 days.
  const day = (offset: number) =>
    new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  await admin.getByLabel('Opens on (YYYY-MM-DD)').fill(day(-1));
  await admin.getByLabel('Last day to apply (YYYY-MM-DD)').fill(day(90));

  // Question 1 comes with the draft (the amount asked for). Question 2: a yes/no choice.
  await expect(questionCard(admin, 1)).toBeVisible();
  await addQuestion(admin, 'One choice (radio buttons)');
  const damaged = questionCard(admin, 2);
  await damaged.getByLabel('Question (English)').fill('Did the storm damage your home?');
  await damaged.getByLabel('Question (Spanish)').fill('¿La tormenta dañó su casa?');
  await tick(damaged.getByLabel('The person must answer this question'));
  const yes = damaged.getByRole('group', { name: 'Option 1' });
  await yes.getByLabel('Text (English)').fill('Yes');
  await yes.getByLabel('Text (Spanish)').fill('Sí');
  const no = damaged.getByRole('group', { name: 'Option 2' });
  await no.getByLabel('Text (English)').fill('No');
  await no.getByLabel('Text (Spanish)').fill('No');

  // Question 3: asked only when the answer to question 2 is "Yes".
  await addQuestion(admin, 'Short text');
  const what = questionCard(admin, 3);
  await what.getByLabel('Question (English)').fill('What was damaged?');
  await what.getByLabel('Question (Spanish)').fill('¿Qué se dañó?');
  await tick(what.getByLabel('The person must answer this question'));
  await tick(what.getByLabel('Only when an earlier answer is…'));
  await what
    .getByLabel('Earlier question')
    .selectOption({ label: 'Did the storm damage your home?' });
  await expect(what.getByLabel('Yes', { exact: true })).toBeChecked();
  await expect(admin.getByText('The form has no problems.')).toBeVisible();

  // The live preview is the citizen's form: in Spanish, question 3 appears once "Sí" is chosen.
  const preview = admin.getByRole('region', { name: 'Preview' });
  await preview
    .getByRole('group', { name: 'Preview language' })
    .getByRole('button', { name: 'Español' })
    .click();
  await expect(preview.getByText('¿La tormenta dañó su casa?')).toBeVisible();
  await expect(preview.getByLabel('¿Qué se dañó?')).toHaveCount(0);
  await tick(preview.getByLabel('Sí', { exact: true }));
  await expect(preview.getByLabel('¿Qué se dañó?')).toBeVisible();

  // An eligibility rule in words: at least $50 asked for.
  await admin.getByLabel('Kind of rule').selectOption('compare');
  await admin
    .getByRole('group', { name: 'Add a rule' })
    .getByLabel('Question', { exact: true })
    .selectOption({ label: 'How much are you asking for?' });
  await admin.getByLabel('Comparison').selectOption({ label: 'is at least' });
  await admin.getByLabel('Value (dollars for money questions)').fill('50');
  await admin.getByLabel('Why not, in English (shown to the citizen)').fill('Ask for $50 or more.');
  await admin.getByLabel('Why not, in Spanish').fill('Solicite 50 dólares o más.');
  await admin.getByRole('button', { name: 'Add a rule' }).click();
  const rules = admin.getByRole('table', { name: 'Eligibility rules of the draft' });
  await expect(rules.getByRole('row')).toHaveCount(2);
  await expect(rules).toContainText('0 of 0');

  await saveDraft(admin);
  await expectNoAxeViolations(admin);
  await askToPublish(admin, 'First version of the storm relief program.');

  // 2. A second administrator approves; the program goes live as version 1 and opens.
  const admin2 = await signedIn(browser, demoUsers.secondAdmin);
  await approvePublishing(admin2, programPath, 1);
  const openNow = admin2.getByRole('button', { name: 'Open now' });
  if (await openNow.isEnabled()) await openNow.click();
  await expect(admin2.getByText('Applications are open now.')).toBeVisible();

  // 3. A citizen applies in Spanish: the conditional question follows the answer.
  const citizen = await (await browser.newContext()).newPage();
  await registerCitizen(citizen, { prefix: 'storm', name: 'Ana Pérez' });
  await citizen.getByRole('button', { name: /español/i }).click();
  await citizen.goto(`/services/${slug}`);
  await expect(citizen.getByRole('heading', { level: 1, name: nameEs })).toBeVisible();
  await citizen.getByRole('button', { name: 'Comenzar la solicitud' }).click();
  await expect(citizen.getByRole('heading', { level: 1, name: 'Su solicitud' })).toBeVisible();
  await citizen.getByLabel('¿Cuánto solicita?').fill('400');
  await expect(citizen.getByLabel('¿Qué se dañó?')).toHaveCount(0);
  await tabTo(citizen, citizen.getByLabel('Sí', { exact: true }));
  await citizen.keyboard.press('Space');
  await citizen.getByLabel('¿Qué se dañó?').fill('El techo y una ventana.');
  await citizen.getByRole('button', { name: /guardar y continuar/i }).click();
  await expect(
    citizen.getByRole('heading', { level: 1, name: '¿Dónde le enviamos el dinero?' }),
  ).toBeVisible();
  await citizen.getByLabel('Nombre del titular de la cuenta').fill('Ana Pérez');
  await tick(citizen.getByLabel('Ahorros', { exact: true }));
  await citizen.getByLabel('Número de ruta bancaria').fill('011000015');
  await citizen.getByLabel('Número de cuenta', { exact: true }).fill('4444333322');
  await citizen.getByLabel('Escriba el número de cuenta otra vez').fill('4444333322');
  await tick(citizen.getByLabel('Acepto esta autorización'));
  await citizen.getByRole('button', { name: /guardar y continuar/i }).click();
  await expect(citizen.locator('dt', { hasText: '¿La tormenta dañó su casa?' })).toBeVisible();
  await expect(citizen.locator('dt', { hasText: '¿Qué se dañó?' })).toBeVisible();
  await tick(citizen.getByLabel('Confirmo esta declaración'));
  await citizen.getByRole('button', { name: 'Enviar solicitud' }).click();
  await expect(citizen.getByRole('heading', { name: 'Solicitud enviada' })).toBeVisible();
  const reference = (await citizen.locator('strong.font-mono-lg').textContent())!.trim();
  expect(reference).not.toBe('');

  // 4. An approver claims it and approves the $400 (under the $800 threshold: one approval decides).
  const approver = await signedIn(browser, demoUsers.approver);
  await approver.goto(`/approvals?queue=unassigned&q=${encodeURIComponent(reference)}`);
  const row = approver.getByRole('row').filter({ hasText: reference });
  await row.getByRole('button', { name: `Claim ${reference}` }).click();
  await approver.goto('/approvals?queue=mine');
  await approver.getByRole('link', { name: reference }).click();
  await expect(
    approver.getByRole('heading', { level: 1, name: `Review ${reference}` }),
  ).toBeVisible();
  const answers = approver.locator('dl.hms-answers');
  await expect(answers.getByText('Did the storm damage your home?')).toBeVisible();
  await expect(answers.getByText('What was damaged?')).toBeVisible();
  const reviewPath = new URL(approver.url()).pathname;
  await approver.keyboard.press('a');
  await approver.getByRole('button', { name: 'Continue' }).click();
  await approver.getByRole('button', { name: 'Yes, confirm' }).click();
  await expect(approver.getByText('Decision recorded: Approved.')).toBeVisible();

  // 5. The administrator changes question 2 and publishes version 2 (approved by the other administrator).
  await admin.goto(programPath);
  const changed = questionCard(admin, 2);
  await changed.getByLabel('Question (English)').fill('Was your home damaged by the storm?');
  await changed.getByLabel('Question (Spanish)').fill('¿Su casa sufrió daños por la tormenta?');
  await saveDraft(admin);
  await askToPublish(admin, 'Question 2 reworded.');
  await approvePublishing(admin2, programPath, 2);
  const versions = admin2.getByRole('table', { name: 'Published versions' });
  await versions.getByRole('button', { name: 'Show changes in version 2' }).click();
  await expect(versions).toContainText('Was your home damaged by the storm?');

  // The decided request still reads against version 1's questions; the catalog serves version 2.
  await approver.goto(reviewPath);
  await expect(answers.getByText('Did the storm damage your home?')).toBeVisible();
  await expect(answers.getByText('Was your home damaged by the storm?')).toHaveCount(0);
  await citizen.goto(`/services/${slug}`);
  await citizen.getByRole('button', { name: 'Comenzar la solicitud' }).click();
  await expect(citizen.getByText('¿Su casa sufrió daños por la tormenta?')).toBeVisible();
});
