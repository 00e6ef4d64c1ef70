import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { useTestApp } from '../../testing/test-app.ts';
import { insertFinanceRow, type Row } from './finance.fixture.ts';
import * as finance from './service.ts';

/**
 * The per-day totals kept by triggers (migration 0360) that the overview, the trends and the list totals read: they
 * follow every insert, update, delete and truncate, re-cut their days when the agency's zone changes, and give the
 * percentiles of whole months from monthly histograms and of ragged ends from daily ones. Data in 2017, far from any
 * other test's rows.
 */
const t = useTestApp();
const NY = 'America/New_York';
const LA = 'America/Los_Angeles';

const decided = (ref: string, submittedAt: string, days: number): Row => ({
  ref,
  program: t.programId('home-energy-rebate'),
  status: 'rejected',
  requested: 10_00,
  submittedAt,
  decidedAt: new Date(Date.parse(submittedAt) + days * 86_400_000).toISOString(),
});

beforeAll(async () => {
  const rows: Row[] = [
    // Decided 1, 2, 2.5 and 10.25 days after submission: in tenths of a day 10, 20, 25 and 103 (102.5 rounds up).
    decided('KEPT-D1', '2017-01-19T15:00:00Z', 1), // decided 20 Jan: a ragged day before February
    decided('KEPT-D2', '2017-02-08T15:00:00Z', 2), // decided 10 Feb: the whole month of February
    decided('KEPT-D3', '2017-03-03T00:00:00Z', 2.5), // decided 5 Mar: a ragged day after February
    decided('KEPT-D4', '2017-02-20T12:00:00Z', 10.25), // decided 2 Mar
    decided('KEPT-D5', '2017-03-05T15:00:00Z', 7), // decided 12 Mar: outside the period below
    // Submitted 06:30 UTC on 1 June 2017: 02:30 on 1 June in New York, 23:30 on 31 May in Los Angeles.
    {
      ref: 'KEPT-Z1',
      program: t.programId('home-energy-rebate'),
      status: 'submitted',
      requested: 42_00,
      submittedAt: '2017-06-01T06:30:00Z',
    },
  ];
  for (const row of rows) await insertFinanceRow(t.db.kysely, t.config, t.citizenId, row);
});

describe('kept finance totals', () => {
  it('give the median and 90th percentile of whole months and ragged days, as percentile_cont would', async () => {
    const o = await finance.overview(t.db.kysely, NY, { from: '2017-01-15', to: '2017-03-10' });
    // Values 1, 2, 2.5, 10.3 days: the median halfway between 2 and 2.5 = 2.25 (shown 2.3); the 90th percentile at
    // position 0.9 × 3 = 2.7: 2.5 + 0.7 × (10.3 − 2.5) = 7.96 (shown 8).
    expect(o.daysToDecision).toEqual({ count: 4, medianDays: 2.3, p90Days: 8 });
    const rows = await sql<{ p50: number; p90: number }>`
      select percentile_cont(0.5) within group (order by d) as p50, percentile_cont(0.9) within group (order by d) as p90
      from (values (1.0), (2.0), (2.5), (10.3)) v (d)`.execute(t.db.kysely);
    expect(Math.round(Number(rows.rows[0]!.p90) * 10) / 10).toBe(8);
    // February alone (a whole month, read from the monthly histogram) and one ragged day.
    expect(
      (await finance.overview(t.db.kysely, NY, { from: '2017-02-01', to: '2017-02-28' }))
        .daysToDecision,
    ).toEqual({ count: 1, medianDays: 2, p90Days: 2 });
    expect(
      (await finance.overview(t.db.kysely, NY, { from: '2017-03-05', to: '2017-03-05' }))
        .daysToDecision,
    ).toEqual({ count: 1, medianDays: 2.5, p90Days: 2.5 });
  });

  it('cut the days again when the agency changes its time zone', async () => {
    const requested = async (tz: string, day: string) =>
      (await finance.overview(t.db.kysely, tz, { from: day, to: day })).requestedCount;
    expect(await requested(NY, '2017-06-01')).toBe(1);
    expect(await requested(NY, '2017-05-31')).toBe(0);
    try {
      await finance.keepTotalsInZone(t.db.kysely, LA);
      expect(await requested(LA, '2017-05-31')).toBe(1);
      expect(await requested(LA, '2017-06-01')).toBe(0);
      expect(await finance.totalsDrift(t.db.kysely)).toEqual([]);
    } finally {
      await finance.keepTotalsInZone(t.db.kysely, NY);
    }
    expect(await requested(NY, '2017-06-01')).toBe(1);
  });

  it('follow updates and deletes, and tell a kept figure that drifted from the rows', async () => {
    const june = { from: '2017-06-01', to: '2017-06-30' };
    const id = (
      await t.db.kysely
        .selectFrom('requests')
        .select('id')
        .where('reference', '=', 'KEPT-Z1')
        .executeTakeFirstOrThrow()
    ).id;
    await t.db.kysely
      .updateTable('requests')
      .set({ amount_requested_cents: 50_00 })
      .where('id', '=', id)
      .execute();
    expect((await finance.overview(t.db.kysely, NY, june)).requestedCents).toBe(50_00);
    await t.db.kysely.deleteFrom('requests').where('id', '=', id).execute();
    expect((await finance.overview(t.db.kysely, NY, june)).requestedCount).toBe(0);
    expect(await finance.totalsDrift(t.db.kysely)).toEqual([]);

    // A kept row changed behind the triggers' back is reported, and the check itself changes nothing.
    await sql`update finance_day_totals set cents = cents + 1
      where figure = 'requested' and day = '2017-02-08'`.execute(t.db.kysely);
    const drift = await finance.totalsDrift(t.db.kysely);
    expect(drift).toHaveLength(1);
    expect(drift[0]!.key).toContain('requested 2017-02-08');
    await sql`update finance_day_totals set cents = cents - 1
      where figure = 'requested' and day = '2017-02-08'`.execute(t.db.kysely);
    expect(await finance.totalsDrift(t.db.kysely)).toEqual([]);
  });
});
