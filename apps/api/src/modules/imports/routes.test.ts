import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportRunResponse } from '@hms/contracts/imports';
import { Agent, createTestApp, type TestContext } from '../../testing/test-app.ts';
import { snapshotOf } from './test-support.ts';
import { errorFile } from './browser-runs.ts';

let t: TestContext;
let admin: Agent;
beforeAll(async () => {
  t = await createTestApp();
  admin = new Agent(t.app);
  await admin.signIn('admin@example.gov');
});
afterAll(async () => {
  await t?.close();
});

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

function multipart(parts: Array<{ name: string; value: string; filename?: string }>) {
  const boundary = '----hmsimport' + Math.random().toString(16).slice(2);
  const body = Buffer.concat([
    ...parts.map((p) =>
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"` +
          (p.filename ? `; filename="${p.filename}"\r\nContent-Type: text/csv` : '') +
          `\r\n\r\n${p.value}\r\n`,
      ),
    ),
    Buffer.from(`--${boundary}--\r\n`),
  ]);
  return { body, contentType: `multipart/form-data; boundary=${boundary}` };
}

async function upload(
  agent: Agent,
  fields: { kind?: string; dryRun?: string },
  csv: string | null,
  filename = 'payees.csv',
) {
  const parts = [
    ...(fields.kind === undefined ? [] : [{ name: 'kind', value: fields.kind }]),
    ...(fields.dryRun === undefined ? [] : [{ name: 'dryRun', value: fields.dryRun }]),
    ...(csv === null ? [] : [{ name: 'file', value: csv, filename }]),
  ];
  const { body, contentType } = multipart(parts);
  return agent.post('/api/admin/imports', body, { headers: { 'content-type': contentType } });
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
    expect(dry.statusCode, dry.body).toBe(200);
    const body = dry.json<ImportRunResponse>();
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
    const finance = new Agent(t.app);
    await finance.signIn('finance@example.gov');
    expect((await finance.get(`/api/admin/imports/${body.importId}/error-file`)).statusCode).toBe(
      403,
    );
    const gone = await admin.get(`/api/admin/imports/${crypto.randomUUID()}/error-file`);
    expect(gone.statusCode).toBe(404);
    expect(gone.json()).toMatchObject({ code: 'import.error_file_gone' });

    const fixed = [HEADER, line(1), line(2), line(3, { name: 'Web Payee 3' })].join('\r\n');
    const clean = (
      await upload(admin, { kind: 'payees', dryRun: 'true' }, fixed)
    ).json<ImportRunResponse>();
    expect(clean).toMatchObject({ errorFile: false, report: { created: 3, rejected: 0 } });
    const real = await upload(admin, { kind: 'payees', dryRun: 'false' }, fixed);
    expect(real.statusCode).toBe(200);
    const done = real.json<ImportRunResponse>();
    expect(done).toMatchObject({ dryRun: false, report: { created: 3, rejected: 0, errors: [] } });
    const run = await t.db.kysely
      .selectFrom('import_runs')
      .select(['status', 'created', 'started_by'])
      .where('id', '=', done.importId)
      .executeTakeFirstOrThrow();
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

  it('is for admins only', async () => {
    const approver = new Agent(t.app);
    await approver.signIn('approver@example.gov');
    const res = await upload(approver, { kind: 'payees', dryRun: 'true' }, HEADER);
    expect(res.statusCode).toBe(403);
  });
});
