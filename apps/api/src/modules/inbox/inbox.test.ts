import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp, type Agent } from '../../testing/test-app.ts';
import { insertRequest } from './demo-rows.ts';
import { addStaff } from '../../testing/staff.ts';
import { deadlineState, dueSoonCutoff } from './deadline.ts';

const t = useTestApp();
let approver: Agent;
const ids: Record<string, string> = {};
const DAY = 86_400_000;

type Item = {
  id: string;
  reference: string;
  status: string;
  amountRequestedCents: number;
  deadline: string;
  submittedAt: string;
  applicantName: string;
  riskLevel: string;
  programName: { en: string; es: string };
};
const items = async (qs: string): Promise<Item[]> => {
  const res = await approver.get(`/api/inbox?${qs}`);
  expect(res.statusCode, res.body).toBe(200);
  return JSON.parse(res.body).items;
};

beforeAll(async () => {
  const db = t.db.kysely;
  ids.citizen = t.userId('citizen');
  ids.approver = t.userId('approver');
  ids.senior = t.userId('senior');
  ids.maria = await addStaff(db, 'maria@example.com', 'Maria Lopez', ['citizen']);
  approver = await t.signIn('approver');

  const now = Date.now();
  const base = { programId: t.programId('home-energy-rebate'), amountCents: 10_000 };
  // 40 unassigned submitted requests, one second apart, amounts 10,000 + i*100.
  for (let i = 0; i < 40; i++)
    await insertRequest(db, {
      ...base,
      applicantId: i % 2 ? ids.maria! : ids.citizen!,
      status: 'submitted',
      amountCents: 10_000 + i * 100,
      submittedAt: new Date(now - 100 * DAY + i * 1000),
      dueAt: new Date(now + 30 * DAY),
      reference: `HMS-A${String(i).padStart(3, '0')}-0000-0`,
    });
  // The approver's own two, past their deadline: one in review, one waiting for the citizen.
  for (const [status, reference] of [
    ['in_review', 'HMS-MINE-0001-0'],
    ['needs_info', 'HMS-WAIT-0001-0'],
  ] as const)
    await insertRequest(db, {
      ...base,
      applicantId: ids.citizen!,
      status,
      assignedTo: ids.approver,
      reference,
      dueAt: new Date(now - DAY),
    });
  await insertRequest(db, {
    ...base,
    programId: t.programId('small-business-relief'),
    applicantId: ids.maria!,
    status: 'awaiting_second_approval',
    amountCents: 2_000_000,
    approvedAmountCents: 2_000_000,
    firstApproverId: ids.approver,
    reference: 'HMS-SECO-0001-0',
    dueAt: new Date(now + 3600_000),
  });
  await insertRequest(db, {
    ...base,
    applicantId: ids.maria!,
    status: 'rejected',
    reference: 'HMS-DONE-0001-0',
  });
  await insertRequest(db, {
    ...base,
    applicantId: ids.maria!,
    status: 'draft',
    reference: 'HMS-DRAF-0001-0',
  });
  await db
    .updateTable('requests')
    .set({ risk_level: 'high' })
    .where('reference', '=', 'HMS-A005-0000-0')
    .execute();
});

describe('GET /api/inbox', () => {
  it('queues select what their names say', async () => {
    expect(await items('queue=unassigned&limit=100')).toHaveLength(40);
    expect((await items('queue=mine')).map((i) => i.reference).sort()).toEqual([
      'HMS-MINE-0001-0',
      'HMS-WAIT-0001-0',
    ]);
    expect((await items('queue=awaiting_second_approval')).map((i) => i.reference)).toEqual([
      'HMS-SECO-0001-0',
    ]);
    expect((await items('queue=waiting_for_citizen')).map((i) => i.reference)).toEqual([
      'HMS-WAIT-0001-0',
    ]);
    // needs_info is paused, so only the in-review one is overdue.
    expect((await items('queue=overdue')).map((i) => i.reference)).toEqual(['HMS-MINE-0001-0']);
    const all = await items('queue=all&limit=100');
    expect(all).toHaveLength(43);
    expect(all.some((i) => i.status === 'rejected' || i.status === 'draft')).toBe(false);
    expect((await items('queue=all&status=rejected')).map((i) => i.reference)).toEqual([
      'HMS-DONE-0001-0',
    ]);
  });

  it('pages with a keyset cursor: every row once, in order, for each sort', async () => {
    for (const sort of [
      'submitted_asc',
      'submitted_desc',
      'amount_desc',
      'amount_asc',
      'due_asc',
    ]) {
      const seen: Item[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const res = await approver.get(
          `/api/inbox?queue=all&limit=7&sort=${sort}${cursor ? `&cursor=${cursor}` : ''}`,
        );
        expect(res.statusCode, res.body).toBe(200);
        const page = JSON.parse(res.body);
        seen.push(...page.items);
        cursor = page.nextCursor;
        pages += 1;
      } while (cursor && pages < 20);
      expect(
        seen.map((i) => i.id),
        sort,
      ).toEqual((await items(`queue=all&limit=100&sort=${sort}`)).map((i) => i.id));
      expect(new Set(seen.map((i) => i.id)).size).toBe(43);
    }
    const asc = await items('queue=unassigned&limit=100&sort=amount_asc');
    expect(asc.map((i) => i.amountRequestedCents)).toEqual(
      [...asc.map((i) => i.amountRequestedCents)].sort((a, b) => a - b),
    );
  });

  it('filters by program, amount range, risk, date and deadline, and searches reference and name', async () => {
    const grant = await items(`programId=${t.programId('small-business-relief')}`);
    expect(grant.map((i) => i.reference)).toEqual(['HMS-SECO-0001-0']);
    // Named in both languages: the inbox shows the reader's.
    expect(grant[0]!.programName).toEqual({
      en: 'Small Business Relief Grant',
      es: 'Subvención de ayuda para pequeñas empresas',
    });
    const range = await items(
      'queue=unassigned&minAmountCents=12000&maxAmountCents=12500&limit=100',
    );
    expect(range.map((i) => i.amountRequestedCents)).toEqual([
      12_000, 12_100, 12_200, 12_300, 12_400, 12_500,
    ]);
    expect((await items('risk=high')).map((i) => i.reference)).toEqual(['HMS-A005-0000-0']);
    expect((await items('q=hms-a01&limit=100')).map((i) => i.reference)).toEqual(
      Array.from({ length: 10 }, (_, i) => `HMS-A01${i}-0000-0`),
    );
    const maria = await items('q=mar&limit=100');
    expect(maria.length).toBeGreaterThan(0);
    expect(maria.every((i) => i.applicantName === 'Maria Lopez')).toBe(true);
    expect((await items('deadline=paused')).map((i) => i.reference)).toEqual(['HMS-WAIT-0001-0']);
    expect((await items('deadline=overdue')).map((i) => i.reference)).toEqual(['HMS-MINE-0001-0']);
    expect((await items('deadline=due_soon')).map((i) => i.reference)).toEqual(['HMS-SECO-0001-0']);
    expect(await items('deadline=on_time&limit=100')).toHaveLength(40);
    const today = new Date().toISOString().slice(0, 10);
    expect(await items(`submittedFrom=${today}&queue=unassigned`)).toHaveLength(0);
  });

  it('explains bad filters field by field', async () => {
    const res = await approver.get(
      '/api/inbox?queue=nope&minAmountCents=500&maxAmountCents=100&submittedFrom=yesterday',
    );
    expect(res.statusCode).toBe(400);
    const fields = JSON.parse(res.body).errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['query.queue', 'query.submittedFrom']));
    const cross = await approver.get('/api/inbox?minAmountCents=500&maxAmountCents=100');
    expect(JSON.parse(cross.body).errors[0]).toEqual({
      field: 'query.maxAmountCents',
      message: 'maxAmountCents must be at least minAmountCents.',
    });
    // A day that is not in the calendar is refused, not read as another day (2026-02-30 is not March 2).
    for (const day of ['2026-02-30', '2026-13-45']) {
      const impossible = await approver.get(`/api/inbox?submittedFrom=${day}&submittedTo=${day}`);
      expect(impossible.statusCode).toBe(400);
      expect(
        JSON.parse(impossible.body)
          .errors.map((e: { field: string }) => e.field)
          .sort(),
      ).toEqual(['query.submittedFrom', 'query.submittedTo']);
    }
    const cursor = await approver.get('/api/inbox?cursor=abc');
    expect(JSON.parse(cursor.body).errors[0].field).toBe('query.cursor');
  });
});

describe('deadline badges', () => {
  it('on time, due soon, overdue, paused while waiting for the citizen, none when closed', () => {
    const now = new Date('2026-11-24T15:00:00Z'); // a Tuesday
    const cutoff = dueSoonCutoff(now, 'America/New_York');
    // Two business days after Tuesday is Thursday (Thanksgiving, 2026-11-26, is a holiday): so Friday ends "due soon".
    expect(cutoff.toISOString()).toBe('2026-11-28T05:00:00.000Z');
    expect(deadlineState('in_review', '2026-11-24T14:00:00Z', now, cutoff)).toBe('overdue');
    expect(deadlineState('submitted', '2026-11-27T20:00:00Z', now, cutoff)).toBe('due_soon');
    expect(deadlineState('submitted', '2026-12-02T20:00:00Z', now, cutoff)).toBe('on_time');
    expect(deadlineState('needs_info', '2026-11-20T20:00:00Z', now, cutoff)).toBe('paused');
    expect(deadlineState('approved', '2026-11-20T20:00:00Z', now, cutoff)).toBe('none');
  });
});
