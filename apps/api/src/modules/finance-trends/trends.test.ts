import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../testing/test-app.ts';
import {
  financePrograms,
  insertFinanceRow,
  readFigures,
  type Row,
} from '../finance/finance.fixture.ts';
import { overview } from '../finance/service.ts';
import { buckets } from './service.ts';
import { refusedField } from '../../testing/refusals.ts';

/**
 * Trends on a small hand-made data set in May 2019 (America/New_York; 1 May 2019 is a Wednesday), far from any seeded
 * row. Every expected figure is worked out by hand from the rows, in the comments beside them.
 */
const t = useTestApp();
const fin = t.signedIn('finance');
const MAY = 'from=2019-05-01&to=2019-05-31';

beforeAll(async () => {
  const { rebate, refund, practice } = await financePrograms(t);
  const base = { requested: 1000_00, submittedAt: '2019-04-20T15:00:00Z' };
  const rows: Row[] = [
    // T1: approved 80 on 2 May, settled 6 May.
    {
      ref: 'TR-1',
      program: rebate,
      status: 'paid',
      ...base,
      approved: 80_00,
      decidedAt: '2019-05-02T15:00:00Z',
      payment: {
        status: 'settled',
        createdAt: '2019-05-02T15:00:00Z',
        settledAt: '2019-05-06T15:00:00Z',
      },
    },
    // T2: approved 250 at 23:30 on 5 May in New York (6 May in UTC): a 5 May approval; payment waiting.
    {
      ref: 'TR-2',
      program: rebate,
      status: 'approved',
      ...base,
      approved: 250_00,
      decidedAt: '2019-05-06T03:30:00Z',
      payment: { status: 'pending', createdAt: '2019-05-06T03:30:00Z' },
    },
    // T3: approved 120 on 3 May, returned R03 on 20 May.
    {
      ref: 'TR-3',
      program: rebate,
      status: 'payment_returned',
      ...base,
      approved: 120_00,
      decidedAt: '2019-05-03T15:00:00Z',
      payment: {
        status: 'returned',
        createdAt: '2019-05-03T15:00:00Z',
        returnedAt: '2019-05-20T15:00:00Z',
        returnCode: 'R03',
      },
    },
    // T4: approved 60 on 13 May, returned R01 at 23:00 on 26 May in New York (27 May in UTC).
    {
      ref: 'TR-4',
      program: rebate,
      status: 'payment_returned',
      ...base,
      approved: 60_00,
      decidedAt: '2019-05-13T15:00:00Z',
      payment: {
        status: 'returned',
        createdAt: '2019-05-13T15:00:00Z',
        returnedAt: '2019-05-27T03:00:00Z',
        returnCode: 'R01',
      },
    },
    // T5: approved 40 on 14 May, returned R03 on 31 May.
    {
      ref: 'TR-5',
      program: rebate,
      status: 'payment_returned',
      ...base,
      approved: 40_00,
      decidedAt: '2019-05-14T15:00:00Z',
      payment: {
        status: 'returned',
        createdAt: '2019-05-14T15:00:00Z',
        returnedAt: '2019-05-31T23:00:00Z',
        returnCode: 'R03',
      },
    },
    // T6: rejected in May: a decision, no approved money.
    {
      ref: 'TR-6',
      program: rebate,
      status: 'rejected',
      ...base,
      decidedAt: '2019-05-07T15:00:00Z',
    },
    // T7: approved 30 April, settled 00:30 on 1 May UTC = 20:30 on 30 April in New York: nothing in May.
    {
      ref: 'TR-7',
      program: rebate,
      status: 'paid',
      ...base,
      approved: 30_00,
      decidedAt: '2019-04-30T15:00:00Z',
      payment: {
        status: 'settled',
        createdAt: '2019-04-30T15:00:00Z',
        settledAt: '2019-05-01T00:30:00Z',
      },
    },
    // T8 (permit fee refund): approved 45 on 8 May, settled 23:59 on 31 May in New York (1 June in UTC).
    {
      ref: 'TR-8',
      program: refund,
      status: 'paid',
      ...base,
      approved: 45_00,
      decidedAt: '2019-05-08T15:00:00Z',
      payment: {
        status: 'settled',
        createdAt: '2019-05-08T15:00:00Z',
        settledAt: '2019-06-01T03:59:00Z',
      },
    },
    // A practice program's approval, payment and return in May: training data, counted nowhere.
    {
      ref: 'TR-P1',
      program: practice,
      status: 'paid',
      ...base,
      approved: 5000_00,
      decidedAt: '2019-05-09T15:00:00Z',
      payment: {
        status: 'settled',
        createdAt: '2019-05-09T15:00:00Z',
        settledAt: '2019-05-10T15:00:00Z',
      },
    },
    {
      ref: 'TR-P2',
      program: practice,
      status: 'payment_returned',
      ...base,
      approved: 700_00,
      decidedAt: '2019-05-09T15:00:00Z',
      payment: {
        status: 'returned',
        createdAt: '2019-05-09T15:00:00Z',
        returnedAt: '2019-05-20T15:00:00Z',
        returnCode: 'R02',
      },
    },
  ];
  for (const row of rows) await insertFinanceRow(t.db.kysely, t.config, t.citizenId, row);
});

const zero = {
  approvedCents: 0,
  approvedCount: 0,
  paidCents: 0,
  paidCount: 0,
  returnedCents: 0,
  returnedCount: 0,
};

describe('GET /api/finance/trends', () => {
  it('gives May 2019 week by week (Monday to Sunday, cut to the month), as worked out by hand', async () => {
    const tr = await readFigures(fin, `/api/finance/trends?${MAY}&interval=week`);
    expect(tr).toMatchObject({
      from: '2019-05-01',
      to: '2019-05-31',
      program: null,
      interval: 'week',
    });
    expect(tr.points).toEqual([
      // T1 80 (2 May) + T3 120 (3 May) + T2 250 (5 May in New York).
      { ...zero, start: '2019-05-01', end: '2019-05-05', approvedCents: 450_00, approvedCount: 3 },
      // T8 45 approved (8 May); T1 80 settled (6 May).
      {
        ...zero,
        start: '2019-05-06',
        end: '2019-05-12',
        approvedCents: 45_00,
        approvedCount: 1,
        paidCents: 80_00,
        paidCount: 1,
      },
      // T4 60 + T5 40 approved.
      { ...zero, start: '2019-05-13', end: '2019-05-19', approvedCents: 100_00, approvedCount: 2 },
      // T3 120 returned (20 May) + T4 60 (26 May in New York).
      { ...zero, start: '2019-05-20', end: '2019-05-26', returnedCents: 180_00, returnedCount: 2 },
      // T8 45 settled 31 May in New York; T5 40 returned 31 May.
      {
        ...zero,
        start: '2019-05-27',
        end: '2019-05-31',
        paidCents: 45_00,
        paidCount: 1,
        returnedCents: 40_00,
        returnedCount: 1,
      },
    ]);
    expect(tr.totals).toEqual({
      approvedCents: 595_00,
      approvedCount: 6,
      paidCents: 125_00,
      paidCount: 2,
      returnedCents: 220_00,
      returnedCount: 3,
    });
    // R03: T3 120 + T5 40; R01: T4 60. Largest first, with the plain-language names and the NACHA name.
    expect(tr.returnsByReason).toEqual([
      {
        code: 'R03',
        name: {
          en: 'Your bank could not find an account with this number.',
          es: 'Su banco no encontró una cuenta con este número.',
        },
        nachaDescription: 'No account / unable to locate account',
        cents: 160_00,
        count: 2,
      },
      {
        code: 'R01',
        name: {
          en: 'Your bank could not accept the payment.',
          es: 'Su banco no pudo aceptar el pago.',
        },
        nachaDescription: 'Insufficient funds',
        cents: 60_00,
        count: 1,
      },
    ]);
  });

  it('gives every day of May, zero-filled, in the agency’s days', async () => {
    const tr = await readFigures(fin, `/api/finance/trends?${MAY}`);
    expect(tr.interval).toBe('day');
    expect(tr.points).toHaveLength(31);
    const day = (d: string) => tr.points.find((p: { start: string }) => p.start === `2019-05-${d}`);
    expect(day('01')).toEqual({ ...zero, start: '2019-05-01', end: '2019-05-01' });
    expect(day('04')).toEqual({ ...zero, start: '2019-05-04', end: '2019-05-04' });
    expect(day('05')).toMatchObject({ approvedCents: 250_00, approvedCount: 1 });
    expect(day('06')).toMatchObject({ approvedCount: 0, paidCents: 80_00, paidCount: 1 });
    expect(day('26')).toMatchObject({ returnedCents: 60_00, returnedCount: 1 });
    expect(day('27')).toEqual({ ...zero, start: '2019-05-27', end: '2019-05-27' });
    expect(day('31')).toMatchObject({ paidCents: 45_00, returnedCents: 40_00 });
  });

  it('filters on one program', async () => {
    const tr = await readFigures(
      fin,
      `/api/finance/trends?${MAY}&interval=week&program=permit-fee-refund`,
    );
    expect(tr.totals).toEqual({
      ...zero,
      approvedCents: 45_00,
      approvedCount: 1,
      paidCents: 45_00,
      paidCount: 1,
    });
    expect(tr.returnsByReason).toEqual([]);
  });

  it('adds up to the overview’s approved, paid and returned figures for the same period and program', async () => {
    const cases: { from?: string; to?: string; program?: string }[] = [
      { from: '2019-05-01', to: '2019-05-31' },
      { from: '2019-05-06', to: '2019-05-20' },
      { from: '2019-05-02', to: '2019-05-02' },
      { from: '2019-01-01', to: '2019-12-31' },
      { from: '2019-04-15', to: '2019-06-15', program: 'permit-fee-refund' },
      { from: '2019-05-01', to: '2019-05-31', program: 'home-energy-rebate' },
      {},
    ];
    for (const c of cases) {
      const o = await overview(t.db.kysely, t.config.timezone, c);
      for (const interval of ['day', 'week'] as const) {
        const qs = new URLSearchParams({ ...c, interval }).toString();
        const tr = await readFigures(fin, `/api/finance/trends?${qs}`);
        const label = `${qs}`;
        for (const f of ['approved', 'paid', 'returned'] as const) {
          const cents = tr.points.reduce(
            (a: number, p: Record<string, number>) => a + p[`${f}Cents`]!,
            0,
          );
          const count = tr.points.reduce(
            (a: number, p: Record<string, number>) => a + p[`${f}Count`]!,
            0,
          );
          expect(cents, `${label} ${f}`).toBe(o[`${f}Cents`]);
          expect(count, `${label} ${f}`).toBe(o[`${f}Count`]);
          expect(tr.totals[`${f}Cents`], `${label} ${f}`).toBe(o[`${f}Cents`]);
        }
        const reasons = tr.returnsByReason.reduce(
          (a: number, r: { cents: number }) => a + r.cents,
          0,
        );
        expect(reasons, label).toBe(o.returnedCents);
        // The buckets cover the period day after day, without a gap or an overlap.
        expect(tr.points[0].start).toBe(o.from);
        expect(tr.points.at(-1).end).toBe(o.to);
      }
    }
  });

  it('names the field and the fix for a bad query, and is for finance only', async () => {
    expect(refusedField(await fin.get(`/api/finance/trends?${MAY}&interval=month`))).toContain(
      'interval',
    );
    const long = await fin.get('/api/finance/trends?from=2019-01-01&to=2020-01-02&interval=day');
    expect(long.statusCode).toBe(400);
    expect(JSON.parse(long.body).errors[0]).toMatchObject({ field: 'query.interval' });
    expect(
      (await fin.get('/api/finance/trends?from=2019-01-01&to=2020-01-01&interval=day')).statusCode,
    ).toBe(200);
    const reversed = await fin.get('/api/finance/trends?from=2019-05-31&to=2019-05-01');
    expect(JSON.parse(reversed.body).code).toBe('validation.date_range_reversed');
    const unknown = await fin.get('/api/finance/trends?program=no-such-program');
    expect(JSON.parse(unknown.body).errors[0].field).toBe('query.program');
    const approver = await t.signIn('approver');
    expect((await approver.get('/api/finance/trends')).statusCode).toBe(403);
  });
});

describe('buckets', () => {
  it('cuts weeks at Mondays and lists every day across the change to summer time', () => {
    const tz = 'America/New_York';
    // 10 March 2019 (a Sunday) is 23 hours long in New York.
    expect(buckets('2019-03-08', '2019-03-12', 'week', tz)).toEqual([
      { start: '2019-03-08', end: '2019-03-10' },
      { start: '2019-03-11', end: '2019-03-12' },
    ]);
    expect(buckets('2019-03-09', '2019-03-11', 'day', tz)).toEqual([
      { start: '2019-03-09', end: '2019-03-09' },
      { start: '2019-03-10', end: '2019-03-10' },
      { start: '2019-03-11', end: '2019-03-11' },
    ]);
  });
});
