import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { startOfZonedDay, toZonedDate } from '@hms/contracts/business-days';
import { useTestApp } from '../../testing/test-app.ts';
import { insertFinanceRow, readFigures, type Row } from '../finance/finance.fixture.ts';
import { createPracticeCopy } from '../programs/service.ts';
import { recountCommitted } from '../programs/repo.ts';
import { uuidv7 } from '../../platform/db/ids.ts';
import { projectRunOut } from './service.ts';
import { refusedField } from '../../testing/refusals.ts';

/**
 * Budgets on three hand-made programs (copies of a seeded one with their own slug and budget), with requests dated
 * relative to today so the last 30 days' rate is known. Every figure below is worked out by hand beside the rows.
 */
const t = useTestApp();
const fin = t.signedIn('finance');
let today: string;

/** Noon, `n` agency days before today (n = 0: today). */
const daysAgo = (n: number) =>
  new Date(startOfZonedDay(today, t.config.timezone, -n).getTime() + 12 * 3600_000).toISOString();

async function insertProgram(slug: string, budgetCents: number): Promise<string> {
  const id = uuidv7();
  await sql`
    insert into programs (id, slug, name_en, name_es, description_en, description_es, eligibility_en, eligibility_es,
      sec_code, max_amount_cents, budget_cents, approval_threshold_cents, review_deadline_days, requires_prenote,
      opens_at, closes_at, definition, practice)
    select ${id}::uuid, ${slug}, ${`Budget ${slug}`}, ${`Presupuesto ${slug}`}, description_en, description_es,
      eligibility_en, eligibility_es, sec_code, max_amount_cents, ${budgetCents}, approval_threshold_cents,
      review_deadline_days, requires_prenote, null, null, definition, false
    from programs where id = ${t.programId('home-energy-rebate')}::uuid
  `.execute(t.db.kysely);
  return id;
}

let alpha: string;
let beta: string;
let practiceSlug: string;

beforeAll(async () => {
  today = toZonedDate(new Date(), t.config.timezone);
  alpha = await insertProgram('budget-alpha', 1000_00);
  beta = await insertProgram('budget-beta', 100_00);
  const gamma = await insertProgram('budget-gamma', 10_000_00);
  const practice = await t.db.kysely.transaction().execute((trx) => createPracticeCopy(trx, alpha));
  practiceSlug = practice!.slug;
  const rows: Row[] = [
    // alpha: paid at the approved 250 (asked 300), long ago.
    {
      ref: 'BUD-A1',
      program: alpha,
      status: 'paid',
      requested: 300_00,
      approved: 250_00,
      submittedAt: daysAgo(100),
    },
    // alpha: approved 200, payment not settled: obligated; submitted 10 days ago (recent).
    {
      ref: 'BUD-A2',
      program: alpha,
      status: 'approved',
      requested: 200_00,
      approved: 200_00,
      submittedAt: daysAgo(10),
    },
    // alpha: payment returned, waiting to be sent again: obligated 40 (approved, not the 50 asked).
    {
      ref: 'BUD-A3',
      program: alpha,
      status: 'payment_returned',
      requested: 50_00,
      approved: 40_00,
      submittedAt: daysAgo(60),
    },
    // alpha: in review, 150 asked 5 days ago: awaiting a decision, recent.
    {
      ref: 'BUD-A4',
      program: alpha,
      status: 'in_review',
      requested: 150_00,
      submittedAt: daysAgo(5),
    },
    // alpha: rejected and draft: never committed, even when recent.
    {
      ref: 'BUD-A5',
      program: alpha,
      status: 'rejected',
      requested: 500_00,
      submittedAt: daysAgo(3),
    },
    { ref: 'BUD-A6', program: alpha, status: 'draft', requested: 999_00 },
    // alpha: first approval of 90 (asked 100), waiting for the second: awaiting a decision at 90.
    {
      ref: 'BUD-A7',
      program: alpha,
      status: 'awaiting_second_approval',
      requested: 100_00,
      approved: 90_00,
      submittedAt: daysAgo(40),
    },
    // alpha: 29 days ago is the first day of the 30-day window; 30 days ago is outside it.
    {
      ref: 'BUD-A8',
      program: alpha,
      status: 'submitted',
      requested: 20_00,
      submittedAt: daysAgo(29),
    },
    {
      ref: 'BUD-A9',
      program: alpha,
      status: 'needs_info',
      requested: 10_00,
      submittedAt: daysAgo(30),
    },
    // beta (budget 100): paid 80 long ago + approved 50 two days ago = 130 committed: 30 over.
    {
      ref: 'BUD-B1',
      program: beta,
      status: 'paid',
      requested: 80_00,
      approved: 80_00,
      submittedAt: daysAgo(200),
    },
    {
      ref: 'BUD-B2',
      program: beta,
      status: 'approved',
      requested: 50_00,
      approved: 50_00,
      submittedAt: daysAgo(2),
    },
    // gamma (budget 10,000): 100 paid long ago, 1.00 yesterday: it would last 296,970 days, past the horizon.
    {
      ref: 'BUD-G1',
      program: gamma,
      status: 'paid',
      requested: 100_00,
      approved: 100_00,
      submittedAt: daysAgo(100),
    },
    {
      ref: 'BUD-G2',
      program: gamma,
      status: 'submitted',
      requested: 1_00,
      submittedAt: daysAgo(1),
    },
    // A practice copy of alpha with money in it: training data, never listed.
    {
      ref: 'BUD-P1',
      program: practice!.id,
      status: 'paid',
      requested: 700_00,
      approved: 700_00,
      submittedAt: daysAgo(3),
    },
  ];
  for (const row of rows) await insertFinanceRow(t.db.kysely, t.config, t.citizenId, row);
});

const plusDays = (n: number) =>
  toZonedDate(startOfZonedDay(today, t.config.timezone, n), t.config.timezone);

describe('GET /api/finance/budgets', () => {
  it('splits one program’s committed money and projects its run-out, as worked out by hand', async () => {
    const b = await readFigures(fin, '/api/finance/budgets?program=budget-alpha');
    expect(b.program).toBe('budget-alpha');
    expect(b.asOf).toBe(today);
    expect(b.programs).toEqual([
      {
        program: 'budget-alpha',
        name: { en: 'Budget budget-alpha', es: 'Presupuesto budget-alpha' },
        budgetCents: 1000_00,
        // A1 250 + A2 200 + A3 40 + A4 150 + A7 90 + A8 20 + A9 10.
        committedCents: 760_00,
        // A4 150 + A7 90 + A8 20 + A9 10.
        awaitingDecisionCents: 270_00,
        // A2 200 + A3 40.
        obligatedCents: 240_00,
        // A1 at its approved 250.
        paidCents: 250_00,
        remainingCents: 240_00,
        // A2 200 + A4 150 + A8 20 (A9 is 30 days ago, A5 rejected).
        committedLast30DaysCents: 370_00,
        overBudget: false,
        // 370 per 30 days: 240 × 30 ÷ 370 = 19.46, so the 20th day from today.
        projectedRunOut: plusDays(20),
      },
    ]);
    expect(b.totals).toMatchObject({
      budgetCents: 1000_00,
      paidCents: 250_00,
      remainingCents: 240_00,
    });
    // The kept committed sum (what intake closes the program on) equals a recount from the requests.
    expect(await recountCommitted(t.db.kysely, alpha)).toBe(760_00);
  });

  it('flags a program over its budget, gives no run-out past the horizon, and leaves practice programs out', async () => {
    const b = await readFigures(fin, '/api/finance/budgets');
    const bySlug = new Map(b.programs.map((p: { program: string }) => [p.program, p]));
    expect(bySlug.get('budget-beta')).toMatchObject({
      budgetCents: 100_00,
      committedCents: 130_00,
      obligatedCents: 50_00,
      paidCents: 80_00,
      awaitingDecisionCents: 0,
      remainingCents: -30_00,
      committedLast30DaysCents: 50_00,
      overBudget: true,
      projectedRunOut: null,
    });
    expect(bySlug.get('budget-gamma')).toMatchObject({
      committedCents: 101_00,
      remainingCents: 9899_00,
      committedLast30DaysCents: 1_00,
      overBudget: false,
      projectedRunOut: null,
    });
    expect(bySlug.has('budget-alpha')).toBe(true);
    expect(bySlug.has(practiceSlug)).toBe(false);
    const asked = await fin.get(`/api/finance/budgets?program=${practiceSlug}`);
    expect(asked.statusCode, asked.body).toBe(200);
    expect(JSON.parse(asked.body).programs).toEqual([]);
    // The totals are the sums of the programs listed.
    for (const k of [
      'budgetCents',
      'committedCents',
      'obligatedCents',
      'paidCents',
      'remainingCents',
    ] as const) {
      expect(b.totals[k], k).toBe(
        b.programs.reduce((acc: number, p: Record<string, number>) => acc + p[k]!, 0),
      );
    }
    expect(await recountCommitted(t.db.kysely, beta)).toBe(130_00);
  });

  it('names the field and the fix for a bad filter, and is for finance only', async () => {
    expect(refusedField(await fin.get('/api/finance/budgets?program=no-such-program'))).toBe(
      'query.program',
    );
    expect(refusedField(await fin.get('/api/finance/budgets?program=Not%20A%20Slug'))).toContain(
      'program',
    );
    const supervisor = await t.signIn('supervisor');
    expect((await supervisor.get('/api/finance/budgets')).statusCode).toBe(200);
    const approver = await t.signIn('approver');
    expect((await approver.get('/api/finance/budgets')).statusCode).toBe(403);
  });
});

describe('projectRunOut', () => {
  it('counts whole days until the balance is spent, within a two-year horizon', () => {
    const tz = 'America/New_York';
    // 100 a day: 300 left lasts exactly 3 days; 301 needs part of a 4th.
    expect(projectRunOut('2026-03-06', tz, 300_00, 3000_00)).toBe('2026-03-09');
    expect(projectRunOut('2026-03-06', tz, 301_00, 3000_00)).toBe('2026-03-10');
    // Across the change to summer time (8 March) a day is still a calendar day.
    expect(projectRunOut('2026-03-07', tz, 100_00, 3000_00)).toBe('2026-03-08');
    // 730 days is the last day shown; 731 is past the horizon.
    expect(projectRunOut('2026-01-01', tz, 730, 30)).toBe('2028-01-01');
    expect(projectRunOut('2026-01-01', tz, 731, 30)).toBeNull();
    expect(projectRunOut('2026-01-01', tz, 100, 0)).toBeNull();
    expect(projectRunOut('2026-01-01', tz, 0, 100)).toBeNull();
  });
});
