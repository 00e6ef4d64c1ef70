import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './axe.ts';
import { DEMO_PASSWORD, confirmationLink, demoUsers, readMail, signIn } from './helpers.ts';

const areas = [
  {
    role: 'citizen',
    email: demoUsers.citizen,
    nav: ['Services', 'My requests'],
    path: '/my-requests',
  },
  { role: 'approver', email: demoUsers.approver, nav: ['Approvals'], path: '/approvals' },
  {
    role: 'senior_approver',
    email: demoUsers.senior_approver,
    nav: ['Approvals'],
    path: '/approvals',
  },
  { role: 'finance', email: demoUsers.finance, nav: ['Finance'], path: '/finance' },
  {
    role: 'finance_supervisor',
    email: demoUsers.finance_supervisor,
    nav: ['Finance'],
    path: '/finance',
  },
] as const;
const allNav = ['Services', 'My requests', 'Approvals', 'Finance'];

test.describe('sign-in and role-aware navigation', () => {
  for (const area of areas) {
    test(`${area.role} signs in and sees their own area`, async ({ page }) => {
      await signIn(page, area.email);
      await expect(page).toHaveURL(new RegExp(`${area.path}$`));
      const nav = page.getByRole('navigation', { name: 'Primary navigation' });
      for (const label of area.nav)
        await expect(nav.getByRole('link', { name: label, exact: true })).toBeVisible();
      for (const label of allNav.filter((l) => !(area.nav as readonly string[]).includes(l))) {
        await expect(nav.getByRole('link', { name: label, exact: true })).toHaveCount(0);
      }
      // The remote rendered its landing page (fed by the API) inside the shell.
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expect(page.getByRole('alert')).toHaveCount(0);
      await expectNoAxeViolations(page);
    });
  }

  test('admin signs in, lands on /admin, sees the Admin link and no staff or citizen areas', async ({
    page,
  }) => {
    await signIn(page, demoUsers.admin);
    await expect(page).toHaveURL(/\/admin$/);
    const nav = page.getByRole('navigation', { name: 'Primary navigation' });
    await expect(nav.getByRole('link', { name: 'Admin', exact: true })).toBeVisible();
    for (const label of ['My requests', 'Approvals', 'Finance']) {
      await expect(nav.getByRole('link', { name: label, exact: true })).toHaveCount(0);
    }
    await expect(page.getByRole('heading', { level: 1, name: 'Administration' })).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test('a wrong password gets a clear error and the sign-in page passes axe with it showing', async ({
    page,
  }) => {
    await page.goto('/sign-in');
    await page.getByLabel('Email').fill(demoUsers.citizen);
    await page.getByLabel('Password', { exact: true }).fill('not-the-right-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(
      page.getByText('The email or password is not right. Check them and try again.').first(),
    ).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test('signing out ends the session', async ({ page }) => {
    await signIn(page, demoUsers.citizen);
    await page.getByRole('button', { name: /sign out/i }).click();
    await expect(page.getByRole('link', { name: 'Sign in' }).first()).toBeVisible();
    const me = await page.request.get('/api/me');
    expect(me.status()).toBe(401);
  });
});

test.describe('a citizen and the staff areas', () => {
  test('every staff API route refuses a citizen with 403', async ({ page }) => {
    await signIn(page, demoUsers.citizen);
    const doc = (await (await page.request.get('/api/openapi.json')).json()) as {
      paths: Record<string, Record<string, { description?: string }>>;
    };
    const staffRoles = ['approver', 'senior_approver', 'finance', 'finance_supervisor', 'admin'];
    let checked = 0;
    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(methods)) {
        const declared = /Roles: ([^.]+)\./.exec(op.description ?? '')?.[1] ?? '';
        if (/^(public|any signed-in user)/.test(declared.trim())) continue;
        const roles = declared.split(',').map((r) => r.trim());
        if (roles.includes('citizen') || !roles.some((r) => staffRoles.includes(r))) continue;
        const url = path.replace(/\{[^}]+\}/g, '00000000-0000-7000-8000-000000000000');
        const csrf =
          (await page.context().cookies()).find((c) => c.name === 'hms_csrf')?.value ?? '';
        const res = await page.request.fetch(url, {
          method: method.toUpperCase(),
          headers: { 'x-csrf-token': csrf, 'content-type': 'application/json' },
          data: method === 'get' ? undefined : {},
        });
        expect(res.status(), `${method.toUpperCase()} ${path}`).toBe(403);
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(1);
  });

  test('a citizen opening a staff area sees a not-allowed page and no staff navigation', async ({
    page,
  }) => {
    await signIn(page, demoUsers.citizen);
    for (const path of ['/approvals', '/finance']) {
      await page.goto(path);
      await expect(
        page.getByRole('heading', { name: 'You do not have access to this page' }),
      ).toBeVisible();
      const nav = page.getByRole('navigation', { name: 'Primary navigation' });
      await expect(nav.getByRole('link', { name: 'Approvals', exact: true })).toHaveCount(0);
      await expect(nav.getByRole('link', { name: 'Finance', exact: true })).toHaveCount(0);
      await expectNoAxeViolations(page);
    }
  });
});

test.describe('shell resilience', () => {
  test('an unknown path shows a not-found page; an unknown API path is problem+json', async ({
    page,
  }) => {
    await page.goto('/no-such-page');
    await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
    await expectNoAxeViolations(page);
    const res = await page.request.get('/api/no-such-route');
    expect(res.status()).toBe(404);
    expect(res.headers()['content-type']).toContain('application/problem+json');
  });

  test('a blocked remote entry leaves the shell and the other remotes working', async ({
    page,
  }) => {
    await page.route('**/remotes/finance/remoteEntry.js', (route) => route.abort());
    await signIn(page, demoUsers.finance);
    const panel = page
      .getByRole('alert')
      .filter({ hasText: 'This section is not available right now' });
    await expect(panel).toBeVisible();
    await expect(page.getByRole('button', { name: 'Try again' })).toBeVisible();
    await expect(page.getByRole('banner')).toBeVisible();
    await expectNoAxeViolations(page);

    // The retry really refetches: once the entry is reachable again the section appears.
    await page.unroute('**/remotes/finance/remoteEntry.js');
    await page.getByRole('button', { name: 'Try again' }).click();
    await expect(panel).toHaveCount(0);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  });

  test('a failed remote does not affect another remote', async ({ page }) => {
    await page.route('**/remotes/approvals/remoteEntry.js', (route) => route.abort());
    await signIn(page, demoUsers.citizen);
    await page
      .getByRole('navigation', { name: 'Primary navigation' })
      .getByRole('link', { name: 'Services', exact: true })
      .click();
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByRole('alert')).toHaveCount(0);
  });

  test('the skip link moves focus to the main content', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to main content' });
    await expect(skip).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.locator('#main-content')).toBeFocused();
  });
});

test.describe('registration', () => {
  test('a new citizen registers, confirms by the emailed link and is signed in; a common password is refused; an existing email gets the same page', async ({
    page,
  }) => {
    await page.goto('/register');
    const email = `new-${Date.now()}@example.com`;
    await page.getByLabel('Email').fill(email);
    await page.getByLabel(/name/i).first().fill('Nova Citizen');
    await page.getByLabel('Password', { exact: true }).fill('password1234');
    await page.getByRole('button', { name: /create account/i }).click();
    await expect(page.getByRole('alert').first()).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByLabel('Password', { exact: true }).fill(`${DEMO_PASSWORD}-unique-phrase`);
    await page.getByRole('button', { name: /create account/i }).click();
    const checkEmail = page.getByRole('heading', { level: 1, name: 'Check your email' });
    await expect(checkEmail).toBeVisible();
    await expect(page.getByRole('status')).toContainText(email);
    await expectNoAxeViolations(page);
    // Not signed in until the link from the email is followed.
    await expect(page.getByRole('button', { name: /sign out/i })).toHaveCount(0);
    await page.goto(await confirmationLink(email));
    await expect(
      page.getByRole('heading', { level: 1, name: 'Finish creating your account' }),
    ).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Confirm and sign in' }).click();
    await expect(page.getByRole('button', { name: /sign out/i })).toBeVisible();
    await expect(page).not.toHaveURL(/token=/);

    // The same address again, from a signed-out browser: the very same page, and the owner is told by email.
    await page.getByRole('button', { name: /sign out/i }).click();
    await page.goto('/register');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel(/name/i).first().fill('Someone Else');
    await page.getByLabel('Password', { exact: true }).fill(`another-${DEMO_PASSWORD}-phrase`);
    await page.getByRole('button', { name: /create account/i }).click();
    await expect(checkEmail).toBeVisible();
    await expect
      .poll(async () => (await readMail(email)).map((m) => m.subject))
      .toContain('Someone tried to create an HMS account with your email');
  });
});
