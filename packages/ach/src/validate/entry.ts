import { TRANSACTION_CODES, mustBeZeroAmount } from '../codes/transaction-codes.ts';
import type { IssueCollector } from '../issues.ts';
import { ENTRY_DETAIL as F } from '../records/layout.ts';
import { checkDigit } from '../routing.ts';
import { isDigits } from './fields.ts';
import { RecordChecks } from './record-checks.ts';

/** Checks one entry detail record (already padded to 94 characters). */
export function validateEntry(r: string, line: number, issues: IssueCollector): void {
  const check = new RecordChecks(r, line, 'entryDetail', issues);
  const tc = check.text(F.transactionCode);
  const known = check.known(
    F.transactionCode,
    (code) => isDigits(code) && TRANSACTION_CODES.has(Number(code)),
    'transaction-code',
    'transaction code',
  );
  if (check.digits(F.rdfiIdentification, 'RDFI identification')) {
    const rdfi = check.text(F.rdfiIdentification);
    const expected = checkDigit(rdfi);
    const found = check.text(F.checkDigit);
    if (found.charCodeAt(0) - 48 !== expected)
      check.error(
        F.checkDigit,
        'routing-check-digit',
        `check digit "${found}" is wrong for RDFI ${rdfi}; expected ${expected}`,
      );
  }
  check.required(F.dfiAccountNumber, 'DFI account number');
  if (check.digits(F.amount)) {
    const amount = check.text(F.amount);
    if (known && mustBeZeroAmount(Number(tc)) && amount !== '0000000000')
      check.error(
        F.amount,
        'prenote-amount',
        `transaction code ${tc} (prenote or zero-dollar entry) must have amount 0`,
      );
  }
  const ind = check.text(F.addendaRecordIndicator);
  if (ind !== '0' && ind !== '1')
    check.error(
      F.addendaRecordIndicator,
      'addenda-indicator',
      `addenda record indicator "${ind}" must be 0 or 1`,
    );
  check.digits(F.traceNumber, 'trace number');
}
