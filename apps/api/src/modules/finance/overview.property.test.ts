import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { FinanceOverview } from '@hms/contracts/finance-overview';
import { useTestApp } from '../../testing/test-app.ts';
import { journal } from '../integration/service.ts';
import { financePrograms, insertAchTrail, insertFinanceRow, type Row } from './finance.fixture.ts';

/**
 * On generated history (90 days of 2018, three programs, one of them practice), for any period and program filter:
 * every overview figure equals the total of the list behind it, read page by page, and the payments of the period
 * split exactly into the four payment figures (none is cancelled here). Every payment that left has its ACH trail
 * (batch, entry, return), so the general-ledger journal the FINANCIAL system reads is checked on the same rows:
 * it balances in every period, and over the whole history it carries exactly the money the overview says left and
 * came back.
 */
const t = useTestApp();
const fin = t.signedIn('finance');
let practiceId: string;
const DAY = 86_400_000;
const BASE = Date.parse('2018-01-01T05:00:00Z');

type Story = 'submitted' | 'rejected' | 'pending' | 'batched' | 'released' | 'settled' | 'returned';

const rowArb = (programs: readonly string[]) =>
  fc.record({
    program: fc.constantFrom(...programs),
    story: fc.constantFrom<Story>(
      'submitted',
      'rejected',
      'pending',
      'batched',
      'released',
      'settled',
      'returned',
    ),
    requested: fc.integer({ min: 1, max: 500_000_00 }),
    cut: fc.integer({ min: 0, max: 100 }),
    // Minutes after the base, then gaps between the steps (up to 12 days each).
    submitted: fc.integer({ min: 0, max: 90 * 24 * 60 }),
    gaps: fc.array(fc.integer({ min: 1, max: 12 * 24 * 60 }), { minLength: 4, maxLength: 4 }),
  });

type Generated = ReturnType<typeof rowArb> extends fc.Arbitrary<infer T> ? T : never;

function toRow(g: Generated, i: number): Row {
  const at = (minutes: number) => new Date(BASE + minutes * 60_000).toISOString();
  const [g1, g2, g3, g4] = g.gaps as [number, number, number, number];
  const submittedAt = at(g.submitted);
  const decidedAt = at(g.submitted + g1);
  const approved = Math.max(1, Math.round((g.requested * (100 - g.cut)) / 100));
  const base: Row = {
    ref: `GEN-${String(i).padStart(4, '0')}`,
    program: g.program,
    status: 'submitted',
    requested: g.requested,
    submittedAt,
    dueAt: at(g.submitted + 10 * 24 * 60),
  };
  if (g.story === 'submitted') return base;
  if (g.story === 'rejected') return { ...base, status: 'rejected', decidedAt };
  const created = decidedAt;
  const releasedAt = at(g.submitted + g1 + g2);
  const payment: NonNullable<Row['payment']> =
    g.story === 'pending' || g.story === 'batched'
      ? { status: g.story, createdAt: created }
      : g.story === 'released'
        ? { status: 'released', createdAt: created, releasedAt }
        : g.story === 'settled'
          ? {
              status: 'settled',
              createdAt: created,
              releasedAt,
              settledAt: at(g.submitted + g1 + g2 + g3),
            }
          : {
              status: 'returned',
              createdAt: created,
              releasedAt,
              returnedAt: at(g.submitted + g1 + g2 + g4),
              returnCode: 'R01',
            };
  const status =
    g.story === 'settled' ? 'paid' : g.story === 'returned' ? 'payment_returned' : 'approved';
  return { ...base, status, approved, decidedAt, payment };
}

beforeAll(async () => {
  const { rebate, refund, practice } = await financePrograms(t);
  const generated = fc.sample(
    fc.array(rowArb([rebate, refund, practice]), { minLength: 60, maxLength: 60 }),
    {
      numRuns: 1,
      seed: 20_181_231,
    },
  )[0]!;
  practiceId = practice;
  const staff = { builtBy: t.userId('finance'), releasedBy: t.userId('supervisor') };
  for (const [i, g] of generated.entries()) {
    const row = toRow(g, i);
    const ids = await insertFinanceRow(t.db.kysely, t.config, t.citizenId, row);
    await insertAchTrail(t.db.kysely, t.config, staff, row, ids);
  }
});

const day = (n: number) => new Date(BASE + n * DAY).toISOString().slice(0, 10);

async function listTotal(path: string): Promise<{ cents: number; count: number }> {
  let cents = 0;
  let count = 0;
  for (let page = 1; ; page++) {
    const res = await fin.get(`${path}&pageSize=50&page=${page}`);
    expect(res.statusCode, res.body).toBe(200);
    const body = JSON.parse(res.body) as { items: { amountCents: number }[]; totalCount: number };
    for (const item of body.items) cents += item.amountCents;
    count += body.items.length;
    if (body.items.length < 50) {
      expect(count).toBe(body.totalCount);
      return { cents, count };
    }
  }
}

describe('finance figures on generated history', () => {
  it('every figure equals the sum of its drill-down list, for any period and program', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 110 }),
        fc.integer({ min: 0, max: 60 }),
        fc.constantFrom(null, 'home-energy-rebate', 'permit-fee-refund'),
        async (start, length, program) => {
          const filter = `from=${day(start)}&to=${day(start + length)}${program ? `&program=${program}` : ''}`;
          const o = JSON.parse(
            (await fin.get(`/api/finance/overview?${filter}`)).body,
          ) as FinanceOverview;
          for (const figure of ['pendingPayment', 'released', 'paid', 'returned'] as const) {
            const list = await listTotal(`/api/finance/payments?${filter}&figure=${figure}`);
            expect(list, figure).toEqual({
              cents: o[`${figure}Cents`],
              count: o[`${figure}Count`],
            });
          }
          for (const figure of ['requested', 'approved'] as const) {
            const list = await listTotal(`/api/finance/requests?${filter}&figure=${figure}`);
            expect(list, figure).toEqual({
              cents: o[`${figure}Cents`],
              count: o[`${figure}Count`],
            });
          }
          // No payment here is cancelled, so the period's payments are exactly the four figures.
          const all = await listTotal(`/api/finance/payments?${filter}`);
          expect(all.cents).toBe(
            o.pendingPaymentCents + o.releasedCents + o.paidCents + o.returnedCents,
          );
        },
      ),
      { numRuns: 12, seed: 13 },
    );
  });

  it('the GL journal balances in any period, and over the whole history matches the money that left and came back', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 110 }),
        fc.integer({ min: 0, max: 60 }),
        async (start, length) => {
          const j = await journal(t.db.kysely, t.config.timezone, {
            from: day(start),
            to: day(start + length),
          });
          expect(j.totals.debitCents).toBe(j.totals.creditCents);
          for (const line of j.lines) expect(line.debitCents * line.creditCents).toBe(0);
        },
      ),
      { numRuns: 12, seed: 7 },
    );
    const whole = { from: '2017-12-01', to: '2018-12-31' };
    const o = JSON.parse(
      (await fin.get(`/api/finance/overview?from=${whole.from}&to=${whole.to}`)).body,
    ) as FinanceOverview;
    const j = await journal(t.db.kysely, t.config.timezone, whole);
    const posted = (entryType: string, account: string) =>
      j.lines
        .filter((l) => l.entryType === entryType && l.account === account)
        .reduce((sum, l) => sum + l.debitCents, 0);
    // Expense is debited for every payment that left (released, settled or returned); cash for every return.
    expect(posted('payment', '5100')).toBe(o.releasedCents + o.paidCents + o.returnedCents);
    expect(posted('return', '1010')).toBe(o.returnedCents);
    // The practice program's rows left too in the generated data, and the journal never carries them.
    const programs = new Set(j.lines.map((l) => l.programId));
    expect(programs.has(practiceId)).toBe(false);
    expect(programs.size).toBe(2);
    expect(o.paidCents * o.returnedCents * o.releasedCents).toBeGreaterThan(0);
  });
});
