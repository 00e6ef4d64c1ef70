import { describe, expect, it } from 'vitest';
import { parseFile } from './parse.ts';
import { readdirSync } from 'node:fs';
import { TESTDATA_DIR, readManifest, readSample, records } from './testdata.ts';
import { writeFile } from './write.ts';

const manifest = readManifest();

// For every rejected or tolerated sample, the rule (and line) that the manifest's description names.
const EXPECTED_RULES: Record<string, Array<{ line?: number; rule: string; field?: string }>> = {
  'issue1600-2lCompanyNameAllZeros.txt': [{ line: 2, rule: 'all-zeros', field: 'companyName' }],
  '20110729A-invalid.ach': [{ line: 1, rule: 'record-length-short' }],
  'short-line.ach': [{ line: 5, rule: 'record-length' }],
  'long-line.ach': [
    { line: 3, rule: 'record-length' },
    { line: 5, rule: 'record-length' },
  ],
  'ppd-debit-invalid-entryDetail-checkDigit.ach': [
    { line: 3, rule: 'routing-check-digit', field: 'checkDigit' },
    { line: 1, rule: 'record-length-short' },
  ],
  'invalid-two-micro-deposits.ach': [
    { line: 15, rule: 'numeric', field: 'amount' },
    { line: 17, rule: 'debit-total' },
  ],
  'issue1378-no_control.txt': [{ rule: 'missing-file-control' }],
  'issue1600-1k8RecordFollowing9Record.txt': [{ line: 11, rule: 'record-order' }],
  'issue1600-1qFormatCodeIncorrect.txt': [{ line: 1, rule: 'fixed-value', field: 'formatCode' }],
  'web-invalidNOCFile.ach': [{ line: 4, rule: 'change-code', field: 'changeCode' }],
  'nonascii.ach': [{ line: 3, rule: 'ascii' }],
  'ppd-mixedDebitCredit-invalid.ach': [
    { line: 1, rule: 'immediate-origin-routing', field: 'immediateOrigin' },
  ],
  '20110805A.ach': [{ rule: 'file-batch-count', field: 'batchCount' }],
  'issue1620.ach': [{ line: 5, rule: 'file-batch-count' }],
  'issue702.ach': [{ line: 1, rule: 'record-length-short' }],
  'moov-ids.ach': [{ line: 10, rule: 'file-entry-hash-all-nines', field: 'entryHash' }],
  'txp-credit.ach': [{ line: 6, rule: 'record-length-short' }],
  'bh-ed-ad-bh-ed-ad-ed-ad.ach': [
    { rule: 'missing-file-header' },
    { rule: 'missing-file-control' },
  ],
};

describe('MANIFEST.tsv verdicts', () => {
  it('covers every sample file', () => {
    const samples = readdirSync(TESTDATA_DIR).filter(
      (f) => !['LICENSE', 'README.md', 'MANIFEST.tsv'].includes(f),
    );
    expect(manifest.map((r) => r.file).sort()).toEqual(samples.sort());
    for (const row of manifest)
      if (row.expected !== 'valid') expect(Object.keys(EXPECTED_RULES)).toContain(row.file);
  });

  for (const row of manifest) {
    it(`${row.file} is ${row.expected} (${row.description})`, () => {
      const text = readSample(row.file);
      const strict = parseFile(text);
      const lenient = parseFile(text, { lenient: true });
      for (const issue of [...strict.errors, ...lenient.warnings]) {
        expect(issue.line).toBeGreaterThanOrEqual(1);
        expect(issue.field).not.toBe('');
        expect(issue.message).not.toBe('');
      }
      if (row.expected === 'valid') {
        expect(strict.errors).toEqual([]);
        expect(strict.warnings).toEqual([]);
        return;
      }
      expect(strict.errors.length).toBeGreaterThan(0);
      if (row.expected === 'lenient') {
        expect(lenient.errors).toEqual([]);
        expect(lenient.warnings.length).toBeGreaterThan(0);
      } else {
        expect(lenient.errors.length).toBeGreaterThan(0);
      }
      for (const want of EXPECTED_RULES[row.file] ?? []) {
        expect(strict.errors, JSON.stringify(want)).toContainEqual(expect.objectContaining(want));
      }
    });
  }
});

describe('round trip of valid samples', () => {
  for (const row of manifest.filter((r) => r.expected === 'valid')) {
    it(`${row.file}: parse then write gives the same records`, () => {
      const text = readSample(row.file);
      const { file, errors } = parseFile(text);
      expect(errors).toEqual([]);
      expect(records(writeFile(file))).toEqual(records(text));
    });
  }

  it('the large gzip sample reads as 200 batches of at least 100,000 entries, as its file control says', () => {
    const { file, errors } = parseFile(
      readSample('large-files-PPD-200-batches-100000-entries.ach.gz'),
    );
    expect(errors).toEqual([]);
    expect(file.batches).toHaveLength(200);
    const entries = file.batches.reduce((n, b) => n + b.entries.length, 0);
    // The sample holds 100,199 entries (no addenda) despite its name; its control count is authoritative.
    expect(entries).toBeGreaterThanOrEqual(100_000);
    expect(file.control?.entryAddendaCount).toBe(entries);
  });
});

describe('returns and NOCs read from samples', () => {
  it('return-WEB.ach carries R01 and R03 with their original trace numbers', () => {
    const { file } = parseFile(readSample('return-WEB.ach'));
    const addenda = file.batches.flatMap((b) => b.entries.flatMap((e) => e.addenda ?? []));
    expect(addenda).toEqual([
      expect.objectContaining({
        typeCode: '99',
        returnCode: 'R01',
        originalTraceNumber: '091400600000001',
      }),
      expect.objectContaining({
        typeCode: '99',
        returnCode: 'R03',
        originalTraceNumber: '091400600000003',
      }),
    ]);
  });

  it('cor-example.ach carries C01 with the corrected account number', () => {
    const { file } = parseFile(readSample('cor-example.ach'));
    expect(file.batches[0]!.entries[0]!.addenda).toEqual([
      expect.objectContaining({
        typeCode: '98',
        changeCode: 'C01',
        correctedData: '1918171614',
        originalTraceNumber: '121042880000001',
      }),
    ]);
  });
});
