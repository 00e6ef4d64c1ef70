import { beforeAll, describe, expect, it } from 'vitest';
import type { RequestStatus } from '@hms/contracts/requests';
import { seedPrograms } from '@hms/contracts/programs-seed';
import { useTestApp } from '../../testing/test-app.ts';
import { seedUsersAndPrograms as seed } from '../../seed.ts';
import { startOfZonedDay } from '@hms/contracts/business-days';
import { uuidv7 } from '../../platform/db/ids.ts';
import { insertPaymentRow, insertRequestRow } from '../../testing/request-rows.ts';
import type { Database, PaymentStatus } from '../../platform/db/schema.ts';
import type { Updateable } from 'kysely';
import { DEMO_USERS } from '../../platform/db/seed.ts';
import { refusedField } from '../../testing/refusals.ts';
import { rowById } from '../../testing/rows.ts';

const t = useTestApp();
let programIds: string[];
beforeAll(async () => {
  programIds = (
    await t.db.kysely.selectFrom('programs').select('id').orderBy('slug').execute()
  ).map((p) => p.id);
});

let seq = 0;
async function addRequest(o: {
  status: RequestStatus;
  program?: number;
  applicant?: string;
  amount?: number;
  approved?: number | null;
  assignedTo?: string | null;
  dueAt?: Date | null;
  createdAt?: Date;
  payment?: PaymentStatus;
}) {
  const id = uuidv7();
  seq += 1;
  await insertRequestRow(t.db.kysely, {
    id,
    reference: `HMS-T${String(seq).padStart(5, '0')}`,
    program_id: programIds[o.program ?? 0]!,
    applicant_id: o.applicant ?? t.citizenId,
    status: o.status,
    amount_requested_cents: o.amount ?? 1000,
    approved_amount_cents: o.approved ?? null,
    assigned_to: o.assignedTo ?? null,
    due_at: o.dueAt ?? null,
    submitted_at: o.status === 'draft' ? null : new Date(),
    // A decided request carries its decision date, as every decision writes it.
    decided_at: ['approved', 'paid', 'payment_returned', 'rejected'].includes(o.status)
      ? new Date()
      : null,
    created_at: o.createdAt ?? new Date(),
  });
  if (o.payment) {
    const accountId = uuidv7();
    await t.db.kysely
      .insertInto('payee_accounts')
      .values({
        id: accountId,
        user_id: o.applicant ?? t.citizenId,
        holder_name: 'C',
        account_type: 'checking',
        routing_number: '011000015',
        account_number_enc: 'x',
        account_last4: '6789',
        key_id: 'k',
      })
      .execute();
    await insertPaymentRow(t.db.kysely, {
      request_id: id,
      payee_account_id: accountId,
      amount_cents: o.approved ?? o.amount ?? 1000,
      status: o.payment,
    });
  }
  return id;
}

describe('seeds', () => {
  it('seed the demo users and programs once; a second run creates nothing', async () => {
    const again = await seed(t.db.kysely, { timeZone: 'America/New_York' });
    expect(again).toEqual({ usersCreated: 0, programsWritten: 0 });
    expect(await t.db.kysely.selectFrom('users').select('id').execute()).toHaveLength(
      DEMO_USERS.length,
    );
    const programs = await t.db.kysely.selectFrom('programs').select(['slug', 'version']).execute();
    expect(programs.map((p) => p.slug).sort()).toEqual(seedPrograms.map((p) => p.slug).sort());
    expect(programs.every((p) => p.version === 1)).toBe(true);
  });

  it('turns inclusive local dates into [start, end) instants in the agency zone, across DST', () => {
    expect(startOfZonedDay('2026-01-01', 'America/New_York').toISOString()).toBe(
      '2026-01-01T05:00:00.000Z',
    );
    expect(startOfZonedDay('2026-07-01', 'America/New_York').toISOString()).toBe(
      '2026-07-01T04:00:00.000Z',
    );
    expect(startOfZonedDay('2027-12-31', 'America/New_York', 1).toISOString()).toBe(
      '2028-01-01T05:00:00.000Z',
    );
    expect(startOfZonedDay('2026-03-08', 'America/New_York').toISOString()).toBe(
      '2026-03-08T05:00:00.000Z',
    );
  });
});

describe('GET /api/programs', () => {
  it('lists programs in both languages with isOpen computed from the dates', async () => {
    await t.db.kysely
      .updateTable('programs')
      .set({ closes_at: new Date(Date.now() - 1000), opens_at: new Date(Date.now() - 86_400_000) })
      .where('id', '=', programIds[2]!)
      .execute();
    const res = await t.app.inject({ url: '/api/programs' });
    expect(res.statusCode).toBe(200);
    const { items } = JSON.parse(res.body);
    expect(items).toHaveLength(seedPrograms.length);
    const energy = items.find((p: { slug: string }) => p.slug === 'home-energy-rebate');
    expect(energy).toMatchObject({
      name: { en: 'Home Energy Efficiency Rebate', es: expect.any(String) },
      maxAmountCents: 200_000,
      reviewDeadlineDays: 10,
      opensAt: '2026-01-01T05:00:00.000Z',
    });
    const closed = items.find((p: { id: string }) => p.id === programIds[2]);
    expect(closed.isOpen).toBe(false);
  });
});

describe('GET /api/programs: accepting applications', () => {
  it('a program whose budget is used up is listed as not accepting, with the reason the program page gives', async () => {
    const slugOf = async (id: string) => (await rowById(t.db.kysely, 'programs', id)).slug;
    const id = programIds[1]!;
    const slug = await slugOf(id);
    const approverId = t.userId('approver');
    const setProgram = (set: Updateable<Database['programs']>) =>
      t.db.kysely.updateTable('programs').set(set).where('id', '=', id).execute();
    await setProgram({
      budget_cents: 5000,
      opens_at: new Date(Date.now() - 86_400_000),
      closes_at: null,
    });
    const listed = async () => {
      const res = await t.app.inject({ url: '/api/programs' });
      expect(res.statusCode).toBe(200);
      const item = JSON.parse(res.body).items.find((p: { id: string }) => p.id === id);
      const detail = JSON.parse((await t.app.inject({ url: `/api/programs/${slug}` })).body);
      // One rule, one budget source: the catalog says what the program page (and the submit check) says.
      expect(item.acceptingApplications).toBe(detail.acceptingApplications);
      expect(item.closedReason).toBe(detail.closedReason);
      return item;
    };
    // Rejected and withdrawn requests commit no money.
    const made = [
      await addRequest({ status: 'rejected', program: 1, amount: 5000, applicant: approverId }),
      await addRequest({ status: 'withdrawn', program: 1, amount: 5000, applicant: approverId }),
    ];
    expect(await listed()).toMatchObject({
      isOpen: true,
      acceptingApplications: true,
      closedReason: null,
    });
    made.push(
      await addRequest({ status: 'submitted', program: 1, amount: 3000, applicant: approverId }),
    );
    expect(await listed()).toMatchObject({ acceptingApplications: true, closedReason: null });
    made.push(
      await addRequest({ status: 'in_review', program: 1, amount: 2000, applicant: approverId }),
    );
    expect(await listed()).toMatchObject({
      isOpen: true,
      acceptingApplications: false,
      closedReason: 'budget_exhausted',
    });

    // Dates come first: a closed program says closed, one not open yet says so.
    await setProgram({ closes_at: new Date(Date.now() - 1000) });
    expect(await listed()).toMatchObject({
      isOpen: false,
      acceptingApplications: false,
      closedReason: 'closed',
    });
    await setProgram({ opens_at: new Date(Date.now() + 86_400_000), closes_at: null });
    expect(await listed()).toMatchObject({
      isOpen: false,
      acceptingApplications: false,
      closedReason: 'not_open_yet',
    });
    await t.db.kysely.deleteFrom('requests').where('id', 'in', made).execute();
  });
});

describe('GET /api/requests/mine', () => {
  it("pages through only the caller's requests, drafts included, newest first", async () => {
    const other = t.userId('senior');
    await addRequest({ status: 'submitted', applicant: other });
    const base = Date.now() - 100_000;
    const mine: string[] = [];
    for (let i = 0; i < 5; i++)
      mine.push(
        await addRequest({
          status: i === 0 ? 'draft' : 'submitted',
          createdAt: new Date(base + i * 1000),
        }),
      );
    // Two with the same created_at: the id breaks the tie so no row is skipped or repeated across pages.
    const sameTime = new Date(base + 10_000);
    mine.push(await addRequest({ status: 'submitted', createdAt: sameTime }));
    mine.push(await addRequest({ status: 'submitted', createdAt: sameTime }));

    const a = await t.signIn('citizen');
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await a.get(`/api/requests/mine?limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.statusCode).toBe(200);
      const body = JSON.parse(res.body);
      seen.push(...body.items.map((i: { id: string }) => i.id));
      cursor = body.nextCursor;
      pages += 1;
    } while (cursor && pages < 10);
    expect(pages).toBe(3);
    expect(seen).toEqual([...mine].sort((x, y) => (x < y ? 1 : -1)));
    const first = JSON.parse((await a.get('/api/requests/mine?limit=100')).body).items.at(-1);
    expect(first).toMatchObject({
      status: 'draft',
      submittedAt: null,
      programName: { en: expect.any(String), es: expect.any(String) },
    });
  });

  it('validates limit and cursor with field-level messages', async () => {
    const a = await t.signIn('citizen');
    const big = await a.get('/api/requests/mine?limit=500');
    expect(big.statusCode).toBe(400);
    expect(JSON.parse(big.body).errors[0]).toEqual({
      field: 'query.limit',
      code: 'field.too_large',
      params: { maximum: 100 },
      message: 'limit must be a whole number from 1 to 100.',
    });
    expect(refusedField(await a.get('/api/requests/mine?cursor=garbage'))).toBe('query.cursor');
  });
});

describe('GET /api/inbox/counts and /api/finance/summary', () => {
  it('count the queues and sum the money from requests and payments', async () => {
    await t.db.kysely.deleteFrom('payments').execute();
    await t.db.kysely.deleteFrom('payee_accounts').execute();
    await t.db.kysely.deleteFrom('requests').execute();
    const past = new Date(Date.now() - 86_400_000);
    const approverId = t.userId('approver');
    await addRequest({ status: 'submitted' }); // unassigned
    await addRequest({ status: 'submitted', dueAt: past }); // unassigned + overdue
    await addRequest({ status: 'in_review', assignedTo: approverId, dueAt: past }); // mine + overdue
    await addRequest({ status: 'needs_info', assignedTo: approverId, dueAt: past }); // mine + waiting (paused: not overdue)
    await addRequest({ status: 'awaiting_second_approval', amount: 5000 });
    await addRequest({ status: 'draft' }); // not in the inbox
    await addRequest({
      status: 'approved',
      amount: 2000,
      approved: 1500,
      program: 0,
      payment: 'pending',
    });
    await addRequest({
      status: 'paid',
      amount: 3000,
      approved: 3000,
      program: 0,
      payment: 'settled',
    });
    await addRequest({
      status: 'payment_returned',
      amount: 700,
      approved: 700,
      program: 1,
      payment: 'returned',
    });
    await addRequest({ status: 'rejected', amount: 9999, program: 1 });

    const approver = await t.signIn('approver');
    expect(JSON.parse((await approver.get('/api/inbox/counts')).body)).toEqual({
      unassigned: 2,
      assignedToMe: 2,
      awaitingSecondApproval: 1,
      waitingForCitizen: 1,
      overdue: 2,
      all: 5,
    });

    const finance = await t.signIn('finance');
    const summary = JSON.parse((await finance.get('/api/finance/summary')).body);
    expect(summary.totals).toEqual({
      approvedCents: 5200,
      pendingCents: 1500,
      paidCents: 3000,
      returnedCents: 700,
    });
    const p0 = summary.byProgram.find((p: { programId: string }) => p.programId === programIds[0]);
    expect(p0).toMatchObject({
      approvedCents: 4500,
      pendingCents: 1500,
      paidCents: 3000,
      returnedCents: 0,
    });
    expect(summary.byProgram).toHaveLength(programIds.length);
    expect(
      summary.byProgram.reduce((n: number, p: { requestCount: number }) => n + p.requestCount, 0),
    ).toBe(9);
  });
});
