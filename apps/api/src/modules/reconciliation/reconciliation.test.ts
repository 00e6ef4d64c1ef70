import { beforeAll, describe, expect, it } from 'vitest';
import type {
  ReconciliationBatchesPage,
  ReconciliationExceptionsPage,
  ReconciliationReturnsPage,
} from '@hms/contracts/finance-reconciliation';
import { reconciliationExceptionsQuerySchema } from '@hms/contracts/finance-reconciliation';
import { useTestApp, type Agent } from '../../testing/test-app.ts';
import { insertBatch, type Inserted } from './reconciliation.fixture.ts';
import * as service from './service.ts';
import { refusedField } from '../../testing/refusals.ts';
import { auditEntries } from '../../testing/rows.ts';

/**
 * Reconciliation on hand-made batches released in May 2019 (America/New_York), far from any seeded row. Every
 * expected figure is worked out by hand from the rows, in the comments beside them.
 */
const t = useTestApp();
const fin = t.signedIn('finance');
const sup = t.signedIn('supervisor');
const MAY = 'from=2019-05-01&to=2019-05-31';
const FORMULA = "=cmd|' /C calc'!A0";
let A: Inserted, B: Inserted, C: Inserted, D: Inserted;

beforeAll(async () => {
  const who = {
    applicant: t.citizenId,
    builder: t.userId('finance'),
    releaser: t.userId('supervisor'),
    programId: t.programId('home-energy-rebate'),
  };
  const db = t.db.kysely;
  // A, settled in full: two money entries (100.00 + 50.00) and a prenote ($0, not money).
  A = await insertBatch(db, t.config, who, {
    status: 'settled',
    fileDate: '2019-05-06',
    effectiveDate: '2019-05-07',
    releasedAt: '2019-05-06T15:00:00Z',
    entries: [
      { ref: 'REC-A1', amount: 100_00, status: 'settled', trace: '011000019000001' },
      { ref: 'REC-A2', amount: 50_00, status: 'settled', trace: '011000019000002' },
      {
        ref: 'REC-A3',
        amount: 70_00,
        status: 'pending',
        trace: '011000019000003',
        prenote: true,
      },
    ],
  });
  // B, settled then partly returned: 200.00 settled; 75.00 R03 (account problem, no new account yet); 25.00 R14
  // (payee died: nothing in HMS pays it again) to a formula-looking payee name; 30.00 R02 already re-issued.
  B = await insertBatch(db, t.config, who, {
    status: 'settled',
    fileDate: '2019-05-08',
    effectiveDate: '2019-05-09',
    releasedAt: '2019-05-08T15:00:00Z',
    entries: [
      { ref: 'REC-B1', amount: 200_00, status: 'settled', trace: '011000019000011' },
      {
        ref: 'REC-B2',
        amount: 75_00,
        status: 'returned',
        requestStatus: 'payment_returned',
        trace: '011000019000012',
        returned: { code: 'R03', at: '2019-05-16T15:00:00Z', fixable: true },
      },
      {
        ref: 'REC-B3',
        amount: 25_00,
        status: 'returned',
        requestStatus: 'payment_returned',
        trace: '011000019000013',
        holder: FORMULA,
        returned: { code: 'R14', at: '2019-05-16T15:00:00Z', fixable: false },
      },
      {
        ref: 'REC-B4',
        amount: 30_00,
        status: 'returned',
        requestStatus: 'approved',
        trace: '011000019000014',
        returned: { code: 'R02', at: '2019-05-16T15:00:00Z', fixable: true, reissued: true },
      },
    ],
  });
  // C, released 13 May for 14 May and never confirmed settled (late); the bank sent a C01 on C1 on 17 May.
  C = await insertBatch(db, t.config, who, {
    status: 'released',
    fileDate: '2019-05-13',
    effectiveDate: '2019-05-14',
    releasedAt: '2019-05-13T15:00:00Z',
    entries: [
      {
        ref: 'REC-C1',
        amount: 40_00,
        status: 'released',
        trace: '011000019000021',
        noc: { code: 'C01', at: '2019-05-17T15:00:00Z' },
      },
      { ref: 'REC-C2', amount: 60_00, status: 'released', trace: '011000019000022' },
    ],
  });
  // D, settled, but its file says 100.00 over one entry whose recorded amount is 90.00.
  D = await insertBatch(db, t.config, who, {
    status: 'settled',
    fileDate: '2019-05-20',
    effectiveDate: '2019-05-21',
    releasedAt: '2019-05-20T15:00:00Z',
    totalCents: 100_00,
    entries: [{ ref: 'REC-D1', amount: 90_00, status: 'settled', trace: '011000019000031' }],
  });
  // A cancelled batch never reached the bank: never in the reconciliation.
  await insertBatch(db, t.config, who, {
    status: 'cancelled',
    fileDate: '2019-05-22',
    effectiveDate: '2019-05-23',
    releasedAt: null,
    entries: [{ ref: 'REC-X1', amount: 999_00, status: 'pending', trace: '011000019000041' }],
  });
});

async function json<T>(agent: Agent, url: string): Promise<T> {
  const res = await agent.get(url);
  expect(res.statusCode, res.body).toBe(200);
  expect(res.headers['cache-control']).toBe('no-store');
  return res.json() as T;
}

describe('GET /api/finance/reconciliation/batches', () => {
  it('sets expected (the file) against settled, returned and outstanding for each released batch', async () => {
    const page = await json<ReconciliationBatchesPage>(
      fin,
      `/api/finance/reconciliation/batches?${MAY}&sort=date&order=asc`,
    );
    // A, B, C, D (the cancelled batch is not there). Expected: 150 + 330 + 100 + 100 = 680.00; difference:
    // 0 + 0 + 100 (C outstanding) + 10 (D's file says 100, its entry 90) = 110.00.
    expect(page.totalCount).toBe(4);
    expect(page.totalCents).toBe(680_00);
    expect(page.totalDifferenceCents).toBe(110_00);
    expect(page.items.map((b) => b.id)).toEqual([A.batchId, B.batchId, C.batchId, D.batchId]);
    const [a, b, c, d] = page.items;
    // A: 2 money entries (3 minus the prenote), all settled.
    expect(a).toMatchObject({
      expectedCount: 2,
      expectedCents: 150_00,
      prenoteCount: 1,
      settledCount: 2,
      settledCents: 150_00,
      returnedCount: 0,
      outstandingCount: 0,
      differenceCents: 0,
      reconciled: true,
    });
    // B: 330.00 = 200 settled + (75 + 25 + 30) returned; reconciled as money, its returns are item exceptions.
    expect(b).toMatchObject({
      expectedCount: 4,
      expectedCents: 330_00,
      settledCount: 1,
      settledCents: 200_00,
      returnedCount: 3,
      returnedCents: 130_00,
      outstandingCents: 0,
      differenceCents: 0,
      reconciled: true,
    });
    // C: nothing settled, 100.00 outstanding.
    expect(c).toMatchObject({
      status: 'released',
      expectedCents: 100_00,
      settledCents: 0,
      outstandingCount: 2,
      outstandingCents: 100_00,
      differenceCents: 100_00,
      reconciled: false,
    });
    // D: 100.00 − 90.00 settled = 10.00 nobody can account for.
    expect(d).toMatchObject({
      expectedCents: 100_00,
      settledCents: 90_00,
      outstandingCents: 0,
      differenceCents: 10_00,
      reconciled: false,
    });
  });

  it('filters by state, searches by reference, payee, amount and trace, and sorts by difference', async () => {
    const open = await json<ReconciliationBatchesPage>(
      fin,
      `/api/finance/reconciliation/batches?${MAY}&state=unreconciled&sort=difference&order=desc`,
    );
    expect(open.items.map((b) => b.id)).toEqual([C.batchId, D.batchId]);
    expect(open.totalDifferenceCents).toBe(110_00);
    const search = async (q: string) =>
      (
        await json<ReconciliationBatchesPage>(
          fin,
          `/api/finance/reconciliation/batches?${MAY}&q=${encodeURIComponent(q)}`,
        )
      ).items.map((b) => b.id);
    expect(await search('rec-b2')).toEqual([B.batchId]);
    expect(await search('=cmd')).toEqual([B.batchId]);
    expect(await search('$40.00')).toEqual([C.batchId]);
    expect(await search('011000019000031')).toEqual([D.batchId]);
    // 150.00 is A's file total (no single payment is 150.00).
    expect(await search('150')).toEqual([A.batchId]);
  });

  it('pages on the server', async () => {
    const p2 = await json<ReconciliationBatchesPage>(
      fin,
      `/api/finance/reconciliation/batches?${MAY}&sort=date&order=asc&page=2&pageSize=3`,
    );
    expect(p2.totalCount).toBe(4);
    expect(p2.items.map((b) => b.id)).toEqual([D.batchId]);
  });
});

describe('GET /api/finance/reconciliation/returns', () => {
  it('lists each return with its code and whether it was paid again', async () => {
    const page = await json<ReconciliationReturnsPage>(
      fin,
      `/api/finance/reconciliation/returns?${MAY}&sort=reference&order=asc`,
    );
    // B2 75.00 + B3 25.00 + B4 30.00 = 130.00: the returned figure of batch B.
    expect(page.totalCount).toBe(3);
    expect(page.totalCents).toBe(130_00);
    expect(
      page.items.map((r) => [r.reference, r.returnCode, r.replacementPaymentId !== null]),
    ).toEqual([
      ['REC-B2', 'R03', false],
      ['REC-B3', 'R14', false],
      ['REC-B4', 'R02', true],
    ]);
    const r03 = await json<ReconciliationReturnsPage>(
      fin,
      `/api/finance/reconciliation/returns?${MAY}&code=R03`,
    );
    expect(r03.items.map((r) => r.reference)).toEqual(['REC-B2']);
  });
});

describe('exceptions', () => {
  // Friday 31 May 2019, noon in New York. Monday 27 May is Memorial Day (a Federal Reserve holiday).
  const NOW = new Date('2019-05-31T16:00:00Z');
  const query = (q: Record<string, string>) =>
    reconciliationExceptionsQuerySchema.parse({ from: '2019-05-01', to: '2019-05-31', ...q });

  it('lists every unreconciled item with its reason, age in business days and action', async () => {
    const page = await service.exceptionsPage(t.db.kysely, t.config.timezone, query({}), NOW);
    // C1, C2 late (since the 14 May effective date); B2, B3 returned 16 May, not re-issued (B4 was); C1's C01 of
    // 17 May; D's file total. 40 + 60 + 75 + 25 + 0 (a correction moves no money) + 10 = 210.00.
    expect(page.totalCount).toBe(6);
    expect(page.totalCents).toBe(210_00);
    // Oldest first. Business days after the start day up to 31 May, skipping weekends and 27 May:
    // from 14 May: 15-17 (3) + 20-24 (5) + 28-31 (4) = 12; from 16 May: 1 + 5 + 4 = 10; 17 May: 5 + 4 = 9;
    // 20 May: 21-24 (4) + 4 = 8.
    expect(page.items.map((e) => [e.reason, e.reference, e.since, e.ageBusinessDays])).toEqual(
      expect.arrayContaining([
        ['settlement_late', 'REC-C1', '2019-05-14', 12],
        ['settlement_late', 'REC-C2', '2019-05-14', 12],
        ['return_not_reissued', 'REC-B2', '2019-05-16', 10],
        ['return_not_reissued', 'REC-B3', '2019-05-16', 10],
        ['noc_not_applied', 'REC-C1', '2019-05-17', 9],
        ['file_total_mismatch', null, '2019-05-20', 8],
      ]),
    );
    expect(page.items.map((e) => e.ageBusinessDays)).toEqual([12, 12, 10, 10, 9, 8]);
    const byId = new Map(page.items.map((e) => [e.id, e]));
    expect(byId.get(`settlement_late:${C.payments.get('REC-C1')}`)).toMatchObject({
      action: 'settle_batch',
      href: `/finance/batches/${C.batchId}`,
      resolvable: false,
      amountCents: 40_00,
    });
    expect(byId.get(`return_not_reissued:${B.payments.get('REC-B2')}`)).toMatchObject({
      action: 'await_new_account',
      resolvable: true,
      returnCode: 'R03',
    });
    expect(byId.get(`return_not_reissued:${B.payments.get('REC-B3')}`)).toMatchObject({
      action: 'resolve_by_hand',
      payeeName: FORMULA,
    });
    expect(byId.get(`noc_not_applied:${C.nocs.get('REC-C1')}`)).toMatchObject({
      action: 'decide_noc',
      href: '/finance/returns',
      amountCents: 0,
    });
    expect(byId.get(`file_total_mismatch:${D.batchId}`)).toMatchObject({
      amountCents: 10_00,
      resolvable: true,
    });
  });

  it('exports exactly the filtered list as CSV, a formula-looking payee neutralised', async () => {
    const res = await fin.get(
      `/api/finance/reconciliation/exceptions?${MAY}&q=${encodeURIComponent('=cmd')}&format=csv`,
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    const lines = res.body.trimEnd().split('\r\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe(
      'exception_id,reason,reference,payee,amount,trace_number,return_code,since,age_business_days,action,batch_id,resolution,resolution_note',
    );
    const cells = lines[1]!.split(',');
    expect(cells.slice(0, 8)).toEqual([
      `return_not_reissued:${B.payments.get('REC-B3')}`,
      'return_not_reissued',
      'REC-B3',
      `'${FORMULA}`,
      '25.00',
      '011000019000013',
      'R14',
      '2019-05-16',
    ]);
  });

  it('walks the CSV by keyset pages without skipping or repeating a row, ties included', async () => {
    const q = query({ sort: 'age', order: 'desc' });
    const page = await service.exceptionsPage(t.db.kysely, t.config.timezone, q, NOW);
    // Pages of 2 over 6 rows whose ages tie in pairs: the (since, id) cursor keeps the JSON list's order.
    const stream = await service.exceptionsCsv(t.db.kysely, t.config.timezone, q, NOW, 2);
    let text = '';
    for await (const chunk of stream) text += String(chunk);
    const ids = text
      .trimEnd()
      .split('\r\n')
      .slice(1)
      .map((l) => l.split(',')[0]);
    expect(ids).toEqual(page.items.map((e) => e.id));
    const asc = query({ sort: 'amount', order: 'asc' });
    const ascPage = await service.exceptionsPage(t.db.kysely, t.config.timezone, asc, NOW);
    let ascText = '';
    for await (const chunk of await service.exceptionsCsv(
      t.db.kysely,
      t.config.timezone,
      asc,
      NOW,
      4,
    ))
      ascText += String(chunk);
    expect(
      ascText
        .trimEnd()
        .split('\r\n')
        .slice(1)
        .map((l) => l.split(',')[4]),
    ).toEqual(['0.00', '10.00', '25.00', '40.00', '60.00', '75.00']);
    expect(ascPage.items.map((e) => e.amountCents)).toEqual([0, 10_00, 25_00, 40_00, 60_00, 75_00]);
  });

  it('is worked to zero: settle, decide the correction, resolve the rest by hand (audited)', async () => {
    const open = async () =>
      json<ReconciliationExceptionsPage>(fin, `/api/finance/reconciliation/exceptions?${MAY}`);
    expect((await open()).totalCount).toBe(6);

    // A late settlement is cleared by settling the batch, not by hand.
    const lateId = `settlement_late:${C.payments.get('REC-C1')}`;
    const refused = await sup.post('/api/finance/reconciliation/exceptions/resolve', {
      exceptionId: lateId,
      resolution: 'written_off',
      note: 'trying to hide it',
    });
    expect(refused.statusCode, refused.body).toBe(409);
    expect(
      (await fin.post(`/api/batches/${C.batchId}/settle`, { note: 'bank statement 31 May' }))
        .statusCode,
    ).toBe(200);
    // 6 − C1 and C2 late = 4.
    expect((await open()).totalCount).toBe(4);

    expect((await sup.post(`/api/nocs/${C.nocs.get('REC-C1')}/dismiss`)).statusCode).toBe(200);
    expect((await open()).totalCount).toBe(3);

    // Finance (not a supervisor) may not close money by hand; a note is required.
    const b3 = `return_not_reissued:${B.payments.get('REC-B3')}`;
    expect(
      (
        await fin.post('/api/finance/reconciliation/exceptions/resolve', {
          exceptionId: b3,
          resolution: 'written_off',
          note: 'Payee deceased, estate informed',
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await sup.post('/api/finance/reconciliation/exceptions/resolve', {
          exceptionId: b3,
          resolution: 'written_off',
        })
      ).statusCode,
    ).toBe(400);
    for (const [id, resolution] of [
      [b3, 'written_off'],
      [`return_not_reissued:${B.payments.get('REC-B2')}`, 'written_off'],
      [`file_total_mismatch:${D.batchId}`, 'confirmed_with_bank'],
    ] as const) {
      const res = await sup.post('/api/finance/reconciliation/exceptions/resolve', {
        exceptionId: id,
        resolution,
        note: 'Checked with the bank on 31 May',
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({
        id,
        resolution: { kind: resolution, by: expect.any(String) },
      });
    }
    // Twice is refused: it is no longer open.
    expect(
      (
        await sup.post('/api/finance/reconciliation/exceptions/resolve', {
          exceptionId: b3,
          resolution: 'written_off',
          note: 'again, by mistake',
        })
      ).statusCode,
    ).toBe(404);

    expect((await open()).totalCount).toBe(0);
    const resolved = await json<ReconciliationExceptionsPage>(
      fin,
      `/api/finance/reconciliation/exceptions?${MAY}&state=resolved`,
    );
    expect(resolved.totalCount).toBe(3);
    const audit = await auditEntries(t.db.kysely, {
      action: 'reconciliation.exception_resolved',
    });
    expect(audit).toHaveLength(3);
    expect(audit.map((a) => a.entity_id)).toContain(D.batchId);

    // Every batch of May now reconciles: C settled in full, D's disagreement confirmed with the bank.
    const batches = await json<ReconciliationBatchesPage>(
      fin,
      `/api/finance/reconciliation/batches?${MAY}&state=unreconciled`,
    );
    expect(batches.totalCount).toBe(0);
  });

  it('refuses other roles and a reversed range', async () => {
    const approver = await t.signIn('approver');
    expect((await approver.get('/api/finance/reconciliation/exceptions')).statusCode).toBe(403);
    expect(
      refusedField(
        await fin.get('/api/finance/reconciliation/batches?from=2019-06-01&to=2019-05-01'),
      ),
    ).toBe('query.to');
  });
});
