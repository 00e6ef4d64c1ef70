import { KNOWN_SEC_CODES } from '../codes/sec-codes.ts';
import type { IssueCollector } from '../issues.ts';
import { isAllZeros, isBlank, isDigits, isValidYYMMDD } from './fields.ts';

const SERVICE_CLASS_CODES = new Set(['200', '220', '225']);

/** Checks one batch header record (already padded to 94 characters). */
export function validateBatchHeader(r: string, line: number, issues: IssueCollector): void {
  const bh = 'batchHeader' as const;
  const scc = r.slice(1, 4);
  if (!SERVICE_CLASS_CODES.has(scc))
    issues.error(
      line,
      bh,
      'serviceClassCode',
      'service-class-code',
      `service class code "${scc}" must be 200, 220 or 225`,
    );
  const sec = r.slice(50, 53);
  if (!KNOWN_SEC_CODES.has(sec))
    issues.error(
      line,
      bh,
      'standardEntryClassCode',
      'sec-code',
      `unknown standard entry class code "${sec}"`,
    );
  // IAT batch headers carry the IAT indicator and foreign exchange fields where others have the company name.
  if (sec !== 'IAT') {
    const name = r.slice(4, 20);
    if (isBlank(name))
      issues.error(line, bh, 'companyName', 'required', 'company name is required');
    else if (isAllZeros(name))
      issues.error(line, bh, 'companyName', 'all-zeros', 'company name must not be all zeros');
  }
  if (isBlank(r.slice(40, 50)))
    issues.error(
      line,
      bh,
      'companyIdentification',
      'required',
      'company identification is required',
    );
  if (isBlank(r.slice(53, 63)))
    issues.error(
      line,
      bh,
      'companyEntryDescription',
      'required',
      'company entry description is required',
    );
  const eff = r.slice(69, 75);
  // Returns and NOCs carry 000000 when the operator did not set the date. Lenient mode tolerates a
  // malformed date in a received file: the ACH operator, not the receiver, settles on its own date.
  if (eff !== '000000' && !isValidYYMMDD(eff)) {
    issues.tolerable(
      line,
      bh,
      'effectiveEntryDate',
      'effective-entry-date',
      `effective entry date "${eff}" is not a valid YYMMDD date`,
    );
  }
  const settlement = r.slice(75, 78);
  if (!isBlank(settlement) && !isDigits(settlement))
    issues.error(
      line,
      bh,
      'settlementDate',
      'numeric',
      `settlement date "${settlement}" must be blank or 3 digits`,
    );
  const status = r[78];
  if (status !== '0' && status !== '1' && status !== '2')
    issues.error(
      line,
      bh,
      'originatorStatusCode',
      'originator-status-code',
      `originator status code "${status}" must be 0, 1 or 2`,
    );
  if (!isDigits(r.slice(79, 87)))
    issues.error(
      line,
      bh,
      'odfiIdentification',
      'numeric',
      `ODFI identification "${r.slice(79, 87)}" must be 8 digits`,
    );
  if (!isDigits(r.slice(87, 94)))
    issues.error(
      line,
      bh,
      'batchNumber',
      'numeric',
      `batch number "${r.slice(87, 94)}" must be 7 digits`,
    );
}
