import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isDebit } from './codes/transaction-codes.ts';
import { parseFile } from './parse.ts';
import { checkDigit } from './routing.ts';
import type { AchFile, Batch, EntryDetail } from './types.ts';
import { writeFile } from './write.ts';

const digitString = (n: number) =>
  fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: n, maxLength: n });
const routing = digitString(8).map((d) => d + String(checkDigit(d)));
// Printable text without trailing blanks (NACHA text fields are blank-padded, so trailing blanks do not survive).
const text = (max: number) =>
  fc
    .string({
      unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 &-./#'),
      maxLength: max,
    })
    .map((s) => s.trimEnd());
// Required names: start with a letter so they are never blank or all zeros.
const name = (max: number) =>
  fc.tuple(fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'), text(max - 1)).map(([a, b]) => a + b);
const yymmdd = fc
  .date({
    min: new Date('2000-01-01T00:00:00Z'),
    max: new Date('2099-12-31T00:00:00Z'),
    noInvalidDate: true,
  })
  .map((d) => d.toISOString().slice(2, 10).replace(/-/g, ''));

const LIVE = [22, 27, 32, 37];
const ZERO_AMOUNT = [23, 28, 33, 38, 24, 29, 34, 39];

const entryShape = fc.record({
  transactionCode: fc.constantFrom(...LIVE, ...ZERO_AMOUNT),
  rdfiRouting: routing,
  dfiAccountNumber: name(17),
  amount: fc.integer({ min: 0, max: 9_999_999_999 }),
  individualIdentificationNumber: text(15),
  individualName: text(22),
  remittance: fc.option(text(80), { nil: undefined }),
});

const batchShape = fc.record({
  companyName: name(16),
  companyIdentification: name(10),
  standardEntryClassCode: fc.constantFrom('PPD', 'CCD', 'WEB'),
  companyEntryDescription: name(10),
  effectiveEntryDate: yymmdd,
  odfiIdentification: digitString(8),
  entries: fc.array(entryShape, { minLength: 1, maxLength: 15 }),
});

const fileArb: fc.Arbitrary<AchFile> = fc
  .record({
    immediateDestination: routing,
    immediateOrigin: routing,
    fileCreationDate: yymmdd,
    fileIdModifier: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'),
    immediateDestinationName: text(23),
    immediateOriginName: text(23),
    batches: fc.array(batchShape, { minLength: 1, maxLength: 6 }),
  })
  .map(({ batches, ...header }) => ({
    header: { ...header, fileCreationTime: '1200' },
    batches: batches.map(({ entries, ...h }): Batch => ({
      header: h,
      entries: entries.map(({ remittance, ...e }, i): EntryDetail => ({
        ...e,
        amount: ZERO_AMOUNT.includes(e.transactionCode) ? 0 : e.amount,
        // Trace numbers start with the ODFI and ascend within the batch.
        traceNumber: h.odfiIdentification + String(i + 1).padStart(7, '0'),
        addenda:
          remittance === undefined
            ? []
            : [{ typeCode: '05', paymentRelatedInformation: remittance }],
      })),
    })),
  }));

describe('generated files', () => {
  it('validate strictly and round-trip through parse and write', () => {
    fc.assert(
      fc.property(fileArb, (file) => {
        const written = writeFile(file);
        const parsed = parseFile(written);
        expect(parsed.errors).toEqual([]);
        expect(parsed.warnings).toEqual([]);
        expect(writeFile(parsed.file)).toBe(written);
        const lines = written.split('\n').filter((l) => l !== '');
        expect(lines.length % 10).toBe(0);
        expect(lines.every((l) => l.length === 94)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('carry the amounts in integer cents into entries and file totals', () => {
    fc.assert(
      fc.property(fileArb, (file) => {
        const parsed = parseFile(writeFile(file)).file;
        const entries = file.batches.flatMap((b) => b.entries);
        const parsedEntries = parsed.batches.flatMap((b) => b.entries);
        expect(parsedEntries.map((e) => e.amount)).toEqual(entries.map((e) => e.amount));
        const debit = entries
          .filter((e) => isDebit(e.transactionCode))
          .reduce((s, e) => s + e.amount, 0);
        const credit = entries
          .filter((e) => !isDebit(e.transactionCode))
          .reduce((s, e) => s + e.amount, 0);
        expect(parsed.control).toMatchObject({
          totalDebit: debit,
          totalCredit: credit,
          batchCount: file.batches.length,
        });
      }),
      { numRuns: 100 },
    );
  });

  it('report a changed amount as a batch and file total mismatch', () => {
    fc.assert(
      fc.property(fileArb, fc.nat(), (file, pick) => {
        const lines = writeFile(file).split('\n');
        const entryLines = lines.map((l, i) => (l.startsWith('6') ? i : -1)).filter((i) => i >= 0);
        const at = entryLines[pick % entryLines.length]!;
        const line = lines[at]!;
        const amount = Number(line.slice(29, 39));
        const changed = String((amount + 1) % 10_000_000_000).padStart(10, '0');
        lines[at] = line.slice(0, 29) + changed + line.slice(39);
        const rules = parseFile(lines.join('\n')).errors.map((e) => e.rule);
        expect(
          rules.some((r) => r === 'debit-total' || r === 'credit-total' || r === 'prenote-amount'),
        ).toBe(true);
      }),
      { numRuns: 100 },
    );
  });
});
