import type { IssueCollector } from '../issues.ts';
import { cut, FILE_CONTROL } from '../records/layout.ts';
import type { FileControl } from '../types.ts';
import type { BatchTotals } from './batch.ts';

export interface FileTotals extends BatchTotals {
  batchCount: number;
  /** Records before padding: header, batches and control. */
  recordCount: number;
}

/** The file control against the totals of the batches actually present. */
export function validateFileControl(
  c: FileControl,
  raw: string,
  t: FileTotals,
  line: number,
  issues: IssueCollector,
): void {
  const fc = 'fileControl' as const;
  const msg = (field: string, found: number, expected: number): string =>
    `${field} is ${Number.isNaN(found) ? 'not numeric' : found}; expected ${expected}`;
  if (c.batchCount !== t.batchCount)
    issues.tolerable(
      line,
      fc,
      'batchCount',
      'file-batch-count',
      msg('batchCount', c.batchCount, t.batchCount),
    );
  const blocks = Math.ceil(t.recordCount / 10);
  if (c.blockCount !== blocks)
    issues.error(
      line,
      fc,
      'blockCount',
      'file-block-count',
      msg('blockCount', c.blockCount, blocks),
    );
  if (c.entryAddendaCount !== t.entryAddendaCount) {
    issues.error(
      line,
      fc,
      'entryAddendaCount',
      'file-entry-addenda-count',
      msg('entryAddendaCount', c.entryAddendaCount, t.entryAddendaCount),
    );
  }
  const hash = t.entryHash % 1e10;
  if (c.entryHash !== hash) {
    // Some processors fill the hash with 9s rather than compute it; tolerated, but only that exact filler.
    if (cut(raw, FILE_CONTROL.entryHash) === '9999999999')
      issues.tolerable(
        line,
        fc,
        'entryHash',
        'file-entry-hash-all-nines',
        `entry hash is all 9s; expected ${hash}`,
      );
    else
      issues.error(line, fc, 'entryHash', 'file-entry-hash', msg('entryHash', c.entryHash, hash));
  }
  if (c.totalDebit !== t.totalDebit)
    issues.error(
      line,
      fc,
      'totalDebit',
      'file-debit-total',
      msg('totalDebit', c.totalDebit, t.totalDebit),
    );
  if (c.totalCredit !== t.totalCredit)
    issues.error(
      line,
      fc,
      'totalCredit',
      'file-credit-total',
      msg('totalCredit', c.totalCredit, t.totalCredit),
    );
}
