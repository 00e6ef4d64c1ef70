import { describe, expect, it } from 'vitest';
import { Agent, emailedToken, useTestApp } from '../../testing/test-app.ts';
import { auditEntries } from '../../testing/rows.ts';
import { verifyAuditChain } from '../../platform/audit.ts';
import { insertRequest } from '../inbox/demo-rows.ts';

const t = useTestApp({ HMS_PUBLIC_URL: 'https://hms.example.gov' });
const admin = t.signedIn('admin');
const PASSWORD = 'violet-kettle-orbit-42';

const json = (res: { body: string }) => JSON.parse(res.body);

/** The token in the newest invitation emailed to this address, its link on the agency's public address. */
const invitationToken = (email: string) =>
  emailedToken(t.db.kysely, email, 'https://hms.example.gov/invitation');

/** The email sent to this address (the test sends it one). */
const emailTo = (address: string) =>
  t.db.kysely
    .selectFrom('email_outbox')
    .select(['subject', 'body'])
    .where('to_address', '=', address)
    .executeTakeFirstOrThrow();

async function invite(
  email: string,
  roles: string[],
  extra: Record<string, unknown> = {},
): Promise<{ id: string; status: string; roles: string[] }> {
  const res = await admin.post('/api/staff/invitations', {
    email,
    displayName: `Person ${email.split('@')[0]}`,
    roles,
    ...extra,
  });
  expect(res.statusCode, res.body).toBe(201);
  return json(res);
}

async function inviteAndAccept(email: string, roles: string[]): Promise<string> {
  const person = await invite(email, roles);
  const accepted = await new Agent(t.app).post('/api/invitations/accept', {
    token: await invitationToken(email),
    password: PASSWORD,
  });
  expect(accepted.statusCode, accepted.body).toBe(200);
  return person.id;
}

describe('inviting', () => {
  it('creates an invited account with its roles and emails a one-time link in the chosen language', async () => {
    const person = await invite('Nora@Example.com', ['approver'], { language: 'es' });
    expect(person).toMatchObject({
      email: 'nora@example.com',
      status: 'invited',
      roles: ['approver'],
      language: 'es',
      invitation: { state: 'pending', language: 'es', invitedBy: 'Adrian Admin' },
      signInLock: null,
      claimedRequests: 0,
      isYou: false,
    });
    const inv = json(await admin.get(`/api/staff/${person.id}`)).invitation;
    const hours = (Date.parse(inv.expiresAt) - Date.parse(inv.createdAt)) / 3600_000;
    expect(hours).toBeCloseTo(72, 1);
    const email = await emailTo('nora@example.com');
    expect(email.subject).toBe('Le invitamos a trabajar en HMS: elija su contraseña');
    expect(email.body).toContain('Aprobador');
    expect(email.body).toContain('72 horas');
    expect(email.body).toContain('Adrian Admin');
    // Only the token's hash is stored.
    const token = await invitationToken('nora@example.com');
    const stored = await t.db.kysely
      .selectFrom('staff_invitations')
      .select('token_hash')
      .where('user_id', '=', person.id)
      .executeTakeFirstOrThrow();
    expect(stored.token_hash).not.toContain(token);
    expect(stored.token_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('writes the email in English by default', async () => {
    await invite('eli@example.com', ['finance']);
    const email = await emailTo('eli@example.com');
    expect(email.subject).toBe('You are invited to work in HMS: choose your password');
    expect(email.body).toContain('Finance');
  });

  it('refuses an email that already has an account, staff or citizen', async () => {
    for (const email of ['citizen@example.gov', 'APPROVER@example.gov', 'nora@example.com']) {
      const res = await admin.post('/api/staff/invitations', {
        email,
        displayName: 'X',
        roles: ['finance'],
      });
      expect(res.statusCode, email).toBe(409);
      expect(json(res).code).toBe('staff.email_taken');
    }
  });

  it('refuses roles that let one person approve and release the same money, naming the field', async () => {
    for (const roles of [
      ['approver', 'finance_supervisor'],
      ['senior_approver', 'finance_supervisor'],
      ['admin', 'approver', 'finance_supervisor'],
    ]) {
      const res = await admin.post('/api/staff/invitations', {
        email: 'sod@example.com',
        displayName: 'S',
        roles,
      });
      expect(res.statusCode, roles.join()).toBe(400);
      expect(json(res).code).toBe('staff.roles_separation_of_duties');
      expect(json(res).errors[0].field).toBe('body.roles');
    }
    // Building a batch is not releasing it: finance with an approving role is allowed.
    await invite('ok-combo@example.com', ['approver', 'finance']);
  });

  it('refuses no roles, the citizen role and bad fields with 400 naming each field', async () => {
    const none = await admin.post('/api/staff/invitations', {
      email: 'none@example.com',
      displayName: 'N',
      roles: [],
    });
    expect(json(none).code).toBe('staff.roles_required');
    const citizen = await admin.post('/api/staff/invitations', {
      email: 'none@example.com',
      displayName: 'N',
      roles: ['citizen', 'approver'],
    });
    expect(citizen.statusCode).toBe(400);
    expect(json(citizen).errors.map((e: { field: string }) => e.field)).toContain('body.roles.0');
    const bad = await admin.post('/api/staff/invitations', { email: 'nope', roles: ['approver'] });
    expect(bad.statusCode).toBe(400);
    const fields = json(bad).errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['body.email', 'body.displayName']));
    const nobody = await t.db.kysely
      .selectFrom('users')
      .select('id')
      .where('email', '=', 'none@example.com')
      .execute();
    expect(nobody).toEqual([]);
  });

  it('is for admins only', async () => {
    const approver = await t.signIn('approver');
    const res = await approver.post('/api/staff/invitations', {
      email: 'x@example.com',
      displayName: 'X',
      roles: ['admin'],
    });
    expect(res.statusCode).toBe(403);
  });
});

describe('accepting an invitation', () => {
  it('checks the link, refuses a weak password without using the link, then activates the account once', async () => {
    await invite('ana@example.com', ['approver']);
    const token = await invitationToken('ana@example.com');
    const anon = new Agent(t.app);
    const check = await anon.post('/api/invitations/check', { token });
    expect(check.statusCode, check.body).toBe(200);
    expect(json(check)).toMatchObject({
      email: 'ana@example.com',
      displayName: 'Person ana',
      language: 'en',
    });

    // An invited person cannot sign in before choosing a password.
    const early = await anon.post('/api/auth/sign-in', { email: 'ana@example.com', password: 'x' });
    expect(early.statusCode).toBe(401);

    for (const password of ['short', 'password1234', 'my-ana@example-pass']) {
      const weak = await anon.post('/api/invitations/accept', { token, password });
      expect(weak.statusCode, password).toBe(400);
      expect(json(weak).errors[0].field).toBe('body.password');
    }
    expect(
      json(
        await anon.post('/api/invitations/accept', { token, password: 'a-very-long-ana-phrase' }),
      ).code,
    ).toBe('auth.password_rejected');

    const ok = await anon.post('/api/invitations/accept', { token, password: PASSWORD });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(json(ok)).toEqual({ email: 'ana@example.com' });
    // Accepting does not sign in.
    expect(anon.cookies.has('hms_session')).toBe(false);

    const again = await anon.post('/api/invitations/accept', { token, password: PASSWORD });
    expect(again.statusCode).toBe(400);
    expect(json(again)).toMatchObject({
      code: 'staff.invitation_invalid',
      params: { reason: 'used' },
    });
    expect(json(await anon.post('/api/invitations/check', { token })).params.reason).toBe('used');

    const me = new Agent(t.app);
    await me.signIn('ana@example.com', PASSWORD);
    expect(json(await me.get('/api/me')).user.roles).toEqual(['approver']);
    expect((await me.get('/api/inbox')).statusCode).toBe(200);
  });

  it('never works after 72 hours', async () => {
    const person = await invite('late@example.com', ['finance']);
    const token = await invitationToken('late@example.com');
    await t.db.kysely
      .updateTable('staff_invitations')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('user_id', '=', person.id)
      .execute();
    const anon = new Agent(t.app);
    const res = await anon.post('/api/invitations/accept', { token, password: PASSWORD });
    expect(res.statusCode).toBe(400);
    expect(json(res)).toMatchObject({
      code: 'staff.invitation_invalid',
      params: { reason: 'expired' },
    });
    expect(json(await admin.get(`/api/staff/${person.id}`))).toMatchObject({
      status: 'invited',
      invitation: { state: 'expired' },
    });
    // A new link works; the old one still does not.
    const resent = await admin.post(`/api/staff/${person.id}/invitation/resend`);
    expect(resent.statusCode, resent.body).toBe(200);
    expect(json(resent).invitation.state).toBe('pending');
    const fresh = await invitationToken('late@example.com');
    expect(fresh).not.toBe(token);
    expect(
      (await anon.post('/api/invitations/accept', { token, password: PASSWORD })).statusCode,
    ).toBe(400);
    expect(
      (await anon.post('/api/invitations/accept', { token: fresh, password: PASSWORD })).statusCode,
    ).toBe(200);
    expect(json(await admin.get(`/api/staff/${person.id}`)).status).toBe('active');
    expect(json(await admin.post(`/api/staff/${person.id}/invitation/resend`)).code).toBe(
      'staff.not_invited',
    );
  });

  it('resending replaces the earlier link; revoking stops the link', async () => {
    const person = await invite('rev@example.com', ['finance']);
    const first = await invitationToken('rev@example.com');
    await admin.post(`/api/staff/${person.id}/invitation/resend`);
    const second = await invitationToken('rev@example.com');
    const anon = new Agent(t.app);
    expect(json(await anon.post('/api/invitations/check', { token: first })).params.reason).toBe(
      'revoked',
    );
    expect((await anon.post('/api/invitations/check', { token: second })).statusCode).toBe(200);
    const revoked = await admin.post(`/api/staff/${person.id}/invitation/revoke`);
    expect(revoked.statusCode, revoked.body).toBe(200);
    expect(json(revoked).invitation.state).toBe('revoked');
    const res = await anon.post('/api/invitations/accept', { token: second, password: PASSWORD });
    expect(json(res)).toMatchObject({
      code: 'staff.invitation_invalid',
      params: { reason: 'revoked' },
    });
    expect(json(await admin.post(`/api/staff/${person.id}/invitation/revoke`)).code).toBe(
      'staff.no_pending_invitation',
    );
  });

  it('refuses a token nobody issued and a malformed one', async () => {
    const anon = new Agent(t.app);
    const unknown = await anon.post('/api/invitations/check', { token: 'A'.repeat(43) });
    expect(json(unknown)).toMatchObject({
      code: 'staff.invitation_invalid',
      params: { reason: 'unknown' },
    });
    const malformed = await anon.post('/api/invitations/accept', {
      token: 'x',
      password: PASSWORD,
    });
    expect(malformed.statusCode).toBe(400);
    expect(json(malformed).errors[0].field).toBe('body.token');
  });
});

describe('roles', () => {
  it('changes roles (audited with before and after) and takes effect on the next request', async () => {
    const id = await inviteAndAccept('rolf@example.com', ['finance']);
    const rolf = new Agent(t.app);
    await rolf.signIn('rolf@example.com', PASSWORD);
    expect((await rolf.get('/api/inbox')).statusCode).toBe(403);
    const res = await admin.request('PUT', `/api/staff/${id}/roles`, {
      roles: ['approver', 'finance'],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(json(res).roles).toEqual(['approver', 'finance']);
    expect((await rolf.get('/api/inbox')).statusCode).toBe(200);
    const [audit] = await auditEntries(t.db.kysely, {
      action: 'staff.roles_changed',
      entityId: id,
    });
    expect(audit?.data).toMatchObject({
      before: ['finance'],
      after: ['approver', 'finance'],
      added: ['approver'],
      removed: [],
    });
  });

  it('refuses a separation-of-duties breach and leaves the roles as they were', async () => {
    const id = t.userId('approver');
    const res = await admin.request('PUT', `/api/staff/${id}/roles`, {
      roles: ['approver', 'finance_supervisor'],
    });
    expect(res.statusCode).toBe(400);
    expect(json(res).code).toBe('staff.roles_separation_of_duties');
    expect(json(await admin.get(`/api/staff/${id}`)).roles).toEqual(['approver']);
    const empty = await admin.request('PUT', `/api/staff/${id}/roles`, { roles: [] });
    expect(json(empty).code).toBe('staff.roles_required');
  });

  it('a citizen is not a staff member', async () => {
    const id = t.userId('citizen');
    expect((await admin.get(`/api/staff/${id}`)).statusCode).toBe(404);
    const res = await admin.request('PUT', `/api/staff/${id}/roles`, { roles: ['approver'] });
    expect(json(res).code).toBe('staff.not_found');
  });
});

describe('the last active administrator', () => {
  it('cannot remove their own admin role nor deactivate themselves; can once another admin is active', async () => {
    // The demo's second administrator steps aside first, so admin@ is the last active one.
    const secondId = t.userId('admin2');
    const aside = await admin.post(`/api/staff/${secondId}/deactivate`);
    expect(aside.statusCode, aside.body).toBeLessThan(300);
    const meId = t.userId('admin');
    const demote = await admin.request('PUT', `/api/staff/${meId}/roles`, { roles: ['finance'] });
    expect(demote.statusCode).toBe(409);
    expect(json(demote).code).toBe('staff.last_admin');
    const off = await admin.post(`/api/staff/${meId}/deactivate`);
    expect(off.statusCode).toBe(409);
    expect(json(off).code).toBe('staff.last_admin');
    expect(json(await admin.get(`/api/staff/${meId}`))).toMatchObject({
      roles: ['admin'],
      status: 'active',
      isYou: true,
      lastActiveAdmin: true,
    });

    // An invited (not yet active) admin does not count.
    const pending = await invite('adm2@example.com', ['admin']);
    expect(
      json(await admin.request('PUT', `/api/staff/${meId}/roles`, { roles: ['finance'] })).code,
    ).toBe('staff.last_admin');
    await new Agent(t.app).post('/api/invitations/accept', {
      token: await invitationToken('adm2@example.com'),
      password: PASSWORD,
    });
    // Now there are two: the second may be demoted, then again the first is the last.
    expect(json(await admin.get(`/api/staff/${meId}`)).lastActiveAdmin).toBe(false);
    const two = await admin.request('PUT', `/api/staff/${pending.id}/roles`, {
      roles: ['finance'],
    });
    expect(two.statusCode, two.body).toBe(200);
    expect((await admin.post(`/api/staff/${meId}/deactivate`)).statusCode).toBe(409);
  });
});

describe('deactivation', () => {
  it('ends every session of the person at once and frees the requests they hold; reactivation lets them back', async () => {
    const db = t.db.kysely;
    const id = await inviteAndAccept('dora@example.com', ['approver']);
    const phone = new Agent(t.app);
    const laptop = new Agent(t.app);
    await phone.signIn('dora@example.com', PASSWORD);
    await laptop.signIn('dora@example.com', PASSWORD);

    const citizenId = t.userId('citizen');
    const reqIds: string[] = [];
    for (const n of [1, 2]) {
      reqIds.push(
        await insertRequest(db, {
          applicantId: citizenId,
          programId: t.programId('home-energy-rebate'),
          status: 'submitted',
          amountCents: 10_000,
          reference: `HMS-DORA-000${n}-0`,
          dueAt: new Date(Date.now() + 86_400_000 * 10),
        }),
      );
    }
    for (const r of reqIds) {
      const claim = await phone.post(`/api/requests/${r}/claim`);
      expect(claim.statusCode, claim.body).toBe(200);
    }
    expect(json(await admin.get(`/api/staff/${id}`)).claimedRequests).toBe(2);

    const res = await admin.post(`/api/staff/${id}/deactivate`);
    expect(res.statusCode, res.body).toBe(200);
    expect(json(res).releasedRequests.sort()).toEqual(['HMS-DORA-0001-0', 'HMS-DORA-0002-0']);
    expect(json(res).person).toMatchObject({ status: 'deactivated', claimedRequests: 0 });

    // Next request on every device: 401.
    expect((await phone.get('/api/inbox')).statusCode).toBe(401);
    expect((await laptop.get('/api/me')).statusCode).toBe(401);
    const sessions = await db
      .selectFrom('sessions')
      .select('id')
      .where('user_id', '=', id)
      .execute();
    expect(sessions).toEqual([]);
    // Back in the queue, unassigned, with a staff step and an audit entry each.
    const rows = await db
      .selectFrom('requests')
      .select(['status', 'assigned_to'])
      .where('id', 'in', reqIds)
      .execute();
    expect(rows).toEqual([
      { status: 'submitted', assigned_to: null },
      { status: 'submitted', assigned_to: null },
    ]);
    const steps = await db
      .selectFrom('request_events')
      .select(['type', 'data'])
      .where('request_id', 'in', reqIds)
      .where('type', '=', 'released')
      .execute();
    expect(steps).toHaveLength(2);
    const other = await t.signIn('senior');
    expect((await other.post(`/api/requests/${reqIds[0]}/claim`)).statusCode).toBe(200);

    // A deactivated person cannot sign in, even with the right password.
    const retry = await new Agent(t.app).post('/api/auth/sign-in', {
      email: 'dora@example.com',
      password: PASSWORD,
    });
    expect(retry.statusCode).toBe(401);
    expect(json(await admin.post(`/api/staff/${id}/deactivate`)).code).toBe(
      'staff.already_deactivated',
    );

    const back = await admin.post(`/api/staff/${id}/reactivate`);
    expect(back.statusCode, back.body).toBe(200);
    expect(json(back)).toMatchObject({ status: 'active', deactivatedAt: null });
    await new Agent(t.app).signIn('dora@example.com', PASSWORD);
    expect(json(await admin.post(`/api/staff/${id}/reactivate`)).code).toBe(
      'staff.not_deactivated',
    );

    const actions = await db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', 'in', [id, ...reqIds])
      .execute();
    expect(actions.map((a) => a.action)).toEqual(
      expect.arrayContaining(['staff.deactivated', 'staff.reactivated', 'request.release']),
    );
    expect((await verifyAuditChain(db)).ok).toBe(true);
  });

  it('deactivating an invited person stops their link; reactivating makes them invited again', async () => {
    const person = await invite('ivy@example.com', ['finance']);
    const token = await invitationToken('ivy@example.com');
    await admin.post(`/api/staff/${person.id}/deactivate`);
    const res = await new Agent(t.app).post('/api/invitations/accept', {
      token,
      password: PASSWORD,
    });
    expect(json(res).params.reason).toBe('revoked');
    const back = await admin.post(`/api/staff/${person.id}/reactivate`);
    expect(json(back).status).toBe('invited');
  });
});

describe('sign-in lock', () => {
  it('shows the failures counted against the person and clears them', async () => {
    const id = t.userId('finance');
    const guesser = new Agent(t.app);
    for (let i = 0; i < 4; i++)
      await guesser.post('/api/auth/sign-in', {
        email: 'finance@example.gov',
        password: `wrong-${i}`,
      });
    const lock = json(await admin.get(`/api/staff/${id}`)).signInLock;
    expect(lock).toMatchObject({ failures: 4, sources: 1 });
    const cleared = await admin.post(`/api/staff/${id}/sign-in-lock/clear`);
    expect(cleared.statusCode, cleared.body).toBe(204);
    expect(json(await admin.get(`/api/staff/${id}`)).signInLock).toBeNull();
    const again = await admin.post(`/api/staff/${id}/sign-in-lock/clear`);
    expect(again.statusCode).toBe(404);
    expect(json(again).code).toBe('auth.throttle_not_found');
  });
});

describe('the staff list', () => {
  it('searches by name or email, filters by status and pages on the server', async () => {
    const all = json(await admin.get('/api/staff?limit=100'));
    const emails = all.items.map((i: { email: string }) => i.email);
    expect(emails).toContain('approver@example.gov');
    expect(emails).toContain('nora@example.com');
    expect(emails).not.toContain('citizen@example.gov');

    const byName = json(await admin.get('/api/staff?q=PERSON%20NOR'));
    expect(byName.items.map((i: { email: string }) => i.email)).toEqual(['nora@example.com']);
    const byEmail = json(await admin.get('/api/staff?q=example.gov'));
    expect(byEmail.items.length).toBeGreaterThanOrEqual(5);
    const wildcard = json(await admin.get('/api/staff?q=%25'));
    expect(wildcard.items).toEqual([]);

    const invited = json(await admin.get('/api/staff?status=invited'));
    expect(invited.items.every((i: { status: string }) => i.status === 'invited')).toBe(true);
    expect(invited.items.length).toBeGreaterThan(0);

    const first = json(await admin.get('/api/staff?limit=3'));
    expect(first.items).toHaveLength(3);
    expect(first.prevCursor).toBeNull();
    const second = json(await admin.get(`/api/staff?limit=3&cursor=${first.nextCursor}`));
    expect(second.items).toHaveLength(3);
    expect(second.items[0].id).not.toBe(first.items[0].id);
    const back = json(await admin.get(`/api/staff?limit=3&cursor=${second.prevCursor}`));
    expect(back.items.map((i: { id: string }) => i.id)).toEqual(
      first.items.map((i: { id: string }) => i.id),
    );

    const bad = await admin.get('/api/staff?status=gone&limit=0');
    expect(bad.statusCode).toBe(400);
    expect(json(bad).errors.map((e: { field: string }) => e.field)).toEqual(
      expect.arrayContaining(['query.status', 'query.limit']),
    );
  });
});
