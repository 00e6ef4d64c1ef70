import { createReadStream } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ImportKind } from '@hms/contracts/imports';
import type { InboxItem } from '@hms/contracts/inbox';
import type { PaymentItem } from '@hms/contracts/payments';
import { useTestApp } from '../../testing/test-app.ts';
import { rowById } from '../../testing/rows.ts';
import { reviewDueAt } from '../applications/service.ts';
import { financeSummary } from '../read-models/service.ts';
import { inboxCounts, recountInbox } from '../read-models/inbox-counts.ts';
import { programAmountStats } from '../read-models/service.ts';
import { runImport } from './service.ts';
import { importedRecord, SAMPLES } from './test-support.ts';

// Issue 12: an imported request is marked in every read that returns it (where it came from, no invented answers),
// and imported history counts wherever the product reads history: the finance figures, the deadlines, the estimates.

const t = useTestApp();
const HEADER =
  'external_id,program,payee_external_id,amount,status,submitted_at,decided_at,paid_at,decided_by_email,note';

function run(kind: ImportKind, content: Readable, fileName: string) {
  return runImport(t.db.kysely, t.config, {
    kind,
    fileName,
    content,
    dryRun: false,
    actor: { id: null },
  });
}

const csv = (rows: string[]) =>
  Readable.from([Buffer.from([HEADER, ...rows].join('\r\n') + '\r\n')]);

async function requestIdOf(externalId: string): Promise<string> {
  return (await importedRecord(t.db.kysely, 'requests', externalId)).entity_id;
}

let programId: string;
const approver = t.signedIn('approver');
const finance = t.signedIn('finance');
let before: { finance: Awaited<ReturnType<typeof financeSummary>>; statsN: number };

beforeAll(async () => {
  const payees = await run(
    'payees',
    createReadStream(path.join(SAMPLES, 'payees.csv')),
    'legacy-payees.csv',
  );
  expect(payees.report).toMatchObject({ created: 5, rejected: 0 });
  programId = t.programId('permit-fee-refund');
  before = {
    finance: await financeSummary(t.db.kysely),
    statsN: (
      await programAmountStats(t.db.kysely, programId, '00000000-0000-0000-0000-000000000000')
    ).n,
  };
  const { report } = await run(
    'requests',
    csv([
      'H-PAID-1,permit-fee-refund,LEG-P-0001,1234.56,paid,2024-01-08,2024-01-10,2024-01-15,,Refund sent by cheque in the old system',
      'H-PAID-2,permit-fee-refund,LEG-P-0002,0.99,paid,2024-02-05T09:00:00-05:00,2024-03-01,2024-03-04,,',
      'H-APPR-1,permit-fee-refund,LEG-P-0003,250.01,approved,2024-04-01,2024-04-02,,,',
      'H-REJ-1,permit-fee-refund,LEG-P-0004,999.00,rejected,2024-05-06,2024-05-07,,,Permit not refundable',
      'H-OPEN-1,permit-fee-refund,LEG-P-0005,42.00,in_review,2024-06-03,,,,',
    ]),
    'agency-history-2024.csv',
  );
  expect(report).toMatchObject({ created: 5, rejected: 0 });
});

const origin = (externalId: string, note: string | null) => ({
  externalId,
  sourceFile: 'agency-history-2024.csv',
  importedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
  note,
});

describe('an imported request is marked in every read', () => {
  it('the inbox marks imported rows with their external id and file, and no other row', async () => {
    const res = await approver.get('/api/inbox?queue=all&limit=100');
    expect(res.statusCode).toBe(200);
    const all: InboxItem[] = JSON.parse(res.body).items;
    const openId = await requestIdOf('H-OPEN-1');
    const item = all.find((i) => i.id === openId);
    expect(item?.imported).toEqual(origin('H-OPEN-1', null));
    // Requests made in HMS carry null (the demo seed's, if any, and every other row).
    const imported = new Set(
      (
        await t.db.kysely
          .selectFrom('imported_records')
          .select('entity_id')
          .where('kind', '=', 'requests')
          .execute()
      ).map((r) => r.entity_id),
    );
    for (const i of all) expect(i.imported !== null).toBe(imported.has(i.id));
  });

  it('the review page says where it came from, shows its note, and has no answers', async () => {
    const id = await requestIdOf('H-REJ-1');
    const res = await approver.get(`/api/review/${id}`);
    expect(res.statusCode).toBe(200);
    const detail = JSON.parse(res.body);
    expect(detail.imported).toEqual(origin('H-REJ-1', 'Permit not refundable'));
    expect(detail.answers).toEqual({});
  });

  it('the finance payment list marks an imported request’s payment', async () => {
    const res = await finance.get('/api/payments?limit=100');
    expect(res.statusCode).toBe(200);
    const items: PaymentItem[] = JSON.parse(res.body).items;
    const paidId = await requestIdOf('H-PAID-1');
    expect(items.find((p) => p.requestId === paidId)?.imported).toEqual(
      origin('H-PAID-1', 'Refund sent by cheque in the old system'),
    );
    const apprId = await requestIdOf('H-APPR-1');
    expect(items.find((p) => p.requestId === apprId)?.imported).toEqual(origin('H-APPR-1', null));
  });
});

describe('imported history feeds the product', () => {
  it('counts in the finance figures, to the cent', async () => {
    const after = await financeSummary(t.db.kysely);
    const of = (s: typeof after) => s.byProgram.find((p) => p.programId === programId)!;
    // Paid: 1234.56 + 0.99 settled. Approved (not yet paid): 250.01 pending. Approved total counts both paid and
    // approved; the rejected 999.00 counts nowhere but in the number of requests.
    expect(of(after).paidCents - of(before.finance).paidCents).toBe(1234_56 + 99);
    expect(of(after).pendingCents - of(before.finance).pendingCents).toBe(250_01);
    expect(of(after).approvedCents - of(before.finance).approvedCents).toBe(1234_56 + 99 + 250_01);
    expect(of(after).returnedCents).toBe(of(before.finance).returnedCents);
    expect(of(after).requestCount - of(before.finance).requestCount).toBe(5);
    expect(after.totals.paidCents - before.finance.totals.paidCents).toBe(1234_56 + 99);
    expect(after.totals.pendingCents - before.finance.totals.pendingCents).toBe(250_01);
  });

  it('keeps each decision’s date and its deadline, so on-time history includes them', async () => {
    const deadlineDays = (await rowById(t.db.kysely, 'programs', programId)).review_deadline_days;
    const request = async (externalId: string) =>
      rowById(t.db.kysely, 'requests', await requestIdOf(externalId));
    for (const externalId of ['H-PAID-1', 'H-PAID-2', 'H-APPR-1', 'H-REJ-1', 'H-OPEN-1']) {
      const r = await request(externalId);
      expect(r.due_at).toEqual(
        reviewDueAt(new Date(r.submitted_at!), deadlineDays, t.config.timezone),
      );
    }
    // Decided as the old system says, not when the file was imported.
    expect(new Date((await request('H-REJ-1')).decided_at!).toISOString().slice(0, 10)).toBe(
      '2024-05-07',
    );
    expect((await request('H-OPEN-1')).decided_at).toBeNull();
    // The deadline history as a query over requests sees them: PAID-2 was decided late (25 days for a short
    // deadline), the others on time.
    const { rows: history } = await sql<{ external_id: string; on_time: boolean }>`
      select ir.external_id, r.decided_at <= r.due_at as on_time
      from requests r join imported_records ir on ir.kind = 'requests' and ir.entity_id = r.id
      where ir.source_file = 'agency-history-2024.csv' and r.decided_at is not null
      order by ir.external_id`.execute(t.db.kysely);
    expect(deadlineDays).toBeLessThan(18);
    expect(deadlineDays).toBeGreaterThanOrEqual(2);
    expect(history).toEqual([
      { external_id: 'H-APPR-1', on_time: true },
      { external_id: 'H-PAID-1', on_time: true },
      { external_id: 'H-PAID-2', on_time: false },
      { external_id: 'H-REJ-1', on_time: true },
    ]);
  });

  it('an imported open request past its deadline is overdue in the inbox and its counts', async () => {
    const approverId = t.userId('approver');
    // The trigger-kept counters agree with a count of the table: the imported rows went through them.
    const counts = await inboxCounts(t.db.kysely, approverId);
    expect(counts).toEqual(await recountInbox(t.db.kysely, approverId));
    const openId = await requestIdOf('H-OPEN-1');
    const overdue: InboxItem[] = JSON.parse(
      (await approver.get('/api/inbox?queue=overdue&limit=100')).body,
    ).items;
    expect(overdue.find((i) => i.id === openId)).toMatchObject({ deadline: 'overdue' });
    expect(counts.overdue).toBeGreaterThanOrEqual(1);
  });

  it('counts in the amounts new requests are compared with (the risk estimate from history)', async () => {
    const stats = await programAmountStats(
      t.db.kysely,
      programId,
      '00000000-0000-0000-0000-000000000000',
    );
    expect(stats.n - before.statsN).toBe(5);
  });
});
