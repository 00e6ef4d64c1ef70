import {
  expect,
  type Browser,
  type BrowserContextOptions,
  type Locator,
  type Page,
} from '@playwright/test';

export const DEMO_PASSWORD = 'hms-demo-2026';

export const demoUsers = {
  citizen: 'citizen@example.gov',
  approver: 'approver@example.gov',
  senior_approver: 'senior@example.gov',
  finance: 'finance@example.gov',
  finance_supervisor: 'supervisor@example.gov',
  admin: 'admin@example.gov',
  secondAdmin: 'admin2@example.gov',
} as const;

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('button', { name: /sign out/i })).toBeVisible();
}

/** A browser of its own (a fresh context: its own cookies), signed in as `email`: one per person in a journey. */
export async function signedInPage(
  browser: Browser,
  email: string,
  options: BrowserContextOptions = {},
): Promise<Page> {
  const page = await (await browser.newContext(options)).newPage();
  await signIn(page, email);
  return page;
}

/**
 * An approvals queue (`unassigned`, `mine`, `all`, …) searched for a person by name, and its first row that names
 * them, with the reference of the request in it (the row's first link).
 */
export async function queueRow(
  page: Page,
  queue: string,
  name: string,
): Promise<{ row: Locator; reference: string }> {
  await page.goto(`/approvals?queue=${queue}&q=${encodeURIComponent(name)}`);
  const row = page.getByRole('row').filter({ hasText: name }).first();
  const reference = (await row.getByRole('link').first().textContent())!.trim();
  return { row, reference };
}

/**
 * An approver claims the request in `row` from the unassigned queue: it leaves that queue, and is opened from
 * "Assigned to me" (`mine`, the queue's address) to its review page.
 */
export async function claimAndReview(
  page: Page,
  row: Locator,
  reference: string,
  mine = '/approvals?queue=mine',
): Promise<void> {
  await row.getByRole('button', { name: `Claim ${reference}` }).click();
  await expect(page.getByRole('link', { name: reference })).toHaveCount(0);
  await page.goto(mine);
  await page.getByRole('link', { name: reference }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Review ${reference}` })).toBeVisible();
}

/**
 * Moves focus to `target` the way a keyboard user does: Tab through the page (arrow keys inside a radio group),
 * failing when the element cannot be reached within `maxPresses`. Proves reachability, unlike locator.focus().
 */
export async function tabTo(page: Page, target: Locator, maxPresses = 120): Promise<void> {
  await target.waitFor();
  for (let i = 0; i < maxPresses; i += 1) {
    const where = await target.evaluate((el) => {
      const active = document.activeElement;
      if (active === el) return 'here';
      const sameRadioGroup =
        active instanceof HTMLInputElement &&
        el instanceof HTMLInputElement &&
        active.type === 'radio' &&
        el.type === 'radio' &&
        active.name === el.name;
      return sameRadioGroup ? 'group' : 'elsewhere';
    });
    if (where === 'here') return;
    await page.keyboard.press(where === 'group' ? 'ArrowDown' : 'Tab');
  }
  throw new Error(`Not reachable by keyboard within ${maxPresses} presses: ${target.toString()}`);
}

interface Mail {
  to: string[];
  subject: string;
  body: string;
}

/** The emails the test mailbox (mail-catcher.mjs) received for an address, waiting up to `timeoutMs` for one. */
export async function readMail(to: string, timeoutMs = 20_000): Promise<Mail[]> {
  const mailbox = process.env.HMS_E2E_MAILBOX;
  if (!mailbox) throw new Error('HMS_E2E_MAILBOX is not set (see playwright.config.ts).');
  const until = Date.now() + timeoutMs;
  for (;;) {
    const res = await fetch(`${mailbox}/?to=${encodeURIComponent(to)}`);
    const mails = (await res.json()) as Mail[];
    if (mails.length > 0 || Date.now() > until) return mails;
    await new Promise((r) => setTimeout(r, 500));
  }
}

/** The registration link in the newest email to this address, as a path the test can open (`/register/confirm#…`). */
export async function confirmationLink(to: string): Promise<string> {
  const mails = await readMail(to);
  for (const mail of mails.reverse()) {
    const m = /https?:\/\/[^\s/]+(\/register\/confirm#token=[A-Za-z0-9_-]{43})/.exec(mail.body);
    if (m) return m[1]!;
  }
  throw new Error(`No registration link was emailed to ${to}.`);
}

/** Follows the emailed link and confirms, as the person would; ends signed in. */
export async function confirmRegistration(page: Page, email: string): Promise<void> {
  await page.goto(await confirmationLink(email));
  await page
    .getByRole('button', { name: /confirm and sign in|confirmar e iniciar sesión/i })
    .click();
  await expect(page.getByRole('button', { name: /sign out|cerrar sesión/i })).toBeVisible();
}

/**
 * Registers a new citizen through the English form as a person would (the "check your email" page, then the emailed
 * link) and ends signed in. Returns the address, unique per call.
 */
export async function registerCitizen(
  page: Page,
  { prefix = 'citizen', name = 'Pat Example' }: { prefix?: string; name?: string } = {},
): Promise<string> {
  const email = `${prefix}-${Date.now()}-${Math.random().toString(36).slice(2, 7)}@example.com`;
  await page.goto('/register');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel(/name/i).first().fill(name);
  await page.getByLabel('Password', { exact: true }).first().fill(`${DEMO_PASSWORD}-unique-phrase`);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: /check your email/i })).toBeVisible();
  await confirmRegistration(page, email);
  return email;
}

/**
 * Opens an administration section from the admin area's navigation, as an administrator does, and waits for its page:
 * the address ends in `path` and the page's h1 is the link's name.
 */
export async function openAdminSection(page: Page, name: string, path: string): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Administration sections' })
    .getByRole('link', { name })
    .click();
  await expect(page).toHaveURL(new RegExp(`${path}$`));
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}

/**
 * After a refused submit, the error-summary pattern every form follows: the summary (headed "There is a problem", or
 * "Hay un problema" in Spanish) takes focus and the tab title starts with "Error:". Returns the summary, for its links.
 */
export async function expectErrorSummary(
  page: Page,
  heading = 'There is a problem',
): Promise<Locator> {
  const summary = page.getByRole('alert').filter({ hasText: heading });
  await expect(summary).toBeFocused();
  await expect(page).toHaveTitle(/^Error: /);
  return summary;
}

/** Opens a service's page and starts an application to it, as a signed-in citizen does (in English). */
export async function startApplication(page: Page, slug: string): Promise<void> {
  await page.goto(`/services/${slug}`);
  await page.getByRole('button', { name: 'Start application' }).click();
}

/** Saves the application step on screen and goes on to the next (either language). */
export async function continueStep(page: Page): Promise<void> {
  await page.getByRole('button', { name: /save and continue|guardar y continuar/i }).click();
}

/** Calls the API with the page's session and CSRF cookie, as the web client does; fails the test on an error status. */
export async function api(
  page: Page,
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  path: string,
  data?: unknown,
  headers: Record<string, string> = {},
) {
  if (!(await page.context().cookies()).some((c) => c.name === 'hms_csrf'))
    await page.request.get('/api/health');
  const csrf = (await page.context().cookies()).find((c) => c.name === 'hms_csrf')?.value ?? '';
  const res = await page.request.fetch(path, {
    method,
    headers: { 'x-csrf-token': csrf, ...headers },
    ...(data === undefined ? {} : { data }),
  });
  expect(res.ok(), `${method} ${path}: ${res.status()} ${await res.text()}`).toBe(true);
  return res.status() === 204 ? null : res.json();
}

/**
 * Set-up through the API: `finance` puts two pending payments (none waiting on a prenote) in a next-day batch, and a
 * finance supervisor, signed in a browser of their own, releases it. The supervisor's page is returned open.
 */
export async function releaseBatchOfTwo(
  browser: Browser,
  finance: Page,
  options: BrowserContextOptions = {},
): Promise<{ batchId: string; supervisor: Page }> {
  const pending = await api(finance, 'GET', '/api/payments?status=pending&limit=100');
  const two = pending.items
    .filter((p: { needsPrenote: boolean }) => !p.needsPrenote)
    .slice(0, 2)
    .map((p: { id: string }) => p.id);
  expect(two).toHaveLength(2);
  const batch = await api(finance, 'POST', '/api/batches', { paymentIds: two, sameDay: false });
  const supervisor = await signedInPage(browser, demoUsers.finance_supervisor, options);
  await api(supervisor, 'POST', `/api/batches/${batch.id}/release`);
  return { batchId: batch.id, supervisor };
}

/**
 * Set-up through the API, for tests whose subject comes after it: a new citizen (registered and confirmed by the
 * emailed link) submits a permit fee refund. The page stays signed in as that citizen. Shared demo requests belong to
 * the specs that walk them, so a test that changes a request makes its own.
 */
export async function submitNewPermitRefund(
  page: Page,
  { prefix = 'applicant', name = 'Olive Outbox' }: { prefix?: string; name?: string } = {},
): Promise<{ email: string; id: string; reference: string }> {
  // Ends in "x", so its masked form (o•••x@…) is known to the tests that read it.
  const local = `${prefix}${Date.now()}${Math.random().toString(36).slice(2, 6)}x`;
  const email = `${local}@example.com`;
  await api(page, 'POST', '/api/auth/register', {
    email,
    password: `${prefix}-e2e-phrase-2026`,
    displayName: name,
  });
  const token = (await confirmationLink(email)).split('#token=')[1];
  await api(page, 'POST', '/api/auth/register/confirm', { token });
  let draft = await api(page, 'POST', '/api/programs/permit-fee-refund/drafts');
  const steps = [
    {
      step: 'permit',
      answers: { permitNumber: 'BP-2026-04321', datePaid: '2026-02-03', amountPaid: '120' },
    },
    { step: 'reason', answers: { refundReason: 'duplicate', reasonDetails: 'Charged twice.' } },
    { step: 'contact', answers: { applicantName: name, contactEmail: email } },
  ];
  for (const s of steps)
    draft = await api(page, 'PUT', `/api/requests/${draft.id}/answers`, {
      version: draft.version,
      ...s,
    });
  draft = await api(page, 'PUT', `/api/requests/${draft.id}/bank-account`, {
    version: draft.version,
    holderName: name,
    accountType: 'checking',
    routingNumber: '011000015',
    accountNumber: '987654321',
    accountNumberConfirm: '987654321',
    achAuthorization: true,
  });
  const submitted = await api(
    page,
    'POST',
    `/api/requests/${draft.id}/submit`,
    { declaration: true },
    { 'idempotency-key': `submit-${local}` },
  );
  return { email, id: submitted.id, reference: submitted.reference };
}

/**
 * Uploads a payees or requests file as the /admin/imports screen does (the page must be signed in as an admin), then
 * follows its background job to the result.
 */
export async function importFile(
  page: Page,
  kind: 'payees' | 'requests',
  name: string,
  content: string,
): Promise<{ report: { rejected: number; created: number } }> {
  if (!(await page.context().cookies()).some((c) => c.name === 'hms_csrf'))
    await page.request.get('/api/health');
  const csrf = (await page.context().cookies()).find((c) => c.name === 'hms_csrf')?.value ?? '';
  const res = await page.request.post('/api/admin/imports', {
    headers: { 'x-csrf-token': csrf },
    multipart: {
      kind,
      dryRun: 'false',
      file: { name, mimeType: 'text/csv', buffer: Buffer.from(content) },
    },
  });
  expect(res.status(), `import ${name}: ${res.status()} ${await res.text()}`).toBe(202);
  const { jobId } = (await res.json()) as { jobId: string };
  let job: { state: string; result: { report: { rejected: number; created: number } } | null };
  await expect
    .poll(
      async () => {
        job = await (await page.request.get(`/api/admin/imports/jobs/${jobId}`)).json();
        return job.state;
      },
      { timeout: 30_000 },
    )
    .toBe('completed');
  return job!.result!;
}
