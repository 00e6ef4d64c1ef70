import { createReadStream, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ImportKind } from '@hms/contracts/imports';
import { useTestApp } from '../../testing/test-app.ts';
import { financeSummary } from '../read-models/service.ts';
import { runImport } from './service.ts';
import { importFromPath } from './cli.ts';
import {
  codesByRow,
  expectCodesByRow,
  expectEveryRowAccounted,
  importedRecord,
  SAMPLES,
  snapshotOf,
} from './test-support.ts';
import { requestSteps, rowById } from '../../testing/rows.ts';

const t = useTestApp();

function run(kind: ImportKind, content: Readable, dryRun = false, fileName = `${kind}.csv`) {
  return runImport(t.db.kysely, t.config, {
    kind,
    fileName,
    content,
    dryRun,
    actor: { id: null },
  });
}

beforeAll(async () => {
  // The documented order: the sample payees first, then requests of theirs.
  const payees = await run('payees', createReadStream(path.join(SAMPLES, 'payees.csv')));
  expect(payees.report).toMatchObject({ created: 5, rejected: 0 });
});

const HEADER =
  'external_id,program,payee_external_id,amount,status,submitted_at,decided_at,paid_at,decided_by_email,note';

interface Line {
  id: string;
  program?: string;
  payee?: string;
  amount?: string;
  status?: string;
  submitted?: string;
  decided?: string;
  paid?: string;
  by?: string;
  note?: string;
}

function line(l: Line): string {
  return [
    l.id,
    l.program ?? 'home-energy-rebate',
    l.payee ?? 'LEG-P-0003',
    l.amount ?? '500.00',
    l.status ?? 'submitted',
    l.submitted ?? '2025-04-01',
    l.decided ?? '',
    l.paid ?? '',
    l.by ?? '',
    l.note ?? '',
  ].join(',');
}

function csv(lines: Line[]): Readable {
  return Readable.from([Buffer.from([HEADER, ...lines.map(line)].join('\r\n') + '\r\n')]);
}

const snapshot = () => snapshotOf(t.db.kysely);

async function requestOf(externalId: string) {
  const record = await importedRecord(t.db.kysely, 'requests', externalId);
  const request = await rowById(t.db.kysely, 'requests', record.entity_id);
  const payments = await t.db.kysely
    .selectFrom('payments')
    .selectAll()
    .where('request_id', '=', request.id)
    .execute();
  const events = await requestSteps(t.db.kysely, request.id);
  return { record, request, payments, events };
}

describe('requests import: every error, by line and column', () => {
  it('reports each kind of problem on its line, all at once, and imports nothing', async () => {
    const before = await snapshot();
    const { report, runId } = await run(
      'requests',
      csv([
        { id: 'E-1' }, // 2: fine
        { id: 'E-2', program: 'no-such-program' }, // 3
        { id: 'E-3', payee: 'LEG-P-9999' }, // 4
        { id: 'E-4', amount: '"1,234.50"' }, // 5: thousands separator
        { id: 'E-5', amount: '12.345' }, // 6: malformed
        { id: 'E-6', amount: '-5.00' }, // 7: negative
        { id: 'E-7', amount: '0.00' }, // 8: zero
        { id: 'E-8', amount: '2000.01' }, // 9: above the $2,000 maximum
        { id: 'E-9', status: 'pending' }, // 10
        { id: 'E-10', submitted: '2025-02-30' }, // 11: no such day
        { id: 'E-11', status: 'paid', decided: '2025-04-02', paid: '2025-03-01' }, // 12
        { id: 'E-12', status: 'approved' }, // 13: decided_at missing
        { id: 'E-1' }, // 14: external_id repeated
        { id: 'E-14', note: 'bad\u0007note' }, // 15: control character
        { id: 'E-15', status: 'rejected', decided: '2025-04-09', by: 'citizen@example.gov' }, // 16
        { id: 'E-16', submitted: '2999-01-01' }, // 17: in the future
        { id: 'E-17', status: 'paid', decided: '2025-04-03' }, // 18: paid_at missing
        { id: 'E-18', submitted: '01/04/2025' }, // 19: not ISO
        { id: 'E-19', submitted: '2025-04-01T10:00:00' }, // 20: a time without its offset
      ]),
      true,
    );
    expect(runId).toBeNull();
    expectCodesByRow(report, [
      '3:program:import.program_unknown',
      '4:payee_external_id:import.payee_unknown',
      '5:amount:import.amount_invalid',
      '6:amount:import.amount_invalid',
      '7:amount:import.amount_not_positive',
      '8:amount:import.amount_not_positive',
      '9:amount:import.amount_above_maximum',
      '10:status:import.status_unknown',
      '11:submitted_at:import.date_invalid',
      '12:paid_at:import.date_before_submitted',
      '13:decided_at:import.date_required_for_status',
      '14:external_id:import.external_id_duplicate',
      '15:note:import.control_characters',
      '16:decided_by_email:import.decided_by_unknown',
      '17:submitted_at:import.date_in_future',
      '18:paid_at:import.date_required_for_status',
      '19:submitted_at:import.date_invalid',
      '20:submitted_at:import.date_invalid',
    ]);
    expect(report).toMatchObject({ rows: 19, created: 1, rejected: 18 });
    expectEveryRowAccounted(report);
    expect(await snapshot()).toEqual(before);
  });

  it('names a missing required column on line 1 and rejects every row', async () => {
    const content = Readable.from([
      'external_id,program,amount,status,submitted_at\nX-1,home-energy-rebate,10.00,submitted,2025-01-02\n',
    ]);
    const { report } = await run('requests', content, true);
    expect(codesByRow(report)).toEqual(['1:payee_external_id:import.column_missing']);
    expect(report).toMatchObject({ rows: 1, rejected: 1 });
  });
});

describe('requests import: what each status becomes', () => {
  it('writes the sample file cleanly, each request in its state, its past steps unannounced, one audit entry', async () => {
    const before = await snapshot();
    const content = createReadStream(path.join(SAMPLES, 'requests.csv'));
    const dry = await run('requests', content, true);
    expect(dry.report).toMatchObject({ rows: 7, created: 7, rejected: 0, errors: [] });
    expect(await snapshot()).toEqual(before);

    const { report } = await run('requests', createReadStream(path.join(SAMPLES, 'requests.csv')));
    expect(report).toEqual({
      kind: 'requests',
      rows: 7,
      created: 7,
      updated: 0,
      unchanged: 0,
      rejected: 0,
      errors: [],
    });
    const after = await snapshot();
    expect(after.counts.requests).toBe(before.counts.requests! + 7);
    // An approved and two paid requests have payments; nothing was announced or mailed.
    expect(after.counts.payments).toBe(before.counts.payments! + 3);
    expect(after.counts.audit_log).toBe(before.counts.audit_log! + 1);
    for (const table of ['notifications', 'email_outbox', 'outbox_events', 'decisions'])
      expect(after.counts[table], table).toBe(before.counts[table]);

    const paid = await requestOf('LEG-R-0001');
    const payeeUser = await importedRecord(t.db.kysely, 'payees', 'LEG-P-0001');
    const program = await rowById(t.db.kysely, 'programs', t.programId('home-energy-rebate'));
    expect(paid.request).toMatchObject({
      status: 'paid',
      applicant_id: payeeUser.entity_id,
      program_id: program.id,
      program_version: program.version,
      answers: {},
      amount_requested_cents: 85_000,
      approved_amount_cents: 85_000,
    });
    expect(paid.request.reference).toMatch(/^HMS-/);
    const account = await t.db.kysely
      .selectFrom('payee_accounts')
      .select('id')
      .where('user_id', '=', payeeUser.entity_id)
      .executeTakeFirstOrThrow();
    expect(paid.request.payee_account_id).toBe(account.id);
    expect(paid.payments).toEqual([
      expect.objectContaining({
        status: 'settled',
        amount_cents: 85_000,
        payee_account_id: account.id,
      }),
    ]);
    expect(paid.record.note).toBe('Heat pump rebate');
    expect(paid.events.map((e) => [e.type, e.from_status, e.to_status])).toEqual([
      ['submitted', 'draft', 'submitted'],
      ['approved', 'submitted', 'approved'],
      ['paid', 'approved', 'paid'],
    ]);
    expect(paid.events[1]!.actor_id).toBe(t.userId('approver'));
    expect(new Date(paid.events[2]!.created_at).toISOString().slice(0, 10)).toBe('2025-03-21');

    const approved = await requestOf('LEG-R-0003');
    expect(approved.payments).toEqual([
      expect.objectContaining({ status: 'pending', amount_cents: 120_000 }),
    ]);
    const rejected = await requestOf('LEG-R-0004');
    expect(rejected.request).toMatchObject({ status: 'rejected', approved_amount_cents: null });
    expect(rejected.payments).toEqual([]);
    const open = await requestOf('LEG-R-0005');
    expect(open.request).toMatchObject({ status: 'in_review', decided_at: null });
    expect(open.request.due_at).not.toBeNull();
    const withdrawn = await requestOf('LEG-R-0007');
    expect(withdrawn.events.map((e) => e.type)).toEqual(['submitted', 'withdrawn']);
  });
});

describe('requests import: all or nothing, twice is once, paid stays paid', () => {
  it('a real run with one bad row writes nothing but its refused run and audit entry', async () => {
    const before = await snapshot();
    const { report } = await run(
      'requests',
      csv([
        { id: 'A-1' },
        { id: 'A-2', status: 'approved', decided: '2025-04-05' },
        { id: 'A-3', amount: 'x' },
      ]),
    );
    expect(report).toMatchObject({ rows: 3, created: 2, rejected: 1 });
    expect((await snapshot()).counts).toEqual({
      ...before.counts,
      import_runs: before.counts.import_runs! + 1,
      audit_log: before.counts.audit_log! + 1,
    });
  });

  it('imports, then reports every row unchanged, then updates a changed row and refuses a paid amount change', async () => {
    const lines: Line[] = [
      { id: 'T-1', status: 'approved', decided: '2025-04-05', amount: '300.00' },
      { id: 'T-2', status: 'paid', decided: '2025-04-05', paid: '2025-04-09', amount: '400.00' },
      { id: 'T-3' },
    ];
    expect((await run('requests', csv(lines))).report).toMatchObject({ created: 3, rejected: 0 });
    const before = await snapshot();
    const again = await run('requests', csv(lines));
    expect(again.report).toMatchObject({ rows: 3, unchanged: 3, created: 0, updated: 0 });
    expect((await snapshot()).counts).toEqual({
      ...before.counts,
      import_runs: before.counts.import_runs! + 1,
      audit_log: before.counts.audit_log! + 1,
    });

    // The approved request is paid now, at another amount; the open one was approved.
    const changed: Line[] = [
      { ...lines[0]!, status: 'paid', amount: '325.00', paid: '2025-04-20' },
      lines[1]!,
      { ...lines[2]!, status: 'approved', decided: '2025-04-12', by: 'approver@example.gov' },
    ];
    const third = await run('requests', csv(changed), false, 'requests-fixed.csv');
    expect(third.report).toMatchObject({ rows: 3, updated: 2, unchanged: 1, rejected: 0 });
    const t1 = await requestOf('T-1');
    expect(t1.request).toMatchObject({ status: 'paid', approved_amount_cents: 32_500 });
    expect(t1.payments).toEqual([
      expect.objectContaining({ status: 'settled', amount_cents: 32_500 }),
    ]);
    expect(t1.events.map((e) => e.type)).toEqual(['submitted', 'approved', 'paid']);
    expect(t1.record.source_file).toBe('requests-fixed.csv');
    const t3 = await requestOf('T-3');
    expect(t3.request).toMatchObject({ status: 'approved', approved_amount_cents: 50_000 });
    expect(t3.payments).toEqual([
      expect.objectContaining({ status: 'pending', amount_cents: 50_000 }),
    ]);

    const snap = await snapshot();
    const refused = await run(
      'requests',
      csv([changed[0]!, { ...lines[1]!, amount: '401.00' }, changed[2]!]),
    );
    expect(codesByRow(refused.report)).toEqual(['3:amount:import.paid_amount_changed']);
    const off = await run('requests', csv([{ ...changed[0]!, status: 'approved' }]), true);
    expect(codesByRow(off.report)).toEqual(['2:status:import.paid_status_changed']);
    expect((await requestOf('T-2')).payments).toEqual([
      expect.objectContaining({ status: 'settled', amount_cents: 40_000 }),
    ]);
    expect((await snapshot()).counts.requests).toBe(snap.counts.requests);
  });
});

describe('requests import: history feeds finance', () => {
  it('counts an imported paid request in the finance figures and an approved one as pending', async () => {
    const programId = t.programId('permit-fee-refund');
    const figures = async () =>
      (await financeSummary(t.db.kysely)).byProgram.find((p) => p.programId === programId)!;
    const before = await figures();
    const { report } = await run(
      'requests',
      csv([
        {
          id: 'F-1',
          program: 'permit-fee-refund',
          status: 'paid',
          amount: '123.45',
          decided: '2025-02-02',
          paid: '2025-02-05',
          submitted: '2025-02-01',
        },
        {
          id: 'F-2',
          program: 'permit-fee-refund',
          status: 'approved',
          amount: '77.00',
          decided: '2025-02-02',
          submitted: '2025-02-01',
        },
      ]),
    );
    expect(report).toMatchObject({ created: 2, rejected: 0 });
    const after = await figures();
    expect(after.paidCents - before.paidCents).toBe(123_45);
    expect(after.pendingCents - before.pendingCents).toBe(77_00);
    expect(after.approvedCents - before.approvedCents).toBe(123_45 + 77_00);
    expect(after.requestCount - before.requestCount).toBe(2);
  });

  it('an imported approved request’s payment is pending, and finance can batch it', async () => {
    const { report } = await run(
      'requests',
      csv([{ id: 'B-1', status: 'approved', amount: '210.00', decided: '2025-05-02' }]),
    );
    expect(report).toMatchObject({ created: 1, rejected: 0 });
    const { payments } = await requestOf('B-1');
    expect(payments).toEqual([
      expect.objectContaining({ status: 'pending', amount_cents: 210_00 }),
    ]);
    const supervisor = await t.signIn('supervisor');
    const listed = JSON.parse((await supervisor.get('/api/payments?status=pending')).body);
    expect(listed.items.map((i: { id: string }) => i.id)).toContain(payments[0]!.id);
    const build = await supervisor.post('/api/batches', { paymentIds: [payments[0]!.id] });
    expect(build.statusCode).toBe(201);
    expect(JSON.parse(build.body)).toMatchObject({
      status: 'built',
      entryCount: 1,
      totalCents: 210_00,
    });
  });
});

describe('hms import requests (command line)', () => {
  it('exits 0 for a clean dry run and 1 when a row is rejected', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'hms-import-requests-'));
    const good = path.join(dir, 'good.csv');
    writeFileSync(good, [HEADER, line({ id: 'C-1' })].join('\n'));
    const bad = path.join(dir, 'bad.csv');
    writeFileSync(bad, [HEADER, line({ id: 'C-1', status: 'lost' })].join('\n'));
    expect(
      await importFromPath(t.db.kysely, t.config, ['requests', good, '--dry-run']),
    ).toMatchObject({
      exitCode: 0,
      output: { kind: 'requests', rows: 1, created: 1 },
    });
    expect(
      await importFromPath(t.db.kysely, t.config, ['requests', bad, '--dry-run']),
    ).toMatchObject({
      exitCode: 1,
      output: { rows: 1, rejected: 1 },
    });
  });
});
