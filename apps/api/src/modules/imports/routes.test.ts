import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ImportJob } from '@hms/contracts/imports';
import { type Agent, useTestApp } from '../../testing/test-app.ts';
import { SAMPLES, snapshotOf } from './test-support.ts';
import { errorFile, forgetJobs } from './browser-runs.ts';
import { rowById } from '../../testing/rows.ts';

const t = useTestApp();
const admin = t.signedIn('admin');
const HEADER =
  'external_id,full_name,email,phone,language,routing_number,account_number,account_type,holder_name';
const line = (i: number, extra: Partial<Record<'name' | 'routing', string>> = {}) =>
  [
    `WEB-${i}`,
    extra.name ?? `Web Payee ${i}`,
    `web.payee${i}@example.org`,
    '',
    'en',
    extra.routing ?? '011000015',
    String(770_000_000 + i),
    'checking',
    `Web Payee ${i}`,
  ].join(',');

function multipart(parts: Array<{ name: string; value: string | Buffer; filename?: string }>) {
  const boundary = '----hmsimport' + Math.random().toString(16).slice(2);
  const body = Buffer.concat([
    ...parts.flatMap((p) => [
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"` +
          (p.filename ? `; filename="${p.filename}"\r\nContent-Type: text/csv` : '') +
          `\r\n\r\n`,
      ),
      Buffer.from(p.value),
      Buffer.from('\r\n'),
    ]),
    Buffer.from(`--${boundary}--\r\n`),
  ]);
  return { body, contentType: `multipart/form-data; boundary=${boundary}` };
}

async function upload(
  agent: Agent,
  fields: { kind?: string; dryRun?: string; mapping?: string },
  csv: string | Buffer | null,
  filename = 'payees.csv',
  url = '/api/admin/imports',
) {
  const parts = [
    ...(fields.kind === undefined ? [] : [{ name: 'kind', value: fields.kind }]),
    ...(fields.dryRun === undefined ? [] : [{ name: 'dryRun', value: fields.dryRun }]),
    ...(fields.mapping === undefined ? [] : [{ name: 'mapping', value: fields.mapping }]),
    ...(csv === null ? [] : [{ name: 'file', value: csv, filename }]),
  ];
  const { body, contentType } = multipart(parts);
  return agent.post(url, body, { headers: { 'content-type': contentType } });
}

/** Polls the job until it is over, recording each progress it showed on the way. */
async function finished(agent: Agent, jobId: string, seen: ImportJob[] = []): Promise<ImportJob> {
  for (;;) {
    const res = await agent.get(`/api/admin/imports/jobs/${jobId}`);
    expect(res.statusCode, res.body).toBe(200);
    const job = res.json<ImportJob>();
    seen.push(job);
    if (job.state === 'completed' || job.state === 'failed') return job;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Starts a run and answers its result once the job is over. */
async function runToEnd(agent: Agent, dryRun: boolean, csv: string) {
  const res = await upload(agent, { kind: 'payees', dryRun: String(dryRun) }, csv);
  expect(res.statusCode, res.body).toBe(202);
  const job = await finished(agent, res.json<ImportJob>().jobId);
  expect(job.state).toBe('completed');
  return job.result!;
}

describe('POST /api/admin/imports', () => {
  it('checks a file without changing anything, keeps an error file for its admin, then imports the fixed file', async () => {
    const before = await snapshotOf(t.db.kysely);
    const broken = [
      HEADER,
      line(1),
      line(2, { routing: '011000016' }),
      line(3, { name: '"=HYPERLINK(""http://x"")"' }),
    ].join('\r\n');
    const dry = await upload(admin, { kind: 'payees', dryRun: 'true' }, broken);
    expect(dry.statusCode, dry.body).toBe(202);
    const started = dry.json<ImportJob>();
    expect(started).toMatchObject({
      kind: 'payees',
      fileName: 'payees.csv',
      dryRun: true,
      state: 'queued',
      rowsProcessed: 0,
      result: null,
    });
    const job = await finished(admin, started.jobId);
    expect(job).toMatchObject({ state: 'completed', rowsProcessed: 3, rowsTotal: 3 });
    const body = job.result!;
    expect(body.importId).toBe(started.jobId);
    expect(body).toMatchObject({
      fileName: 'payees.csv',
      dryRun: true,
      columns: HEADER.split(','),
      errorFile: true,
      report: { kind: 'payees', rows: 3, created: 2, rejected: 1 },
    });
    expect(body.report.errors).toEqual([
      expect.objectContaining({ row: 3, field: 'routing_number', code: 'import.routing_invalid' }),
    ]);
    expect(await snapshotOf(t.db.kysely)).toEqual(before);

    const file = await admin.get(`/api/admin/imports/${body.importId}/error-file`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toMatch(/^text\/csv/);
    expect(file.headers['content-disposition']).toBe('attachment; filename="payees-errors.csv"');
    const lines = file.body.trimEnd().split('\r\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toBe(`error,${HEADER}`);
    expect(lines[1]).toBe(`,${line(1)}`);
    expect(lines[2]).toMatch(/^"?routing_number: .+,WEB-2,/);
    // The formula cell arrives as text, not as a formula.
    expect(lines[3]).toContain(`"'=HYPERLINK(""http://x"")"`);

    // Only the admin who ran the check gets the file; another role is refused, an unknown id is gone.
    await expect(errorFile(body.importId, crypto.randomUUID())).rejects.toMatchObject({
      code: 'import.error_file_gone',
    });
    const finance = await t.signIn('finance');
    expect((await finance.get(`/api/admin/imports/${body.importId}/error-file`)).statusCode).toBe(
      403,
    );
    const gone = await admin.get(`/api/admin/imports/${crypto.randomUUID()}/error-file`);
    expect(gone.statusCode).toBe(404);
    expect(gone.json()).toMatchObject({ code: 'import.error_file_gone' });

    const fixed = [HEADER, line(1), line(2), line(3, { name: 'Web Payee 3' })].join('\r\n');
    const clean = await runToEnd(admin, true, fixed);
    expect(clean).toMatchObject({ errorFile: false, report: { created: 3, rejected: 0 } });
    const done = await runToEnd(admin, false, fixed);
    expect(done).toMatchObject({ dryRun: false, report: { created: 3, rejected: 0, errors: [] } });
    const run = await rowById(t.db.kysely, 'import_runs', done.importId);
    expect(run).toMatchObject({ status: 'completed', created: 3 });
    expect(run.started_by).toBeTruthy();
  });

  it('refuses a missing file, bad fields and an unreadable file with their codes', async () => {
    const noFile = await upload(admin, { kind: 'payees', dryRun: 'true' }, null);
    expect(noFile.statusCode).toBe(400);
    expect(noFile.json()).toMatchObject({ code: 'import.file_missing' });

    const badKind = await upload(admin, { kind: 'people', dryRun: 'maybe' }, HEADER);
    expect(badKind.statusCode).toBe(400);
    expect(badKind.json()).toMatchObject({
      code: 'validation.failed',
      errors: [
        expect.objectContaining({ field: 'kind' }),
        expect.objectContaining({ field: 'dryRun' }),
      ],
    });

    // A quote in the middle of a cell (csv-parse's one code without the CSV_ prefix) stops the reading: a file that
    // cannot be read, not a failure of the API.
    const quote = await upload(
      admin,
      { kind: 'payees', dryRun: 'true' },
      [HEADER, line(11), line(12, { name: 'Ann "Nan" Lee' }), line(13)].join('\n'),
    );
    expect(quote.statusCode, quote.body).toBe(400);
    expect(quote.json()).toMatchObject({ code: 'import.file_unreadable' });

    const empty = await upload(admin, { kind: 'payees', dryRun: 'true' }, '');
    expect(empty.statusCode).toBe(400);
    expect(empty.json()).toMatchObject({ code: 'import.file_unreadable' });
  });

  it('reports progress batch by batch, runs one import at a time, and tells a finished import after a restart', async () => {
    const rows = Array.from({ length: 1200 }, (_, i) => line(1000 + i));
    const big = [HEADER, ...rows].join('\r\n');
    const res = await upload(admin, { kind: 'payees', dryRun: 'false' }, big);
    expect(res.statusCode, res.body).toBe(202);
    const { jobId } = res.json<ImportJob>();

    // A second import while this one runs is refused with its code; a check may still run.
    const second = await upload(admin, { kind: 'payees', dryRun: 'false' }, big);
    expect(second.statusCode).toBe(409);
    expect(second.json()).toMatchObject({ code: 'import.already_running' });

    // Only the admin who started it sees it.
    const other = await t.signIn('admin2');
    const theirs = await other.get(`/api/admin/imports/jobs/${jobId}`);
    expect(theirs.statusCode).toBe(404);
    expect(theirs.json()).toMatchObject({ code: 'import.job_gone' });

    const seen: ImportJob[] = [];
    const job = await finished(admin, jobId, seen);
    expect(job).toMatchObject({
      state: 'completed',
      rowsProcessed: 1200,
      rowsTotal: 1200,
      result: { importId: jobId, dryRun: false, report: { rows: 1200, created: 1200 } },
    });
    // Progress moves after each batch of 500 rows: never past the total, never backwards.
    const done = seen.map((j) => j.rowsProcessed);
    expect(done).toEqual([...done].sort((a, b) => a - b));
    expect(done.every((n) => [0, 500, 1000, 1200].includes(n))).toBe(true);

    // The next import may start now.
    const again = await upload(admin, { kind: 'payees', dryRun: 'false' }, big);
    expect(again.statusCode).toBe(202);
    const twice = await finished(admin, again.json<ImportJob>().jobId);
    expect(twice.result!.report).toMatchObject({ rows: 1200, unchanged: 1200 });

    // A check whose job is gone.
    const check = await upload(admin, { kind: 'payees', dryRun: 'true' }, big);
    const checkId = check.json<ImportJob>().jobId;
    await finished(admin, checkId);

    // A restart: the finished import is told from its stored run, the check is said to be gone.
    forgetJobs();
    const told = await admin.get(`/api/admin/imports/jobs/${jobId}`);
    expect(told.statusCode, told.body).toBe(200);
    expect(told.json<ImportJob>()).toMatchObject({
      state: 'completed',
      result: {
        importId: jobId,
        fileName: 'payees.csv',
        columns: HEADER.split(','),
        errorFile: false,
        report: { rows: 1200, created: 1200, rejected: 0 },
      },
    });
    expect((await other.get(`/api/admin/imports/jobs/${jobId}`)).statusCode).toBe(404);
    const lost = await admin.get(`/api/admin/imports/jobs/${checkId}`);
    expect(lost.statusCode).toBe(404);
    expect(lost.json()).toMatchObject({ code: 'import.job_gone' });
  }, 60_000);

  it('reads a header with suggested columns, and checks a file with its column mapping', async () => {
    const renamed = HEADER.replace('external_id', 'External ID').replace('holder_name', 'Owner');
    const file = [renamed, line(3001), line(3002, { routing: '011000016' })].join('\r\n');
    const header = await upload(
      admin,
      { kind: 'payees' },
      file,
      'old.csv',
      '/api/admin/imports/header',
    );
    expect(header.statusCode, header.body).toBe(200);
    expect(header.json()).toEqual({
      format: 'csv',
      columns: renamed.split(',').map((name) => ({
        name,
        suggested: name === 'Owner' ? null : name === 'External ID' ? 'external_id' : name,
      })),
    });

    const mapping = JSON.stringify({ 'External ID': 'external_id', Owner: 'holder_name' });
    const res = await upload(admin, { kind: 'payees', dryRun: 'true', mapping }, file, 'old.csv');
    expect(res.statusCode, res.body).toBe(202);
    const job = await finished(admin, res.json<ImportJob>().jobId);
    expect(job.result).toMatchObject({
      columns: renamed.split(','),
      report: { rows: 2, created: 1, rejected: 1 },
    });
    expect(job.result!.report.errors).toEqual([
      expect.objectContaining({ row: 3, field: 'routing_number', code: 'import.routing_invalid' }),
    ]);

    // Targets the format lacks, or taken twice, are refused by field before anything runs.
    const bad = await upload(
      admin,
      {
        kind: 'payees',
        dryRun: 'true',
        mapping: JSON.stringify({
          Owner: 'owner',
          Email: 'external_id',
          'External ID': 'external_id',
        }),
      },
      file,
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({
      code: 'validation.failed',
      errors: [
        expect.objectContaining({ field: 'mapping.Owner', code: 'field.invalid_choice' }),
        expect.objectContaining({ field: 'mapping.External ID', code: 'field.invalid_choice' }),
      ],
    });
    const notJson = await upload(admin, { kind: 'payees', dryRun: 'true', mapping: '{' }, file);
    expect(notJson.json()).toMatchObject({
      code: 'validation.failed',
      errors: [expect.objectContaining({ field: 'mapping' })],
    });
  });

  it('reads the header of an .xlsx workbook and checks its first sheet like the CSV file', async () => {
    const sample = readFileSync(path.join(SAMPLES, 'payees.xlsx'));
    const header = await upload(
      admin,
      { kind: 'payees' },
      sample,
      'payees.xlsx',
      '/api/admin/imports/header',
    );
    expect(header.json()).toMatchObject({
      format: 'xlsx',
      columns: expect.arrayContaining([{ name: 'external_id', suggested: 'external_id' }]),
    });
    const res = await upload(admin, { kind: 'payees', dryRun: 'true' }, sample, 'payees.xlsx');
    expect(res.statusCode, res.body).toBe(202);
    const job = await finished(admin, res.json<ImportJob>().jobId);
    expect(job.result).toMatchObject({
      fileName: 'payees.xlsx',
      columns: HEADER.split(','),
      report: { rows: 5, created: 5, rejected: 0, errors: [] },
    });
    // A file named .xlsx that is not a workbook is refused at once.
    const fake = await upload(admin, { kind: 'payees', dryRun: 'true' }, HEADER, 'payees.xlsx');
    expect(fake.statusCode).toBe(400);
    expect(fake.json()).toMatchObject({ code: 'import.file_unreadable' });
  });

  it('is for admins only', async () => {
    const approver = await t.signIn('approver');
    const res = await upload(approver, { kind: 'payees', dryRun: 'true' }, HEADER);
    expect(res.statusCode).toBe(403);
    const job = await approver.get(`/api/admin/imports/jobs/${crypto.randomUUID()}`);
    expect(job.statusCode).toBe(403);
  });
});
