import { TRANSACTION_CODES } from './codes/transaction-codes.ts';
import { formatAddenda } from './records/addenda.ts';
import { formatBatchHeader } from './records/batch-header.ts';
import { formatBatchControl, formatFileControl } from './records/controls.ts';
import { formatEntryDetail } from './records/entry-detail.ts';
import { formatFileHeader } from './records/file-header.ts';
import { PADDING_RECORD, RecordBuffer } from './records/format.ts';
import type { AchFile, AchIssue, Batch, RecordTypeName } from './types.ts';

/** Thrown by writeFile when a value does not fit its field: NACHA fields are never silently truncated. */
export class AchWriteError extends Error {
  constructor(readonly issues: AchIssue[]) {
    super(
      `cannot write NACHA file: ${issues.map((i) => `line ${i.line} ${i.field}: ${i.message}`).join('; ')}`,
    );
    this.name = 'AchWriteError';
  }
}

/** 220 when every entry is a credit, 225 when every entry is a debit, otherwise 200 (mixed). */
export function serviceClassFor(batch: Batch): number {
  let credits = 0;
  let debits = 0;
  for (const e of batch.entries) {
    const d = TRANSACTION_CODES.get(e.transactionCode)?.direction;
    if (d === 'credit') credits++;
    else if (d === 'debit') debits++;
  }
  if (credits > 0 && debits === 0) return 220;
  if (debits > 0 && credits === 0) return 225;
  return 200;
}

/**
 * Renders the file, computing every control field (counts, entry hash, debit and credit totals,
 * block count), service class codes and batch numbers that were not given, addenda indicators,
 * and the 9-filled padding to a multiple of 10 records. Values that do not fit are reported.
 */
export function renderFile(file: AchFile): { text: string; issues: AchIssue[] } {
  const issues: AchIssue[] = [];
  let count = 2; // file header and control
  for (const b of file.batches) {
    count += 2 + b.entries.length;
    for (const e of b.entries) count += e.addenda?.length ?? 0;
  }
  const records = count;
  const padded = Math.ceil(records / 10) * 10;
  let index = 0;
  let recordType: RecordTypeName = 'fileHeader';
  const w = new RecordBuffer(padded, (field, value, width, rule = 'field-width') => {
    const message =
      rule === 'field-width'
        ? `"${value}" does not fit ${field} (${width} characters)`
        : rule === 'digits-width'
          ? `${field} must be exactly ${width} digits, got "${value}"`
          : `"${value}" is not valid ${rule === 'ascii' ? 'printable ASCII' : 'numeric text'} for ${field}`;
    issues.push({ line: index + 1, recordType, field, rule, message });
  });
  const next = (type: RecordTypeName): void => {
    recordType = type;
    w.record(index);
  };
  next('fileHeader');
  formatFileHeader(file.header, w);
  let fileCount = 0;
  let fileHash = 0;
  let fileDebit = 0;
  let fileCredit = 0;
  for (let b = 0; b < file.batches.length; b++) {
    const batch = file.batches[b]!;
    const h = batch.header;
    const scc = h.serviceClassCode ?? serviceClassFor(batch);
    const batchNumber = h.batchNumber ?? b + 1;
    index++;
    next('batchHeader');
    formatBatchHeader(h, scc, batchNumber, w);
    let n = 0;
    let hash = 0;
    let debit = 0;
    let credit = 0;
    for (const e of batch.entries) {
      index++;
      next('entryDetail');
      formatEntryDetail(e, w);
      n++;
      hash += Number(e.rdfiRouting.slice(0, 8)) || 0;
      if (TRANSACTION_CODES.get(e.transactionCode)?.direction === 'debit') debit += e.amount;
      else credit += e.amount;
      const addenda = e.addenda;
      if (addenda !== undefined) {
        for (let i = 0; i < addenda.length; i++) {
          index++;
          next('addenda');
          formatAddenda(addenda[i]!, i, e.traceNumber, w);
        }
        n += addenda.length;
      }
    }
    index++;
    next('batchControl');
    formatBatchControl(
      {
        serviceClassCode: scc,
        entryAddendaCount: n,
        entryHash: hash,
        totalDebit: debit,
        totalCredit: credit,
        // Not computed: a parsed file keeps the bank's own justification of these fields.
        companyIdentification: batch.control?.companyIdentification ?? h.companyIdentification,
        messageAuthenticationCode: batch.control?.messageAuthenticationCode ?? '',
        odfiIdentification: h.odfiIdentification,
        batchNumber,
      },
      w,
    );
    fileCount += n;
    fileHash += hash;
    fileDebit += debit;
    fileCredit += credit;
  }
  index++;
  next('fileControl');
  formatFileControl(
    {
      batchCount: file.batches.length,
      blockCount: padded / 10,
      entryAddendaCount: fileCount,
      entryHash: fileHash,
      totalDebit: fileDebit,
      totalCredit: fileCredit,
    },
    w,
  );
  for (index++; index < padded; index++) {
    w.record(index);
    w.raw(1, PADDING_RECORD);
  }
  return { text: w.toString(), issues };
}

/** The NACHA text of a file (records separated by "\n"); throws AchWriteError if a value does not fit. */
export function writeFile(file: AchFile): string {
  const { text, issues } = renderFile(file);
  if (issues.length > 0) throw new AchWriteError(issues);
  return text;
}
