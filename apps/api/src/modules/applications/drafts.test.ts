import { describe, expect, it } from 'vitest';
import { registerCitizen, useTestApp, type Agent } from '../../testing/test-app.ts';
import { fillPermitRefund, saveBankAccount, submitDraft } from '../../testing/applying.ts';
import { auditEntries, rowById } from '../../testing/rows.ts';

const t = useTestApp();

const register = (email: string, displayName = 'Dana Draft'): Promise<Agent> =>
  registerCitizen(t, email, { displayName });

type Detail = {
  id: string;
  reference: string;
  version: number;
  status: string;
  answers: Record<string, unknown>;
};

const start = async (agent: Agent, slug = 'permit-fee-refund') => {
  const res = await agent.post(`/api/programs/${slug}/drafts`);
  return { status: res.statusCode, detail: res.json() as Detail };
};

async function fillAndSubmit(agent: Agent, d: Detail, phone: string): Promise<void> {
  await fillPermitRefund(agent, d, {
    reasonDetails: 'Paid twice.',
    contact: { ...d.answers, contactPhone: phone },
    holderName: 'Dana Draft',
  });
  await submitDraft(agent, d.id, `key-${d.id}`);
}

describe('one draft per citizen and program', () => {
  it('answers "Start application" with the same draft every time, and says which draft exists', async () => {
    const agent = await register('draft-once@example.com');
    const none = await agent.get('/api/programs/permit-fee-refund/draft');
    expect(none.statusCode).toBe(200);
    expect(none.json()).toEqual({ draft: null });

    const first = await start(agent);
    expect(first.status).toBe(201);
    const [again, concurrent] = await Promise.all([start(agent), start(agent)]);
    expect(again.status).toBe(200);
    expect(again.detail.id).toBe(first.detail.id);
    expect(concurrent.detail.id).toBe(first.detail.id);
    const drafts = await t.db.kysely
      .selectFrom('requests')
      .innerJoin('users', 'users.id', 'requests.applicant_id')
      .select('requests.id')
      .where('users.email', '=', 'draft-once@example.com')
      .execute();
    expect(drafts).toHaveLength(1);

    const found = (await agent.get('/api/programs/permit-fee-refund/draft')).json() as {
      draft: { id: string; reference: string } | null;
    };
    expect(found.draft).toMatchObject({ id: first.detail.id, reference: first.detail.reference });
    // Another citizen's draft is not theirs to see.
    const stranger = await register('draft-stranger@example.com');
    expect((await stranger.get('/api/programs/permit-fee-refund/draft')).json()).toEqual({
      draft: null,
    });
    expect((await stranger.get('/api/programs/no-such-program/draft')).statusCode).toBe(404);
  });
});

describe('the contact step starts filled in from the account', () => {
  it('fills name and email from the account, and the phone given last time', async () => {
    const agent = await register('draft-prefill@example.com', 'Dana Prefill');
    const first = (await start(agent)).detail;
    expect(first.answers).toEqual({
      applicantName: 'Dana Prefill',
      contactEmail: 'draft-prefill@example.com',
    });
    await fillAndSubmit(agent, first, '(202) 555-0147');
    // The next application (another program) already knows the phone number.
    const next = (await start(agent, 'home-energy-rebate')).detail;
    expect(next.answers).toEqual({
      contactEmail: 'draft-prefill@example.com',
      contactPhone: '+12025550147',
    });
  });
});

describe('deleting a draft', () => {
  it('deletes the caller’s own draft with its files and bank account; a new start is a new draft', async () => {
    const agent = await register('draft-delete@example.com');
    const d = (await start(agent)).detail;
    await saveBankAccount(agent, d.id, d.version, {
      holderName: 'Dana Draft',
      accountNumber: '99887766',
    });
    const payee = await rowById(t.db.kysely, 'requests', d.id);

    const stranger = await register('draft-delete-stranger@example.com');
    expect((await stranger.request('DELETE', `/api/requests/${d.id}`)).statusCode).toBe(404);
    expect((await agent.get(`/api/requests/${d.id}`)).statusCode).toBe(200);

    const del = await agent.request('DELETE', `/api/requests/${d.id}`);
    expect(del.statusCode).toBe(204);
    expect((await agent.get(`/api/requests/${d.id}`)).statusCode).toBe(404);
    const mine = (await agent.get('/api/requests/mine')).json() as { items: unknown[] };
    expect(mine.items).toHaveLength(0);
    const account = await t.db.kysely
      .selectFrom('payee_accounts')
      .select('id')
      .where('id', '=', payee.payee_account_id!)
      .executeTakeFirst();
    expect(account).toBeUndefined();
    const audit = await auditEntries(t.db.kysely, {
      action: 'request.draft_deleted',
      entityId: d.id,
    });
    expect(audit).toHaveLength(1);
    expect((await agent.request('DELETE', `/api/requests/${d.id}`)).statusCode).toBe(404);

    const fresh = await start(agent);
    expect(fresh.status).toBe(201);
    expect(fresh.detail.id).not.toBe(d.id);
  });

  it('refuses to delete a submitted request (409) and leaves it as it was', async () => {
    const agent = await register('draft-submitted@example.com');
    const d = (await start(agent)).detail;
    await fillAndSubmit(agent, d, '2025550148');
    const res = await agent.request('DELETE', `/api/requests/${d.id}`);
    expect(res.statusCode).toBe(409);
    expect((res.json() as { detail: string }).detail).toMatch(/withdraw it/);
    expect(((await agent.get(`/api/requests/${d.id}`)).json() as Detail).status).toBe('submitted');
  });

  it('is for citizens only', async () => {
    const approver = await t.signIn('approver');
    const res = await approver.request(
      'DELETE',
      '/api/requests/01a214eb-fb46-70bd-aa34-842b06dfc357',
    );
    expect(res.statusCode).toBe(403);
  });
});
