import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { toZonedDate } from '@hms/contracts/business-days';
import type {
  SimulationChanges,
  SimulationResult,
  SimulationStart,
} from '@hms/contracts/simulations';
import { useTestApp, type Agent } from '../../testing/test-app.ts';
import { resolveEncryptionKey } from '../../platform/crypto-key.ts';
import { startOfZonedDay } from '@hms/contracts/business-days';
import { seedDemo } from '../../seed.ts';

/**
 * Policy simulation (issue 14 part 3) over the demo history: six months of requests decided, paid and returned
 * through the services (seed-history.ts), so the rows are what real work writes.
 */
const t = useTestApp();
let admin: Agent;
let today: string;
const PROGRAMS = [
  'home-energy-rebate',
  'heat-pump-bonus',
  'permit-fee-refund',
  'small-business-relief',
] as const;

/** The first and last day of the month `back` months before this one. */
function monthBefore(back: number) {
  const d = new Date(`${today.slice(0, 7)}-15T12:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() - back);
  const first = d.toISOString().slice(0, 8) + '01';
  d.setUTCMonth(d.getUTCMonth() + 1, 0);
  return { from: first, to: d.toISOString().slice(0, 10) };
}
const sixMonths = () => ({ from: monthBefore(6).from, to: today });

async function simulate(agent: Agent, body: object) {
  return agent.post('/api/simulations', body);
}

async function run(
  program: string,
  period: { from: string; to: string },
  changes: SimulationChanges = {},
): Promise<SimulationResult> {
  const res = await simulate(admin, { program, ...period, changes });
  expect(res.statusCode, res.body).toBe(200);
  expect(res.headers['cache-control']).toBe('no-store');
  return JSON.parse(res.body) as SimulationResult;
}

/** The requests of a program submitted in a period, read straight from the rows (the test's own count). */
async function submittedIn(program: string, period: { from: string; to: string }) {
  const tz = t.config.timezone;
  const { rows } = await sql<{
    amount: string;
    language: 'en' | 'es';
    answers: Record<string, unknown>;
  }>`
    select r.amount_requested_cents as amount, u.language, r.answers
    from requests r join users u on u.id = r.applicant_id join programs p on p.id = r.program_id
    where p.slug = ${program} and r.status <> 'draft'
      and r.submitted_at >= ${startOfZonedDay(period.from, tz)}
      and r.submitted_at < ${startOfZonedDay(period.to, tz, 1)}
  `.execute(t.db.kysely);
  return rows.map((r) => ({ amount: Number(r.amount), language: r.language, answers: r.answers }));
}

beforeAll(async () => {
  const tz = t.config.timezone;
  await seedDemo(t.db.kysely, {
    timeZone: tz,
    encryptionKey: resolveEncryptionKey(t.config),
    config: t.config,
  });
  today = toZonedDate(new Date(), tz);
  admin = await t.signIn('admin');
}, 240_000);

describe('fidelity: a simulation with no change is what happened', () => {
  it('reproduces the finance overview of every program, month by month and over six months', async () => {
    const fin = await t.signIn('finance');
    const periods = [1, 2, 3, 4, 5].map(monthBefore).concat([sixMonths()]);
    let approvals = 0;
    for (const program of PROGRAMS) {
      for (const period of periods) {
        const sim = await run(program, period);
        const res = await fin.get(
          `/api/finance/overview?program=${program}&from=${period.from}&to=${period.to}`,
        );
        expect(res.statusCode, res.body).toBe(200);
        const o = JSON.parse(res.body);
        const label = `${program} ${period.from}..${period.to}`;
        const money = {
          requestedCents: o.requestedCents,
          requestedCount: o.requestedCount,
          approvedCents: o.approvedCents,
          approvedCount: o.approvedCount,
          paidCents: o.paidCents,
          paidCount: o.paidCount,
          daysToDecision: o.daysToDecision,
        };
        expect(sim.baseline, label).toMatchObject(money);
        // The scenario without a change is the baseline, figure for figure, and nobody changes side.
        const { newlyQualifying, noLongerQualifying, ...figures } = sim.scenario;
        expect(figures, label).toEqual(sim.baseline);
        expect(newlyQualifying.count + noLongerQualifying.count, label).toBe(0);
        expect(sim.baseline.eligibleCount, label).toBe(o.requestedCount);
        approvals += sim.baseline.approvedCount;
      }
    }
    // The history is not empty: the comparison above compared real figures.
    expect(approvals).toBeGreaterThan(50);
  });

  it('counts the people’s reviews, second approvals and their measured hours', async () => {
    const sim = await run('small-business-relief', sixMonths());
    expect(sim.baseline.humanReviewCount).toBeGreaterThan(0);
    // The grant's larger amounts go above its threshold: some approvals had a senior's second approval.
    expect(sim.baseline.secondApprovalCount).toBeGreaterThan(0);
    expect(sim.baseline.reviewerHours).toBeGreaterThan(0);
  });
});

describe('each change moves its figures', () => {
  it('a lower maximum: fewer eligible, and those no longer qualifying counted by language and amount band', async () => {
    const period = sixMonths();
    const rows = await submittedIn('home-energy-rebate', period);
    const max = 100_000;
    const over = rows.filter((r) => r.amount > max);
    expect(over.length).toBeGreaterThan(0);
    const sim = await run('home-energy-rebate', period, { maxAmountCents: max });
    expect(sim.scenario.eligibleCount).toBe(sim.baseline.eligibleCount - over.length);
    const gone = sim.scenario.noLongerQualifying;
    expect(gone.count).toBe(over.length);
    expect(gone.cents).toBe(over.reduce((s, r) => s + r.amount, 0));
    expect(gone.byLanguage).toEqual([
      { language: 'en', count: over.filter((r) => r.language === 'en').length },
      { language: 'es', count: over.filter((r) => r.language === 'es').length },
    ]);
    // Every refused amount is above $1,000: all of them in the $1,000 to $5,000 band.
    expect(gone.byAmountBand.map((b) => b.count)).toEqual([0, 0, over.length, 0, 0]);
    expect(sim.scenario.newlyQualifying.count).toBe(0);
    expect(sim.scenario.approvedCount).toBeLessThan(sim.baseline.approvedCount);
    expect(sim.scenario.approvedCents).toBeLessThan(sim.baseline.approvedCents);
    expect(sim.scenario.humanReviewCount).toBeLessThan(sim.baseline.humanReviewCount);
    expect(sim.scenario.paidCents).toBeLessThanOrEqual(sim.baseline.paidCents);
  });

  it('a stricter eligibility rule: intake’s evaluation over the stored answers', async () => {
    const period = sixMonths();
    const rows = await submittedIn('home-energy-rebate', period);
    const failing = rows.filter((r) => Number(r.answers.householdIncome) > 6_000_000);
    expect(failing.length).toBeGreaterThan(0);
    const sim = await run('home-energy-rebate', period, {
      eligibilityRules: [
        {
          questionId: 'householdIncome',
          op: 'lte',
          value: 6_000_000,
          reason: { en: 'Income $60,000 or less.', es: 'Ingresos de $60,000 o menos.' },
        },
      ],
    });
    expect(sim.scenario.noLongerQualifying.count).toBe(failing.length);
    expect(sim.scenario.eligibleCount).toBe(rows.length - failing.length);
  });

  it('a lower budget: the day it runs out, and fewer approvals after it', async () => {
    const period = sixMonths();
    const base = await run('permit-fee-refund', period);
    expect(base.baseline.budgetRunOutDate).toBeNull();
    const budget = base.baseline.committedBeforeCents + Math.floor(base.baseline.approvedCents / 2);
    const sim = await run('permit-fee-refund', period, { budgetCents: budget });
    expect(sim.scenario.budgetRunOutDate).not.toBeNull();
    expect(sim.scenario.budgetRunOutDate! >= period.from).toBe(true);
    expect(sim.scenario.budgetRunOutDate! <= period.to).toBe(true);
    expect(sim.scenario.budgetCents).toBe(budget);
    expect(sim.scenario.overBudgetCount).toBeGreaterThan(0);
    expect(sim.scenario.approvedCount).toBeLessThan(sim.baseline.approvedCount);
    // What the scenario still approves fits the budget it was given.
    expect(sim.scenario.approvedCents).toBeLessThanOrEqual(budget);
    expect(sim.scenario.paidCents).toBeLessThan(sim.baseline.paidCents);
    // The eligibility of the refused ones did not change: they are over budget, not ineligible.
    expect(sim.scenario.eligibleCount).toBe(sim.baseline.eligibleCount);
  });

  it('a lower approval threshold: more senior second approvals and more reviewer hours', async () => {
    const period = sixMonths();
    const sim = await run('home-energy-rebate', period, { approvalThresholdCents: 100_000 });
    expect(sim.baseline.secondApprovalCount).toBe(0);
    expect(sim.scenario.secondApprovalCount).toBeGreaterThan(0);
    expect(sim.scenario.reviewerHours).toBeGreaterThan(sim.baseline.reviewerHours);
    // The money does not change: the same requests are approved, later.
    expect(sim.scenario.eligibleCount).toBe(sim.baseline.eligibleCount);
  });

  it('a decision rule: the approvals it makes leave the people’s reviews, counted exactly', async () => {
    const period = sixMonths();
    const tz = t.config.timezone;
    // The test's own count: requests of the period approved in the end, for $1,000 or less (under the threshold),
    // whose applicant is not staff.
    const { rows } = await sql<{ n: string; reviewed: string }>`
      select count(*) as n,
        count(*) filter (where exists (select 1 from request_events e where e.request_id = r.id
          and e.actor_kind = 'user' and e.type in ('first_approval', 'approved', 'rejected'))) as reviewed
      from requests r join programs p on p.id = r.program_id
      where p.slug = 'home-energy-rebate' and r.status in ('approved', 'paid', 'payment_returned')
        and r.amount_requested_cents <= 100000
        and r.submitted_at >= ${startOfZonedDay(period.from, tz)}
        and r.submitted_at < ${startOfZonedDay(period.to, tz, 1)}
        and not exists (select 1 from user_roles ur where ur.user_id = r.applicant_id and ur.role <> 'citizen')
    `.execute(t.db.kysely);
    const expected = Number(rows[0]!.n);
    // Those a person decided (the demo's inbox rows were written approved, without a person's step).
    const reviewed = Number(rows[0]!.reviewed);
    expect(reviewed).toBeGreaterThan(0);
    const sim = await run('home-energy-rebate', period, {
      decisionRules: [
        {
          id: 'small',
          label: 'Small rebates',
          conditions: [{ on: 'amount', op: 'lte', value: 100_000 }],
          outcome: 'approve',
        },
      ],
    });
    expect(sim.baseline.automatedApprovalCount).toBe(0);
    expect(sim.scenario.automatedApprovalCount).toBe(expected);
    expect(sim.scenario.humanReviewCount).toBe(sim.baseline.humanReviewCount - reviewed);
    expect(sim.scenario.reviewerHours).toBeLessThan(sim.baseline.reviewerHours);
    expect(sim.scenario.daysToDecision.medianDays!).toBeLessThan(
      sim.baseline.daysToDecision.medianDays!,
    );
    // Nobody changes side: a rule decides how, not who qualifies.
    expect(sim.scenario.eligibleCount).toBe(sim.baseline.eligibleCount);
    // A rule that refers everything to a person changes nothing.
    const referred = await run('home-energy-rebate', period, {
      decisionRules: [{ id: 'all', label: 'Everyone', conditions: [], outcome: 'refer' }],
    });
    const { newlyQualifying, noLongerQualifying, ...same } = referred.scenario;
    expect(same).toEqual(referred.baseline);
    expect(newlyQualifying.count + noLongerQualifying.count).toBe(0);
  });

  it('a shorter review deadline: more decisions come after it', async () => {
    const sim = await run('home-energy-rebate', sixMonths(), { reviewDeadlineDays: 1 });
    expect(sim.scenario.decidedLateCount).toBeGreaterThan(sim.baseline.decidedLateCount);
  });

  it('answers well under a second for a program’s six months', async () => {
    const started = performance.now();
    await run('home-energy-rebate', sixMonths(), {
      maxAmountCents: 100_000,
      budgetCents: 1_000_000,
      approvalThresholdCents: 50_000,
      reviewDeadlineDays: 2,
      eligibilityRules: [],
    });
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe('who may run one, and what is refused', () => {
  it('admins, finance and finance supervisors run simulations; approvers and citizens do not', async () => {
    const body = { program: 'home-energy-rebate', ...monthBefore(1) };
    for (const who of ['finance', 'supervisor', 'admin'] as const)
      expect((await simulate(await t.signIn(who), body)).statusCode, who).toBe(200);
    for (const who of ['approver', 'senior', 'citizen'] as const)
      expect((await simulate(await t.signIn(who), body)).statusCode, who).toBe(403);
  });

  const fieldsOf = (body: string) =>
    (JSON.parse(body) as { errors?: Array<{ field: string }> }).errors?.map((e) => e.field);

  it('names the field of each mistake', async () => {
    const period = monthBefore(1);
    const cases: Array<[object, number, string, string]> = [
      [
        { program: 'home-energy-rebate', from: period.to, to: period.from },
        400,
        'validation.date_range_reversed',
        'body.to',
      ],
      [{ program: 'no-such-program', ...period }, 400, 'validation.failed', 'body.program'],
      [
        { program: 'home-energy-rebate', from: '2025-02-30', to: period.to },
        400,
        'validation.failed',
        'body.from',
      ],
      [
        { program: 'home-energy-rebate', from: '2020-01-01', to: today },
        400,
        'validation.failed',
        'body.to',
      ],
      [
        { program: 'home-energy-rebate', ...period, changes: { maxAmountCents: -5 } },
        400,
        'validation.failed',
        'body.changes.maxAmountCents',
      ],
      [
        { program: 'home-energy-rebate', ...period, changes: { reviewDeadlineDays: 0 } },
        400,
        'validation.failed',
        'body.changes.reviewDeadlineDays',
      ],
      [
        { program: 'home-energy-rebate', ...period, changes: { cap: 1 } },
        400,
        'validation.failed',
        'body.changes',
      ],
      [
        {
          program: 'home-energy-rebate',
          ...period,
          changes: {
            eligibilityRules: [
              { questionId: 'employees', op: 'lt', value: 5, reason: { en: 'x', es: 'x' } },
            ],
          },
        },
        400,
        'validation.failed',
        'body.changes.eligibilityRules.0.questionId',
      ],
      [
        {
          program: 'home-energy-rebate',
          ...period,
          changes: {
            decisionRules: [{ id: 'r1', label: 'No', conditions: [], outcome: 'reject' }],
          },
        },
        400,
        'validation.failed',
        'body.changes.decisionRules.0.outcome',
      ],
      [
        {
          program: 'home-energy-rebate',
          ...period,
          changes: {
            decisionRules: [
              { id: 'r1', label: 'Ok', conditions: [], outcome: 'refer' },
              {
                id: 'r2',
                label: 'Few staff',
                conditions: [
                  { on: 'amount', op: 'lte', value: 10_000 },
                  { on: 'answer', questionId: 'employees', op: 'lt', value: 5 },
                ],
                outcome: 'approve',
              },
            ],
          },
        },
        400,
        'validation.failed',
        'body.changes.decisionRules.1.conditions.1',
      ],
    ];
    for (const [body, status, code, field] of cases) {
      const res = await simulate(admin, body);
      expect(res.statusCode, res.body).toBe(status);
      expect(JSON.parse(res.body).code, res.body).toBe(code);
      expect(fieldsOf(res.body), res.body).toContain(field);
    }
  });
});

describe('what a scenario starts from', () => {
  it('gives the live parameters, eligibility rules, questions and decision rules to admins and finance', async () => {
    const { rows } = await sql<{
      definition: Record<string, unknown>;
      version: number;
      id: string;
    }>`
      select id, version, definition from programs where slug = 'home-energy-rebate'
    `.execute(t.db.kysely);
    const program = rows[0]!;
    const { rows: live } = await sql<{ version: number }>`
      select version from decision_rule_versions where program_id = ${program.id} and status = 'live'
    `.execute(t.db.kysely);
    for (const who of ['admin', 'finance', 'supervisor'] as const) {
      const res = await (await t.signIn(who)).get('/api/simulations/programs/home-energy-rebate');
      expect(res.statusCode, res.body).toBe(200);
      const start = JSON.parse(res.body) as SimulationStart;
      expect(start.version).toBe(program.version);
      expect(start.eligibilityRules).toEqual(program.definition.eligibilityRules);
      expect(start.questionSet).toEqual(program.definition.questionSet);
      expect(start.maxAmountCents).toBe(program.definition.maxAmountCents);
      expect(start.decisionRules?.version ?? null).toBe(live[0]?.version ?? null);
    }
    for (const who of ['approver', 'citizen'] as const)
      expect(
        (await (await t.signIn(who)).get('/api/simulations/programs/home-energy-rebate'))
          .statusCode,
      ).toBe(403);
    const missing = await admin.get('/api/simulations/programs/no-such-program');
    expect(missing.statusCode).toBe(404);
    expect(JSON.parse(missing.body).code).toBe('program.not_found');
  });
});

describe('request_replay_facts, kept by triggers', () => {
  it('equal a recount from the rows after the demo history and after a change, a removal and a language change', async () => {
    const db = t.db.kysely;
    type Facts = Array<Record<string, unknown>>;
    const kept = async (q: typeof db) =>
      (
        await sql<
          Record<string, unknown>
        >`select * from request_replay_facts order by request_id`.execute(q)
      ).rows;
    const recounted = async (q: typeof db) => {
      await sql`select request_replay_facts_recount()`.execute(q);
      return kept(q);
    };
    // The demo history was written through the services (submissions, claims, decisions, payments, returns).
    const made: Facts = await kept(db);
    expect(made.filter((f) => f.claimed_at !== null).length).toBeGreaterThan(10);
    expect(made.filter((f) => f.first_approval_at !== null).length).toBeGreaterThan(0);
    expect(made.filter((f) => f.settled_at !== null).length).toBeGreaterThan(0);
    expect(made).toEqual(await recounted(db));
    // Writes no service makes today (events and decisions are only appended) are followed too; rolled back after.
    const undo = new Error('roll back');
    await expect(
      db.transaction().execute(async (trx) => {
        const { rows } = await sql<{ request_id: string; applicant_id: string }>`
          select e.request_id, r.applicant_id from request_events e join requests r on r.id = e.request_id
          where e.type = 'claimed' order by e.created_at limit 1`.execute(trx);
        const claimed = rows[0]!;
        await sql`delete from notifications where event_id in (select id from request_events
          where request_id = ${claimed.request_id})`.execute(trx);
        await sql`delete from request_events where request_id = ${claimed.request_id}
          and type in ('claimed', 'first_approval', 'approved', 'rejected')`.execute(trx);
        await sql`update users set language = case language when 'en' then 'es' else 'en' end
          where id = ${claimed.applicant_id}`.execute(trx);
        await sql`update requests set risk_level = 'high' where id = ${claimed.request_id}`.execute(
          trx,
        );
        // A settled payment that comes back leaves its request with no settled payment (0384).
        await sql`update payments set status = 'returned', returned_at = now()
          where id = (select id from payments where status = 'settled' order by id limit 1)`.execute(
          trx,
        );
        const changed = await kept(trx);
        expect(changed).not.toEqual(made);
        expect(changed).toEqual(await recounted(trx));
        throw undo;
      }),
    ).rejects.toBe(undo);
  });
});
