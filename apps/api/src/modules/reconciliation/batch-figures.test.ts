import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { ReconciliationBatchesPage } from '@hms/contracts/finance-reconciliation';
import { useTestApp } from '../../testing/test-app.ts';
import { bankAccountBody } from '../../testing/applying.ts';
import { insertApprovedPayment } from '../payments/fixtures.ts';
import { returnFileFor } from '../returns/bank-return-file.ts';

/**
 * reconciliation_batch_figures (migration 0365) is kept by statement-level triggers on ach_entries, ach_returns and
 * payments. After every kind of write the app makes (build, release, return before and after settlement, settle,
 * re-issue, cancel, resolve) and a few it does not (bulk updates and deletes), it must equal the same figures
 * recomputed from the base tables, for every batch.
 */
const t = useTestApp();
const fin = t.signedIn('finance');
const sup = t.signedIn('supervisor');
let fileModifier = 0;

type Figures = Record<string, number[]>;

async function kept(): Promise<Figures> {
  const { rows } = await sql<Record<string, unknown>>`
    select batch_id, entries_count, entries_cents, settled_count, settled_cents, returned_count, returned_cents,
      outstanding_count, outstanding_cents
    from reconciliation_batch_figures
  `.execute(t.db.kysely);
  return byBatch(rows);
}

/** The figures from the base tables, as the batches list computed them before they were kept. */
async function recount(): Promise<Figures> {
  const { rows } = await sql<Record<string, unknown>>`
    select e.batch_id, count(*) as entries_count, sum(e.amount_cents) as entries_cents,
      count(*) filter (where ret.id is null and p.status = 'settled') as settled_count,
      coalesce(sum(e.amount_cents) filter (where ret.id is null and p.status = 'settled'), 0) as settled_cents,
      count(ret.id) as returned_count, coalesce(sum(ret.amount_cents), 0) as returned_cents,
      count(*) filter (where ret.id is null and p.status <> 'settled') as outstanding_count,
      coalesce(sum(e.amount_cents) filter (where ret.id is null and p.status <> 'settled'), 0)
        as outstanding_cents
    from ach_entries e
    join payments p on p.id = e.payment_id
    left join ach_returns ret on ret.entry_id = e.id
    where e.kind = 'payment'
    group by e.batch_id
  `.execute(t.db.kysely);
  return byBatch(rows);
}

/** Figures by batch; a kept row that nets to all zeros is the same as no row. */
function byBatch(rows: Array<Record<string, unknown>>): Figures {
  const out: Figures = {};
  for (const r of rows) {
    const v = [
      r.entries_count,
      r.entries_cents,
      r.settled_count,
      r.settled_cents,
      r.returned_count,
      r.returned_cents,
      r.outstanding_count,
      r.outstanding_cents,
    ].map(Number);
    if (v.some((x) => x !== 0)) out[String(r.batch_id)] = v;
  }
  return out;
}

async function expectKept(): Promise<Figures> {
  const now = await recount();
  expect(await kept()).toEqual(now);
  return now;
}

async function pending(amountCents: number) {
  return insertApprovedPayment(t.db.kysely, t.config, {
    applicantId: t.citizenId,
    programId: t.programId('home-energy-rebate'),
    amountCents,
  });
}

interface Released {
  id: string;
  entries: Array<{ traceNumber: string; payment: { id: string } }>;
}

async function build(paymentIds: string[]): Promise<{ id: string }> {
  const res = await fin.post('/api/batches', { paymentIds });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string };
}

async function release(batchId: string): Promise<Released> {
  const res = await sup.post(`/api/batches/${batchId}/release`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Released;
}

async function returnFile(
  batch: Released,
  returns: Array<[paymentId: string, amountCents: number, code: string]>,
) {
  fileModifier += 1;
  const content = returnFileFor(
    {
      odfiRouting: t.config.originator.odfiRouting,
      returns: returns.map(([paymentId, amountCents, code]) => ({
        traceNumber: batch.entries.find((e) => e.payment.id === paymentId)!.traceNumber,
        amountCents,
        code,
      })),
    },
    String.fromCharCode(64 + fileModifier),
  );
  const res = await fin.post('/api/returns/imports', { fileName: `r${fileModifier}.ach`, content });
  expect(res.statusCode, res.body).toBe(200);
  expect(res.json().counts.returnsApplied).toBe(returns.length);
}

describe('reconciliation_batch_figures', () => {
  it('equals a recount from the base tables after every kind of write', async () => {
    const [a, b, c, d] = [
      await pending(100_00),
      await pending(50_00),
      await pending(25_00),
      await pending(10_00),
    ];
    const built = await build([a.paymentId, b.paymentId, c.paymentId, d.paymentId]);
    expect((await expectKept())[built.id]).toEqual([4, 185_00, 0, 0, 0, 0, 4, 185_00]);

    const batch = await release(built.id);
    await expectKept();

    // A return before the batch settles: a moves from outstanding to returned.
    await returnFile(batch, [[a.paymentId, 100_00, 'R03']]);
    expect((await expectKept())[built.id]).toEqual([4, 185_00, 0, 0, 1, 100_00, 3, 85_00]);

    const settle = await fin.post(`/api/batches/${built.id}/settle`, { note: 'statement' });
    expect(settle.statusCode, settle.body).toBe(200);
    expect((await expectKept())[built.id]).toEqual([4, 185_00, 3, 85_00, 1, 100_00, 0, 0]);

    // A return after settlement: b moves from settled to returned.
    await returnFile(batch, [[b.paymentId, 50_00, 'R14']]);
    expect((await expectKept())[built.id]).toEqual([4, 185_00, 2, 35_00, 2, 150_00, 0, 0]);

    // Re-issue: the citizen gives a new account for a; its replacement goes out in a batch of its own.
    const citizen = await t.signIn('citizen');
    const account = await citizen.post(
      `/api/requests/${a.requestId}/payee-account`,
      bankAccountBody('99887766', { accountType: 'savings' }),
    );
    expect(account.statusCode, account.body).toBe(201);
    const replacement = (account.json() as { paymentId: string }).paymentId;
    await expectKept();
    const second = await build([replacement]);
    await expectKept();
    await release(second.id);
    await expectKept();
    expect((await fin.post(`/api/batches/${second.id}/settle`, {})).statusCode).toBe(200);
    expect((await expectKept())[second.id]).toEqual([1, 100_00, 1, 100_00, 0, 0, 0, 0]);

    // A cancelled batch: its entries stay, their payments go back to pending.
    const e = await pending(7_00);
    const cancelled = await build([e.paymentId]);
    expect((await fin.post(`/api/batches/${cancelled.id}/cancel`)).statusCode).toBe(200);
    await expectKept();

    // Resolving b's return by hand writes no figure, and the list still shows the kept ones.
    const resolve = await sup.post('/api/finance/reconciliation/exceptions/resolve', {
      exceptionId: `return_not_reissued:${b.paymentId}`,
      resolution: 'written_off',
      note: 'Payee deceased',
    });
    expect(resolve.statusCode, resolve.body).toBe(200);
    const figures = await expectKept();
    const list = (
      await fin.get('/api/finance/reconciliation/batches?pageSize=100')
    ).json() as ReconciliationBatchesPage;
    for (const item of list.items) {
      const f = figures[item.id]!;
      expect([
        item.settledCount,
        item.settledCents,
        item.returnedCount,
        item.returnedCents,
        item.outstandingCount,
        item.outstandingCents,
      ]).toEqual(f.slice(2));
    }
  });

  it('stays exact through writes the app does not make: bulk status changes, moved and deleted rows', async () => {
    const ps = [await pending(1_00), await pending(2_00), await pending(3_00)];
    const built = await build(ps.map((p) => p.paymentId));
    const batch = await release(built.id);
    await returnFile(batch, [[ps[0]!.paymentId, 1_00, 'R01']]);
    const k = t.db.kysely;
    const ids = ps.map((p) => p.paymentId);
    // Settled and back in one statement each (the bench's freshness check does this), including a returned payment.
    await k.updateTable('payments').set({ status: 'settled' }).where('id', 'in', ids).execute();
    await expectKept();
    await k.updateTable('payments').set({ status: 'released' }).where('id', 'in', ids).execute();
    await expectKept();
    // A return's amount corrected, then the return deleted: the entry goes back to outstanding.
    await k
      .updateTable('ach_returns')
      .set({ amount_cents: 55 })
      .where('payment_id', '=', ids[0]!)
      .execute();
    await expectKept();
    await k.deleteFrom('ach_returns').where('payment_id', '=', ids[0]!).execute();
    expect((await expectKept())[built.id]).toEqual([3, 6_00, 0, 0, 0, 0, 3, 6_00]);
    // An entry moved to another batch, its amount changed, then deleted.
    const other = await build([(await pending(4_00)).paymentId]);
    await k
      .updateTable('ach_entries')
      .set({ batch_id: other.id, amount_cents: 2_50 })
      .where('payment_id', '=', ids[1]!)
      .execute();
    await expectKept();
    await k.deleteFrom('ach_entries').where('payment_id', '=', ids[1]!).execute();
    expect((await expectKept())[built.id]).toEqual([2, 4_00, 0, 0, 0, 0, 2, 4_00]);
  });
});
