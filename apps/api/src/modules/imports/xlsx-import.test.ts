import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { IMPORT_COLUMNS, type ImportReport } from '@hms/contracts/imports';
import { useTestApp } from '../../testing/test-app.ts';
import { xlsxOf, type SheetCell } from '../../scripts/sample-xlsx.ts';
import { importFromPath } from './cli.ts';
import { codesByRow, SAMPLES, snapshotOf } from './test-support.ts';

const t = useTestApp();

const dir = mkdtempSync(path.join(tmpdir(), 'hms-import-xlsx-'));
const cli = (args: string[]) => importFromPath(t.db.kysely, t.config, args);
const reportOf = (r: { output: unknown }) => r.output as ImportReport;

async function sheetFile(name: string, rows: SheetCell[][]) {
  const file = path.join(dir, name);
  writeFileSync(file, await xlsxOf(rows));
  return file;
}

describe('hms import of an .xlsx workbook (its first sheet)', () => {
  it('the sample payees.xlsx reports exactly what payees.csv does, and importing one makes the other unchanged', async () => {
    const xlsx = path.join(SAMPLES, 'payees.xlsx');
    const csv = path.join(SAMPLES, 'payees.csv');
    const before = await snapshotOf(t.db.kysely);
    const fromXlsx = await cli(['payees', xlsx, '--dry-run']);
    const fromCsv = await cli(['payees', csv, '--dry-run']);
    expect(fromXlsx).toEqual(fromCsv);
    expect(fromXlsx).toMatchObject({ exitCode: 0, output: { rows: 5, created: 5, errors: [] } });
    expect(await snapshotOf(t.db.kysely)).toEqual(before);

    expect(await cli(['payees', xlsx])).toMatchObject({ exitCode: 0, output: { created: 5 } });
    expect(await cli(['payees', csv])).toMatchObject({
      exitCode: 0,
      output: { rows: 5, unchanged: 5, created: 0, updated: 0 },
    });
  });

  it('reads date cells as ISO dates and number amounts as dollars and cents, rows numbered as in the sheet', async () => {
    // The format's first eight columns (external_id … paid_at); the optional ones after them are left out.
    const header = IMPORT_COLUMNS.requests.slice(0, 8);
    const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
    const file = await sheetFile('requests.xlsx', [
      header,
      [
        'X-R-1',
        'home-energy-rebate',
        'LEG-P-0001',
        850,
        'paid',
        day('2025-03-04'),
        day('2025-03-18'),
        day('2025-03-21'),
      ],
      // An empty row is skipped; the next row is still numbered 4, as in the sheet.
      [],
      ['X-R-2', 'home-energy-rebate', 'LEG-P-0002', 245.5, 'submitted', '2025-05-12', null, null],
      [
        'X-R-3',
        'home-energy-rebate',
        'LEG-P-0003',
        12.345,
        'submitted',
        day('2025-05-12'),
        null,
        null,
      ],
      [
        'X-R-4',
        'home-energy-rebate',
        'LEG-P-0004',
        '99.00',
        'submitted',
        new Date('2025-05-12T14:30:00Z'),
        null,
        null,
      ],
    ]);
    const checked = await cli(['requests', file, '--dry-run']);
    expect(checked.exitCode).toBe(1);
    expect(reportOf(checked)).toMatchObject({ rows: 4, created: 2, rejected: 2 });
    expect(codesByRow(reportOf(checked))).toEqual([
      '5:amount:import.amount_invalid',
      '6:submitted_at:import.date_invalid',
    ]);
  });

  it('refuses a number cell too long to be exact, maps columns, and exits 2 for a workbook it cannot read', async () => {
    const header = [
      'Client ID',
      'full_name',
      'email',
      'routing_number',
      'account_number',
      'account_type',
      'holder_name',
    ];
    const file = await sheetFile('payees-numbers.xlsx', [
      header,
      [
        'N-1',
        'Ann Lee',
        'ann.lee.x@example.org',
        '011000015',
        // 17 digits typed as a number: a spreadsheet keeps 12345678901234568.
        Number('12345678901234567'),
        'checking',
        'Ann Lee',
      ],
      ['N-2', 'Bo Kim', 'bo.kim.x@example.org', '011000015', 55501234, 'savings', 'Bo Kim'],
    ]);
    const checked = await cli(['payees', file, '--dry-run', '--map', 'client id=external_id']);
    expect(reportOf(checked)).toMatchObject({ rows: 2, created: 1, rejected: 1 });
    expect(codesByRow(reportOf(checked))).toEqual(['2:account_number:import.cell_number_inexact']);

    const notXlsx = path.join(dir, 'fake.xlsx');
    writeFileSync(notXlsx, 'external_id\nA\n');
    expect(await cli(['payees', notXlsx, '--dry-run'])).toMatchObject({
      exitCode: 2,
      output: { error: expect.stringContaining('not an .xlsx workbook') },
    });
    const broken = path.join(dir, 'broken.xlsx');
    writeFileSync(broken, Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(64)]));
    expect((await cli(['payees', broken, '--dry-run'])).exitCode).toBe(2);
    const empty = await sheetFile('empty.xlsx', []);
    expect(await cli(['payees', empty, '--dry-run'])).toMatchObject({
      exitCode: 2,
      output: { error: expect.stringContaining('empty') },
    });
  });
});
