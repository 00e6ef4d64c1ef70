import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../testing/test-app.ts';
import { resolveEncryptionKey } from '../../platform/crypto-key.ts';
import { insertPayeeAccount, insertRequest, type RequestFixture } from '../inbox/demo-rows.ts';
import { addStaff } from '../../testing/staff.ts';
import { accountFingerprint, addressOf, computeRiskSignals } from './service.ts';
import { robustZ } from '@hms/contracts/risk';
import { requestSteps, rowById } from '../../testing/rows.ts';

const t = useTestApp();
let key: Buffer;
let programId: string;
let grantId: string;
const DAY = 86_400_000;
let seq = 0;
const person = async () =>
  addStaff(t.db.kysely, `p${++seq}@example.com`, `Person ${seq}`, ['citizen']);
const compute = (id: string) =>
  t.db.kysely.transaction().execute((trx) => computeRiskSignals(trx, id, { encryptionKey: key }));
const kinds = (r: { signals: Array<{ kind: string }> }) => r.signals.map((s) => s.kind).sort();
/** A bank account row of `userId` (sealed under the test key), added `daysAgo` days ago or at that time. */
const accountOf = (userId: string, account: string, daysAgo: number | Date) =>
  insertPayeeAccount(t.db.kysely, {
    userId,
    encryptionKey: key,
    account,
    createdAt: daysAgo instanceof Date ? daysAgo : new Date(Date.now() - daysAgo * DAY),
  });
/** A request of `applicantId`, by default a submitted one of $410 to the refund program; `o` says what differs. */
const requestBy = (applicantId: string, o: Partial<RequestFixture> = {}) =>
  insertRequest(t.db.kysely, {
    applicantId,
    programId,
    status: 'submitted',
    amountCents: 41_000,
    ...o,
  });

beforeAll(async () => {
  key = resolveEncryptionKey(t.config);
  programId = t.programId('permit-fee-refund');
  grantId = t.programId('small-business-relief');
  // A history of ordinary amounts, 40,000–42,000 cents, spread over months.
  for (let i = 0; i < 30; i++) {
    await insertRequest(t.db.kysely, {
      applicantId: await person(),
      programId,
      status: 'approved',
      amountCents: 40_000 + (i % 10) * 200,
      submittedAt: new Date(Date.now() - (200 - i) * DAY),
    });
  }
});

describe('risk signals', () => {
  it('fingerprints are keyed and ignore formatting', () => {
    const other = Buffer.alloc(32, 7);
    expect(accountFingerprint(key, '011000015', '12-345')).toBe(
      accountFingerprint(key, '011000015', '12345'),
    );
    expect(accountFingerprint(key, '011000015', '12345')).not.toBe(
      accountFingerprint(other, '011000015', '12345'),
    );
    expect(robustZ(10, 5, 1)).toBeCloseTo(3.3725);
    expect(addressOf({ homeAddress: '12  Main St.', x: 1 })).toEqual({
      key: 'homeAddress',
      value: '12 main st',
    });
  });

  it('an ordinary request has no signal', async () => {
    const a = await person();
    const acct = await accountOf(a, '900000001', 90);
    const id = await requestBy(a, { payeeAccountId: acct });
    const r = await compute(id);
    expect(r).toEqual({ level: 'none', signals: [] });
  });

  it('same bank account used by different applicants (and the other request is flagged too)', async () => {
    const a = await person();
    const b = await person();
    const old = new Date(Date.now() - 90 * DAY);
    const first = await requestBy(a, { payeeAccountId: await accountOf(a, '777000111', old) });
    const second = await requestBy(b, { payeeAccountId: await accountOf(b, '777000111', old) });
    const r = await compute(second);
    expect(kinds(r)).toEqual(['shared_bank_account']);
    expect(r.level).toBe('high');
    expect(r.signals[0]!.explanation).toContain(
      'ending 0111 is also the payee account of 1 other applicant',
    );
    const other = await rowById(t.db.kysely, 'requests', first);
    expect(other.risk_level).toBe('high');
  });

  it('an amount far from the program median is an outlier (robust z-score)', async () => {
    const a = await person();
    const id = await requestBy(a, { amountCents: 140_000 });
    const r = await compute(id);
    expect(kinds(r)).toEqual(['amount_outlier']);
    expect(r.signals[0]!.data.z).toBeGreaterThan(3.5);
    // People get the figures, not the statistic: the history is 40,000–41,800 cents, 8 in 10 within $402–$416.
    expect(r.signals[0]!.data).toMatchObject({
      amountCents: 140_000,
      direction: 'high',
      typicalLowCents: 40_200,
      typicalHighCents: 41_600,
    });
    expect(r.signals[0]!.explanation).toMatch(
      /^The amount is far above what this program usually pays: \$1,400 vs a typical \$402–\$416 \(8 in 10 of its last \d+ requests were in that range\)\.$/,
    );
    const near = await requestBy(a, { programId: grantId, amountCents: 140_000 });
    // Too few past requests in that program to judge.
    expect(kinds(await compute(near))).toEqual([]);
  });

  it('many requests from the same address in a short window', async () => {
    let last = '';
    for (let i = 0; i < 3; i++) {
      last = await requestBy(await person(), {
        answers: { homeAddress: i ? '55 Elm Street' : '55 elm street.' },
        submittedAt: new Date(Date.now() - i * DAY),
      });
    }
    const r = await compute(last);
    expect(kinds(r)).toEqual(['high_velocity']);
    expect(r.signals[0]!.data).toMatchObject({ by: 'address', count: 3 });
  });

  it('a duplicate request by the same applicant for the same program', async () => {
    const a = await person();
    await requestBy(a, { status: 'in_review', reference: 'HMS-DUPE-0001-0' });
    const id = await requestBy(a);
    const r = await compute(id);
    expect(kinds(r)).toEqual(['duplicate_request']);
    expect(r.signals[0]!.explanation).toContain('HMS-DUPE-0001-0');
  });

  /** A paid request of `who` to the grant program, to the account `account` (a fresh payee-account row each time). */
  const pastRequest = async (who: string, account: string, daysAgo: number) =>
    insertRequest(t.db.kysely, {
      applicantId: who,
      programId: grantId,
      status: 'paid',
      amountCents: 300_000,
      submittedAt: new Date(Date.now() - daysAgo * DAY),
      payeeAccountId: await accountOf(who, account, daysAgo + 1),
    });

  it('a returning applicant with the same account has no signal, however many drafts wrote account rows', async () => {
    const a = await person();
    await pastRequest(a, '555000001', 200);
    // Abandoned drafts: each bank step writes its own row, one of them with another account that was never sent.
    for (const [program, account] of [
      [grantId, '555000001'],
      [programId, '555000009'],
    ] as const) {
      await insertRequest(t.db.kysely, {
        applicantId: a,
        programId: program,
        status: 'draft',
        amountCents: 300_000,
        payeeAccountId: await accountOf(a, account, 3),
      });
    }
    const id = await requestBy(a, { payeeAccountId: await accountOf(a, '5550-00001', 1) });
    expect(await compute(id)).toEqual({ level: 'none', signals: [] });
  });

  it('a bank account changed shortly before payment: a different account from the one used before', async () => {
    const a = await person();
    await pastRequest(a, '555000001', 200);
    const id = await requestBy(a, {
      status: 'in_review',
      payeeAccountId: await accountOf(a, '555000002', 2),
    });
    const r = await compute(id);
    expect(kinds(r)).toEqual(['bank_account_changed']);
    expect(r.level).toBe('high');
    expect(r.signals[0]!.data).toMatchObject({ last4: '0002', previousLast4: '0001' });
    expect(r.signals[0]!.explanation).toContain(
      'this request pays the account ending 0002, but they used the one ending 0001 before',
    );
    expect(await requestSteps(t.db.kysely, id)).toEqual([
      expect.objectContaining({ type: 'risk_updated', visible_to_applicant: false }),
    ]);
  });

  it('a change long ago is no longer news, and a first-time applicant has nothing to compare with', async () => {
    const a = await person();
    await pastRequest(a, '555000001', 300);
    const old = await requestBy(a, { payeeAccountId: await accountOf(a, '555000003', 60) });
    expect(kinds(await compute(old))).toEqual([]);
    const b = await person();
    const first = await requestBy(b, { payeeAccountId: await accountOf(b, '555000004', 1) });
    expect(kinds(await compute(first))).toEqual([]);
  });

  it('fills in a missing fingerprint from the sealed account number', async () => {
    const a = await person();
    const acct = await accountOf(a, '123123123', 90);
    await t.db.kysely
      .updateTable('payee_accounts')
      .set({ fingerprint: null })
      .where('id', '=', acct)
      .execute();
    const id = await requestBy(a, { payeeAccountId: acct });
    await compute(id);
    const row = await rowById(t.db.kysely, 'payee_accounts', acct);
    expect(row.fingerprint).toBe(accountFingerprint(key, '011000015', '123123123'));
  });
});
