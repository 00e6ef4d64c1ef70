import { beforeAll, describe, expect, it } from 'vitest';
import {
  addBusinessDays,
  businessDaysBetween,
  startOfZonedDay,
  toZonedDate,
} from '@hms/contracts/business-days';
import { MIN_HISTORY_SAMPLE, type RequestEstimate } from '@hms/contracts/estimates';
import type { RequestStatus } from '@hms/contracts/requests';
import { sql } from 'kysely';
import { resolveEncryptionKey } from '../../platform/crypto-key.ts';
import { useTestApp } from '../../testing/test-app.ts';
import { insertPaymentRow, insertRequestRow } from '../../testing/request-rows.ts';
import { insertPayeeAccount, insertRequest } from '../inbox/demo-rows.ts';
import { requestEstimates } from './request-estimates.ts';

// "When will I hear back?" through the API: the citizen's request page, "My requests" and the inbox carry the same
// estimate, computed from the rows at each read (so it moves as the queue ahead is decided), and none once closed.

const t = useTestApp();
const citizen = t.signedIn('citizen');
const approver = t.signedIn('approver');
const DAY = 86_400_000;
let mine: string;
const ahead: string[] = [];

/** An instant at noon in the agency's zone, `n` business days before today. */
function businessDaysAgo(n: number, hour = 12): Date {
  const tz = t.config.timezone;
  const day = addBusinessDays(toZonedDate(new Date(), tz), -n);
  return new Date(startOfZonedDay(day, tz).getTime() + hour * 3_600_000);
}

async function decided(programId: string, submittedAt: Date, decidedAt: Date) {
  return insertRequestRow(t.db.kysely, {
    reference: `HMS-HIST-${Math.random().toString(36).slice(2, 8).toUpperCase()}`,
    program_id: programId,
    applicant_id: t.citizenId,
    status: 'rejected',
    amount_requested_cents: 10_000,
    submitted_at: submittedAt,
    due_at: new Date(submittedAt.getTime() + 20 * DAY),
    decided_at: decidedAt,
    created_at: submittedAt,
  });
}

/** A bank account of the demo citizen's with this number. */
const citizenAccount = (account: string) =>
  insertPayeeAccount(t.db.kysely, {
    userId: t.citizenId,
    encryptionKey: resolveEncryptionKey(t.config),
    account,
  });

async function estimateOf(id: string): Promise<RequestEstimate | null> {
  const res = await citizen.get(`/api/requests/${id}`);
  expect(res.statusCode, res.body).toBe(200);
  return JSON.parse(res.body).estimate;
}

beforeAll(async () => {
  const program = t.programId('permit-fee-refund');
  // Six months of history: 40 requests each decided 4 business days after submission, two to twelve weeks ago…
  for (let i = 0; i < 40; i += 1) {
    const submitted = businessDaysAgo(10 + i);
    await decided(program, submitted, businessDaysAgo(6 + i));
  }
  // …and a slow recent pace: 4 decisions in the last 20 business days, none in the last week.
  for (const n of [8, 10, 12, 14])
    await decided(program, businessDaysAgo(n + 4), businessDaysAgo(n));
  // 12 requests waiting for a reviewer, submitted before the citizen's.
  for (let i = 0; i < 12; i += 1)
    ahead.push(
      await insertRequest(t.db.kysely, {
        applicantId: t.userId('approver'),
        programId: program,
        status: 'submitted',
        amountCents: 10_000,
        submittedAt: new Date(Date.now() - (20 - i) * 60_000),
      }),
    );
  mine = await insertRequest(t.db.kysely, {
    applicantId: t.citizenId,
    programId: program,
    status: 'submitted',
    amountCents: 10_000,
    submittedAt: new Date(),
  });
});

describe('the estimate of an open request', () => {
  it("is on the citizen's request, learned from the program's history and its queue", async () => {
    const estimate = await estimateOf(mine);
    expect(estimate).toMatchObject({
      paymentBy: null,
      decision: { source: 'history', share: 0.8, businessDays: 4 },
      payment: null,
    });
    expect(estimate!.decision!.sampleSize).toBeGreaterThanOrEqual(44);
    expect(estimate!.decision!.ahead).toBeGreaterThanOrEqual(12);
    const today = toZonedDate(new Date(), t.config.timezone);
    expect(estimate!.decisionBy! >= today).toBe(true);
    expect(Date.now() - Date.parse(estimate!.computedAt)).toBeLessThan(60_000);
  });

  it('is the same on "My requests" and on the inbox row the staff see', async () => {
    const estimate = await estimateOf(mine);
    const list = JSON.parse((await citizen.get('/api/requests/mine?limit=50')).body);
    const item = list.items.find((i: { id: string }) => i.id === mine);
    expect(item.estimate.decisionBy).toBe(estimate!.decisionBy);

    const inbox = JSON.parse(
      (await approver.get(`/api/inbox?programId=${t.programId('permit-fee-refund')}&limit=100`))
        .body,
    );
    const row = inbox.items.find((i: { id: string }) => i.id === mine);
    expect(row.estimate.decisionBy).toBe(estimate!.decisionBy);
    expect(row.estimate.decision.ahead).toBe(estimate!.decision!.ahead);
  });

  it('moves earlier when the requests ahead of it are decided', async () => {
    const before = await estimateOf(mine);
    await t.db.kysely
      .updateTable('requests')
      .set({ status: 'rejected', decided_at: new Date() })
      .where('id', 'in', ahead.slice(0, 10))
      .execute();
    const after = await estimateOf(mine);
    expect(after!.decision!.ahead).toBe(before!.decision!.ahead - 10);
    expect(after!.decisionBy! < before!.decisionBy!).toBe(true);
    expect(Date.parse(after!.computedAt)).toBeGreaterThanOrEqual(Date.parse(before!.computedAt));
  });

  it('shows the review deadline, and says so, for a program with too little history', async () => {
    const program = t.programId('small-business-relief');
    const tz = t.config.timezone;
    const since = startOfZonedDay(toZonedDate(new Date(Date.now() - 180 * DAY), tz), tz);
    const known = await t.db.kysely
      .selectFrom('requests')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('program_id', '=', program)
      .where('status', 'in', ['approved', 'paid', 'payment_returned', 'rejected'])
      .where('decided_at', '>=', since)
      .executeTakeFirstOrThrow();
    expect(Number(known.n)).toBeLessThan(MIN_HISTORY_SAMPLE);
    const dueAt = startOfZonedDay(addBusinessDays(toZonedDate(new Date(), tz), 15), tz, 1);
    const id = await insertRequest(t.db.kysely, {
      applicantId: t.citizenId,
      programId: program,
      status: 'submitted',
      amountCents: 10_000,
      dueAt,
    });
    const estimate = await estimateOf(id);
    expect(estimate).toMatchObject({
      decisionBy: addBusinessDays(toZonedDate(new Date(), tz), 15),
      decision: { source: 'deadline', businessDays: null },
    });
  });

  it('waits for the applicant while a question is open: no date until they answer', async () => {
    await t.db.kysely
      .updateTable('requests')
      .set({ status: 'needs_info' })
      .where('id', '=', mine)
      .execute();
    expect(await estimateOf(mine)).toMatchObject({
      decisionBy: null,
      decision: { source: 'waiting_for_applicant' },
    });
    await t.db.kysely
      .updateTable('requests')
      .set({ status: 'submitted' })
      .where('id', '=', mine)
      .execute();
  });
});

describe('after approval', () => {
  it('learns the bank date from how the agency’s payments moved: approval to effective date', async () => {
    const program = t.programId('permit-fee-refund');
    const account = await citizenAccount('987654321');
    const tz = t.config.timezone;
    // 35 past approvals whose money reached the bank 3 business days later.
    for (let i = 0; i < 35; i += 1) {
      const approvedAt = businessDaysAgo(10 + i);
      const rid = await decided(program, businessDaysAgo(12 + i), approvedAt);
      await insertPaymentRow(t.db.kysely, {
        request_id: rid,
        payee_account_id: account,
        amount_cents: 10_000,
        status: 'settled',
        created_at: approvedAt,
        effective_date: addBusinessDays(toZonedDate(approvedAt, tz), 3),
      });
    }
    const id = await insertRequest(t.db.kysely, {
      applicantId: t.citizenId,
      programId: program,
      status: 'approved',
      approvedAmountCents: 10_000,
      amountCents: 10_000,
      payeeAccountId: account,
    });
    await t.db.kysely
      .updateTable('requests')
      .set({ decided_at: new Date() })
      .where('id', '=', id)
      .execute();
    const estimate = await estimateOf(id);
    const today = toZonedDate(new Date(), tz);
    expect(estimate).toMatchObject({ payment: { source: 'history', businessDays: 3 } });
    expect(estimate!.payment!.sampleSize).toBeGreaterThanOrEqual(35);
    expect(businessDaysBetween(today, estimate!.paymentBy!)).toBe(3);
  });

  it("expects the money on its batch's effective date once a batch holds the payment", async () => {
    const program = t.programId('permit-fee-refund');
    const account = await citizenAccount('123456789');
    const id = await insertRequest(t.db.kysely, {
      applicantId: t.citizenId,
      programId: program,
      status: 'submitted',
      amountCents: 10_000,
      payeeAccountId: account,
    });
    await t.db.kysely
      .updateTable('requests')
      .set({ status: 'approved', approved_amount_cents: 10_000, decided_at: new Date() })
      .where('id', '=', id)
      .execute();
    await insertPaymentRow(t.db.kysely, {
      request_id: id,
      payee_account_id: account,
      amount_cents: 10_000,
      status: 'pending',
    });
    expect(await estimateOf(id)).toMatchObject({
      decisionBy: null,
      decision: null,
      payment: { source: 'history' },
    });

    const effective = addBusinessDays(toZonedDate(new Date(), t.config.timezone), 1);
    await t.db.kysely
      .updateTable('payments')
      .set({ status: 'released', effective_date: effective, released_at: new Date() })
      .where('request_id', '=', id)
      .execute();
    expect(await estimateOf(id)).toMatchObject({
      paymentBy: effective,
      payment: { source: 'batch' },
    });
  });
});

describe('a closed request', () => {
  it('has no estimate, nor has a draft', async () => {
    await t.db.kysely
      .updateTable('requests')
      .set({ status: 'rejected', decided_at: new Date() })
      .where('id', '=', mine)
      .execute();
    expect(await estimateOf(mine)).toBeNull();
    const inbox = JSON.parse(
      (await approver.get(`/api/inbox?programId=${t.programId('permit-fee-refund')}&limit=100`))
        .body,
    );
    expect(inbox.items.find((i: { id: string }) => i.id === mine)?.estimate ?? null).toBeNull();

    const draft = await insertRequest(t.db.kysely, {
      applicantId: t.citizenId,
      programId: t.programId('permit-fee-refund'),
      status: 'draft',
      amountCents: 10_000,
    });
    expect(await estimateOf(draft)).toBeNull();
  });
});

describe('the queue ahead of each request of a page', () => {
  it('counts, for every row, the waiting requests of its program submitted before it (ties in id order)', async () => {
    const refund = t.programId('permit-fee-refund');
    const relief = t.programId('small-business-relief');
    const base = Date.now() - 3 * 3_600_000;
    const at = (minutes: number) => new Date(base + minutes * 60_000);
    const row = (programId: string, status: RequestStatus, minutes: number, id?: string) =>
      insertRequest(t.db.kysely, {
        ...(id ? { id } : {}),
        applicantId: t.citizenId,
        programId,
        status,
        amountCents: 10_000,
        submittedAt: at(minutes),
        ...(status === 'awaiting_second_approval'
          ? { firstApproverId: t.userId('approver'), approvedAmountCents: 10_000 }
          : {}),
      });
    // Two programs' queues, with requests that hold no place in them (waiting on the applicant or a second
    // approver), three submitted at the same instant, and waiting requests after the page's last.
    const page = [
      await row(refund, 'submitted', 0),
      await row(refund, 'awaiting_second_approval', 1),
      await row(refund, 'in_review', 2),
      await row(refund, 'submitted', 3, '01900000-0000-7000-8000-00000000000b'),
      await row(refund, 'needs_info', 3, '01900000-0000-7000-8000-00000000000c'),
      await row(relief, 'submitted', 1),
      await row(relief, 'needs_info', 2),
    ];
    await row(refund, 'submitted', 3, '01900000-0000-7000-8000-00000000000a');
    await row(refund, 'submitted', 1);
    await row(refund, 'in_review', 5);
    await row(relief, 'submitted', 0);
    await row(relief, 'in_review', 4);
    page.push(await row(relief, 'submitted', 6));

    // What each row's count is by definition, one count per row.
    const { rows: expected } = await sql<{ id: string; ahead: string }>`
      select me.id, (
        select count(*) from requests q
        where q.program_id = me.program_id and q.status in ('submitted', 'in_review')
          and (q.submitted_at, q.id) < (me.submitted_at, me.id)
      ) as ahead
      from requests me where me.id in (${sql.join(page)})`.execute(t.db.kysely);
    const estimates = await requestEstimates(t.db.kysely, page, t.config.timezone);
    const ahead = Object.fromEntries(page.map((id) => [id, estimates.get(id)?.decision?.ahead]));
    expect(ahead).toEqual(Object.fromEntries(expected.map((r) => [r.id, Number(r.ahead)])));
    // The tie: the same instant, so the id decides: …0a is ahead of …0b, and both of …0c.
    const tie = (id: string) => ahead[id]!;
    expect(tie('01900000-0000-7000-8000-00000000000c')).toBe(
      tie('01900000-0000-7000-8000-00000000000b') + 1,
    );
  });
});
