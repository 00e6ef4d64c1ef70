import { IssueCollector } from './issues.ts';
import { readAddenda } from './records/addenda.ts';
import { readBatchHeader } from './records/batch-header.ts';
import { readBatchControl, readFileControl } from './records/controls.ts';
import { readEntryDetail } from './records/entry-detail.ts';
import { readFileHeader } from './records/file-header.ts';
import { PADDING_RECORD, RECORD_LENGTH } from './records/format.ts';
import {
  ADDENDA_OTHER,
  BATCH_CONTROL,
  BATCH_HEADER,
  ENTRY_DETAIL,
  FILE_CONTROL,
  FILE_HEADER,
  fieldAt,
  type FieldSpec,
} from './records/layout.ts';
import type {
  AchFile,
  EntryDetail,
  FileHeader,
  ParseOptions,
  ParseResult,
  RecordTypeName,
} from './types.ts';
import { validateAddenda } from './validate/addenda.ts';
import { validateBatch, type LocatedBatch } from './validate/batch.ts';
import { validateBatchHeader } from './validate/batch-header.ts';
import { validateEntry } from './validate/entry.ts';
import { firstNonPrintable } from './validate/fields.ts';
import { validateFileControl, type FileTotals } from './validate/file.ts';
import { validateFileHeader } from './validate/file-header.ts';

const SPACES = ' '.repeat(RECORD_LENGTH);

const TYPES: Record<string, { name: RecordTypeName; layout: Record<string, FieldSpec> }> = {
  '1': { name: 'fileHeader', layout: FILE_HEADER },
  '5': { name: 'batchHeader', layout: BATCH_HEADER },
  '6': { name: 'entryDetail', layout: ENTRY_DETAIL },
  '7': { name: 'addenda', layout: ADDENDA_OTHER },
  '8': { name: 'batchControl', layout: BATCH_CONTROL },
  '9': { name: 'fileControl', layout: FILE_CONTROL },
};

/**
 * Splits into records; a trailing newline does not make an extra empty record. CRLF is accepted, and
 * so is a file sent as one line of concatenated 94-character records (some bank portals do this).
 */
function splitLines(text: string): string[] {
  const lines = text.split('\n');
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  if (lines.length === 1) {
    const only = lines[0]!.replace(/\r$/, '');
    if (only.length > RECORD_LENGTH && only.length % RECORD_LENGTH === 0) {
      const records: string[] = [];
      for (let i = 0; i < only.length; i += RECORD_LENGTH)
        records.push(only.slice(i, i + RECORD_LENGTH));
      return records;
    }
  }
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (l.charCodeAt(l.length - 1) === 13) lines[i] = l.slice(0, -1);
  }
  return lines;
}

/**
 * Reads a NACHA file and checks it against every rule, collecting all problems (never stopping at
 * the first). The returned model holds whatever could be read even when there are errors.
 */
export function parseFile(text: string, options: ParseOptions = {}): ParseResult {
  const issues = new IssueCollector(options.lenient === true);
  const lines = splitLines(text);
  const hasHeader = lines.length > 0 && lines[0]!.charCodeAt(0) === 49;
  let hasControl = false;
  for (let i = lines.length - 1; i >= 0; i--) {
    const l = lines[i]!;
    if (l.charCodeAt(0) === 57 && !isPadding(l)) {
      hasControl = true;
      break;
    }
  }
  // A fragment (batches cut out of a file, as some return feeds deliver) has neither header nor control.
  const fragment = !hasHeader && !hasControl;

  let header: FileHeader | undefined;
  const batches: LocatedBatch[] = [];
  let current: LocatedBatch | undefined;
  let lastEntry: EntryDetail | undefined;
  let controlSeen = false;
  let recordCount = 0;
  const totals: FileTotals = {
    batchCount: 0,
    recordCount: 0,
    entryAddendaCount: 0,
    entryHash: 0,
    totalDebit: 0,
    totalCredit: 0,
  };
  let fileControl: { c: ReturnType<typeof readFileControl>; raw: string; line: number } | undefined;

  const closeBatch = (lb: LocatedBatch, missingControlLine: number): void => {
    if (lb.controlLine === 0) {
      const msg = `batch starting on line ${lb.headerLine} has no batch control record`;
      if (fragment)
        issues.tolerable(
          missingControlLine,
          'batchControl',
          'recordType',
          'missing-batch-control',
          msg,
        );
      else
        issues.error(
          missingControlLine,
          'batchControl',
          'recordType',
          'missing-batch-control',
          msg,
        );
    }
    const t = validateBatch(lb, issues);
    totals.batchCount += 1;
    totals.entryAddendaCount += t.entryAddendaCount;
    totals.entryHash += t.entryHash;
    totals.totalDebit += t.totalDebit;
    totals.totalCredit += t.totalCredit;
  };

  for (let i = 0; i < lines.length; i++) {
    const line = i + 1;
    const raw = lines[i]!;
    const type = raw.charAt(0);
    const spec = TYPES[type];
    const typeName: RecordTypeName = spec?.name ?? 'unknown';
    if (controlSeen && isPadding(raw)) continue;

    const bad = firstNonPrintable(raw);
    if (bad > 0) {
      issues.error(
        line,
        typeName,
        spec ? fieldAt(spec.layout, bad) : 'record',
        'ascii',
        `character at position ${bad} is not printable ASCII`,
      );
    }
    let r = raw;
    if (raw.length > RECORD_LENGTH) {
      issues.error(
        line,
        typeName,
        'record',
        'record-length',
        `record is ${raw.length} characters; must be ${RECORD_LENGTH}`,
      );
      r = raw.slice(0, RECORD_LENGTH);
    } else if (raw.length < RECORD_LENGTH) {
      // A record whose trailing blanks were stripped (it ends in data), or a file header cut inside
      // its informational tail (names, reference code: after position 40), is what bank tools
      // produce; any other short record was cut to a wrong width, so its positions cannot be trusted.
      const stripped =
        raw.length > 0 &&
        (raw.charCodeAt(raw.length - 1) !== 32 || (type === '1' && raw.length >= 40));
      const msg = `record is ${raw.length} characters; must be ${RECORD_LENGTH}`;
      if (stripped) issues.tolerable(line, typeName, 'record', 'record-length-short', msg);
      else issues.error(line, typeName, 'record', 'record-length', msg);
      r = raw + SPACES.slice(raw.length);
    }

    if (controlSeen) {
      issues.error(
        line,
        typeName,
        'recordType',
        'record-order',
        'only padding records (all 9s) may follow the file control',
      );
      continue;
    }
    recordCount += 1;
    switch (type) {
      case '1':
        if (i !== 0 || header !== undefined) {
          issues.error(
            line,
            'fileHeader',
            'recordType',
            'record-order',
            'the file header must be the first record, and only one is allowed',
          );
          break;
        }
        validateFileHeader(r, line, issues);
        header = readFileHeader(r);
        break;
      case '5': {
        if (current !== undefined) closeBatch(current, line);
        validateBatchHeader(r, line, issues);
        current = {
          batch: { header: readBatchHeader(r), entries: [] },
          headerLine: line,
          entryLines: [],
          controlLine: 0,
        };
        batches.push(current);
        lastEntry = undefined;
        break;
      }
      case '6': {
        if (current === undefined) {
          issues.error(
            line,
            'entryDetail',
            'recordType',
            'record-order',
            'entry detail record outside a batch',
          );
          lastEntry = undefined;
          break;
        }
        validateEntry(r, line, issues);
        lastEntry = readEntryDetail(r);
        current.batch.entries.push(lastEntry);
        current.entryLines.push(line);
        break;
      }
      case '7': {
        if (current === undefined || lastEntry === undefined) {
          issues.error(
            line,
            'addenda',
            'recordType',
            'record-order',
            'addenda record must follow an entry detail record',
          );
          break;
        }
        validateAddenda(r, line, issues);
        // Allocated on first use: most entries have no addenda, and 100,000 empty arrays cost memory.
        (lastEntry.addenda ??= []).push(readAddenda(r));
        break;
      }
      case '8': {
        if (current === undefined) {
          issues.error(
            line,
            'batchControl',
            'recordType',
            'record-order',
            'batch control record without a batch header',
          );
          break;
        }
        current.batch.control = readBatchControl(r);
        current.controlLine = line;
        closeBatch(current, line);
        current = undefined;
        lastEntry = undefined;
        break;
      }
      case '9': {
        if (isPadding(raw)) {
          issues.error(
            line,
            'padding',
            'recordType',
            'record-order',
            'padding record before the file control',
          );
          break;
        }
        if (current !== undefined) {
          closeBatch(current, line);
          current = undefined;
        }
        fileControl = { c: readFileControl(r), raw: r, line };
        controlSeen = true;
        break;
      }
      default:
        issues.error(line, 'unknown', 'recordType', 'record-type', `unknown record type "${type}"`);
    }
  }
  if (current !== undefined) closeBatch(current, lines.length);

  if (!hasHeader) {
    const msg = 'the file has no file header record (type 1) as its first record';
    if (fragment) issues.tolerable(1, 'fileHeader', 'recordType', 'missing-file-header', msg);
    else issues.error(1, 'fileHeader', 'recordType', 'missing-file-header', msg);
  }
  if (fileControl === undefined) {
    const msg = 'the file has no file control record (type 9)';
    const at = Math.max(lines.length, 1);
    if (fragment) issues.tolerable(at, 'fileControl', 'recordType', 'missing-file-control', msg);
    else issues.error(at, 'fileControl', 'recordType', 'missing-file-control', msg);
  } else {
    totals.recordCount = recordCount;
    validateFileControl(fileControl.c, fileControl.raw, totals, fileControl.line, issues);
  }
  checkBatchNumbers(batches, fragment, issues);

  const file: AchFile = {
    header: header ?? {
      immediateDestination: '',
      immediateOrigin: '',
      fileCreationDate: '',
      fileIdModifier: '',
    },
    batches: batches.map((b) => b.batch),
  };
  if (fileControl !== undefined) file.control = fileControl.c;
  return { file, errors: issues.errors, warnings: issues.warnings };
}

function isPadding(raw: string): boolean {
  return raw === PADDING_RECORD;
}

/** Batch numbers must ascend through the file; a fragment's batches may come from several files. */
function checkBatchNumbers(
  batches: LocatedBatch[],
  fragment: boolean,
  issues: IssueCollector,
): void {
  for (let i = 1; i < batches.length; i++) {
    const prev = batches[i - 1]!.batch.header.batchNumber ?? 0;
    const b = batches[i]!;
    const n = b.batch.header.batchNumber ?? 0;
    if (n <= prev) {
      const msg = `batch number ${n} is not greater than the previous batch's ${prev}`;
      if (fragment)
        issues.tolerable(b.headerLine, 'batchHeader', 'batchNumber', 'batch-number-order', msg);
      else issues.error(b.headerLine, 'batchHeader', 'batchNumber', 'batch-number-order', msg);
    }
  }
}
