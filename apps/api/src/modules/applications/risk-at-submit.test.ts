import { describe, expect, it } from 'vitest';
import { registerCitizen, useTestApp, type Agent } from '../../testing/test-app.ts';
import { submitPermitRefund } from '../../testing/applying.ts';
import { rowById } from '../../testing/rows.ts';

const t = useTestApp();

async function register(email: string): Promise<Agent> {
  return registerCitizen(t, email, { displayName: 'Risk Person' });
}

const SHARED_ACCOUNT = '987650001234';

/** A permit-refund draft filled in and submitted with the given bank account; returns the request id and reference. */
async function submitWithAccount(agent: Agent, accountNumber: string, key: string) {
  const { id, submitted } = await submitPermitRefund(
    agent,
    {
      permitNumber: 'BP-2026-04321',
      amountPaid: '180',
      reasonDetails: 'Charged twice.',
      contact: { applicantName: 'Risk Person', contactEmail: 'risk@example.com' },
      holderName: 'Risk Person',
      accountNumber,
    },
    key,
  );
  return { id, reference: submitted.reference };
}

async function inboxRow(approver: Agent, reference: string) {
  const res = await approver.get(`/api/inbox?queue=all&q=${reference}`);
  expect(res.statusCode, res.body).toBe(200);
  const row = (
    res.json() as { items: Array<{ id: string; reference: string; riskLevel: string }> }
  ).items.find((i) => i.reference === reference);
  expect(row).toBeDefined();
  return row!;
}

const signalKinds = async (requestId: string) =>
  (
    await t.db.kysely
      .selectFrom('risk_signals')
      .select('kind')
      .where('request_id', '=', requestId)
      .execute()
  ).map((s) => s.kind);

describe('risk signals at submission', () => {
  // This test never calls GET /api/review/{requestId}: the signals must come from submission itself.
  it('flags a bank account shared by two applicants in the inbox, before any review page is opened', async () => {
    const first = await submitWithAccount(
      await register('risk-a@example.com'),
      SHARED_ACCOUNT,
      'risk-key-0001',
    );
    const second = await submitWithAccount(
      await register('risk-b@example.com'),
      SHARED_ACCOUNT,
      'risk-key-0002',
    );

    // The account was fingerprinted when it was written.
    const accounts = await t.db.kysely
      .selectFrom('requests')
      .innerJoin('payee_accounts', 'payee_accounts.id', 'requests.payee_account_id')
      .select('payee_accounts.fingerprint')
      .where('requests.id', 'in', [first.id, second.id])
      .execute();
    expect(accounts).toHaveLength(2);
    expect(accounts[0]!.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(accounts[1]!.fingerprint).toBe(accounts[0]!.fingerprint);

    const approver = await t.signIn('approver');
    expect((await inboxRow(approver, second.reference)).riskLevel).toBe('high');
    expect(await signalKinds(second.id)).toContain('shared_bank_account');
    // The first request shares the account too: it was recomputed when the second one came in.
    expect((await inboxRow(approver, first.reference)).riskLevel).toBe('high');
    expect(await signalKinds(first.id)).toContain('shared_bank_account');
  });

  it('computes the signals of a request with an account nobody else uses (level none, but computed)', async () => {
    const own = await submitWithAccount(
      await register('risk-c@example.com'),
      '555000111333',
      'risk-key-0003',
    );
    const row = await rowById(t.db.kysely, 'requests', own.id);
    expect(row.risk_computed_at).not.toBeNull();
    expect(await signalKinds(own.id)).not.toContain('shared_bank_account');
  });

  // Every draft's bank step writes a payee-account row, so counting rows flagged every returning applicant.
  it('a returning applicant with the same account is not "bank account changed"; a different account is', async () => {
    const agent = await register('risk-d@example.com');
    const first = await submitWithAccount(agent, '444000111222', 'risk-key-0004');
    const same = await submitWithAccount(agent, '4440-0011-1222', 'risk-key-0005');
    expect(await signalKinds(first.id)).not.toContain('bank_account_changed');
    expect(await signalKinds(same.id)).not.toContain('bank_account_changed');
    const changed = await submitWithAccount(agent, '444000999888', 'risk-key-0006');
    expect(await signalKinds(changed.id)).toContain('bank_account_changed');
    const approver = await t.signIn('approver');
    expect((await inboxRow(approver, changed.reference)).riskLevel).toBe('high');
  });
});
