import { beforeAll, describe, expect, it } from 'vitest';
import { type Agent, useTestApp } from '../../testing/test-app.ts';
import { rowById } from '../../testing/rows.ts';
import { resolveEncryptionKey } from '../../platform/crypto-key.ts';
import { recountInbox } from '../read-models/inbox-counts.ts';
import { findProgram, recountCommitted } from '../programs/repo.ts';
import { insertPayeeAccount, insertRequest } from './demo-rows.ts';

// GET /api/inbox/counts reads counters kept by triggers (migration 0202); after every kind of write they must equal
// a recount over the requests table.
const t = useTestApp();
let key: Buffer;
const ids: Record<string, string> = {};
const agents: Record<string, Agent> = {};
let programId: string;
const DAY = 86_400_000;
let n = 0;

beforeAll(async () => {
  key = resolveEncryptionKey(t.config);
  for (const e of ['citizen', 'approver', 'senior'] as const) {
    ids[e] = t.userId(e);
    agents[e] = await t.signIn(e);
  }
  programId = t.programId('home-energy-rebate');
});

async function newRequest(
  o: {
    status?: 'submitted' | 'in_review' | 'needs_info' | 'awaiting_second_approval';
    assignedTo?: string | null;
    dueAt?: Date | null;
  } = {},
) {
  n += 1;
  const account = await insertPayeeAccount(t.db.kysely, {
    userId: ids.citizen!,
    encryptionKey: key,
    account: `5500${String(n).padStart(6, '0')}`,
  });
  return insertRequest(t.db.kysely, {
    applicantId: ids.citizen!,
    programId,
    status: o.status ?? 'submitted',
    amountCents: 10_000,
    payeeAccountId: account,
    assignedTo: o.assignedTo ?? null,
    ...(o.dueAt === undefined ? {} : { dueAt: o.dueAt }),
  });
}

const version = async (id: string) => (await rowById(t.db.kysely, 'requests', id)).version;

async function expectExact(who: 'approver' | 'senior' = 'approver') {
  // The program's budget use (program_budget_use, also trigger-kept) equals a recount too.
  const program = await findProgram(t.db.kysely, { id: programId });
  expect(Number(program!.committed_cents)).toBe(await recountCommitted(t.db.kysely, programId));
  const res = await agents[who]!.get('/api/inbox/counts');
  expect(res.statusCode, res.body).toBe(200);
  const r = await recountInbox(t.db.kysely, ids[who]!);
  expect(JSON.parse(res.body)).toEqual({
    unassigned: r.unassigned,
    assignedToMe: r.assigned_to_me,
    awaitingSecondApproval: r.awaiting_second_approval,
    waitingForCitizen: r.waiting_for_citizen,
    overdue: r.overdue,
    all: r.all,
  });
  return JSON.parse(res.body) as Record<string, number>;
}

describe('GET /api/inbox/counts and program budget use (trigger-kept counters)', () => {
  it('match a recount after inserts, claims, releases, reassignments, decisions, withdrawals and bulk writes', async () => {
    const past = new Date(Date.now() - DAY);
    const future = new Date(Date.now() + 5 * DAY);
    const a = await newRequest({ dueAt: past });
    const b = await newRequest({ dueAt: future });
    const c = await newRequest({ dueAt: null });
    const d = await newRequest({ status: 'needs_info', assignedTo: ids.approver, dueAt: past });
    const e = await newRequest({ status: 'awaiting_second_approval', dueAt: past });
    const f = await newRequest({ dueAt: past });
    expect(await expectExact()).toMatchObject({
      unassigned: 4,
      assignedToMe: 1,
      waitingForCitizen: 1,
      awaitingSecondApproval: 1,
      overdue: 3,
      all: 6,
    });

    // Claims (one of two concurrent claims wins), release, reassignment.
    const [x, y] = await Promise.all([
      agents.approver!.post(`/api/requests/${a}/claim`),
      agents.senior!.post(`/api/requests/${a}/claim`),
    ]);
    expect([x.statusCode, y.statusCode].sort()).toEqual([200, 409]);
    await expectExact();
    await expectExact('senior');
    expect((await agents.approver!.post(`/api/requests/${b}/claim`)).statusCode).toBe(200);
    await expectExact();
    expect((await agents.approver!.post(`/api/requests/${b}/release`)).statusCode).toBe(200);
    await expectExact();
    expect(
      (await agents.senior!.post(`/api/requests/${c}/assignment`, { assigneeId: ids.approver }))
        .statusCode,
    ).toBe(200);
    await expectExact();
    await expectExact('senior');

    // Decisions: request information (paused: leaves overdue), reject, approve.
    expect((await agents.approver!.post(`/api/requests/${f}/claim`)).statusCode).toBe(200);
    const info = await agents.approver!.post(`/api/requests/${f}/decisions`, {
      kind: 'request_info',
      version: await version(f),
      question: 'Please send the invoice for the heat pump.',
    });
    expect(info.statusCode, info.body).toBe(200);
    await expectExact();
    const reject = await agents.approver!.post(`/api/requests/${c}/decisions`, {
      kind: 'reject',
      version: await version(c),
      reasonCode: 'ineligible',
      messageToApplicant: 'The address is outside the program area.',
    });
    expect(reject.statusCode, reject.body).toBe(200);
    await expectExact();
    expect((await agents.senior!.post(`/api/requests/${b}/claim`)).statusCode).toBe(200);
    const approve = await agents.senior!.post(`/api/requests/${b}/decisions`, {
      kind: 'approve',
      version: await version(b),
    });
    expect(approve.statusCode, approve.body).toBe(200);
    await expectExact('senior');

    // Withdrawals by the citizen, from needs_info and from submitted.
    expect((await agents.citizen!.post(`/api/requests/${d}/withdraw`, {})).statusCode).toBe(200);
    await expectExact();
    const g = await newRequest({ dueAt: past });
    expect(
      (await agents.citizen!.post(`/api/requests/${g}/withdraw`, { reason: 'Applied by mistake' }))
        .statusCode,
    ).toBe(200);
    await expectExact();

    // Writes outside the services: a multi-row update (due dates move, assignee changes), an update that changes no
    // key (no counter row is touched), and a delete.
    await t.db.kysely
      .updateTable('requests')
      .set({ due_at: future, amount_requested_cents: 12_345 })
      .where('id', 'in', [a, e])
      .execute();
    await expectExact();
    await t.db.kysely
      .updateTable('requests')
      .set({ risk_level: 'low' })
      .where('program_id', '=', programId)
      .execute();
    await expectExact();
    await t.db.kysely
      .updateTable('requests')
      .set({ due_at: null, assigned_to: ids.senior })
      .where('id', '=', e)
      .execute();
    await expectExact('senior');
    await t.db.kysely.deleteFrom('request_events').where('request_id', '=', e).execute();
    await t.db.kysely.deleteFrom('risk_signals').where('request_id', '=', e).execute();
    await t.db.kysely.deleteFrom('requests').where('id', '=', e).execute();
    await expectExact();
    await expectExact('senior');
  });
});
