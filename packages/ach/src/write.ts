import { TRANSACTION_CODES } from './codes/transaction-codes.ts';
import { formatAddenda } from './records/addenda.ts';
import { formatBatchHeader } from './records/batch-header.ts';
import { formatBatchControl, formatFileControl } from './records/controls.ts';
import { formatEntryDetail } from './records/entry-detail.ts';
import { formatFileHeader } from './records/file-header.ts';
import { PADDING_RECORD, type OverflowSink } from './records/format.ts';
import type { AchFile, AchIssue, Batch, RecordTypeName } from './types.ts';

/** Thrown by writeFile when a value does not fit its field: NACHA fields are never silently truncated. */
export class AchWriteError extends Error {
  constructor(readonly issues: AchIssue[]) {
    super(`cannot write NACHA file: ${issues.map((i) => `line ${i.line} ${i.field}: ${i.message}`).join('; ')}`);
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
  const out: string[] = [];
  let recordType: RecordTypeName = 'fileHeader';
  const sink: OverflowSink = (field, value, width) => {
    issues.push({ line: out.length + 1, recordType, field, rule: 'field-width', message: `"${value}" does not fit ${field} (${width} characters)` });
  };
  out.push(formatFileHeader(file.header, sink));
  let fileCount = 0;
  let fileHash = 0;
  let fileDebit = 0;
  let fileCredit = 0;
  for (let b = 0; b < file.batches.length; b++) {
    const batch = file.batches[b]!;
    const h = batch.header;
    const scc = h.serviceClassCode ?? serviceClassFor(batch);
    const batchNumber = h.batchNumber ?? b + 1;
    recordType = 'batchHeader';
    out.push(formatBatchHeader(h, scc, batchNumber, sink));
    let count = 0;
    let hash = 0;
    let debit = 0;
    let credit = 0;
    for (const e of batch.entries) {
      recordType = 'entryDetail';
      out.push(formatEntryDetail(e, sink));
      count++;
      hash += Number(e.rdfiRouting.slice(0, 8)) || 0;
      if (TRANSACTION_CODES.get(e.transactionCode)?.direction === 'debit') debit += e.amount;
      else credit += e.amount;
      const addenda = e.addenda;
      if (addenda !== undefined) {
        recordType = 'addenda';
        for (let i = 0; i < addenda.length; i++) out.push(formatAddenda(addenda[i]!, i, e.traceNumber, sink));
        count += addenda.length;
      }
    }
    recordType = 'batchControl';
    out.push(
      formatBatchControl(
        {
          serviceClassCode: scc,
          entryAddendaCount: count,
          entryHash: hash,
          totalDebit: debit,
          totalCredit: credit,
          // Not computed: a parsed file keeps the bank's own justification of these fields.
          companyIdentification: batch.control?.companyIdentification ?? h.companyIdentification,
          messageAuthenticationCode: batch.control?.messageAuthenticationCode ?? '',
          odfiIdentification: h.odfiIdentification,
          batchNumber,
        },
        sink,
      ),
    );
    fileCount += count;
    fileHash += hash;
    fileDebit += debit;
    fileCredit += credit;
  }
  const records = out.length + 1;
  recordType = 'fileControl';
  out.push(
    formatFileControl(
      {
        batchCount: file.batches.length,
        blockCount: Math.ceil(records / 10),
        entryAddendaCount: fileCount,
        entryHash: fileHash,
        totalDebit: fileDebit,
        totalCredit: fileCredit,
      },
      sink,
    ),
  );
  while (out.length % 10 !== 0) out.push(PADDING_RECORD);
  return { text: out.join('\n') + '\n', issues };
}

/** The NACHA text of a file (records separated by "\n"); throws AchWriteError if a value does not fit. */
export function writeFile(file: AchFile): string {
  const { text, issues } = renderFile(file);
  if (issues.length > 0) throw new AchWriteError(issues);
  return text;
}
