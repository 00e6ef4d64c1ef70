import { TRANSACTION_CODES, mustBeZeroAmount } from '../codes/transaction-codes.ts';
import type { IssueCollector } from '../issues.ts';
import { checkDigit } from '../routing.ts';
import { isBlank, isDigits } from './fields.ts';

/** Checks one entry detail record (already padded to 94 characters). */
export function validateEntry(r: string, line: number, issues: IssueCollector): void {
  const ed = 'entryDetail' as const;
  const tc = r.slice(1, 3);
  const known = isDigits(tc) && TRANSACTION_CODES.has(Number(tc));
  if (!known)
    issues.error(
      line,
      ed,
      'transactionCode',
      'transaction-code',
      `unknown transaction code "${tc}"`,
    );
  const rdfi = r.slice(3, 11);
  if (!isDigits(rdfi)) {
    issues.error(
      line,
      ed,
      'rdfiIdentification',
      'numeric',
      `RDFI identification "${rdfi}" must be 8 digits`,
    );
  } else {
    const expected = checkDigit(rdfi);
    if (r.charCodeAt(11) - 48 !== expected) {
      issues.error(
        line,
        ed,
        'checkDigit',
        'routing-check-digit',
        `check digit "${r[11]}" is wrong for RDFI ${rdfi}; expected ${expected}`,
      );
    }
  }
  if (isBlank(r.slice(12, 29)))
    issues.error(line, ed, 'dfiAccountNumber', 'required', 'DFI account number is required');
  const amount = r.slice(29, 39);
  if (!isDigits(amount))
    issues.error(line, ed, 'amount', 'numeric', `amount "${amount}" must be 10 digits`);
  else if (known && mustBeZeroAmount(Number(tc)) && amount !== '0000000000') {
    issues.error(
      line,
      ed,
      'amount',
      'prenote-amount',
      `transaction code ${tc} (prenote or zero-dollar entry) must have amount 0`,
    );
  }
  const ind = r[78];
  if (ind !== '0' && ind !== '1')
    issues.error(
      line,
      ed,
      'addendaRecordIndicator',
      'addenda-indicator',
      `addenda record indicator "${ind}" must be 0 or 1`,
    );
  if (!isDigits(r.slice(79, 94)))
    issues.error(
      line,
      ed,
      'traceNumber',
      'numeric',
      `trace number "${r.slice(79, 94)}" must be 15 digits`,
    );
}
