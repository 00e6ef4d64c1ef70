import { describe, expect, it } from 'vitest';
import { registerCitizen, userIdByEmail, useTestApp } from '../../testing/test-app.ts';
import { bankAccountBody } from '../../testing/applying.ts';
import { resolveEncryptionKey } from '../../platform/crypto-key.ts';
import { insertApprovedPayment } from '../payments/fixtures.ts';
import { accountFingerprint } from '../risk/service.ts';
import { rowById } from '../../testing/rows.ts';

const t = useTestApp();

const userId = (email: string) => userIdByEmail(t.db.kysely, email);

describe('risk after a payee account replacement', () => {
  it('recomputes the request risk when the citizen gives a new bank account after a return', async () => {
    const db = t.db.kysely;
    const key = resolveEncryptionKey(t.config);
    const citizenId = t.citizenId;
    const programId = t.programId('home-energy-rebate');
    const p = await insertApprovedPayment(db, t.config, {
      applicantId: citizenId,
      programId,
      amountCents: 80_00,
      accountNumber: '31415926',
    });

    // Another applicant already gets paid into the account the citizen is about to give.
    await registerCitizen(t, 'risk-other@example.com', { displayName: 'Other Person' });
    const otherId = await userId('risk-other@example.com');
    const other = await insertApprovedPayment(db, t.config, {
      applicantId: otherId,
      programId,
      amountCents: 20_00,
      accountNumber: '27182818',
    });
    await db
      .updateTable('payee_accounts')
      .set({ fingerprint: accountFingerprint(key, '011000015', '27182818') })
      .where('id', '=', other.payeeAccountId)
      .execute();

    // The payment came back with an account problem.
    await db
      .updateTable('payments')
      .set({ status: 'returned', returned_at: new Date(), account_fixable: true })
      .where('id', '=', p.paymentId)
      .execute();
    await db
      .updateTable('requests')
      .set({ status: 'payment_returned' })
      .where('id', '=', p.requestId)
      .execute();
    const before = await rowById(db, 'requests', p.requestId);
    expect(before.risk_level).toBe('none');

    const citizen = await t.signIn('citizen');
    const upd = await citizen.post(
      `/api/requests/${p.requestId}/payee-account`,
      bankAccountBody('27182818'),
    );
    expect(upd.statusCode, upd.body).toBe(201);

    const after = await db
      .selectFrom('requests')
      .innerJoin('payee_accounts', 'payee_accounts.id', 'requests.payee_account_id')
      .select([
        'requests.risk_level',
        'requests.risk_computed_at',
        'payee_accounts.fingerprint',
        'payee_accounts.account_last4',
      ])
      .where('requests.id', '=', p.requestId)
      .executeTakeFirstOrThrow();
    // The request now points at the new account, fingerprinted when it was written.
    expect(after.account_last4).toBe('2818');
    expect(after.fingerprint).toBe(accountFingerprint(key, '011000015', '27182818'));
    expect(after.risk_level).toBe('high');
    expect(after.risk_computed_at).not.toBeNull();
    const kinds = (
      await db
        .selectFrom('risk_signals')
        .select('kind')
        .where('request_id', '=', p.requestId)
        .execute()
    ).map((s) => s.kind);
    expect(kinds).toEqual(expect.arrayContaining(['bank_account_changed', 'shared_bank_account']));

    const approver = await t.signIn('approver');
    const row = (
      (await approver.get(`/api/inbox?queue=all&status=approved&q=${p.reference}`)).json() as {
        items: Array<{ reference: string; riskLevel: string }>;
      }
    ).items.find((i) => i.reference === p.reference);
    expect(row?.riskLevel).toBe('high');
  });
});
