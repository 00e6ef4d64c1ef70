import { describe, expect, it } from 'vitest';
import { financePaymentsQuerySchema } from '@hms/contracts/finance-overview';
import { useTestApp } from '../../testing/test-app.ts';
import { insertFinanceRow, type Row } from './finance.fixture.ts';
import * as applications from '../applications/service.ts';
import * as finance from './service.ts';
import * as repo from './repo.ts';

/**
 * The payments list sorts and searches on the payment's own copy of its payee's name (payments.payee_name, migration
 * 0370), so the copy must follow the account: written with the payment, rewritten when the bank corrects the holder
 * name (a notification of change). Data in 2016, far from any other test's rows.
 */
const t = useTestApp();

const settled = (ref: string, holder: string, day: string): Row => ({
  ref,
  program: t.programId('home-energy-rebate'),
  status: 'paid',
  requested: 25_00,
  submittedAt: `2016-04-${day}T15:00:00Z`,
  payment: {
    status: 'settled',
    createdAt: `2016-04-${day}T16:00:00Z`,
    settledAt: `2016-04-${day}T18:00:00Z`,
  },
  holder,
});

const list = (q: Record<string, string>) =>
  finance.paymentsPage(
    t.db.kysely,
    t.config.timezone,
    financePaymentsQuerySchema.parse({ from: '2016-04-01', to: '2016-04-30', ...q }),
  );

describe('the payee name the payments list sorts and searches on', () => {
  it('is the account holder’s, and follows a corrected holder name', async () => {
    await insertFinanceRow(t.db.kysely, t.config, t.citizenId, settled('PN-1', 'Zoe Quill', '05'));
    const amy = await insertFinanceRow(
      t.db.kysely,
      t.config,
      t.citizenId,
      settled('PN-2', 'Amy Brook', '06'),
    );

    const before = await list({ sort: 'payee', order: 'asc' });
    expect(before.items.map((i) => [i.reference, i.payeeName])).toEqual([
      ['PN-2', 'Amy Brook'],
      ['PN-1', 'Zoe Quill'],
    ]);

    // The bank corrects the holder name (a C-code notification of change, applied through its owner).
    await t.db.kysely.transaction().execute((trx) =>
      applications.correctPayeeAccount(trx, t.config, amy.accountId, {
        routingNumber: null,
        accountNumber: null,
        accountType: null,
        holderName: 'Zara Brook',
      }),
    );

    const after = await list({ sort: 'payee', order: 'asc' });
    expect(after.items.map((i) => [i.reference, i.payeeName])).toEqual([
      ['PN-2', 'Zara Brook'],
      ['PN-1', 'Zoe Quill'],
    ]);
    expect((await list({ q: 'zara' })).items.map((i) => i.reference)).toEqual(['PN-2']);
    expect((await list({ q: 'amy' })).totalCount).toBe(0);
  });

  it('finds a payment two readings of the term match once, whichever way it reads, and totals it once', async () => {
    // "25" is both part of this payee's name and the amount $25.00 (the rows above are $25.00 too).
    await insertFinanceRow(
      t.db.kysely,
      t.config,
      t.citizenId,
      settled('PN-3', 'Unit 25 Trust', '07'),
    );
    const period = await finance.resolvePeriod(t.db.kysely, t.config.timezone, {
      from: '2016-04-01',
      to: '2016-04-30',
    });
    for (const sort of ['date', 'payee', 'amount', 'reference']) {
      const q = { figure: null, q: '25', sort, order: 'asc' as const, limit: 50, offset: 0 };
      const filterFirst = await repo.paymentList(t.db.kysely, period.scope, q, Infinity);
      const nameFirst = await repo.paymentList(t.db.kysely, period.scope, q, 0);
      expect(filterFirst.count, sort).toBe(3);
      expect(filterFirst.cents, sort).toBe(75_00);
      expect(filterFirst.rows.map((r) => r.reference).sort(), sort).toEqual([
        'PN-1',
        'PN-2',
        'PN-3',
      ]);
      expect(nameFirst, sort).toEqual(filterFirst);
      // A page past the last match still says how many there are.
      const past = await repo.paymentList(t.db.kysely, period.scope, { ...q, offset: 50 }, 0);
      expect([past.rows.length, past.count, past.cents]).toEqual([0, 3, 75_00]);
    }
  });
});
