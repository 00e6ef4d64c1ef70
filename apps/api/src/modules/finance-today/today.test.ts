import { beforeAll, describe, expect, it } from 'vitest';
import type { FinanceToday } from '@hms/contracts/finance-today';
import { seedUsersAndPrograms } from '../../seed.ts';
import { programIdBySlug, useTestApp, userIdByEmail, type Agent } from '../../testing/test-app.ts';
import { uuidv7 } from '../../platform/db/ids.ts';
import { createPracticeCopy } from '../programs/service.ts';
import { insertBatch, insertNoc, insertPayment } from './finance-today.fixture.ts';
import { insertDeliveries } from '../../testing/webhook-deliveries.ts';
import { readFigures } from '../finance/finance.fixture.ts';
import { achWindows, zonedInstant } from './service.ts';

/**
 * The Today figures on a small hand-made data set (no demo payments: only the users and programs are seeded), in
 * America/New_York. Every expected figure is worked out by hand from the rows, in the comments beside them.
 */
const t = useTestApp({}, { seed: false });
let fin: Agent;
let sup: Agent;

beforeAll(async () => {
  const db = t.db.kysely;
  await seedUsersAndPrograms(db, { timeZone: t.config.timezone });
  fin = await t.signIn('finance');
  sup = await t.signIn('supervisor');
  const citizen = await userIdByEmail(db, 'citizen@example.gov');
  const finance = await userIdByEmail(db, 'finance@example.gov');
  const supervisor = await userIdByEmail(db, 'supervisor@example.gov');
  const rebate = await programIdBySlug(db, 'home-energy-rebate');
  const refund = await programIdBySlug(db, 'permit-fee-refund');
  const practice = (await db.transaction().execute((trx) => createPracticeCopy(trx, rebate)))!.id;
  const pay = (
    ref: string,
    program: string,
    status: Parameters<typeof insertPayment>[2]['status'],
    cents: number,
    createdAt: string,
    extra: { replaces?: string; prenoteReadyOn?: string } = {},
  ) =>
    insertPayment(db, t.config, {
      ref,
      program,
      applicant: citizen,
      status,
      cents,
      createdAt,
      ...extra,
      // A return came back from a released batch; practice money never leaves (the batch builder refuses it).
      ...(status === 'returned' && program !== practice
        ? { achTrail: { builtBy: finance, releasedBy: supervisor } }
        : {}),
    }).then((p) => ({ ...p, cents }));

  // Waiting to be batched: T1, T2, T5, T8 (below) = 100.00 + 25.50 + 40.00 + 30.00 = 195.50, four payments.
  await pay('TOD-T1', rebate, 'pending', 100_00, '2019-05-02T15:00:00Z');
  // The oldest: 1 May 03:30 UTC is 30 April 23:30 in New York, so its agency day is 2019-04-30.
  await pay('TOD-T2', refund, 'pending', 25_50, '2019-05-01T03:30:00Z');
  // Practice (training data): older and larger, never counted anywhere.
  const practicePending = await pay('TOD-T3', practice, 'pending', 999_99, '2019-04-01T15:00:00Z');
  await pay('TOD-T3R', practice, 'returned', 500_00, '2019-04-01T15:00:00Z');
  // Held, prenote in flight: 60.00, ready long after today (so it does not mature while the test runs).
  await pay('TOD-T4', rebate, 'prenote_sent', 60_00, '2019-05-03T15:00:00Z', {
    prenoteReadyOn: '2099-01-05',
  });
  // Waiting to be batched, and held as "account changed": the bank sent a change notice still pending for its account.
  const changed = await pay('TOD-T5', rebate, 'pending', 40_00, '2019-05-03T16:00:00Z');
  // A return to work (not replaced): 70.00.
  await pay('TOD-T6', rebate, 'returned', 70_00, '2019-05-04T15:00:00Z');
  // A return already worked: T8 replaces it (T8 waits to be batched, 30.00).
  const worked = await pay('TOD-T7', rebate, 'returned', 30_00, '2019-05-04T16:00:00Z');
  await pay('TOD-T8', rebate, 'pending', 30_00, '2019-05-05T15:00:00Z', {
    replaces: worked.paymentId,
  });

  // Batches waiting for release: 45.00 + 12.00 + 8.00 = 65.00, three; a released one does not wait.
  const b1 = await insertBatch(db, {
    status: 'built',
    builtBy: supervisor,
    payments: [await pay('TOD-B1', rebate, 'batched', 45_00, '2019-05-06T15:00:00Z')],
  });
  await insertBatch(db, {
    status: 'built',
    builtBy: finance,
    payments: [await pay('TOD-B2', refund, 'batched', 12_00, '2019-05-06T15:00:00Z')],
  });
  // Built by finance, but the supervisor approved its request: they may not release it either.
  const approvedBySupervisor = await pay('TOD-B3', rebate, 'batched', 8_00, '2019-05-06T15:00:00Z');
  await db
    .insertInto('decisions')
    .values({
      id: uuidv7(),
      request_id: approvedBySupervisor.requestId,
      kind: 'approve',
      actor_id: supervisor,
      at_version: 1,
      from_status: 'in_review',
      to_status: 'approved',
      approved_amount_cents: 8_00,
      reason_code: null,
      message: null,
      payment_id: approvedBySupervisor.paymentId,
    })
    .execute();
  await insertBatch(db, { status: 'built', builtBy: finance, payments: [approvedBySupervisor] });
  await insertBatch(db, {
    status: 'released',
    builtBy: finance,
    payments: [await pay('TOD-B4', rebate, 'released', 9_00, '2019-05-06T15:00:00Z')],
  });

  // Notifications of change: one pending (counted), one applied (worked), one pending on a practice payment (never).
  await insertNoc(db, finance, {
    entryId: b1.entries[0]!,
    changeCode: 'C01',
    payment: changed,
    status: 'pending',
  });
  await insertNoc(db, finance, {
    entryId: b1.entries[0]!,
    changeCode: 'C02',
    payment: changed,
    status: 'applied',
  });
  await insertNoc(db, finance, {
    entryId: b1.entries[0]!,
    changeCode: 'C03',
    payment: practicePending,
    status: 'pending',
  });

  // Webhook deliveries: two being retried, one dead, one delivered and one on its first try (neither failing).
  await insertDeliveries(db, finance, ['failed', 'dead', 'delivered', 'failed', 'pending']);
});

const today = async (agent: Agent): Promise<FinanceToday> =>
  readFigures(agent, '/api/finance/today');

describe('GET /api/finance/today', () => {
  it('counts the work waiting, each figure with the list behind it; practice never counts', async () => {
    const before = Date.now();
    const d = await today(fin);
    expect(d.waitingToBatch).toEqual({
      count: 4,
      cents: 195_50,
      oldestCreatedAt: '2019-05-01T03:30:00.000Z',
      oldestCreatedOn: '2019-04-30',
      link: '/finance/payments',
    });
    expect(d.held).toEqual({
      prenoteInFlight: { count: 1, cents: 60_00, link: '/finance/payments?status=prenote_sent' },
      accountChanged: { count: 1, cents: 40_00, link: '/finance/returns' },
    });
    expect(d.returnsToWork).toEqual({
      count: 1,
      cents: 70_00,
      link: '/finance/reconciliation/exceptions?reason=return_not_reissued',
    });
    expect(d.nocsToDecide).toEqual({ count: 1, link: '/finance/returns' });
    expect(d.webhooksFailing).toEqual({ count: 2, link: '/finance/integration?status=failed' });
    expect(d.webhooksDead).toEqual({ count: 1, link: '/finance/integration?status=dead' });
    expect(d.timeZone).toBe('America/New_York');
    expect(d.sameDayCutoff).toBe('14:45');
    expect(Date.parse(d.computedAt)).toBeGreaterThanOrEqual(before);
    // Both windows are ahead of the moment they were computed for.
    expect(Date.parse(d.cutoffs.sameDay.closesAt)).toBeGreaterThan(before);
    expect(Date.parse(d.cutoffs.nextDay.closesAt)).toBeGreaterThan(before);
  });

  it('waits for a finance user (who may release none) and for the supervisor only on the batch they did not build or approve', async () => {
    // Three built batches, 65.00. finance may release none (not a supervisor).
    expect((await today(fin)).waitingForRelease).toEqual({
      count: 3,
      cents: 65_00,
      releasableByYou: 0,
      link: '/finance/batches?status=built',
    });
    // The supervisor built B1 (dual control) and approved B3's request: B2 alone is theirs to release.
    expect((await today(sup)).waitingForRelease).toMatchObject({
      count: 3,
      cents: 65_00,
      releasableByYou: 1,
    });
  });

  it('is for finance staff only', async () => {
    const approver = await t.signIn('approver');
    expect((await approver.get('/api/finance/today')).statusCode).toBe(403);
  });
});

describe('ACH windows in the agency time zone (cut-off 14:45, America/New_York)', () => {
  const NY = 'America/New_York';
  const at = (iso: string) => achWindows(new Date(iso), NY, '14:45');

  it('a minute before the cut-off on a business day: same day closes today at 14:45, next day is tomorrow', () => {
    // Wednesday 4 December 2024, 14:44 in New York (EST, UTC−5) = 19:44Z.
    expect(at('2024-12-04T19:44:00Z')).toEqual({
      sameDay: { closesAt: '2024-12-04T19:45:00.000Z', effectiveDate: '2024-12-04' },
      nextDay: { closesAt: '2024-12-05T05:00:00.000Z', effectiveDate: '2024-12-05' },
    });
  });

  it('at the cut-off itself the same-day window has closed: it moves to the next business day', () => {
    expect(at('2024-12-04T19:45:00Z')).toEqual({
      sameDay: { closesAt: '2024-12-05T19:45:00.000Z', effectiveDate: '2024-12-05' },
      nextDay: { closesAt: '2024-12-05T05:00:00.000Z', effectiveDate: '2024-12-05' },
    });
  });

  it('after the cut-off on a Friday, and all weekend, both windows are on Monday', () => {
    const monday = {
      sameDay: { closesAt: '2024-12-09T19:45:00.000Z', effectiveDate: '2024-12-09' },
      nextDay: { closesAt: '2024-12-09T05:00:00.000Z', effectiveDate: '2024-12-09' },
    };
    expect(at('2024-12-06T20:00:00Z')).toEqual(monday); // Friday 15:00
    expect(at('2024-12-07T15:00:00Z')).toEqual(monday); // Saturday 10:00
    // Sunday 23:30 in New York is already Monday 04:30Z: still Sunday in the agency's zone.
    expect(at('2024-12-09T04:30:00Z')).toEqual(monday);
  });

  it('skips a Federal Reserve holiday: Thanksgiving (28 Nov 2024) is not a business day', () => {
    // Wednesday 27 November, 16:00 in New York: past the cut-off; Thursday is Thanksgiving, so Friday.
    expect(at('2024-11-27T21:00:00Z')).toEqual({
      sameDay: { closesAt: '2024-11-29T19:45:00.000Z', effectiveDate: '2024-11-29' },
      nextDay: { closesAt: '2024-11-29T05:00:00.000Z', effectiveDate: '2024-11-29' },
    });
  });

  it('reads the wall clock on the days the clocks change', () => {
    // 10 March 2024 (spring forward, a Sunday) and 3 November 2024 (fall back): 14:45 EDT = 18:45Z, EST = 19:45Z.
    expect(zonedInstant('2024-03-10', '14:45', NY).toISOString()).toBe('2024-03-10T18:45:00.000Z');
    expect(zonedInstant('2024-11-03', '14:45', NY).toISOString()).toBe('2024-11-03T19:45:00.000Z');
    // Monday 11 March 2024 before the cut-off (EDT now): closes 18:45Z.
    expect(at('2024-03-11T14:00:00Z').sameDay.closesAt).toBe('2024-03-11T18:45:00.000Z');
  });
});
