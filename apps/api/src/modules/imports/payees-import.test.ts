import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../testing/test-app.ts';
import { runImport } from './service.ts';
import { importFromPath } from './cli.ts';
import {
  codesByRow,
  expectCodesByRow,
  expectEveryRowAccounted,
  importedRecord,
  snapshotOf,
} from './test-support.ts';
import { lastAuditEntry, rowById } from '../../testing/rows.ts';

const t = useTestApp();

const HEADER =
  'external_id,full_name,email,phone,language,routing_number,account_number,account_type,holder_name';
// Valid ABA numbers (check digit and Federal Reserve prefix).
const ROUTING = ['011000015', '021000021', '121000358'];

/** Each prefix has its own account numbers, so payees of different tests never share a bank account. */
const accountOf = (i: number, prefix: string) => String(prefix.charCodeAt(0) * 100_000_000 + i);

function payeeLine(i: number, prefix = 'P'): string {
  const account = accountOf(i, prefix);
  return [
    `${prefix}-${i}`,
    `Payee ${i}`,
    `payee${i}.${prefix.toLowerCase()}@example.org`,
    '555-010-2000',
    i % 2 ? 'es' : 'en',
    ROUTING[i % 3],
    account,
    i % 2 ? 'savings' : 'checking',
    `Payee ${i}`,
  ].join(',');
}

function csv(lines: string[]): Readable {
  return Readable.from([Buffer.from([HEADER, ...lines].join('\r\n') + '\r\n')]);
}

function run(content: Readable, dryRun = false, fileName = 'payees.csv') {
  return runImport(t.db.kysely, t.config, {
    kind: 'payees',
    fileName,
    content,
    dryRun,
    actor: { id: null },
  });
}

const snapshot = () => snapshotOf(t.db.kysely);

const lastAudit = () => lastAuditEntry(t.db.kysely);

describe('payees import: every error, by line and column', () => {
  it('reports each kind of problem on its line, all at once, and imports nothing', async () => {
    const before = await snapshot();
    const lines = [
      payeeLine(1, 'E'), // 2: fine
      'E-2,,e2@example.org,,en,011000015,12345678,checking,X', // 3: full_name empty
      'E-3,Name,not-an-email,,en,011000015,12345679,checking,X', // 4: email
      'E-4,Name,e4@example.org,12,en,011000015,12345680,checking,X', // 5: phone
      'E-5,Name,e5@example.org,,fr,011000015,12345681,checking,X', // 6: language
      'E-6,Name,e6@example.org,,en,011000016,12345682,checking,X', // 7: routing check digit
      'E-7,Name,e7@example.org,,en,011000015,123,checking,X', // 8: account too short
      'E-8,Name,e8@example.org,,en,011000015,12345683,brokerage,X', // 9: account type
      'E-1,Name,e9@example.org,,en,011000015,12345684,checking,X', // 10: external_id repeated
      'E-10,Name,payee1.e@example.org,,en,011000015,12345685,checking,X', // 11: email repeated
      'E-11,Name,citizen@example.gov,,en,011000015,12345686,checking,X', // 12: email of another account
      'E-12,Na\u0007me,e12@example.org,,en,011000015,12345687,checking,X', // 13: control character
      'E-13,Name,e13@example.org,,en,011000015', // 14: too few cells
      `E-14,${'x'.repeat(201)},e14@example.org,,en,011000015,12345688,checking,X`, // 15: too long
    ];
    const { report, runId } = await run(csv(lines), true);
    expect(runId).toBeNull();
    expectCodesByRow(report, [
      '3:full_name:import.value_missing',
      '4:email:import.email_invalid',
      '5:phone:import.phone_invalid',
      '6:language:import.language_invalid',
      '7:routing_number:import.routing_invalid',
      '8:account_number:import.account_invalid',
      '9:account_type:import.account_type_invalid',
      '10:external_id:import.external_id_duplicate',
      '11:email:import.email_duplicate',
      '12:email:import.email_taken',
      '13:full_name:import.control_characters',
      '14:row:import.row_malformed',
      '15:full_name:import.value_too_long',
    ]);
    expect(report).toMatchObject({ rows: 14, created: 1, rejected: 13 });
    expectEveryRowAccounted(report);
    // Account numbers are never echoed, not even the bad ones.
    expect(JSON.stringify(report)).not.toMatch(/1234568\d|6900000001/);
    expect(await snapshot()).toEqual(before);
  });

  it('names unknown, missing and repeated columns on line 1 and rejects every row', async () => {
    const content = Readable.from([
      'External_ID,FULL_NAME,email,routing_number,account_number,account_type,nickname,email\n' +
        'H-1,Ann,ann@example.org,011000015,55554444,checking,Annie,ann@example.org\n',
    ]);
    const { report } = await run(content, true);
    expect(codesByRow(report)).toEqual([
      '1:email:import.column_duplicate',
      '1:holder_name:import.column_missing',
      '1:nickname:import.column_unknown',
    ]);
    expect(report).toMatchObject({ rows: 1, rejected: 1, created: 0 });
  });

  it('accepts a byte-order mark, CRLF, any column order and names in any case', async () => {
    const content = Readable.from([
      Buffer.concat([
        Buffer.from([0xef, 0xbb, 0xbf]),
        Buffer.from(
          'HOLDER_NAME,Account_Number,account_type,routing_number,email,full_name,external_id\r\n' +
            'Bo Lee,1234 5678,Savings,011000015,BO@example.org,Bo Lee,B-1\r\n',
        ),
      ]),
    ]);
    const { report } = await run(content, true);
    expect(report).toEqual({
      kind: 'payees',
      rows: 1,
      created: 1,
      updated: 0,
      unchanged: 0,
      rejected: 0,
      errors: [],
    });
  });

  it('warns, without rejecting, when the same bank account is on two payees', async () => {
    const same = (id: string) =>
      `${id},Sam ${id},${id.toLowerCase()}@example.org,,en,021000021,99887766,checking,Sam`;
    const { report } = await run(csv([same('W-1'), same('W-2')]), true);
    expect(report.errors).toEqual([
      expect.objectContaining({
        row: 3,
        field: 'account_number',
        code: 'import.bank_account_shared',
      }),
    ]);
    expect(report.errors[0]!.message).toContain('7766');
    expect(report).toMatchObject({ rows: 2, created: 2, rejected: 0 });
  });
});

describe('payees import: all or nothing, twice is once', () => {
  it('a real run with one bad row writes nothing but its refused run and audit entry', async () => {
    const before = await snapshot();
    const { report, runId } = await run(
      csv([payeeLine(1, 'A'), payeeLine(2, 'A'), 'A-3,Name,bad,,en,011000015,12345678,checking,X']),
    );
    expect(report).toMatchObject({ rows: 3, created: 2, rejected: 1 });
    const after = await snapshot();
    expect(after.counts).toEqual({
      ...before.counts,
      import_runs: before.counts.import_runs! + 1,
      audit_log: before.counts.audit_log! + 1,
    });
    const run_ = await rowById(t.db.kysely, 'import_runs', runId!);
    expect(run_).toMatchObject({ status: 'rejected', rows: 3, rejected: 1 });
    const audit = await lastAudit();
    expect(audit.action).toBe('import.rejected');
    expect(audit.data).toMatchObject({ rows: 3, rejected: 1, fileSha256: run_.file_sha256 });
    expect(run_.file_sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('imports, then reports every row unchanged, then updates a changed row', async () => {
    const lines = [payeeLine(1, 'T'), payeeLine(2, 'T'), payeeLine(3, 'T')];
    const first = await run(csv(lines));
    expect(first.report).toMatchObject({ rows: 3, created: 3, rejected: 0 });
    const user = await t.db.kysely
      .selectFrom('users')
      .select(['id', 'password_hash', 'language', 'display_name'])
      .where('email', '=', 'payee2.t@example.org')
      .executeTakeFirstOrThrow();
    expect(user).toMatchObject({ password_hash: null, language: 'en', display_name: 'Payee 2' });
    const account = await t.db.kysely
      .selectFrom('payee_accounts')
      .selectAll()
      .where('user_id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(account.account_last4).toBe('0002');
    expect(account.account_number_enc).not.toContain(accountOf(2, 'T'));
    expect(account.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    const roles = await t.db.kysely
      .selectFrom('user_roles')
      .select('role')
      .where('user_id', '=', user.id)
      .execute();
    expect(roles.map((r) => r.role)).toEqual(['citizen']);

    const second = await run(csv(lines));
    expect(second.report).toMatchObject({ rows: 3, created: 0, updated: 0, unchanged: 3 });

    const changed = [lines[0]!, lines[1]!.replace(accountOf(2, 'T'), '81111234'), lines[2]!];
    const before = await snapshot();
    const third = await run(csv(changed), false, 'payees-fixed.csv');
    expect(third.report).toMatchObject({ rows: 3, created: 0, updated: 1, unchanged: 2 });
    const after = await snapshot();
    expect(after.counts.payee_accounts).toBe(before.counts.payee_accounts);
    expect(after.counts.users).toBe(before.counts.users);
    const updated = await rowById(t.db.kysely, 'payee_accounts', account.id);
    expect(updated.account_last4).toBe('1234');
    const record = await importedRecord(t.db.kysely, 'payees', 'T-2');
    expect(record).toMatchObject({
      entity_id: user.id,
      import_run_id: third.runId,
      source_file: 'payees-fixed.csv',
    });
    const audit = await lastAudit();
    expect(audit).toMatchObject({
      action: 'import.completed',
      data: { kind: 'payees', rows: 3, updated: 1, unchanged: 2, fileSha256: third.fileSha256 },
    });
  });
});

describe('payees import: two at once', () => {
  it('two real imports of the same file at the same time: one creates, the other waits and finds every row unchanged', async () => {
    const lines = Array.from({ length: 40 }, (_, i) => payeeLine(i, 'W'));
    const [a, b] = await Promise.all([run(csv(lines)), run(csv(lines))]);
    const created = [a.report.created, b.report.created].sort();
    const unchanged = [a.report.unchanged, b.report.unchanged].sort();
    expect(created).toEqual([0, 40]);
    expect(unchanged).toEqual([0, 40]);
    expect(a.report.rejected + b.report.rejected).toBe(0);
  });
});

describe('payees import: the issue’s figure', () => {
  const N = 10_000;
  // 37 rows, each with one problem of the kinds a payee row can have, spread over the file.
  const broken: Array<(i: number) => string> = [
    (i) => payeeLine(i, 'F').replace(`Payee ${i},`, ','),
    (i) => payeeLine(i, 'F').replace(`payee${i}.f@example.org`, `payee${i}.f@`),
    (i) => payeeLine(i, 'F').replace('555-010-2000', '555'),
    (i) => payeeLine(i, 'F').replace(/,(en|es),/, ',de,'),
    (i) => payeeLine(i, 'F').replace(/,(011000015|021000021|121000358),/, ',011000016,'),
    (i) => payeeLine(i, 'F').replace(accountOf(i, 'F'), '12a4'),
    (i) => payeeLine(i, 'F').replace(/,(savings|checking),/, ',money market,'),
    (i) => payeeLine(i, 'F').replace(`F-${i},`, 'F-1,'),
    (i) => payeeLine(i, 'F').replace(`payee${i}.f@`, 'payee1.f@'),
    (i) => payeeLine(i, 'F').replace(`payee${i}.f@example.org`, 'citizen@example.gov'),
    (i) => payeeLine(i, 'F').replace(`Payee ${i},`, `Payee\u001b${i},`),
    (i) => payeeLine(i, 'F') + ',extra',
    (i) => payeeLine(i, 'F').replace(`Payee ${i},`, `${'P'.repeat(300)},`),
  ];
  const errorAt = new Map<number, number>();
  for (let k = 0; k < 37; k++) errorAt.set(100 + k * 263, k % broken.length);

  function file(withErrors: boolean): Readable {
    return Readable.from(
      (function* () {
        yield HEADER + '\n';
        for (let i = 1; i <= N; i++) {
          const kind = withErrors ? errorAt.get(i) : undefined;
          yield (kind === undefined ? payeeLine(i, 'F') : broken[kind]!(i)) + '\n';
        }
      })(),
    );
  }

  it('10,000 payees with 37 seeded errors: exactly those rows, nothing imported; fixed: all; again: unchanged', async () => {
    const before = await snapshot();
    const started = Date.now();
    const dry = await run(file(true), true);
    const dryMs = Date.now() - started;
    const errorLines = [...new Set(dry.report.errors.map((e) => e.row))].sort((a, b) => a - b);
    expect(errorLines).toEqual([...errorAt.keys()].map((i) => i + 1));
    expect(dry.report).toMatchObject({ rows: N, rejected: 37, created: N - 37 });
    expect(await snapshot()).toEqual(before);

    const refused = await run(file(true));
    expect(refused.report.rejected).toBe(37);
    expect((await snapshot()).counts.users).toBe(before.counts.users);

    const t0 = Date.now();
    const fixed = await run(file(false));
    const importMs = Date.now() - t0;
    expect(fixed.report).toEqual({
      kind: 'payees',
      rows: N,
      created: N,
      updated: 0,
      unchanged: 0,
      rejected: 0,
      errors: [],
    });
    expect((await snapshot()).counts.users).toBe(before.counts.users! + N);

    const t1 = Date.now();
    const again = await run(file(false));
    const againMs = Date.now() - t1;
    expect(again.report).toMatchObject({ rows: N, unchanged: N, created: 0, updated: 0 });
    console.info(
      `10,000 payees: dry run ${dryMs} ms, import ${importMs} ms, second run ${againMs} ms`,
    );
  }, 300_000);
});

describe('hms import (command line)', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'hms-import-'));
  it('exits 0 when nothing is rejected, 1 when a row is, 2 when the file cannot be read', async () => {
    const good = path.join(dir, 'good.csv');
    writeFileSync(good, [HEADER, payeeLine(3, 'C')].join('\n'));
    const bad = path.join(dir, 'bad.csv');
    writeFileSync(bad, [HEADER, payeeLine(3, 'C').replace('011000015', '011000016')].join('\n'));
    const ok = await importFromPath(t.db.kysely, t.config, ['payees', good, '--dry-run']);
    expect(ok).toMatchObject({ exitCode: 0, output: { rows: 1, created: 1 } });
    const refused = await importFromPath(t.db.kysely, t.config, ['payees', bad, '--dry-run']);
    expect(refused).toMatchObject({ exitCode: 1, output: { rows: 1, rejected: 1 } });
    const missing = await importFromPath(t.db.kysely, t.config, [
      'payees',
      path.join(dir, 'no.csv'),
    ]);
    expect(missing.exitCode).toBe(2);
    expect(missing.output).toEqual({ error: expect.stringContaining('cannot be read') });
    const empty = path.join(dir, 'empty.csv');
    writeFileSync(empty, '');
    expect(await importFromPath(t.db.kysely, t.config, ['payees', empty])).toMatchObject({
      exitCode: 2,
      output: { error: expect.stringContaining('empty') },
    });
  });

  it('maps file columns to HMS columns with --map; errors name the file’s column; a bad mapping exits 2', async () => {
    const renamed = HEADER.replace('external_id', 'Client ID').replace('routing_number', 'ABA');
    const mapped = path.join(dir, 'mapped.csv');
    writeFileSync(
      mapped,
      [renamed, payeeLine(4, 'M'), payeeLine(6, 'M').replace('011000015', '011000016')].join('\n'),
    );
    const args = ['payees', mapped, '--dry-run'];
    const unmapped = await importFromPath(t.db.kysely, t.config, args);
    expect(unmapped).toMatchObject({ exitCode: 1, output: { rows: 2, rejected: 2 } });
    expect(
      codesByRow(unmapped.output as { errors: [] } & Parameters<typeof codesByRow>[0]),
    ).toEqual([
      '1:ABA:import.column_unknown',
      '1:Client ID:import.column_unknown',
      '1:external_id:import.column_missing',
      '1:routing_number:import.column_missing',
    ]);
    const withMap = await importFromPath(t.db.kysely, t.config, [
      ...args,
      '--map',
      'client id=external_id',
      '--map=ABA=routing_number',
    ]);
    expect(withMap).toMatchObject({ exitCode: 1, output: { rows: 2, created: 1, rejected: 1 } });
    // The error names the column as the file has it, on its line.
    expect(codesByRow(withMap.output as Parameters<typeof codesByRow>[0])).toEqual([
      '3:ABA:import.routing_invalid',
    ]);
    const absent = await importFromPath(t.db.kysely, t.config, [
      ...args,
      '--map',
      'Client ID=external_id',
      '--map',
      'ABA=routing_number',
      '--map',
      'Nope=phone',
    ]);
    expect(codesByRow(absent.output as Parameters<typeof codesByRow>[0])).toContain(
      '1:Nope:import.mapping_column_absent',
    );
    for (const bad of [
      ['--map', 'ABA=routing'],
      ['--map', 'ABA=routing_number', '--map', 'Client ID=routing_number'],
      ['--map', 'no equals sign'],
      ['--map'],
    ]) {
      const refused = await importFromPath(t.db.kysely, t.config, [...args, ...bad]);
      expect(refused.exitCode, bad.join(' ')).toBe(2);
      expect(refused.output).toEqual({ error: expect.any(String) });
    }
  });
});
