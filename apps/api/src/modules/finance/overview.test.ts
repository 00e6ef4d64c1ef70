import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../testing/test-app.ts';
import { financePrograms, insertFinanceRow, readFigures, type Row } from './finance.fixture.ts';
import { financePaymentsQuerySchema } from '@hms/contracts/finance-overview';
import { text } from 'node:stream/consumers';
import * as finance from './service.ts';
import * as repo from './repo.ts';
import { refusedField } from '../../testing/refusals.ts';

/**
 * The overview on a small hand-made data set in March 2019 (America/New_York; summer time starts on 10 March), far
 * from any seeded row. Every expected figure below is worked out by hand from the rows, in the comments beside them.
 */
const t = useTestApp();
const fin = t.signedIn('finance');
const MARCH = 'from=2019-03-01&to=2019-03-31';

beforeAll(async () => {
  const { rebate, refund, practice } = await financePrograms(t);
  const rows: Row[] = [
    // R1: asked 100.00, approved 80.00 two days later, settled seven days after submission.
    {
      ref: 'FIN-R1',
      program: rebate,
      status: 'paid',
      requested: 100_00,
      approved: 80_00,
      submittedAt: '2019-03-05T15:00:00Z',
      decidedAt: '2019-03-07T15:00:00Z',
      payment: {
        status: 'settled',
        createdAt: '2019-03-07T15:00:00Z',
        releasedAt: '2019-03-10T15:00:00Z',
        settledAt: '2019-03-12T15:00:00Z',
        trace: '011000010000001',
      },
    },
    // R2: submitted 28 Feb 18:30 in New York (not March), approved 1 March 01:00 New York (March): 6.5 hours.
    {
      ref: 'FIN-R2',
      program: rebate,
      status: 'approved',
      requested: 250_00,
      approved: 250_00,
      submittedAt: '2019-02-28T23:30:00Z',
      decidedAt: '2019-03-01T06:00:00Z',
      payment: { status: 'pending', createdAt: '2019-03-01T06:00:00Z' },
    },
    // R3: submitted 31 March 19:00 New York (March), still waiting, deadline long past.
    {
      ref: 'FIN-R3',
      program: rebate,
      status: 'submitted',
      requested: 40_00,
      submittedAt: '2019-03-31T23:00:00Z',
      dueAt: '2019-04-20T15:00:00Z',
    },
    // R4: submitted 1 April 00:30 New York (April), in review, deadline past.
    {
      ref: 'FIN-R4',
      program: rebate,
      status: 'in_review',
      requested: 70_00,
      submittedAt: '2019-04-01T04:30:00Z',
      dueAt: '2019-04-25T15:00:00Z',
    },
    // R5: rejected after two days (a decision, never approved money).
    {
      ref: 'FIN-R5',
      program: rebate,
      status: 'rejected',
      requested: 55_00,
      submittedAt: '2019-03-02T15:00:00Z',
      decidedAt: '2019-03-04T15:00:00Z',
    },
    // R6: approved after two days, released, returned R03 on 20 March.
    {
      ref: 'FIN-R6',
      program: rebate,
      status: 'payment_returned',
      requested: 120_00,
      approved: 120_00,
      submittedAt: '2019-03-03T15:00:00Z',
      decidedAt: '2019-03-05T15:00:00Z',
      holder: '=HYPERLINK("http://evil")',
      payment: {
        status: 'returned',
        createdAt: '2019-03-05T15:00:00Z',
        releasedAt: '2019-03-15T15:00:00Z',
        returnedAt: '2019-03-20T15:00:00Z',
        returnCode: 'R03',
      },
    },
    // R8 (permit fee refund): approved after one day, released on 25 March, not yet settled.
    {
      ref: 'FIN-R8',
      program: refund,
      status: 'approved',
      requested: 30_00,
      approved: 30_00,
      submittedAt: '2019-03-10T15:00:00Z',
      decidedAt: '2019-03-11T15:00:00Z',
      payment: {
        status: 'released',
        createdAt: '2019-03-11T15:00:00Z',
        releasedAt: '2019-03-25T15:00:00Z',
        trace: '011000010000008',
      },
    },
    // R9: approved after four days, in a batch not yet released.
    {
      ref: 'FIN-R9',
      program: rebate,
      status: 'approved',
      requested: 45_00,
      approved: 45_00,
      submittedAt: '2019-03-06T15:00:00Z',
      decidedAt: '2019-03-10T15:00:00Z',
      payment: { status: 'batched', createdAt: '2019-03-10T15:00:00Z' },
    },
    // R10: all of it in February: counts nowhere in March.
    {
      ref: 'FIN-R10',
      program: rebate,
      status: 'paid',
      requested: 999_00,
      approved: 999_00,
      submittedAt: '2019-02-01T15:00:00Z',
      decidedAt: '2019-02-02T15:00:00Z',
      payment: {
        status: 'settled',
        createdAt: '2019-02-02T15:00:00Z',
        settledAt: '2019-02-27T15:00:00Z',
      },
    },
    // R11: waiting for the citizen: the deadline is paused, so it is not past it.
    {
      ref: 'FIN-R11',
      program: rebate,
      status: 'needs_info',
      requested: 10_00,
      submittedAt: '2019-02-01T15:00:00Z',
      dueAt: '2019-02-20T15:00:00Z',
    },
    // P1: a practice program's paid request in March: training data, counted nowhere.
    {
      ref: 'FIN-P1',
      program: practice,
      status: 'paid',
      requested: 5000_00,
      approved: 5000_00,
      submittedAt: '2019-03-05T15:00:00Z',
      decidedAt: '2019-03-06T15:00:00Z',
      dueAt: '2019-03-01T15:00:00Z',
      payment: {
        status: 'settled',
        createdAt: '2019-03-06T15:00:00Z',
        settledAt: '2019-03-08T15:00:00Z',
      },
    },
  ];
  for (const row of rows) await insertFinanceRow(t.db.kysely, t.config, t.citizenId, row);
});

describe('GET /api/finance/overview', () => {
  it('computes every figure of March 2019 as worked out by hand', async () => {
    const o = await readFigures(fin, `/api/finance/overview?${MARCH}`);
    expect(o).toMatchObject({
      from: '2019-03-01',
      to: '2019-03-31',
      program: null,
      // R1 100 + R3 40 + R5 55 + R6 120 + R8 30 + R9 45 (R2 was 28 Feb in New York, R4 1 April).
      requestedCents: 390_00,
      requestedCount: 6,
      // R1 80 (approved, not asked) + R2 250 + R6 120 + R8 30 + R9 45; R5 was rejected.
      approvedCents: 525_00,
      approvedCount: 5,
      // R2 pending + R9 batched.
      pendingPaymentCents: 295_00,
      pendingPaymentCount: 2,
      releasedCents: 30_00,
      releasedCount: 1,
      paidCents: 80_00,
      paidCount: 1,
      returnedCents: 120_00,
      returnedCount: 1,
      // One returned of one paid + one returned.
      returnRate: 0.5,
      // Decided in March: R2 0.27, R8 1, R1 2, R5 2, R6 2, R9 4 days: median (2+2)/2, p90 2 + 0.5 × (4 − 2).
      daysToDecision: { count: 6, medianDays: 2, p90Days: 3 },
      // Settled in March: R1, seven days after submission.
      daysToPayment: { count: 1, medianDays: 7, p90Days: 7 },
    });
    expect(new Date(o.computedAt).getTime()).toBeGreaterThan(Date.now() - 60_000);
  });

  it('filters on one program by its slug', async () => {
    const o = await readFigures(fin, `/api/finance/overview?${MARCH}&program=permit-fee-refund`);
    expect(o).toMatchObject({
      program: 'permit-fee-refund',
      requestedCents: 30_00,
      requestedCount: 1,
      approvedCents: 30_00,
      approvedCount: 1,
      pendingPaymentCount: 0,
      releasedCents: 30_00,
      paidCount: 0,
      returnedCount: 0,
      returnRate: null,
      daysToDecision: { count: 1, medianDays: 1, p90Days: 1 },
      daysToPayment: { count: 0, medianDays: null, p90Days: null },
    });
  });

  it('reads days in the agency time zone: 1 March alone holds R2’s approval and payment, 28 February its submission', async () => {
    const march1 = await readFigures(fin, '/api/finance/overview?from=2019-03-01&to=2019-03-01');
    expect(march1).toMatchObject({
      requestedCount: 0,
      approvedCents: 250_00,
      pendingPaymentCents: 250_00,
    });
    const feb28 = await readFigures(fin, '/api/finance/overview?from=2019-02-28&to=2019-02-28');
    expect(feb28).toMatchObject({ requestedCents: 250_00, requestedCount: 1, approvedCount: 0 });
  });

  it('counts the open requests past their deadline, not those waiting for the citizen, and lists exactly them', async () => {
    const o = await readFigures(fin, `/api/finance/overview?${MARCH}`);
    const list = await readFigures(
      fin,
      `/api/finance/requests?${MARCH}&figure=pastReviewDeadline&pageSize=200`,
    );
    expect(list.totalCount).toBe(o.pastReviewDeadlineCount);
    const refs = list.items.map((r: { reference: string }) => r.reference);
    expect(refs).toEqual(expect.arrayContaining(['FIN-R3', 'FIN-R4']));
    expect(refs).not.toContain('FIN-R11');
    expect(refs).not.toContain('FIN-P1');
  });

  it('refuses a reversed period, an unknown program and other roles, naming the field', async () => {
    const reversed = await fin.get('/api/finance/overview?from=2019-03-31&to=2019-03-01');
    expect(reversed.statusCode).toBe(400);
    expect(JSON.parse(reversed.body)).toMatchObject({
      code: 'validation.date_range_reversed',
      errors: [{ field: 'query.to' }],
    });
    expect(refusedField(await fin.get('/api/finance/overview?program=no-such-program'))).toBe(
      'query.program',
    );
    expect(refusedField(await fin.get('/api/finance/overview?from=March'))).toContain('from');
    const approver = await t.signIn('approver');
    expect((await approver.get('/api/finance/overview')).statusCode).toBe(403);
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/finance/overview' });
    expect(anonymous.statusCode).toBe(401);
  });

  it('defaults to this month in the agency time zone', async () => {
    const o = await readFigures(fin, '/api/finance/overview');
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: t.config.timezone }).format(
      new Date(),
    );
    expect(o.to).toBe(today);
    expect(o.from).toBe(`${today.slice(0, 8)}01`);
  });
});

describe('GET /api/finance/payments and /api/finance/requests', () => {
  it('list each figure’s rows with a total equal to the figure', async () => {
    const o = await readFigures(fin, `/api/finance/overview?${MARCH}`);
    for (const figure of ['pendingPayment', 'released', 'paid', 'returned'] as const) {
      const list = await readFigures(fin, `/api/finance/payments?${MARCH}&figure=${figure}`);
      expect(list.totalCents, figure).toBe(o[`${figure}Cents`]);
      expect(list.totalCount, figure).toBe(o[`${figure}Count`]);
    }
    for (const figure of ['requested', 'approved'] as const) {
      const list = await readFigures(fin, `/api/finance/requests?${MARCH}&figure=${figure}`);
      expect(list.totalCents, figure).toBe(o[`${figure}Cents`]);
      expect(list.totalCount, figure).toBe(o[`${figure}Count`]);
    }
  });

  it('lists every payment of the period once, in its current state, sorted and paged on the server', async () => {
    const all = await readFigures(fin, `/api/finance/payments?${MARCH}&sort=amount&order=asc`);
    expect(all.items.map((p: { reference: string }) => p.reference)).toEqual([
      'FIN-R8',
      'FIN-R9',
      'FIN-R1',
      'FIN-R6',
      'FIN-R2',
    ]);
    expect(all.totalCents).toBe(525_00);
    const page3 = await readFigures(
      fin,
      `/api/finance/payments?${MARCH}&sort=amount&order=asc&pageSize=2&page=3`,
    );
    expect(page3.items.map((p: { reference: string }) => p.reference)).toEqual(['FIN-R2']);
    expect(page3.totalCount).toBe(5);
  });

  it('searches by reference, payee name, amount and trace number', async () => {
    const refs = async (q: string) =>
      (
        await readFigures(fin, `/api/finance/payments?${MARCH}&q=${encodeURIComponent(q)}`)
      ).items.map((p: { reference: string }) => p.reference);
    expect(await refs('fin-r1')).toEqual(['FIN-R1']);
    expect(await refs('payee FIN-R9')).toEqual(['FIN-R9']);
    expect(await refs('250')).toEqual(['FIN-R2']);
    expect(await refs('$120.00')).toEqual(['FIN-R6']);
    expect(await refs('011000010000008')).toEqual(['FIN-R8']);
    expect(await refs('nobody at all')).toEqual([]);
  });

  it('exports the filtered payments as CSV: dollars and cents, status, formulas neutralised; the settled rows sum to paidCents', async () => {
    const o = await readFigures(fin, `/api/finance/overview?${MARCH}`);
    const res = await fin.get(`/api/finance/payments?${MARCH}&format=csv`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const lines = res.body.trim().split('\r\n');
    expect(lines[0]).toBe(
      'reference,program,payee,amount,status,status_at,batch_id,trace_number,return_code',
    );
    expect(lines).toHaveLength(6);
    const r6 = lines.find((l) => l.startsWith('FIN-R6'))!;
    expect(r6).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(r6).toContain(',120.00,returned,');
    const settled = lines
      .slice(1)
      .filter((l) => l.includes(',settled,'))
      .map((l) => Math.round(Number(l.split(',')[3]) * 100));
    expect(settled.reduce((a, b) => a + b, 0)).toBe(o.paidCents);
  });

  it('exports the requests of a figure as CSV', async () => {
    const res = await fin.get(
      `/api/finance/requests?${MARCH}&figure=approved&format=csv&sort=reference&order=asc`,
    );
    expect(res.statusCode).toBe(200);
    const lines = res.body.trim().split('\r\n');
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual([
      'FIN-R1',
      'FIN-R2',
      'FIN-R6',
      'FIN-R8',
      'FIN-R9',
    ]);
    expect(lines[1]).toContain(',80.00,100.00,80.00,');
  });

  it('names a wrong figure, sort or page', async () => {
    for (const q of ['figure=approved', 'sort=height', 'page=0', 'pageSize=1000', 'format=xml']) {
      const res = await fin.get(`/api/finance/payments?${q}`);
      expect(res.statusCode, q).toBe(400);
      expect(JSON.parse(res.body).errors[0].field, q).toContain(q.split('=')[0]);
    }
  });

  it('exports every row once when the CSV reads page after page, ties and microseconds included', async () => {
    // Five payments settled in May 2019: three in the same millisecond (two of them at the same microsecond), so
    // a cursor that lost the microseconds or the id tie-break would skip or repeat a row at a page boundary.
    const may = ['.000001', '.000002', '.000002', '.5', '.9'].map((frac, i) => ({
      ref: `FIN-K${i + 1}`,
      program: t.programId('home-energy-rebate'),
      status: 'paid' as const,
      requested: (i % 2 === 0 ? 10_00 : 20_00) + i,
      submittedAt: '2019-05-01T15:00:00Z',
      payment: {
        status: 'settled' as const,
        createdAt: '2019-05-02T15:00:00Z',
        settledAt: `2019-05-15T15:00:00${frac}Z`,
      },
    }));
    for (const row of may) await insertFinanceRow(t.db.kysely, t.config, t.citizenId, row);
    for (const sort of ['date', 'amount', 'reference', 'payee'] as const) {
      for (const order of ['asc', 'desc'] as const) {
        const q = financePaymentsQuerySchema.parse({
          from: '2019-05-01',
          to: '2019-05-31',
          sort,
          order,
        });
        const all = await finance.paymentsPage(t.db.kysely, t.config.timezone, q);
        const csv = await text(await finance.paymentsCsv(t.db.kysely, t.config.timezone, q, 2));
        const refs = csv
          .trim()
          .split('\r\n')
          .slice(1)
          .map((l) => l.split(',')[0]);
        expect(refs, `${sort} ${order}`).toEqual(all.items.map((i) => i.reference));
        expect(refs).toHaveLength(5);
      }
    }
  });

  it('gives the same page and totals whichever way it reads a search or a payee sort', async () => {
    // Few payments in the filter: read them first; many: walk the payee index (READ_FIRST_BELOW in the repo).
    // Both ways are forced here on the same March rows and must agree to the row.
    const period = await finance.resolvePeriod(t.db.kysely, t.config.timezone, {
      from: '2019-03-01',
      to: '2019-03-31',
    });
    const cases = [
      { q: 'payee', sort: 'date' },
      { q: 'payee', sort: 'payee' },
      { q: null, sort: 'payee' },
      { q: null, sort: 'reference' },
      { q: 'fin-r1', sort: 'amount' },
    ];
    for (const c of cases) {
      for (const order of ['asc', 'desc'] as const) {
        const q = { figure: null, q: c.q, sort: c.sort, order, limit: 3, offset: 1 };
        const first = await repo.paymentList(t.db.kysely, period.scope, q, Infinity);
        const walked = await repo.paymentList(t.db.kysely, period.scope, q, 0);
        expect(walked, `${c.q} ${c.sort} ${order}`).toEqual(first);
        expect(first.count, `${c.q} ${c.sort}`).toBeGreaterThan(0);
      }
    }
  });

  it('refuses an unknown program before the download starts', async () => {
    expect(
      refusedField(await fin.get('/api/finance/payments?program=no-such-program&format=csv')),
    ).toBe('query.program');
  });
});
