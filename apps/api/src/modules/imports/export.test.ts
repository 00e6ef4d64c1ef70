import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import path from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ImportKind } from '@hms/contracts/imports';
import { Agent, useTestApp } from '../../testing/test-app.ts';
import { uuidv7 } from '../../platform/db/ids.ts';
import { insertPayeeAccount } from '../../testing/payee-account.ts';
import { createPracticeCopy } from '../programs/service.ts';
import { runImport } from './service.ts';
import { SAMPLES } from './test-support.ts';
import { exportCsv } from './export-run.ts';
import { exportToPath } from './export-cli.ts';
import { lastAuditEntry } from '../../testing/rows.ts';

const t = useTestApp();

const importFile = (kind: ImportKind, content: Readable, dryRun = false) =>
  runImport(t.db.kysely, t.config, {
    kind,
    fileName: `${kind}.csv`,
    content,
    dryRun,
    actor: { id: null },
  });

async function exported(kind: ImportKind, fullAccountNumbers = false) {
  const { stream, done } = exportCsv(t.db.kysely, t.config, {
    kind,
    fullAccountNumbers,
    actor: { id: null },
  });
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(c as Buffer);
  return { text: Buffer.concat(chunks).toString('utf8'), summary: await done };
}

const lastAudit = () => lastAuditEntry(t.db.kysely);

beforeAll(async () => {
  expect(
    (await importFile('payees', createReadStream(path.join(SAMPLES, 'payees.csv')))).report,
  ).toMatchObject({ rejected: 0 });
  expect(
    (await importFile('requests', createReadStream(path.join(SAMPLES, 'requests.csv')))).report,
  ).toMatchObject({ rejected: 0 });
  citizenId = await seedHmsRecords();
});
/**
 * Records HMS made itself (no import): the demo citizen's bank account and requests in the states the import format
 * has no word for (awaiting a second approval, payment returned), a draft, and a request in a practice program.
 */
async function seedHmsRecords() {
  const db = t.db.kysely;
  const citizen = t.citizenId;
  const reviewer = t.userId('approver');
  const accountId = await insertPayeeAccount(db, t.config, {
    userId: citizen,
    holderName: 'Casey Citizen',
    accountNumber: '123456789',
  });
  const rebateId = t.programId('home-energy-rebate');
  const practice = await db.transaction().execute((trx) => createPracticeCopy(trx, rebateId));
  const request = (
    reference: string,
    status: 'draft' | 'awaiting_second_approval' | 'payment_returned',
    programId = rebateId,
  ) => ({
    id: uuidv7(),
    reference,
    program_id: programId,
    program_version: 1,
    applicant_id: citizen,
    payee_account_id: accountId,
    status,
    answers: '{}',
    amount_requested_cents: 40000,
    approved_amount_cents: status === 'payment_returned' ? 35000 : null,
    assigned_to: status === 'awaiting_second_approval' ? reviewer : null,
    idempotency_key: null,
    submitted_at: status === 'draft' ? null : new Date('2025-09-01T15:00:00Z'),
    decided_at: status === 'payment_returned' ? new Date('2025-09-05T15:00:00Z') : null,
    updated_at: new Date(),
  });
  const rows = [
    request('HMS-T-0001', 'awaiting_second_approval'),
    request('HMS-T-0002', 'payment_returned'),
    request('HMS-T-0003', 'draft'),
    request('HMS-T-0004', 'awaiting_second_approval', practice!.id),
  ];
  await db.insertInto('requests').values(rows).execute();
  await db
    .insertInto('request_events')
    .values({
      id: uuidv7(),
      request_id: rows[1]!.id,
      type: 'approved',
      from_status: 'in_review',
      to_status: 'approved',
      actor_id: reviewer,
      actor_kind: 'user',
      data: '{}',
      visible_to_applicant: true,
      created_at: new Date('2025-09-05T15:00:00Z'),
    })
    .execute();
  return citizen;
}
let citizenId = '';

describe('export (issue 12 item 7)', () => {
  it('writes the payees in the import columns, account numbers masked to the last four by default', async () => {
    const { text, summary } = await exported('payees');
    const lines = text.trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'external_id,full_name,email,phone,language,routing_number,account_number,account_type,holder_name',
    );
    expect(lines).toContain(
      'LEG-P-0001,Rosa Delgado,rosa.delgado@example.org,5550102001,es,011000015,****4501,checking,Rosa Delgado',
    );
    expect(text).not.toContain('4401234501');
    // A payee HMS made itself is named by its user id, under the hms- prefix.
    expect(lines).toContain(
      `hms-${citizenId},Casey Citizen,citizen@example.gov,,en,011000015,****6789,checking,Casey Citizen`,
    );
    expect(summary).toMatchObject({
      kind: 'payees',
      rows: lines.length - 1,
      fullAccountNumbers: false,
      completed: true,
    });
    const audit = await lastAudit();
    expect(audit.action).toBe('export.completed');
    expect(audit.data).toMatchObject({
      kind: 'payees',
      rows: summary.rows,
      fullAccountNumbers: false,
    });
    expect((audit.data as { fileSha256: string }).fileSha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('round trip: the payees exported with full numbers re-import into the same database unchanged', async () => {
    const { text, summary } = await exported('payees', true);
    expect(text).toContain(',4401234501,');
    expect((await lastAudit()).action).toBe('export.full_account_numbers');
    const again = await importFile('payees', Readable.from([Buffer.from(text)]));
    expect(again.report).toMatchObject({
      rows: summary.rows,
      unchanged: summary.rows,
      created: 0,
      updated: 0,
      rejected: 0,
    });
  });

  it('a masked export is refused by the import, row by row, rather than wiping account numbers', async () => {
    const { text } = await exported('payees');
    const dry = await importFile('payees', Readable.from([Buffer.from(text)]), true);
    expect(dry.report.rejected).toBe(dry.report.rows);
    expect(new Set(dry.report.errors.map((e) => e.code))).toEqual(
      new Set(['import.account_invalid']),
    );
  });

  it('round trip: the requests re-import unchanged; drafts and practice requests stay out', async () => {
    const { text, summary } = await exported('requests');
    const lines = text.trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'external_id,program,payee_external_id,amount,status,submitted_at,decided_at,paid_at,decided_by_email,note',
    );
    expect(lines).toContain(
      'LEG-R-0001,home-energy-rebate,LEG-P-0001,850.00,paid,2025-03-04T05:00:00.000Z,2025-03-18T04:00:00.000Z,2025-03-21T04:00:00.000Z,approver@example.gov,Heat pump rebate',
    );
    expect(text).not.toMatch(/,draft,/);
    // HMS's own requests by reference; the states the format has no word for as the importable state they stand for.
    expect(lines).toContain(
      `hms-HMS-T-0001,home-energy-rebate,hms-${citizenId},400.00,in_review,2025-09-01T15:00:00.000Z,,,approver@example.gov,`,
    );
    expect(lines).toContain(
      `hms-HMS-T-0002,home-energy-rebate,hms-${citizenId},350.00,approved,2025-09-01T15:00:00.000Z,2025-09-05T15:00:00.000Z,,approver@example.gov,`,
    );
    expect(text).not.toContain('HMS-T-0003');
    expect(text).not.toContain('HMS-T-0004');
    const again = await importFile('requests', Readable.from([Buffer.from(text)]));
    expect(again.report.errors).toEqual([]);
    expect(again.report).toMatchObject({ rows: summary.rows, unchanged: summary.rows });
  });

  it('a changed row of a record HMS made is refused: an import changes only what imports made', async () => {
    const { text } = await exported('requests');
    const changed = text.replace(
      `hms-HMS-T-0001,home-energy-rebate,hms-${citizenId},400.00,`,
      `hms-HMS-T-0001,home-energy-rebate,hms-${citizenId},410.00,`,
    );
    expect(changed).not.toBe(text);
    const dry = await importFile('requests', Readable.from([Buffer.from(changed)]), true);
    expect(dry.report).toMatchObject({ rejected: 1 });
    expect(dry.report.errors).toEqual([
      expect.objectContaining({ field: 'external_id', code: 'import.hms_record_changed' }),
    ]);
    const payees = (await exported('payees', true)).text.replace(
      'Casey Citizen,citizen@example.gov',
      'Casey C. Citizen,citizen@example.gov',
    );
    const refused = await importFile('payees', Readable.from([Buffer.from(payees)]), true);
    expect(refused.report.errors.map((e) => e.code)).toEqual(['import.hms_record_changed']);
  });

  it('neutralises formula cells: a payee named =HYPERLINK(…) is exported as text', async () => {
    const csv =
      'external_id,full_name,email,routing_number,account_number,account_type,holder_name\r\n' +
      'F-1,"=HYPERLINK(""http://evil.example"",""x"")",formula@example.org,011000015,99887766,checking,@SUM(1)\r\n';
    expect((await importFile('payees', Readable.from([Buffer.from(csv)]))).report).toMatchObject({
      created: 1,
    });
    const { text } = await exported('payees');
    const line = text.split('\r\n').find((l) => l.startsWith('F-1,'));
    expect(line).toBe(
      `F-1,"'=HYPERLINK(""http://evil.example"",""x"")",formula@example.org,,en,011000015,****7766,checking,'@SUM(1)`,
    );
  });

  it('an export stopped half-way (the reader left) is still audited, as not completed', async () => {
    const { stream, done } = exportCsv(t.db.kysely, t.config, {
      kind: 'payees',
      fullAccountNumbers: true,
      actor: { id: null },
    });
    const reader = stream[Symbol.asyncIterator]();
    expect(String((await reader.next()).value)).toMatch(/^external_id,/);
    stream.destroy();
    const summary = await done;
    // rows counts what was read ahead into the stream's buffer before it stopped; the file was not finished.
    expect(summary).toMatchObject({ completed: false, fullAccountNumbers: true });
    expect(await lastAudit()).toMatchObject({ action: 'export.full_account_numbers' });
    expect((await lastAudit()).data).toMatchObject({ completed: false, rows: summary.rows });
  });

  it('the command writes to a file or stdout, reports on stderr, and says usage on bad arguments', async () => {
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    const r = await exportToPath(t.db.kysely, t.config, ['requests'], out);
    expect(r.exitCode).toBe(0);
    expect(r.report).toMatchObject({
      kind: 'requests',
      completed: true,
      fullAccountNumbers: false,
    });
    expect(Buffer.concat(chunks).toString()).toMatch(/^external_id,program,/);
    expect((await exportToPath(t.db.kysely, t.config, ['people'], out)).exitCode).toBe(2);
    expect((await exportToPath(t.db.kysely, t.config, ['payees', '--out'], out)).exitCode).toBe(2);
  });

  it('GET /api/admin/exports/{kind}: admin only, masked unless asked, streamed as a CSV download, audited', async () => {
    const admin = await t.signIn('admin');
    const adminId = t.userId('admin');
    const masked = await admin.get('/api/admin/exports/payees');
    expect(masked.statusCode).toBe(200);
    expect(masked.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(masked.headers['content-disposition']).toMatch(
      /^attachment; filename="hms-payees-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    expect(masked.body).toContain(',****4501,');
    expect(masked.body).not.toContain('4401234501');
    let audit = await lastAudit();
    expect(audit).toMatchObject({ action: 'export.completed', actor_id: adminId });

    const full = await admin.get('/api/admin/exports/payees?fullAccountNumbers=true');
    expect(full.statusCode).toBe(200);
    expect(full.body).toContain(',4401234501,');
    audit = await lastAudit();
    expect(audit).toMatchObject({ action: 'export.full_account_numbers', actor_id: adminId });
    expect(audit.data).toMatchObject({
      kind: 'payees',
      fullAccountNumbers: true,
      completed: true,
      fileSha256: createHash('sha256').update(full.body).digest('hex'),
    });

    const requests = await admin.get('/api/admin/exports/requests?fullAccountNumbers=true');
    expect(requests.statusCode).toBe(200);
    expect(requests.body).toMatch(/^external_id,program,payee_external_id,/);
    // Requests hold no account numbers: the option is not recorded as if any had gone out.
    expect(await lastAudit()).toMatchObject({ action: 'export.completed' });

    expect((await admin.get('/api/admin/exports/people')).statusCode).toBe(400);
    expect((await admin.get('/api/admin/exports/payees?fullAccountNumbers=yes')).statusCode).toBe(
      400,
    );
    for (const email of ['finance@example.gov', 'supervisor@example.gov', 'approver@example.gov']) {
      const other = new Agent(t.app);
      await other.signIn(email);
      expect((await other.get('/api/admin/exports/payees')).statusCode).toBe(403);
      expect(
        (await other.get('/api/admin/exports/payees?fullAccountNumbers=true')).statusCode,
      ).toBe(403);
    }
    expect((await new Agent(t.app).get('/api/admin/exports/payees')).statusCode).toBe(401);
  });
});
