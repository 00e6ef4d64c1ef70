import { describe, expect, it } from 'vitest';
import { sampleFile } from './fixtures.ts';
import { parseFile } from './parse.ts';
import { records } from './testdata.ts';
import { validateFile } from './validate.ts';
import { AchWriteError, writeFile } from './write.ts';

describe('writeFile', () => {
  it('writes 94-character records padded with 9s to a multiple of 10', () => {
    expect(
      records(writeFile(sampleFile()))
        .map((l) => l[0])
        .join(''),
    ).toBe('1566856789');
    const f = sampleFile();
    f.batches[0]!.entries.push({
      transactionCode: 22,
      rdfiRouting: '231380104',
      dfiAccountNumber: '1',
      amount: 1,
      traceNumber: '121042880000004',
    });
    const lines = records(writeFile(f));
    expect(lines).toHaveLength(20);
    for (const l of lines) expect(l).toHaveLength(94);
    expect(lines.map((l) => l[0]).join('')).toBe('15666856789' + '9'.repeat(9));
    expect(lines.slice(11)).toEqual(Array(9).fill('9'.repeat(94)));
  });

  it('computes service class, counts, entry hash and totals', () => {
    const lines = records(writeFile(sampleFile()));
    expect(lines[0]).toBe(
      '101 231380104 1210428822611251955A094101FEDERAL RESERVE BANK   HMS PAYMENTS                   ',
    );
    expect(lines[1]!.slice(0, 4)).toBe('5220');
    expect(lines[4]).toBe(
      '82200000020025238012000000000000000000012599' +
        '1234567890' +
        ' '.repeat(25) +
        '121042880000001',
    );
    expect(lines[5]!.slice(0, 4)).toBe('5225');
    expect(lines[7]).toBe('705' + 'INVOICE 42'.padEnd(80) + '0001' + '0000003');
    expect(lines[8]).toBe(
      '82250000020023138010000100000000000000000000' +
        '1234567890' +
        ' '.repeat(25) +
        '121042880000002',
    );
    expect(lines[9]).toBe(
      '9000002000001000000040048376022000100000000000000012599' + ' '.repeat(39),
    );
  });

  it('writes what it parses back to the same model', () => {
    const written = writeFile(sampleFile());
    const { file, errors, warnings } = parseFile(written);
    expect(errors).toEqual([]);
    expect(warnings).toEqual([]);
    expect(file.batches[1]!.entries[0]!.amount).toBe(1_000_000_00);
    expect(writeFile(file)).toBe(written);
  });

  it('refuses short routing and trace numbers rather than zero-filling them', () => {
    const f = sampleFile();
    f.batches[0]!.entries[0]!.rdfiRouting = '23138010';
    f.batches[0]!.entries[1]!.traceNumber = '1210428800002';
    expect(validateFile(f).errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ line: 3, field: 'rdfiRouting', rule: 'digits-width' }),
        expect.objectContaining({ line: 4, field: 'traceNumber', rule: 'digits-width' }),
      ]),
    );
    expect(() => writeFile(f)).toThrow(/rdfiRouting must be exactly 9 digits/);
  });

  it('refuses values that do not fit rather than truncating them', () => {
    const f = sampleFile();
    f.batches[0]!.entries[0]!.dfiAccountNumber = '123456789012345678';
    f.batches[0]!.entries[1]!.amount = 12.5;
    expect(() => writeFile(f)).toThrow(AchWriteError);
    try {
      writeFile(f);
    } catch (err) {
      const issues = (err as AchWriteError).issues;
      expect(issues).toContainEqual(
        expect.objectContaining({
          line: 3,
          recordType: 'entryDetail',
          field: 'dfiAccountNumber',
          rule: 'field-width',
        }),
      );
      expect(issues).toContainEqual(
        expect.objectContaining({
          line: 4,
          recordType: 'entryDetail',
          field: 'amount',
          rule: 'field-width',
        }),
      );
    }
  });
});

describe('validateFile (typed model)', () => {
  it('accepts the sample', () => {
    expect(validateFile(sampleFile())).toEqual({ valid: true, errors: [], warnings: [] });
  });

  it('reports every problem, each naming line, record type, field and rule', () => {
    const f = sampleFile();
    f.batches[0]!.entries[0]!.rdfiRouting = '231380105'; // wrong check digit
    f.batches[0]!.entries[1]!.traceNumber = '121042880000000'; // not ascending
    f.batches[0]!.entries.push({
      transactionCode: 23,
      rdfiRouting: '231380104',
      dfiAccountNumber: '1',
      amount: 5,
      traceNumber: '121042880000009',
    });
    f.batches[1]!.header.companyName = '0000';
    f.batches[1]!.entries[0]!.addenda = [
      {
        typeCode: '99',
        returnCode: 'R99',
        originalTraceNumber: '121042880000001',
        originalRdfiIdentification: '23138010',
        traceNumber: '121042880000003',
      },
    ];
    const report = validateFile(f);
    expect(report.valid).toBe(false);
    expect(report.errors).toEqual([
      {
        line: 3,
        recordType: 'entryDetail',
        field: 'checkDigit',
        rule: 'routing-check-digit',
        message: expect.stringContaining('expected 4'),
      },
      expect.objectContaining({
        line: 5,
        recordType: 'entryDetail',
        field: 'amount',
        rule: 'prenote-amount',
      }),
      expect.objectContaining({
        line: 4,
        recordType: 'entryDetail',
        field: 'traceNumber',
        rule: 'trace-ascending',
      }),
      expect.objectContaining({
        line: 7,
        recordType: 'batchHeader',
        field: 'companyName',
        rule: 'all-zeros',
      }),
      expect.objectContaining({
        line: 9,
        recordType: 'addenda',
        field: 'returnCode',
        rule: 'return-code',
      }),
    ]);
  });

  it('rejects a notification of change that moves money', () => {
    const f = sampleFile();
    f.batches[0]!.header.standardEntryClassCode = 'COR';
    f.batches[0]!.entries = [
      {
        transactionCode: 21,
        rdfiRouting: '231380104',
        dfiAccountNumber: '1',
        amount: 1,
        traceNumber: '121042880000001',
        addenda: [
          {
            typeCode: '98',
            changeCode: 'C01',
            originalTraceNumber: '121042880000001',
            originalRdfiIdentification: '23138010',
            correctedData: '123',
            traceNumber: '121042880000001',
          },
        ],
      },
    ];
    expect(validateFile(f).errors).toEqual([
      expect.objectContaining({ line: 3, field: 'amount', rule: 'cor-amount' }),
    ]);
  });

  it('rejects a debit in a credit-only batch', () => {
    const f = sampleFile();
    f.batches[0]!.header.serviceClassCode = 220;
    f.batches[0]!.entries[1]!.transactionCode = 37;
    expect(validateFile(f).errors).toEqual([
      expect.objectContaining({
        line: 4,
        field: 'transactionCode',
        rule: 'service-class-transaction',
      }),
    ]);
  });
});

describe('control mismatches in received text', () => {
  const text = writeFile(sampleFile());
  const edit = (line: number, start: number, value: string): string =>
    records(text)
      .map((l, i) =>
        i === line - 1 ? l.slice(0, start - 1) + value + l.slice(start - 1 + value.length) : l,
      )
      .join('\n');

  it.each([
    [5, 11, '0025238013', 'entryHash', 'entry-hash'],
    [5, 5, '000003', 'entryAddendaCount', 'entry-addenda-count'],
    [5, 33, '000000012598', 'totalCredit', 'credit-total'],
    [9, 21, '000100000001', 'totalDebit', 'debit-total'],
    [9, 88, '0000009', 'batchNumber', 'batch-number'],
    [10, 32, '000100000001', 'totalDebit', 'file-debit-total'],
    [10, 22, '0048376023', 'entryHash', 'file-entry-hash'],
    [10, 8, '000002', 'blockCount', 'file-block-count'],
    [10, 2, '000003', 'batchCount', 'file-batch-count'],
    [8, 84, '0002', 'sequenceNumber', 'addenda-sequence'],
    [7, 79, '0', 'addendaRecordIndicator', 'addenda-indicator'],
    [1, 40, '2', 'formatCode', 'fixed-value'],
  ])('line %i col %i = %s breaks %s (%s)', (line, col, value, field, rule) => {
    const { errors } = parseFile(edit(line, col, value));
    expect(errors).toContainEqual(expect.objectContaining({ line, field, rule }));
  });

  it('lenient mode turns only the tolerated rules into warnings', () => {
    const broken = edit(10, 2, '000003');
    expect(parseFile(broken, { lenient: true })).toMatchObject({
      errors: [],
      warnings: [expect.objectContaining({ rule: 'file-batch-count' })],
    });
    const hash = edit(10, 22, '0048376023');
    expect(parseFile(hash, { lenient: true }).errors).toEqual([
      expect.objectContaining({ rule: 'file-entry-hash' }),
    ]);
  });
});

describe('record framing', () => {
  const text = writeFile(sampleFile());

  it('reads a file sent as one line of concatenated records, and CRLF line ends', () => {
    expect(parseFile(records(text).join(''))).toMatchObject({ errors: [], warnings: [] });
    expect(parseFile(records(text).join('\r\n'))).toMatchObject({ errors: [], warnings: [] });
  });

  it('tolerates stripped trailing blanks only in lenient mode, never a record cut inside its blanks', () => {
    const lines = records(text);
    const stripped = lines.map((l, i) => (i === 9 ? l.trimEnd() : l)).join('\n');
    expect(parseFile(stripped).errors).toEqual([
      expect.objectContaining({ line: 10, rule: 'record-length-short' }),
    ]);
    expect(parseFile(stripped, { lenient: true })).toMatchObject({
      errors: [],
      warnings: [{ line: 10, rule: 'record-length-short' }],
    });
    const cut = lines.map((l, i) => (i === 9 ? l.slice(0, 70) : l)).join('\n');
    expect(parseFile(cut, { lenient: true }).errors).toEqual([
      expect.objectContaining({ line: 10, rule: 'record-length' }),
    ]);
  });

  it('reports records after the file control and unknown record types', () => {
    const lines = records(text);
    const after = [...lines, lines[4]!].join('\n');
    expect(parseFile(after).errors).toEqual([
      expect.objectContaining({ line: 11, recordType: 'batchControl', rule: 'record-order' }),
    ]);
    const unknown = lines.map((l, i) => (i === 2 ? '3' + l.slice(1) : l)).join('\n');
    expect(parseFile(unknown).errors).toContainEqual(
      expect.objectContaining({ line: 3, recordType: 'unknown', rule: 'record-type' }),
    );
  });
});
